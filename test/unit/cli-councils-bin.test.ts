/** Exit codes of the real, built CLI process (`node bin/govsim.cjs`). */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureBuilt, runBin } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'govsim-bin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(() => {
  ensureBuilt();
}, 180_000);

describe('govsim bin exit codes', () => {
  it('0: councils on a dataset directory, from another working directory', () => {
    const result = runBin(['councils', '--dataset', join(REPO_ROOT, 'test/fixtures/datasets/tiny'), '--format', 'csv'], { cwd: scratch });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe('northvale,Northvale,9,5,heron 4,5,yes,documented');
  });

  it('2: unknown seat set, with the valid names and no stack trace', () => {
    const result = runBin(['councils', '--seats', 'provisional']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^govsim: unknown seat set "provisional" \(dataset iraq-2023 has: final, /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('65: an invalid dataset, naming the file and path', () => {
    const dir = join(scratch, 'bad');
    cpSync(join(REPO_ROOT, 'test/fixtures/datasets/tiny'), dir, { recursive: true });
    cpSync(join(REPO_ROOT, 'test/fixtures/bad/negative-seats/councils/northvale.yaml'), join(dir, 'councils/northvale.yaml'));
    for (const args of [['validate', dir], ['councils', '--dataset', dir]]) {
      const result = runBin(args);
      expect(result.code).toBe(65);
      expect(result.stderr).toContain('councils/northvale.yaml: lists[1].seats: expected non-negative integer (line 9, column 28)');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('66: a missing file', () => {
    const result = runBin(['validate', join(scratch, 'absent.yaml')]);
    expect(result.code).toBe(66);
    expect(result.stderr).toMatch(/absent\.yaml: no such file or directory/);
  });

  it('65 beats 66 when one input is invalid and another missing', () => {
    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, '{"name": ');
    expect(runBin(['validate', join(scratch, 'absent.yaml'), broken]).code).toBe(65);
  });
});
