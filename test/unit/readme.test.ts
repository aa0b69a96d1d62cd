/**
 * The README's first command is the project's front door: run its effect through the built bin
 * (`node bin/govsim.cjs`, as `npx govsim` would) and check what it promises.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureBuilt, runBin } from '../helpers/cli.js';

interface CouncilsJson {
  councils: { id: string; seats: number }[];
  totals: { seats: number; byList: Record<string, number> };
}

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
/** `npx govsim councils` from the first ```sh block, without `npx govsim`. */
const firstCommand = /```sh\n([^\n]*)/.exec(readme)?.[1] ?? '';
const govsimArgs = /npx govsim ([^&;|]*)/.exec(firstCommand)?.[1]?.trim().split(/\s+/) ?? [];

beforeAll(() => {
  ensureBuilt();
}, 180_000);

describe('README first command', () => {
  it('is `npx govsim councils`', () => {
    expect(govsimArgs).toEqual(['councils']);
  });

  it('prints the 15 councils, 285 seats in all', () => {
    const result = runBin([...govsimArgs, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as CouncilsJson;
    expect(report.councils).toHaveLength(15);
    expect(report.councils.reduce((sum, council) => sum + council.seats, 0)).toBe(285);
    expect(report.totals.seats).toBe(285);
  });

  it('with --seats preliminary, gives Nabni + State of Law + NSF = 101 (Reuters, 20 Dec 2023)', () => {
    const result = runBin([...govsimArgs, '--seats', 'preliminary', '--format', 'json']);
    expect(result.code).toBe(0);
    const { byList } = (JSON.parse(result.stdout) as CouncilsJson).totals;
    expect(byList['nabni']! + byList['state-of-law']! + byList['nsf']!).toBe(101);
  });

  it('prints a readable table by default, ending with the legend', () => {
    const result = runBin(govsimArgs);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^id\s+council\s+seats\s+majority/);
    const last = result.stdout.trimEnd().split('\n').slice(-4);
    expect(last[0]).toMatch(/^~ inferred/);
    expect(last[1]).toMatch(/^\? includes unresolved seats/);
    expect(last[3]).toMatch(/^≈ fitted /);
  });
});
