/**
 * Expanding scenario inputs (src/scenarios/batch.ts): which files a directory walk collects and in what
 * order, the limits on globs and on the walk, how a directory that cannot be read is reported, and the
 * exit code of several failures at once. Walks run in real temporary directories; the few cases the
 * disk cannot stage cheaply (a permission error while tests run as root, 200 000 entries) go through
 * `readdirSync`, swapped for one call and restored.
 */
import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, GovsimDataError, GovsimMissingFileError, GovsimUsageError } from '../../src/model/errors.js';
import { expandInputs, GovsimBatchError, globMatcher } from '../../src/scenarios/batch.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govsim-batch-a-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Creates empty files (and their directories) under `dir`. */
function files(...paths: string[]): void {
  for (const path of paths) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), '');
  }
}

const realReaddir = fs.readdirSync;

/**
 * Runs `body` with `readdirSync` replaced by `fake` (given the real one); `syncBuiltinESMExports` makes
 * the named import in batch.ts see the swap, and the real function is back before this returns.
 */
function withReaddir<T>(fake: (path: string, real: typeof realReaddir) => unknown, body: () => T): T {
  (fs as { readdirSync: unknown }).readdirSync = (path: string) => fake(path, realReaddir);
  syncBuiltinESMExports();
  try {
    return body();
  } finally {
    fs.readdirSync = realReaddir;
    syncBuiltinESMExports();
  }
}

