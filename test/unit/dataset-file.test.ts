/** Reading YAML and JSON data files: every hostile or broken input becomes a GovsimError naming the file. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode, GovsimDataError, GovsimError, GovsimMissingFileError } from '../../src/model/errors.js';
import { MAX_DATA_DEPTH, formatDataPath, parseDataFile, parseDataPath, readDataFile } from '../../src/dataset/data-file.js';
import { findPackageRoot, packageRoot } from '../../src/platform/package-root.js';

const dir = mkdtempSync(join(tmpdir(), 'govsim-data-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

function dataError(path: string): GovsimDataError {
  try {
    readDataFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(GovsimDataError);
    expect((error as GovsimDataError).exitCode).toBe(ExitCode.dataError);
    expect((error as GovsimDataError).message.startsWith(`${path}: `)).toBe(true);
    return error as GovsimDataError;
  }
  throw new Error(`${path} was accepted`);
}

/** Reads `path`, then deletes it: true unless reading threw something other than a GovsimError. */
function onlyGovsimErrors(path: string): boolean {
  try {
    readDataFile(path);
  } catch (error) {
    return error instanceof GovsimError;
  } finally {
    rmSync(path);
  }
  return true;
}

describe('readDataFile', () => {
  it('parses YAML and JSON (with or without a byte-order mark)', () => {
    expect(readDataFile(file('ok.yaml', 'a: 1\nb: [x, y]\n'))).toEqual({ a: 1, b: ['x', 'y'] });
    expect(readDataFile(file('ok.json', '\uFEFF{"a": [1, 2]}'))).toEqual({ a: [1, 2] });
    // Dates stay strings: the YAML 1.2 core schema has no timestamps.
    expect(readDataFile(file('date.yaml', 'd: 2024-02-05\n'))).toEqual({ d: '2024-02-05' });
  });

  it('reports a missing file as exit 66 and a directory as a data error', () => {
    expect(() => readDataFile(join(dir, 'nope.yaml'))).toThrow(GovsimMissingFileError);
    const sub = join(dir, 'sub.yaml');
    mkdirSync(sub);
    expect(dataError(sub).message).toMatch(/is a directory/);
  });

  it('rejects empty, oversized, binary and non-UTF-8 files', () => {
    expect(dataError(file('empty.yaml', '')).message).toMatch(/empty file/);
    expect(dataError(file('blank.yaml', ' \n\n')).message).toMatch(/empty file/);
    expect(dataError(file('big.yaml', `a: "${'x'.repeat(2 * 1024 * 1024)}"\n`)).message).toMatch(/limit is 2097152 \(2 MB\)/);
    expect(dataError(file('nul.yaml', 'a: 1\n\0\n')).message).toMatch(/binary file/);
    expect(dataError(file('latin1.yaml', Uint8Array.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]))).message).toMatch(/not valid UTF-8/);
  });

  it('gives the line and column of syntax errors', () => {
    expect(dataError(file('bad.json', '{\n  "a": 1,\n}\n')).message).toMatch(/JSON syntax \(line 3, column 1\)/);
    expect(dataError(file('bad.yaml', 'a: [1, 2\nb: 3\n')).message).toMatch(/YAML syntax \(line 2, column 1\)/);
    expect(dataError(file('two-docs.yaml', 'a: 1\n---\nb: 2\n')).message).toMatch(/YAML syntax \(line 2, column 1\): more than one document/);
  });

  it('rejects prototype-polluting keys in YAML and JSON, with their path', () => {
    expect(dataError(file('proto.json', '{"list": [{"__proto__": {"x": 1}}]}')).message).toContain('list[0].__proto__: forbidden key');
    expect(dataError(file('ctor.yaml', 'a:\n  constructor: 1\n')).message).toContain('a.constructor: forbidden key');
    expect(dataError(file('prototype.yaml', 'prototype: 1\n')).message).toContain('prototype: forbidden key');
  });

  it(`limits nesting to ${MAX_DATA_DEPTH} levels, and survives hostile depth`, () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(readDataFile(file('ok-depth.yaml', nested(MAX_DATA_DEPTH)))).toBeDefined();
    expect(dataError(file('deep.yaml', nested(MAX_DATA_DEPTH + 1))).message).toMatch(/nesting deeper than 64 levels/);
    expect(dataError(file('deep.json', nested(MAX_DATA_DEPTH + 1))).message).toMatch(/nesting deeper than 64 levels/);
    dataError(file('very-deep.yaml', nested(20_000)));
    dataError(file('very-deep.json', nested(200_000)));
  });

  it('rejects alias bombs (more than 100 alias resolutions)', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f'].entries()) {
      const previous = 'abcde'[i]!;
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    expect(dataError(file('bomb.yaml', `${levels.join('\n')}\n`)).message).toMatch(/Excessive alias count/);
  });

  it('never throws anything but a GovsimError, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('x.yaml', 'x.json'), (bytes, name) => onlyGovsimErrors(file(name, bytes))),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 120, unit: fc.constantFrom('[', ']', '{', '}', ':', ' ', '\n', '-', '&a', '*a', '"', 'x', '1', '!!', '#', '|') }), (text) => onlyGovsimErrors(file('y.yaml', text))),
      { numRuns: 300 },
    );
  });
});

