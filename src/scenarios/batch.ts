/**
 * Scenarios in bulk: expand files, directories, globs and bundled names into scenario files, load
 * them all (every invalid file is reported, not just the first), then run them. Nothing runs when
 * any input is invalid, so `--out` never receives a partial result.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ExitCode, GovsimDataError, GovsimError, GovsimMissingFileError } from '../model/errors.js';
import { checkExpectations, type ScenarioCheck } from './expectations.js';
import { runScenario, type ScenarioRun } from './runner.js';
import { bundledScenarioFile, bundledScenarioNames, type LoadedScenario, loadScenario } from './scenario-loader.js';

const SCENARIO_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Several inputs failed; the message lists every one. Exit 65 when any is invalid, else 66. */
export class GovsimBatchError extends GovsimError {
  readonly errors: readonly GovsimError[];
  constructor(errors: readonly GovsimError[]) {
    const code = errors.some((error) => error.exitCode === ExitCode.dataError) ? ExitCode.dataError : (errors[0]?.exitCode ?? ExitCode.dataError);
    super(errors.map((error) => error.message).join('\n'), code);
    this.errors = errors;
  }
}

function hasGlob(text: string): boolean {
  return /[*?[\]{}]/.test(text);
}

/** A glob (`*`, `?`, `**`, `{a,b}`) as a regular expression over `/`-separated paths. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (char === '?') out += '[^/]';
    else if (char === '{') {
      const end = pattern.indexOf('}', i);
      if (end === -1) out += '\\{';
      else {
        out += `(?:${pattern.slice(i + 1, end).split(',').map(escape).join('|')})`;
        i = end;
      }
    } else out += escape(char);
  }
  return new RegExp(`^${out}$`);
}

function escape(text: string): string {
  return text.replace(/[.+^$()|[\]\\]/g, '\\$&');
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && SCENARIO_EXTENSIONS.has(extname(entry.name))) out.push(path);
  }
}

/**
 * Scenario files named by the inputs, in order, without duplicates. A directory contributes its
 * scenario files (recursively, sorted); a glob its matches; a bare name a bundled scenario.
 */
export function expandInputs(inputs: readonly string[], cwd: string = process.cwd()): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: GovsimError[] = [];
  const add = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };
  for (const input of inputs) {
    const path = resolve(cwd, input);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) {
        const found: string[] = [];
        walk(path, found);
        if (found.length === 0) errors.push(new GovsimDataError(input, [{ path: '', message: 'directory holds no .yaml, .yml or .json scenario files' }]));
        found.forEach(add);
      } else add(path);
      continue;
    }
    if (hasGlob(input)) {
      const normalised = input.split(sep).join('/');
      const firstGlob = normalised.search(/[*?[\]{}]/);
      const baseEnd = normalised.lastIndexOf('/', firstGlob);
      const base = resolve(cwd, baseEnd === -1 ? '.' : normalised.slice(0, baseEnd) || '/');
      const pattern = globToRegExp(baseEnd === -1 ? normalised : normalised.slice(baseEnd + 1));
      const found: string[] = [];
      if (existsSync(base) && statSync(base).isDirectory()) walk(base, found);
      const matches = found.filter((file) => pattern.test(relative(base, file).split(sep).join('/')));
      if (matches.length === 0) errors.push(new GovsimMissingFileError(input, { cause: new Error('no file matches the pattern') }));
      matches.forEach(add);
      continue;
    }
    const bundled = bundledScenarioFile(input);
    if (bundled) add(bundled);
    else {
      const hint = isAbsolute(input) || input.includes('/') ? '' : ` (bundled scenarios: ${bundledScenarioNames().join(', ')})`;
      errors.push(new GovsimMissingFileError(`${input}${hint}`));
    }
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new GovsimBatchError(errors);
  return files;
}

/** Loads every input; throws one error listing every invalid file. */
export function loadScenarios(inputs: readonly string[], options: { cwd?: string } = {}): LoadedScenario[] {
  const cwd = options.cwd ?? process.cwd();
  const files = expandInputs(inputs, cwd);
  const loaded: LoadedScenario[] = [];
  const errors: GovsimError[] = [];
  for (const file of files) {
    try {
      loaded.push(loadScenario(file, { cwd }));
    } catch (error) {
      if (error instanceof GovsimError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new GovsimBatchError(errors);
  return loaded;
}

export interface BatchRun {
  readonly scenarios: readonly LoadedScenario[];
  readonly runs: readonly ScenarioRun[];
}

/** Loads and runs every input (nothing runs if any input is invalid). */
export function runScenarios(inputs: readonly string[], options: { cwd?: string } = {}): BatchRun {
  const scenarios = loadScenarios(inputs, options);
  return { scenarios, runs: scenarios.map(runScenario) };
}

/** Loads, runs and checks the expectations of every input. */
export function checkScenarios(inputs: readonly string[], options: { cwd?: string } = {}): ScenarioCheck[] {
  const { scenarios, runs } = runScenarios(inputs, options);
  return scenarios.map((scenario, i) => checkExpectations(scenario, runs[i]!));
}
