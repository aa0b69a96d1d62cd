/**
 * Scenarios in bulk: expand files, directories, globs and bundled names into scenario files, load
 * them all (every invalid file is reported, not just the first), then run them. Nothing runs when
 * any input is invalid, so `--out` never receives a partial result.
 */
import { type Dirent, existsSync, readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import { ExitCode, GovsimDataError, GovsimError, GovsimMissingFileError, GovsimUsageError } from '../model/errors.js';
import { checkExpectations, type ScenarioCheck } from './expectations.js';
import { runScenario, type ScenarioRun } from './runner.js';
import { bundledScenarioFile, bundledScenarioNames, type LoadedScenario, loadScenario } from './scenario-loader.js';

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

/** Longest glob accepted, and most patterns its braces may expand to: `{a,b}` thirty times is 2^30. */
const MAX_GLOB_LENGTH = 1024;
const MAX_BRACE_PATTERNS = 1000;

/**
 * A glob (`*`, `?`, `**`, `[…]`, `{a,b}`) as a matcher over `/`-separated relative paths. minimatch
 * (the matcher of Node's own `fs.glob`, which Node 20 lacks) matches without backtracking regular
 * expressions: a hand-made translation crashed on `{a**,b}` and hung on thirty `*a`.
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  if (pattern.length > MAX_GLOB_LENGTH) throw new GovsimUsageError(`glob pattern too long (${pattern.length} characters; at most ${MAX_GLOB_LENGTH})`);
  const matcher = new Minimatch(pattern, { dot: false, nocomment: true, nonegate: true, braceExpandMax: MAX_BRACE_PATTERNS + 1 });
  if (matcher.set.length > MAX_BRACE_PATTERNS) throw new GovsimUsageError(`glob pattern ${pattern}: its braces expand to more than ${MAX_BRACE_PATTERNS} patterns`);
  return (path) => matcher.match(path);
}

function readDirectory(dir: string, shown: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such directory' : (code ?? String(error));
    throw new GovsimDataError(shown, [{ path: '', message: `cannot read directory: ${reason}` }], { cause: error });
  }
}

/** Most directory entries one input may make the walk visit (`/**` would otherwise read the whole disk). */
const MAX_WALK_ENTRIES = 200_000;

function isScenarioFile(name: string): boolean {
  const extension = extname(name);
  return extension === '.yaml' || extension === '.yml' || extension === '.json';
}

/** Scenario files under `dir`, sorted; `shown` is how the directory was named (for messages). */
function walk(dir: string, out: string[], shown: string = dir, budget = { left: MAX_WALK_ENTRIES }): void {
  const entries = readDirectory(dir, shown);
  budget.left -= entries.length;
  if (budget.left < 0) throw new GovsimUsageError(`${shown}: more than ${MAX_WALK_ENTRIES} entries to search; name a smaller directory`);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out, join(shown, entry.name), budget);
    else if (entry.isFile() && isScenarioFile(entry.name)) out.push(path);
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
        walk(path, found, input);
        if (found.length === 0) errors.push(new GovsimDataError(input, [{ path: '', message: 'directory holds no .yaml, .yml or .json scenario files' }]));
        found.forEach(add);
      } else add(path);
      continue;
    }
    if (hasGlob(input)) {
      const normalised = input.split(sep).join('/');
      const firstGlob = normalised.search(/[*?[\]{}]/);
      const baseEnd = normalised.lastIndexOf('/', firstGlob);
      // The directory before the first glob, as written (messages name it so); the pattern is the rest.
      const shownBase = baseEnd === -1 ? '.' : normalised.slice(0, baseEnd) || '/';
      const base = resolve(cwd, shownBase);
      const matches = globMatcher(normalised.slice(baseEnd + 1));
      const found: string[] = [];
      if (existsSync(base) && statSync(base).isDirectory()) walk(base, found, shownBase);
      const matched = found.filter((file) => matches(relative(base, file).split(sep).join('/')));
      if (matched.length === 0) errors.push(new GovsimMissingFileError(input, { cause: new Error('no file matches the pattern') }));
      matched.forEach(add);
      continue;
    }
    const bundled = bundledScenarioFile(input);
    if (bundled) add(bundled);
    else {
      const hint = isAbsolute(input) || input.includes('/') ? '' : ` (bundled scenarios: ${bundledScenarioNames().join(', ')})`;
      errors.push(new GovsimMissingFileError(`${input}${hint}`));
    }
  }
  if (errors.length > 1) throw new GovsimBatchError(errors);
  if (errors.length === 1) throw errors[0]!;
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
  if (errors.length > 1) throw new GovsimBatchError(errors);
  if (errors.length === 1) throw errors[0]!;
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