/** The error `body` throws (fails the test when it throws nothing). */
function thrown(body: () => unknown): Error {
  try {
    body();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('the directory walk', () => {
  it('collects .yaml, .yml and .json files, recursively, and nothing else', () => {
    files('s/a.yaml', 's/b.yml', 's/c.json', 's/d/e.yaml', 's/notes.txt', 's/README');
    expect(expandInputs(['s'], dir)).toEqual(['s/a.yaml', 's/b.yml', 's/c.json', 's/d/e.yaml'].map((f) => join(dir, f)));
  });

  it('skips hidden entries and node_modules, but not a name that merely contains node_modules', () => {
    files('s/.hidden.yaml', 's/.git/x.yaml', 's/node_modules/y.yaml', 's/a.yaml', 's/my_node_modules/z.yaml');
    expect(expandInputs(['s'], dir)).toEqual(['s/a.yaml', 's/my_node_modules/z.yaml'].map((f) => join(dir, f)));
  });

  it('returns each directory in name order whatever order the system lists it in', () => {
    files('s/a.yaml', 's/b.yaml', 's/c.yaml');
    // The system's listing reversed: c, b, a. The walk sorts it back.
    const found = withReaddir(
      (path, real) => real(path, { withFileTypes: true }).sort((x, y) => y.name.localeCompare(x.name)),
      () => expandInputs(['s'], dir),
    );
    expect(found).toEqual(['s/a.yaml', 's/b.yaml', 's/c.yaml'].map((f) => join(dir, f)));
  });
});

describe('a directory the walk cannot read', () => {
  /** expandInputs(['s']) where reading s/locked fails with `failure`. */
  function unreadable(failure: Error): Error {
    files('s/a.yaml', 's/locked/b.yaml');
    const locked = join(dir, 's', 'locked');
    return withReaddir(
      (path, real) => {
        if (path === locked) throw failure;
        return real(path, { withFileTypes: true });
      },
      () => thrown(() => expandInputs(['s'], dir)),
    );
  }
  const failing = (code: string | undefined): Error => Object.assign(new Error(`readdir failed (${code})`), code === undefined ? {} : { code });

  it('is a data error naming it as the input named it, with the cause kept', () => {
    const cause = failing('EACCES');
    const error = unreadable(cause);
    expect(error).toBeInstanceOf(GovsimDataError);
    expect((error as GovsimDataError).exitCode).toBe(ExitCode.dataError);
    expect((error as GovsimDataError).file).toBe(join('s', 'locked'));
    expect((error as GovsimDataError).issues).toEqual([{ path: '', message: 'cannot read directory: permission denied' }]);
    expect(error.message).toBe('s/locked: cannot read directory: permission denied');
    expect(error.cause).toBe(cause);
  });

  it('says why: permission denied (EACCES or EPERM), no such directory (ENOENT), else the code or the error', () => {
    expect(unreadable(failing('EPERM')).message).toBe('s/locked: cannot read directory: permission denied');
    rmSync(join(dir, 's'), { recursive: true });
    expect(unreadable(failing('ENOENT')).message).toBe('s/locked: cannot read directory: no such directory');
    rmSync(join(dir, 's'), { recursive: true });
    expect(unreadable(failing('EIO')).message).toBe('s/locked: cannot read directory: EIO');
    rmSync(join(dir, 's'), { recursive: true });
    // No code at all: String(new Error('readdir failed (undefined)')).
    expect(unreadable(failing(undefined)).message).toBe('s/locked: cannot read directory: Error: readdir failed (undefined)');
  });
});

describe('the directory a glob searches, as messages name it', () => {
  /** The error of expandInputs([pattern]) when reading `failingDir` is refused. */
  function refused(pattern: string, failingDir: string): Error {
    return withReaddir(
      (path, real) => {
        if (path === failingDir) throw Object.assign(new Error('readdir failed'), { code: 'EACCES' });
        return real(path, { withFileTypes: true });
      },
      () => thrown(() => expandInputs([pattern], dir)),
    );
  }

  it('a pattern without a slash searches the working directory, named "."', () => {
    expect(refused('*.yaml', dir).message).toBe('.: cannot read directory: permission denied');
  });

  it('a pattern right after the root searches it, named "/"', () => {
    // The walk is stopped at its first read, so nothing below / is listed.
    expect(refused('/*.yaml', '/').message).toBe('/: cannot read directory: permission denied');
  });
});

describe('the walk budget of 200000 entries per input', () => {
  /** expandInputs(['s']) with `pad` hidden entries listed in s besides the real a.yaml and sub/ (sub holds b.yaml). */
  function padded(pad: number): () => string[] {
    files('s/a.yaml', 's/sub/b.yaml');
    const top = join(dir, 's');
    const no = (): boolean => false;
    const hidden = Array.from({ length: pad }, (_, i) => ({ name: `.pad${i}`, isDirectory: no, isFile: no }));
    return () =>
      withReaddir(
        (path, real) => {
          const entries = real(path, { withFileTypes: true });
          return path === top ? [...entries, ...hidden] : entries;
        },
        () => expandInputs(['s'], dir),
      );
  }

  it('allows exactly 200000 entries, counted across subdirectories', () => {
    // s lists a.yaml, sub and 199 997 padding entries = 199 999; sub lists b.yaml: 200 000 in all.
    expect(padded(199_997)()).toEqual([join(dir, 's', 'a.yaml'), join(dir, 's', 'sub', 'b.yaml')]);
  });

  it('refuses the 200001st as a usage error naming the directory', () => {
    // 2 + 199 998 = 200 000 entries in s, then b.yaml in s/sub is the 200 001st.
    const error = thrown(padded(199_998));
    expect(error).toBeInstanceOf(GovsimUsageError);
    expect(error.message).toBe('s/sub: more than 200000 entries to search; name a smaller directory');
  });
});

describe('glob limits and options', () => {
  it('accepts a pattern of exactly 1024 characters and refuses 1025', () => {
    const name = `${'a'.repeat(1019)}.yaml`; // 1019 + 5 = 1024
    expect(globMatcher(name)(name)).toBe(true);
    expect(() => globMatcher(`${name}*`)).toThrow(new GovsimUsageError('glob pattern too long (1025 characters; at most 1024)'));
  });

  it('accepts braces expanding to exactly 1000 patterns and refuses more', () => {
    const digit = '{0,1,2,3,4,5,6,7,8,9}';
    // 10 × 10 × 10 = 1000 patterns: 000 … 999.
    const matches = globMatcher(`${digit}${digit}${digit}.yaml`);
    expect([matches('000.yaml'), matches('999.yaml'), matches('99.yaml')]).toEqual([true, true, false]);
    // 1000 × 2 = 2000 patterns.
    const bigger = `${digit}${digit}${digit}{a,b}`;
    expect(() => globMatcher(bigger)).toThrow(new GovsimUsageError(`glob pattern ${bigger}: its braces expand to more than 1000 patterns`));
  });

  it('does not match hidden names, and takes # and ! literally', () => {
    expect(globMatcher('*.yaml')('.hidden.yaml')).toBe(false);
    expect(globMatcher('*.yaml')('a.yaml')).toBe(true);
    // A leading # would otherwise make the pattern a comment that matches nothing.
    expect(globMatcher('#*.yaml')('#a.yaml')).toBe(true);
    // A leading ! would otherwise negate: match every name that is not *.yaml.
    expect(globMatcher('!*.yaml')('!a.yaml')).toBe(true);
    expect(globMatcher('!*.yaml')('b.json')).toBe(false);
  });
});

describe('several failed inputs', () => {
  const missing = (name: string): GovsimMissingFileError => new GovsimMissingFileError(name);
  const invalid = (name: string): GovsimDataError => new GovsimDataError(name, [{ path: 'x', message: 'bad' }]);

  it('exit 65 when any is invalid, even after a missing one; else the first one’s code (66)', () => {
    expect(new GovsimBatchError([missing('a'), invalid('b')]).exitCode).toBe(ExitCode.dataError);
    expect(new GovsimBatchError([missing('a'), missing('b')]).exitCode).toBe(ExitCode.missingFile);
  });

  it('lists every message, one a line', () => {
    expect(new GovsimBatchError([missing('a'), invalid('b')]).message).toBe('a: no such file or directory\nb: x: bad');
  });

  it('from expandInputs: a missing glob and an empty directory give 65, listing both', () => {
    mkdirSync(join(dir, 'empty'));
    const error = thrown(() => expandInputs(['gone/*.yaml', 'empty'], dir));
    expect(error).toBeInstanceOf(GovsimBatchError);
    expect((error as GovsimBatchError).exitCode).toBe(ExitCode.dataError);
    expect(error.message).toBe('gone/*.yaml: no such file or directory\nempty: directory holds no .yaml, .yml or .json scenario files');
  });
});
