/**
 * The JSON check (duplicate keys, numbers a double cannot hold) and the per-process dataset registry:
 * exact problems, paths and offsets, and which references share one load.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonProblem } from '../../src/dataset/json-check.js';
import { loadNamedDataset } from '../../src/dataset/dataset-registry.js';
import { REPO_ROOT } from '../helpers/cli.js';

const TINY = join(REPO_ROOT, 'test', 'fixtures', 'datasets', 'tiny');
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory holding a copy of the tiny dataset as `ds/` (fresh, so no earlier load is cached). */
function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govsim-registry-'));
  temporary.push(dir);
  cpSync(TINY, join(dir, 'ds'), { recursive: true });
  return dir;
}

describe('jsonProblem', () => {
  it('accepts the largest finite double and rejects the next decimal past it', () => {
    // Number.MAX_VALUE is 1.7976931348623157e308; ...159e308 rounds up to Infinity.
    expect(jsonProblem('1.7976931348623157e308')).toBeUndefined();
    expect(jsonProblem('1.7976931348623159e308')).toEqual({ path: [], message: 'number 1.7976931348623159e308 is too large for a double', offset: 0 });
  });

  it('accepts the smallest subnormal and rejects a smaller number that would read as 0', () => {
    // Number.MIN_VALUE is about 4.94e-324; anything under half of it (2.47e-324) rounds to 0.
    expect(jsonProblem('5e-324')).toBeUndefined();
    expect(jsonProblem('2e-324')).toEqual({ path: [], message: 'number 2e-324 is too small for a double: it would read as 0', offset: 0 });
  });

  it('reads a number from its first digit, whether 0, 9 or a minus sign', () => {
    // Starting the literal one character late would report "1e-400" or "400" (harmless) instead.
    expect(jsonProblem('0.1e-400')).toEqual({ path: [], message: 'number 0.1e-400 is too small for a double: it would read as 0', offset: 0 });
    expect(jsonProblem('9e400')).toEqual({ path: [], message: 'number 9e400 is too large for a double', offset: 0 });
    expect(jsonProblem('-1e400')).toEqual({ path: [], message: 'number -1e400 is too large for a double', offset: 0 });
  });

  it('counts array elements in the path', () => {
    // "[0,0,1e400]": the literal starts at offset 5 and is element 2.
    expect(jsonProblem('[0,0,1e400]')).toEqual({ path: [2], message: 'number 1e400 is too large for a double', offset: 5 });
  });

  it('leaves a closed array or object, so later elements and keys belong to the outer one', () => {
    // "[[0],1e400]": the outer array's element 1, starting at offset 5.
    expect(jsonProblem('[[0],1e400]')).toEqual({ path: [1], message: 'number 1e400 is too large for a double', offset: 5 });
    // The outer "b" is not the inner "b" again.
    expect(jsonProblem('{"a":{"b":1},"b":2}')).toBeUndefined();
  });

  it('names a duplicate key by its full path and its offset', () => {
    // The second "k" opens at offset 13: {"x":[{"k":1, is 13 characters.
    expect(jsonProblem('{"x":[{"k":1,"k":2}]}')).toEqual({ path: ['x', 0, 'k'], message: 'duplicate key "k"', offset: 13 });
  });

  it('takes a string value for a value, not a key, and skips what is inside strings', () => {
    expect(jsonProblem('{"a":"a"}')).toBeUndefined();
    expect(jsonProblem('{"a":"1e400 {[ \\" 1e400"}')).toBeUndefined();
  });

  it('ends the scan at the end of text cut off inside a string (not JSON) instead of running on', () => {
    expect(jsonProblem('["abc')).toBeUndefined();
  });
});

describe('loadNamedDataset', () => {
  it('resolves a relative reference from cwd, and loads it once', () => {
    const dir = root();
    const first = loadNamedDataset('ds', dir);
    expect(first.dir).toBe(join(dir, 'ds'));
    expect(loadNamedDataset('ds', dir)).toBe(first);
  });

  it('keeps the same relative reference from two directories apart', () => {
    const a = root();
    const b = root();
    expect(loadNamedDataset('ds', a).dir).toBe(join(a, 'ds'));
    expect(loadNamedDataset('ds', b).dir).toBe(join(b, 'ds'));
  });

  it('reuses a loaded directory when an absolute reference names it', () => {
    const dir = root();
    const loaded = loadNamedDataset('ds', dir);
    expect(loadNamedDataset(join(dir, 'ds'))).toBe(loaded);
  });

  it('shares one load between no cwd and an empty cwd, which both mean the process directory', () => {
    const ref = relative(process.cwd(), join(root(), 'ds'));
    const loaded = loadNamedDataset(ref);
    expect(loadNamedDataset(ref, '')).toBe(loaded);
  });
});
