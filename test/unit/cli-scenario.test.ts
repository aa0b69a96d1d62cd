/** The scenario commands end to end, in process: run, diff, check, scenarios, schema, validate. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchJsonChunks, renderRuns, runJson } from '../../src/cli/commands/run.js';
import { runScenario } from '../../src/scenarios/runner.js';
import { bundledScenarioNames, loadScenario } from '../../src/scenarios/scenario-loader.js';
import { runCli } from '../helpers/cli.js';

/** The bundled scenarios as the directory holds them, independent of the loader's own listing. */
const BUNDLED_FILES = readdirSync(new URL('../../scenarios/', import.meta.url)).filter((file) => file.endsWith('.yaml')).sort();
const REPLAY_FILES = readdirSync(new URL('../../scenarios/replays/', import.meta.url)).filter((file) => file.endsWith('.yaml'));

const temp = mkdtempSync(join(tmpdir(), 'govsim-cli-scenario-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface RunJson {
  schemaVersion: number;
  results: {
    scenario: string;
    file: string;
    councils: {
      id: string;
      seats: number;
      majority: number;
      present: number;
      quorum: { needed: number; present: number; met: boolean };
      group: string;
      groupSource: string;
      outcome: { status: string; governorFrom: string | null; coalition: string[]; votes: number; margin: number | null };
      pivotal: string[];
      hinge: string[];
      explanation: { text: string }[];
    }[];
  }[];
}

describe('govsim run', () => {
  it('prints the documented JSON shape for a bundled scenario', async () => {
    const result = await runCli(['run', 'kirkuk-2024', '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as RunJson;
    const kirkuk = json.results[0]!.councils.find((council) => council.id === 'kirkuk')!;
    // Kirkuk 2024: 16 members, majority 9, 9 present; PUK list 5 + Qiyada 2 + Ouroba 1 + Babylon 1 = 9.
    expect(kirkuk).toMatchObject({ seats: 16, majority: 9, present: 9, quorum: { needed: 9, present: 9, met: true }, group: 'C', groupSource: 'derived' });
    expect(kirkuk.outcome).toMatchObject({ status: 'elected', governorFrom: 'puk-kirkuk', votes: 9, margin: 0 });
    expect(kirkuk.hinge.some((line) => line.includes('absent') && line.includes('quorum lost'))).toBe(true);
    expect(kirkuk.explanation[0]!.text).toMatch(/^changed by step 1 `absent` \(source: 964-23137/);
    expect(json.results[0]!.councils).toHaveLength(15);
  });

  it('runs a directory and table output shows the group with its label', async () => {
    const result = await runCli(['run', 'test/fixtures/scenarios/good', '--format', 'csv']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('scenario,council,seats,majority,present,group,status,confidence,governor from,coalition,votes,margin,pivotal,hinges,changed by');
    // 5 scenarios × 15 councils + header.
    expect(lines).toHaveLength(76);
    // Wasit rests on Ajmal's estimated 8 seats: inferred.
    expect(result.stdout).toContain('relative-extends,wasit,16,9,16,B (derived),deadlock,inferred');
    // two-thirds.yaml: rules.majority "ceil(2*members/3)" makes Najaf's threshold 10 of 15.
    expect(result.stdout).toContain('two-thirds,najaf,15,10,15,B (derived),deadlock');
  });

  it('writes atomically with --out, and nothing at all when an input is invalid', async () => {
    const out = join(temp, 'run.json');
    const ok = await runCli(['run', 'baseline', '--format', 'json', '--out', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as RunJson).results[0]!.scenario).toContain('Baseline');
    const bad = join(temp, 'bad.json');
    const failed = await runCli(['run', 'baseline', 'test/fixtures/scenarios/bad/unknown-unit.yaml', '--format', 'json', '--out', bad]);
    expect(failed.code).toBe(65);
    expect(failed.stderr).toContain('steps[3].defect.from: unknown unit "wathiqon"');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(bad)).toBe(false);
  });

  it('reports every invalid file of a batch', async () => {
    const result = await runCli(['run', 'test/fixtures/scenarios/bad/two-deals.yaml', 'test/fixtures/scenarios/bad/split-sum.yaml']);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('two-deals.yaml: steps[1].deal.parties[1]');
    expect(result.stderr).toContain('split-sum.yaml: steps[0].split.into');
  });

  it('exit codes: 66 for a missing file, 2 for a bad format', async () => {
    expect((await runCli(['run', 'test/fixtures/scenarios/none.yaml'])).code).toBe(66);
    expect((await runCli(['run', 'baseline', '--format', 'xml'])).code).toBe(2);
  });

  it('accepts globs', async () => {
    const result = await runCli(['run', 'test/fixtures/scenarios/good/*.json', '--format', 'json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as RunJson).results.map((entry) => entry.scenario)).toEqual(['json scenario']);
  });
});

describe('batch JSON, serialised per scenario with shared councils made once', () => {
  it('is byte for byte JSON.stringify of the runs, first and second time (councils memoised)', () => {
    const scenarios = bundledScenarioNames().map((name) => loadScenario(name));
    const runs = scenarios.map(runScenario);
    // Untouched councils are shared frozen results: the memo is really exercised.
    expect(runs.some((run) => run.councils.some((council) => Object.isFrozen(council)))).toBe(true);
    for (let pass = 0; pass < 2; pass++) {
      for (const run of runs) expect(runJson(run)).toBe(JSON.stringify(run));
      expect(batchJsonChunks(scenarios, runScenario).join('')).toBe(renderRuns(runs, 'json'));
    }
  });
});

describe('govsim check', () => {
  it('every bundled scenario\'s expectations hold', async () => {
    const result = await runCli(['check', 'scenarios']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The bundled scenarios and the 2024 replays in scenarios/replays.
    expect(result.stdout).toMatch(new RegExp(`all \\d+ expectations hold in ${BUNDLED_FILES.length + REPLAY_FILES.length} scenarios`));
  });

  it('a failing expectation exits 1 and shows the arithmetic', async () => {
    const result = await runCli(['check', 'test/fixtures/scenarios/good/failing-expectation.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ najaf (expect[0])');
    expect(result.stdout).toContain('✗ status: expected deadlock, got elected');
    expect(result.stdout).toContain('✓ votes: 9');
    expect(result.stdout).toContain('arithmetic: bloc cf: nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 ≥ 8 ⇒ elected; alone: wafaa 2, idraak 1, wathiqoon 1, qiyam 1, madar 1 (each < 8); ⇒ bloc cf elected, margin 1');
    expect(result.stdout).toContain('1 of 1 expectations failed');
  });
});

describe('govsim diff', () => {
  it('shows per-council changes and the causing step', async () => {
    const result = await runCli(['diff', 'wasit-one-seat', '--format', 'json']);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout) as { councils: { id: string; changes: { field: string; before: string; after: string }[]; causes: { step: string; text: string }[] }[] };
    // Baseline: every CF council elected by the bloc (Wasit: CF 7 < 9, a failed claim ⇒ deadlock);
    // wasit-one-seat declares no bloc, so the CF councils open up.
    const wasit = diff.councils.find((council) => council.id === 'wasit')!;
    expect(wasit.changes).toContainEqual({ field: 'status', before: 'deadlock', after: 'elected' });
    expect(wasit.causes[0]).toMatchObject({ step: 'step 1', text: expect.stringContaining('deal ajmal-feyli') });
    const najaf = diff.councils.find((council) => council.id === 'najaf')!;
    expect(najaf.changes).toContainEqual({ field: 'status', before: 'elected', after: 'open' });
  });

  it('takes a directory: each file against the baseline', async () => {
    const result = await runCli(['diff', 'scenarios/replays', '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { diffs: { to: string; councils: { id: string }[] }[] };
    expect(json.diffs).toHaveLength(15);
    // Diyala's replay against the baseline: the CF bloc's claim (diyalna 4 < 8) gives way to the State of Law deal.
    expect(json.diffs.find((diff) => diff.to === 'diyala')!.councils.map((council) => council.id)).toContain('diyala');
  });

  it('against a scenario that extends it, only the new steps are causes', async () => {
    const result = await runCli(['diff', 'khamenei-bar', '--against', 'baseline']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('najaf');
    expect(result.stdout).not.toContain('baseline step 1');
    // Najaf: baseline governor nabni (nabni 3 = state-of-law 3, nabni first); after the split, state-of-law 3 is the largest.
    expect(result.stdout).toMatch(/governorFrom\s+nabni → state-of-law/);
  });
});

describe('govsim scenarios, schema, validate', () => {
  it('lists the bundled scenarios', async () => {
    const result = await runCli(['scenarios', '--format', 'json']);
    const json = JSON.parse(result.stdout) as { scenarios: { name: string; description: string }[] };
    expect(json.scenarios.map((entry) => `${entry.name}.yaml`).sort()).toEqual(BUNDLED_FILES);
    expect(json.scenarios.every((entry) => entry.description.length > 10)).toBe(true);
  });

  it('prints the JSON Schema', async () => {
    const result = await runCli(['schema']);
    const schema = JSON.parse(result.stdout) as { $schema: string };
    expect(schema.$schema).toContain('2020-12');
  });

  it('validates scenario files', async () => {
    const good = await runCli(['validate', 'scenarios/kirkuk-2024.yaml']);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('ok scenarios/kirkuk-2024.yaml');
    const bad = await runCli(['validate', 'test/fixtures/scenarios/bad/governor-unknown.yaml']);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain('steps[0].deal.governor');
  });

  it('a hand-written file with a step error is reported with its path', async () => {
    const file = join(temp, 'x.yaml');
    writeFileSync(file, 'name: x\nsteps:\n  - absent: { council: kirkuk, units: [kdp], seats: 3 }\n');
    const result = await runCli(['check', file]);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('steps[0].absent.seats: "kdp" has 2 members present in council kirkuk; cannot mark 3 absent');
  });
});