describe('parseDataFile and paths', () => {
  it('locates schema issues by path, line and column', () => {
    const schema = z.object({ councils: z.array(z.object({ seats: z.int().min(0) }).strict()) }).strict();
    const path = file('schema.yaml', 'councils:\n  - seats: 3\n  - seats: -2\n  - seats: 1\n    extra: true\n');
    try {
      parseDataFile(path, schema);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GovsimDataError);
      const issues = (error as GovsimDataError).issues.map((issue) => `${issue.path}: ${issue.message}`);
      expect(issues).toHaveLength(2);
      expect(issues[0]).toMatch(/^councils\[1\]\.seats: .* \(line 3, column 12\)$/);
      expect(issues[1]).toMatch(/^councils\[2\]\.extra: unknown field \(line 5, column 5\)$/);
    }
  });

  it('formats paths like councils[3].lists[2].seats', () => {
    expect(formatDataPath(['councils', 3, 'lists', 2, 'seats'])).toBe('councils[3].lists[2].seats');
    expect(formatDataPath([0, 'a b'])).toBe('[0]["a b"]');
    expect(formatDataPath([])).toBe('');
  });

  it('reads such paths back into keys and indices', () => {
    expect(parseDataPath('councils[3].lists[2].seats')).toEqual(['councils', 3, 'lists', 2, 'seats']);
    expect(parseDataPath('shocks[0][12].units')).toEqual(['shocks', 0, 12, 'units']);
    expect(parseDataPath('[0]')).toEqual([0]);
    expect(parseDataPath('')).toEqual([]);
    // Not an index: kept whole, so the line lookup falls back to the nearest enclosing value.
    expect(parseDataPath('a.b[x]')).toEqual(['a', 'b[x]']);
    for (const path of [['probabilities', 'shocks', 1, 'p'], ['steps', 4, 'deal', 'parties', 0]]) {
      expect(parseDataPath(formatDataPath(path))).toEqual(path);
    }
  });
});

describe('package root', () => {
  it('is found from src/, dist/ and the bundle\'s directory, and nowhere else', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
    expect(findPackageRoot(join(root, 'src', 'scenarios'))).toBe(root);
    expect(findPackageRoot(join(root, 'dist', 'chunks'))).toBe(root);
    expect(packageRoot()).toBe(root);
    // A directory whose package.json belongs to another package does not count.
    const other = join(dir, 'other-package', 'lib');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(dir, 'other-package', 'package.json'), '{"name": "not-govsim"}');
    expect(findPackageRoot(other)).toBeUndefined();
  });
});
