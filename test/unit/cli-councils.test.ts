/** `govsim councils` and `govsim validate`, run in-process through main(argv). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyInput, registerValidator } from '../../src/cli/commands/validate.js';
import { GovsimDataError } from '../../src/model/errors.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const TINY = join(REPO_ROOT, 'test', 'fixtures', 'datasets', 'tiny');
const IRAQ = join(REPO_ROOT, 'data', 'iraq-2023');
const scratch = mkdtempSync(join(tmpdir(), 'govsim-cli-councils-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface CouncilsJson {
  dataset: string;
  seats: string;
  councils: { id: string; name: string; nameAr: string; seats: number; general: number; quota: number; majority: number; confidence: string; lists: { id: string; seats: number; blocs: string[]; confidence: string }[]; bloc: { seats: number; majorityAlone: boolean } }[];
  totals: { seats: number; general: number; quota: number; byBloc: Record<string, number>; byList: Record<string, number> };
  published: { id: string; matches: boolean }[];
}

async function councilsJson(...args: string[]): Promise<CouncilsJson> {
  const result = await runCli(['councils', '--format', 'json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as CouncilsJson;
}

describe('govsim councils', () => {
  it('prints the 15 councils as JSON, summing to 285 = 275 + 10', async () => {
    const report = await councilsJson();
    expect(report.dataset).toBe('iraq-2023');
    expect(report.seats).toBe('final');
    expect(report.councils).toHaveLength(15);
    expect(report.councils.reduce((sum, c) => sum + c.seats, 0)).toBe(285);
    expect(report.councils.reduce((sum, c) => sum + c.general, 0)).toBe(275);
    expect(report.councils.reduce((sum, c) => sum + c.quota, 0)).toBe(10);
    expect([report.totals.seats, report.totals.general, report.totals.quota]).toEqual([285, 275, 10]);
    for (const council of report.councils) {
      expect(council.majority).toBe(Math.floor(council.seats / 2) + 1);
      expect(council.lists.reduce((sum, l) => sum + l.seats, 0)).toBe(council.general);
    }
    expect(report.published.every((check) => check.matches)).toBe(true);
  });

  it('reports Najaf\'s CF majority and Basra\'s Tasmim as the largest list', async () => {
    const { councils } = await councilsJson();
    const najaf = councils.find((c) => c.id === 'najaf')!;
    // nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 >= 8
    expect(najaf.bloc).toEqual({ id: 'cf', seats: 9, majorityAlone: true, confidence: 'documented' });
    expect(councils.find((c) => c.id === 'basra')).toMatchObject({ nameAr: 'البصرة', largest: { id: 'tasmim', seats: 12 } });
  });

  it('--seats preliminary gives the CF big three 101; final gives 102', async () => {
    const sum = (totals: CouncilsJson['totals']) => totals.byList['nabni']! + totals.byList['state-of-law']! + totals.byList['nsf']!;
    expect(sum((await councilsJson('--seats', 'preliminary')).totals)).toBe(101);
    expect(sum((await councilsJson()).totals)).toBe(102);
  });

  it('table: flags inferred (~) and unresolved (?) figures and ends with the national line and legend', async () => {
    const { code, stdout } = await runCli(['councils']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const row = (id: string) => lines.find((line) => line.startsWith(`${id} `))!;
    expect(row('wasit')).toMatch(/\b16~\s+9~\s+wasit-ajmal 8~/);
    expect(row('dhiqar')).toMatch(/nabni 5~\s+10\?\s+yes\?\s+unresolved/);
    expect(row('baghdad')).not.toMatch(/[~?]/);
    // 102 matches because the reconstruction was reconciled with it: fitted, never a ✓.
    expect(stdout).toMatch(/CF big three \(Nabni \+ State of Law \+ NSF\): 102~ \(published 102 ≈ fitted \(sainte-lague-reconstruction\)/);
    expect(stdout).not.toMatch(/102~ \(published 102 ✓/);
    // Taqaddum's 21 adds up documented seats only (Baghdad 8 + Anbar 6 + Nineveh 2 + Diyala 3 + Salah al-Din 2).
    expect(stdout).toMatch(/Taqaddum: 21 \(published 21 ✓ confirmed/);
    expect(stdout).toMatch(/^~ inferred/m);
    expect(stdout).toMatch(/^\? includes unresolved seats/m);
  });

  it('renders CSV and Markdown', async () => {
    const csv = await runCli(['councils', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('id,council,seats,majority,largest list,cf seats,cf alone has majority,confidence');
    expect(csv.stdout.trim().split('\n')).toHaveLength(16);
    const md = await runCli(['councils', '--format', 'md', '--seats', 'preliminary']);
    expect(md.stdout).toMatch(/^\| id \| council \|/);
    expect(md.stdout).toMatch(/- CF big three \(Nabni \+ State of Law \+ NSF\): 101~ \(published 101 ≈ fitted/);
  });

  it('--national: fitted and confirmed matches apart, in table, CSV, Markdown and JSON', async () => {
    // Fitted: Wasit's size came from 275 by subtraction (so 275 and 285 are fitted to it), and the
    // reconstruction of Karbala, Wasit, Dhi Qar and Maysan was reconciled with Nabni 43, State of Law 35,
    // NSF 24 and so with 102. Confirmed: the quota 10 and the lists that sit only in documented councils.
    const fitted = ['total-seats', 'total-general', 'cf-big-three-final', 'nabni', 'state-of-law', 'nsf-final'];
    const confirmed = ['total-quota', 'taqaddum-final', 'siyada', 'azm', 'tasmim', 'kurdish-parties'];
    const csv = (await runCli(['councils', '--national', '--format', 'csv'])).stdout.trim().split('\n');
    expect(csv[0]).toBe('figure,label,published,computed,matches,kind,fitted by,source');
    const kindOf = new Map(csv.slice(1).map((line) => [line.split(',')[0], line.split(',')[5]]));
    for (const id of fitted) expect(kindOf.get(id), id).toBe('fitted');
    for (const id of confirmed) expect(kindOf.get(id), id).toBe('confirmed');
    expect(csv).toHaveLength(1 + fitted.length + confirmed.length);
    const md = (await runCli(['councils', '--national', '--format', 'md'])).stdout;
    expect(md).toMatch(/\| tasmim \| Tasmim \| 12 \| 12 \| yes \| confirmed \|/);
    expect(md).toMatch(/\| nabni \| Nabni \| 43 \| 43~ \| yes \| fitted \| sainte-lague-reconstruction \|/);
    const json = JSON.parse((await runCli(['councils', '--national', '--format', 'json'])).stdout) as { published: { id: string; kind: string; fittedBy: string[] }[] };
    expect(json.published.find((check) => check.id === 'total-general')).toMatchObject({ kind: 'fitted', fittedBy: ['subtraction'] });
    const full = await councilsJson();
    expect((full as unknown as { published: { id: string; kind: string }[] }).published.find((check) => check.id === 'kurdish-parties')?.kind).toBe('confirmed');
  });

  it('an alternative seat set shows where it departs from the figures the best estimate was fitted to', async () => {
    // dhiqar-nabni-4-sol-4: Nabni 43 - 1 = 42 and State of Law 35 + 1 = 36; the big three stay 102.
    const { stdout } = await runCli(['councils', '--seats', 'dhiqar-nabni-4-sol-4']);
    expect(stdout).toMatch(/^Nabni: 42~ \(published 43 for ihec-final, final, preliminary, not for this seat set\)/m);
    expect(stdout).toMatch(/^State of Law: 36~ \(published 35 for ihec-final, final, preliminary, not for this seat set\)/m);
  });

  it('runs on another dataset directory (--dataset ./test/fixtures/datasets/tiny)', async () => {
    const report = await councilsJson('--dataset', './test/fixtures/datasets/tiny');
    expect(report.dataset).toBe('tiny');
    expect(report.councils.map((c) => [c.id, c.seats, c.majority])).toEqual([['northvale', 9, 5], ['southmere', 7, 4]]);
    const recount = await councilsJson('--dataset', TINY, '--seats', 'recount');
    // Recount: badger 4 -> 3, otter 1 -> 2, so the river bloc (heron 4 + otter) has 6 of 9 in Northvale.
    expect(recount.councils[0]!.bloc).toMatchObject({ seats: 6, majorityAlone: true });
  });

  it('writes --out atomically', async () => {
    const out = join(scratch, 'nested', 'councils.json');
    const result = await runCli(['councils', '--format', 'json', '--out', out]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect((JSON.parse(readFileSync(out, 'utf8')) as CouncilsJson).councils).toHaveLength(15);
  });

  it.each([
    [['councils', '--format', 'xml'], 2, /unknown format "xml"/],
    [['councils', '--seats', 'provisional'], 2, /unknown seat set "provisional" \(dataset iraq-2023 has: final, ihec-final, preliminary/],
    [['councils', '--dataset', 'atlantis'], 2, /unknown dataset "atlantis" \(bundled datasets: iraq-2023/],
    [['councils', '--dataset', './no/such/dir'], 66, /no\/such\/dir: no such file or directory/],
    [['councils', '--bogus'], 2, /unknown option/],
  ] as const)('%j exits %i', async (args, code, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('govsim validate', () => {
  it('prints ok per valid dataset (directory, dataset.yaml, a council file, bundled name)', async () => {
    const inputs = [IRAQ, join(IRAQ, 'dataset.yaml'), join(IRAQ, 'councils', 'kirkuk.yaml'), 'iraq-2023', TINY];
    const result = await runCli(['validate', ...inputs]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(inputs.length);
    inputs.forEach((input, i) => expect(lines[i]!.startsWith(`ok ${input} (dataset `)).toBe(true));
  });

  it('exits 66 for a missing path and 65 when anything is invalid', async () => {
    const missing = await runCli(['validate', TINY, join(scratch, 'missing.yaml')]);
    expect(missing.code).toBe(66);
    expect(missing.stdout).toMatch(/^ok /);
    expect(missing.stderr).toMatch(/missing\.yaml: no such file or directory/);

    const broken = join(scratch, 'broken.yaml');
    writeFileSync(broken, 'name: x\nsteps: [\n');
    const invalid = await runCli(['validate', join(scratch, 'missing.yaml'), broken]);
    expect(invalid.code).toBe(65);
    expect(invalid.stderr).toMatch(/broken\.yaml: YAML syntax \(line 3/);
  });

  it('classifies inputs: datasets and their member files, scenario files, directories of scenarios', () => {
    expect(classifyInput(IRAQ)).toEqual([{ input: IRAQ, kind: 'dataset', target: IRAQ }]);
    expect(classifyInput(join(IRAQ, 'outcomes-2024.yaml'))[0]).toMatchObject({ kind: 'dataset', target: IRAQ });
    expect(classifyInput(join(IRAQ, 'councils', 'wasit.yaml'))[0]).toMatchObject({ kind: 'dataset', target: IRAQ });
    expect(classifyInput(join(REPO_ROOT, 'scenarios', 'baseline.yaml'))[0]).toMatchObject({ kind: 'scenario' });
    const scenarios = classifyInput(join(REPO_ROOT, 'scenarios'));
    expect(scenarios.length).toBeGreaterThan(5);
    expect(scenarios.every((item) => item.kind === 'scenario')).toBe(true);
  });

  it('dispatches each kind to its registered validator', async () => {
    const seen: string[] = [];
    const original = registerValidator('scenario', (path) => {
      seen.push(path);
      if (path.endsWith('bad.yaml')) throw new GovsimDataError(path, [{ path: 'steps[0]', message: 'rejected by the test validator' }]);
      return 'checked by the test validator';
    });
    const good = join(scratch, 'good.yaml');
    const bad = join(scratch, 'bad.yaml');
    writeFileSync(good, 'name: g\nsteps: []\n');
    writeFileSync(bad, 'name: b\nsteps: []\n');
    try {
      const result = await runCli(['validate', good, bad]);
      expect(seen).toEqual([good, bad]);
      expect(result.stdout).toBe(`ok ${good} (checked by the test validator)\n`);
      expect(result.stderr).toContain(`${bad}: steps[0]: rejected by the test validator`);
      expect(result.code).toBe(65);
    } finally {
      registerValidator('scenario', original!);
    }
  });
});
