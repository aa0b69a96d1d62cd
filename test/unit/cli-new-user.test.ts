/**
 * The command line as a new user meets it: `govsim sources`, side by side, `run --council`, and
 * "did you mean" on unknown councils, step kinds, expectation councils and flags.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closest } from '../../src/model/suggest.js';
import { runCli } from '../helpers/cli.js';

describe('govsim sources', () => {
  it('najaf: seats, lists, the inferred faction split and the bloc, then the sources in full', async () => {
    const result = await runCli(['sources', 'najaf']);
    expect(result.code).toBe(0);
    // data/iraq-2023/councils/najaf.yaml: 15 general seats; nabni 3 (Shafaq), split badr 1 + aah 2 (inferred).
    expect(result.stdout).toMatch(/^seats +15 seats \(15 general \+ 0 quota\) +documented +shafaq-2023-12-28-final, zna-2023-12-28-final$/m);
    expect(result.stdout).toMatch(/^nabni factions +badr 1, aah 2 +inferred \(faction-split\) +hathalyoum-102110$/m);
    expect(result.stdout).toMatch(/^ {2}shafaq-2023-12-28-final: Shafaq News .* · 2023-12-28 · reliability high · https:\/\//m);
  });

  it('JSON carries the source ids of every figure and the sources they resolve to', async () => {
    const result = await runCli(['sources', 'maysan', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { figures: { subject: string; sources: string[] }[]; sources: { id: string }[] };
    const cited = new Set(report.figures.flatMap((figure) => figure.sources));
    expect(report.figures.some((figure) => figure.subject.startsWith('quota-'))).toBe(true);
    for (const id of cited) expect(report.sources.map((source) => source.id)).toContain(id);
  });

  it('without a council: the dataset\'s sources table', async () => {
    const result = await runCli(['sources', '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('id,publisher,date,reliability,url');
    expect(result.stdout).toContain('shafaq-2023-12-28-final,');
  });

  it('an unknown council is a usage error that suggests the near one', async () => {
    const result = await runCli(['sources', 'najf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown council "najf" (did you mean "najaf"?)');
    expect(closest('basrah', ['basra', 'babil', 'baghdad'])).toEqual(['basra']);
    expect(closest('zzzz', ['basra', 'babil'])).toEqual([]);
  });
});

describe('govsim diff --side-by-side', () => {
  it('two scenarios council by council and seat by seat, within the width', async () => {
    const result = await runCli(['diff', 'kirkuk-2024', '--side-by-side', '--width', '80']);
    expect(result.code).toBe(0);
    // kirkuk-2024: PUK + Qiyada + Ouroba + the Christian seat elect with 9 of 16 while 7 stay away.
    expect(result.stdout).toMatch(/^\* outcome +OPEN +│ ELECTED 0, governor$/m);
    expect(result.stdout).toMatch(/^\* arab-alliance +3 +│ 3 \(3 absent\)$/m);
    for (const line of result.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('one scenario at two seat sets; JSON carries both sides', async () => {
    const text = await runCli(['diff', 'baseline', '--seats', 'preliminary', '--width', '140']);
    // Baghdad's and Salah al-Din's CF blocs claim and fall short at both seat sets, at both seat sets:
    // their deadlocks differ in votes (24 vs 25 of 27; 2 vs 3 of 8); Karbala's seats alone differ.
    expect(text.stdout).toContain('2 councils with another outcome, 1 with other seats only');
    expect(text.stdout).toMatch(/^\* taqaddum +9 +│ 8$/m);
    const json = await runCli(['diff', 'baseline', '--seats', 'preliminary', '--format', 'json']);
    const view = JSON.parse(json.stdout) as { councils: { id: string; units: { id: string; left: { seats: number }; right: { seats: number } }[] }[] };
    const taqaddum = view.councils.find((council) => council.id === 'baghdad')!.units.find((unit) => unit.id === 'taqaddum')!;
    expect([taqaddum.left.seats, taqaddum.right.seats]).toEqual([9, 8]);
    expect((await runCli(['diff', 'baseline', '--seats', 'nonesuch'])).code).toBe(2);
  });
});

describe('run --council and "did you mean"', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'govsim-dym-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('run --council keeps only those councils; an unknown one is a usage error with a suggestion', async () => {
    const result = await runCli(['run', 'kirkuk-2024', '--council', 'kirkuk,najaf', '--format', 'csv']);
    expect(result.code).toBe(0);
    const rows = result.stdout.trim().split('\n').slice(1).map((line) => line.split(',')[1]);
    expect(rows).toEqual(['kirkuk', 'najaf']);
    const bad = await runCli(['run', 'kirkuk-2024', '--council', 'najf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown council "najf" (did you mean "najaf"?)');
    const flag = await runCli(['run', 'kirkuk-2024', '--councl', 'najaf']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('(Did you mean --council?)');
  });

  it('a batch reports every invalid file with a suggestion for each near miss, and writes nothing', async () => {
    const a = join(scratch, 'a.yaml');
    const b = join(scratch, 'b.yaml');
    const good = join(scratch, 'c.yaml');
    writeFileSync(a, 'name: a\nsteps:\n  - defcet: { council: najaf, from: wathiqoon, seats: 1, to: cf }\n');
    writeFileSync(b, 'name: b\nexpect:\n  - { council: najf, status: elected }\n');
    writeFileSync(good, 'name: c\nextends: baseline\n');
    const out = join(scratch, 'out.csv');
    const result = await runCli(['run', a, b, good, '--format', 'csv', '--out', out]);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('unknown step kind "defcet" (did you mean "defect"?)');
    expect(result.stderr).toContain('unknown council "najf" (did you mean "najaf"?)');
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
  });
});

describe('govsim completion', () => {
  it('bash: commands, seat sets after --seats, bundled scenarios, councils after sources (run in a real bash)', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = (await runCli(['completion', 'bash'])).stdout;
    const complete = (...words: string[]): string[] => {
      const program = `${script}\nCOMP_WORDS=(${words.map((word) => JSON.stringify(word)).join(' ')}); COMP_CWORD=${words.length - 1}; _govsim; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const result = spawnSync('bash', ['-c', program], { encoding: 'utf8', cwd: tmpdir() });
      expect(result.stderr).toBe('');
      return result.stdout.split('\n').filter((line) => line !== '');
    };
    expect(complete('govsim', 'sim')).toEqual(['simulate']);
    expect(complete('govsim', 'run', '--seats', 'pre')).toEqual(['preliminary']);
    expect(complete('govsim', 'run', 'kirk')).toEqual(['kirkuk-2024']);
    expect(complete('govsim', 'sources', 'na')).toEqual(['najaf']);
    expect(complete('govsim', 'run', '--coun')).toEqual(['--council']);
  });

  it('zsh and fish scripts carry the same words; an unknown shell is a usage error', async () => {
    const zsh = await runCli(['completion', 'zsh']);
    expect(zsh.stdout).toContain('bashcompinit');
    const fish = await runCli(['completion', 'fish']);
    expect(fish.stdout).toMatch(/complete -c govsim -l seats -x -a "final ihec-final preliminary/);
    expect(fish.stdout).toContain('badr-sadr-najaf-maysan');
    const bad = await runCli(['completion', 'bassh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('(did you mean "bash"?)');
  });
});

describe('JSON results carry source ids', () => {
  it('run --format json: councilSources per council, each id in the dataset\'s sources table', async () => {
    const result = await runCli(['run', 'kirkuk-2024', '--format', 'json']);
    const json = JSON.parse(result.stdout) as { results: { councilSources: Record<string, string[]> }[] };
    const najaf = json.results[0]!.councilSources.najaf!;
    // najaf.yaml: seats and lists from Shafaq 28 Dec 2023 (and ZNA), the faction split from hathalyoum-102110.
    expect(najaf).toEqual(expect.arrayContaining(['shafaq-2023-12-28-final', 'zna-2023-12-28-final', 'hathalyoum-102110']));
    const table = JSON.parse((await runCli(['sources', '--format', 'json'])).stdout) as { id: string }[];
    for (const id of Object.values(json.results[0]!.councilSources).flat()) expect(table.map((source) => source.id)).toContain(id);
  });
});
