/**
 * expandInputs and loadScenarios on real temporary directories: the order and de-duplication of what
 * files, directories and globs expand to, and every error message word for word.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, GovsimDataError, GovsimMissingFileError } from '../../src/model/errors.js';
import { expandInputs, GovsimBatchError, loadScenarios } from '../../src/scenarios/batch.js';

let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govsim-batch-b-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `text` to `rel` under the temporary directory (parents made as needed). */
function put(rel: string, text = 'name: Tiny\n'): string {
  const file = join(dir, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** The error `run` throws (fails the test when it returns). */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('expandInputs: files and directories', () => {
  it('lists a file named twice, or named and then found in a directory, once, where first named', () => {
    const b = put('b.yaml');
    const a = put('sub/a.yaml');
    const c = put('sub/c.json');
    // sub/c.json first (named), then b.yaml, then sub's files sorted (a.yaml; c.json already listed),
    // then b.yaml again (already listed).
    expect(expandInputs(['sub/c.json', 'b.yaml', 'sub', 'b.yaml'], dir)).toEqual([c, b, a]);
  });

  it('rejects a directory without scenario files, naming it as written', () => {
    put('empty/notes.txt', 'not a scenario');
    const error = thrown(() => expandInputs(['empty'], dir));
    expect(error).toBeInstanceOf(GovsimDataError);
    expect(error.message).toBe('empty: directory holds no .yaml, .yml or .json scenario files');
  });
});

describe('expandInputs: globs', () => {
  it('matches a pattern without a slash against the files of the working directory only', () => {
    const a = put('a.yaml');
    const b = put('b.yaml');
    put('c.txt');
    put('sub/d.yaml');
    // `*` does not cross `/`, so sub/d.yaml is not matched; the walk is sorted: a.yaml, b.yaml.
    expect(expandInputs(['*.yaml'], dir)).toEqual([a, b]);
  });

  it('matches a pattern after a directory against the paths below that directory', () => {
    put('top.yaml');
    const x = put('sub/x.yaml');
    put('sub/deeper/y.yaml');
    // Relative to sub: x.yaml matches *.yaml, deeper/y.yaml does not (one segment only).
    expect(expandInputs(['sub/*.yaml'], dir)).toEqual([x]);
    // A glob under an absolute base walks that base.
    expect(expandInputs([`${dir}/sub/*.yaml`], '/')).toEqual([x]);
  });

  it('matches every segment of a pattern across directories, joined by /', () => {
    put('top.yaml');
    const x = put('one/x.yaml');
    const y = put('two/y.yml');
    // one/x.yaml and two/y.yml have two segments; top.yaml has one and does not match */*.
    expect(expandInputs(['*/*.y*'], dir)).toEqual([x, y]);
  });

  it('reports a pattern whose directory is missing as a missing file, with the reason as cause', () => {
    const error = thrown(() => expandInputs(['missing/*.yaml'], dir));
    expect(error).toBeInstanceOf(GovsimMissingFileError);
    expect(error.message).toBe('missing/*.yaml: no such file or directory');
    expect((error.cause as Error).message).toBe('no file matches the pattern');
  });

  it('reports a pattern whose directory is a file as a missing file (the file is not read as a directory)', () => {
    put('plain.yaml');
    const error = thrown(() => expandInputs(['plain.yaml/*.yaml'], dir));
    expect(error).toBeInstanceOf(GovsimMissingFileError);
    expect(error.message).toBe('plain.yaml/*.yaml: no such file or directory');
  });

  it('matches only files the walk found (nothing named after the pattern is made up)', () => {
    // The repository's top level holds no scenario file named Stryker…, so this pattern matches
    // nothing; the files are resolved against the process's working directory.
    const error = thrown(() => expandInputs(['Stryker*'], process.cwd()));
    expect(error).toBeInstanceOf(GovsimMissingFileError);
    expect(error.message).toBe('Stryker*: no such file or directory');
  });
});

describe('expandInputs: names that are neither files nor globs', () => {
  it('lists the bundled scenarios after a bare name that is not one', () => {
    // The bundled scenarios are the files of scenarios/ (names without extension, sorted).
    const bundled = fileURLToPath(new URL('../../scenarios', import.meta.url));
    const names = readdirSync(bundled)
      .filter((file) => /\.(yaml|yml|json)$/.test(file))
      .map((file) => file.replace(/\.(yaml|yml|json)$/, ''))
      .sort();
    expect(names).toContain('baseline');
    const error = thrown(() => expandInputs(['no-such-scenario'], dir));
    expect(error).toBeInstanceOf(GovsimMissingFileError);
    expect(error.message).toBe(`no-such-scenario (bundled scenarios: ${names.join(', ')}): no such file or directory`);
  });

  it('gives no bundled hint after a relative or absolute path', () => {
    expect(thrown(() => expandInputs(['sub/missing.yaml'], dir)).message).toBe('sub/missing.yaml: no such file or directory');
    const absolute = join(dir, 'missing.yaml');
    expect(thrown(() => expandInputs([absolute], dir)).message).toBe(`${absolute}: no such file or directory`);
  });
});

describe('expandInputs: several failures', () => {
  it('throws a single failure as itself, not wrapped', () => {
    const error = thrown(() => expandInputs(['sub/gone.yaml'], dir));
    expect(error).toBeInstanceOf(GovsimMissingFileError);
    expect(error).not.toBeInstanceOf(GovsimBatchError);
    expect((error as GovsimMissingFileError).file).toBe('sub/gone.yaml');
  });

  it('throws every failure at once, in input order, after checking every input', () => {
    put('ok.yaml');
    const error = thrown(() => expandInputs(['sub/gone.yaml', 'ok.yaml', 'nothing/*.yaml'], dir));
    expect(error).toBeInstanceOf(GovsimBatchError);
    const batch = error as GovsimBatchError;
    expect(batch.errors).toHaveLength(2);
    expect(batch.message).toBe('sub/gone.yaml: no such file or directory\nnothing/*.yaml: no such file or directory');
    // Both are missing files (66); none is invalid data (65).
    expect(batch.exitCode).toBe(ExitCode.missingFile);
  });
});

describe('loadScenarios', () => {
  it('names each loaded file relative to the given working directory', () => {
    put('a.yaml', 'name: First\n');
    put('sub/b.yaml', 'name: Second\n');
    const loaded = loadScenarios(['a.yaml', 'sub'], { cwd: dir });
    expect(loaded.map((scenario) => [scenario.name, scenario.file])).toEqual([
      ['First', 'a.yaml'],
      ['Second', join('sub', 'b.yaml')],
    ]);
  });

  it('throws a single invalid file as its own error, not wrapped', () => {
    put('bad.yaml', 'name: Bad\nunknownKey: 1\n');
    const error = thrown(() => loadScenarios(['bad.yaml'], { cwd: dir }));
    expect(error).toBeInstanceOf(GovsimDataError);
    expect(error).not.toBeInstanceOf(GovsimBatchError);
    expect((error as GovsimDataError).file).toBe('bad.yaml');
  });

  it('throws every invalid file at once, in input order', () => {
    put('bad1.yaml', 'name: Bad\nunknownKey: 1\n');
    put('good.yaml');
    put('bad2.yaml', 'name: Bad\nunknownKey: 2\n');
    const error = thrown(() => loadScenarios(['bad2.yaml', 'good.yaml', 'bad1.yaml'], { cwd: dir }));
    expect(error).toBeInstanceOf(GovsimBatchError);
    const files = (error as GovsimBatchError).errors.map((inner) => (inner as GovsimDataError).file);
    expect(files).toEqual(['bad2.yaml', 'bad1.yaml']);
    expect((error as GovsimBatchError).exitCode).toBe(ExitCode.dataError);
  });
});
