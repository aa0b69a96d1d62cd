/**
 * `govsim validate <file|dir...>`: checks datasets and scenario files without running anything.
 * Each input is classified (a dataset directory or one of its files, a directory of scenarios, a
 * scenario file) and handed to the validator registered for its kind. Prints `ok <path>` per valid
 * input and the errors of each invalid one; exits 65 if any input is invalid, else 66 if any is missing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';
import type { Command } from 'commander';
import { ExitCode, GovsimError, GovsimMissingFileError } from '../../model/errors.js';
import { DATASET_FILE, bundledDatasets, loadDataset } from '../../dataset/dataset.js';

/** Validates one input; throws a GovsimError describing what is wrong. Returns a short description. */
export type Validator = (path: string) => string | void | Promise<string | void>;

export type ValidatedKind = 'dataset' | 'scenario' | (string & {});

export interface ClassifiedInput {
  /** The argument (or, for a directory of scenarios, the file found in it). */
  readonly input: string;
  readonly kind: ValidatedKind;
  /** What the validator receives: the dataset directory or the file itself. */
  readonly target: string;
}

const validators = new Map<string, Validator>([
  ['dataset', validateDatasetDir],
  ['scenario', async (path) => {
    const { validateScenarioFile } = await import('../../scenarios/scenario-validation.js');
    const scenario = validateScenarioFile(path);
    return `scenario "${scenario.name}"`;
  }],
]);

/** Adds (or replaces) the validator for a kind of input; returns the one it replaced. */
export function registerValidator(kind: ValidatedKind, validator: Validator): Validator | undefined {
  const previous = validators.get(kind);
  validators.set(kind, validator);
  return previous;
}

const DATA_EXTENSIONS = /\.(ya?ml|json)$/i;

/**
 * What an input is. A directory with dataset.yaml, that file, or any file of a dataset directory (its
 * councils/ or outcomes files) is the dataset; a bundled dataset name is the bundled dataset; another
 * directory stands for the data files in it; any other YAML/JSON file is a scenario.
 */
export function classifyInput(input: string): ClassifiedInput[] {
  if (!existsSync(input)) {
    if (/^[a-z0-9][a-z0-9-]*$/.test(input) && bundledDatasets().includes(input)) return [{ input, kind: 'dataset', target: input }];
    throw new GovsimMissingFileError(input);
  }
  if (statSync(input).isDirectory()) {
    if (existsSync(join(input, DATASET_FILE))) return [{ input, kind: 'dataset', target: input }];
    const files = readdirSync(input).filter((name) => DATA_EXTENSIONS.test(name)).sort();
    return files.flatMap((name) => classifyInput(join(input, name)));
  }
  const dir = dirname(input);
  if (basename(input) === DATASET_FILE || existsSync(join(dir, DATASET_FILE))) return [{ input, kind: 'dataset', target: dir }];
  if (basename(dir) === 'councils' && existsSync(join(dir, '..', DATASET_FILE))) return [{ input, kind: 'dataset', target: dirname(dir) }];
  return [{ input, kind: 'scenario', target: input }];
}

export interface ValidationSummary {
  readonly valid: number;
  readonly invalid: number;
  readonly missing: number;
  readonly exitCode: number;
}

/** Validates every input, writing `ok <path>` lines to `out` and errors to `err`. */
export async function validateInputs(
  inputs: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<ValidationSummary> {
  let valid = 0;
  let invalid = 0;
  let missing = 0;
  for (const input of inputs) {
    let items: ClassifiedInput[];
    try {
      items = classifyInput(input);
    } catch (error) {
      if (!(error instanceof GovsimError)) throw error;
      if (error instanceof GovsimMissingFileError) missing++;
      else invalid++;
      err(`govsim: ${error.message}`);
      continue;
    }
    if (items.length === 0) {
      invalid++;
      err(`govsim: ${input}: no dataset.yaml and no YAML or JSON files to validate`);
      continue;
    }
    for (const item of items) {
      const validator = validators.get(item.kind);
      try {
        if (!validator) throw new GovsimError(`${item.input}: no validator for ${item.kind} files`, ExitCode.dataError);
        const description = await validator(item.target);
        out(`ok ${item.input}${description ? ` (${description})` : ''}`);
        valid++;
      } catch (error) {
        if (!(error instanceof GovsimError)) throw error;
        if (error instanceof GovsimMissingFileError) missing++;
        else invalid++;
        err(`govsim: ${error.message}`);
      }
    }
  }
  const exitCode = invalid > 0 ? ExitCode.dataError : missing > 0 ? ExitCode.missingFile : ExitCode.ok;
  return { valid, invalid, missing, exitCode };
}

function validateDatasetDir(target: string): string {
  // A path is always validated afresh; a bundled name too (no snapshot, no cache).
  // `./name` keeps a local directory from being read as the bundled dataset of the same name.
  const ref = existsSync(target) && !isAbsolute(target) ? `.${sep}${target}` : target;
  const ds = loadDataset(ref, { snapshot: false });
  const seats = ds.data.councils.reduce((sum, council) => sum + council.seats.general + council.seats.quota, 0);
  return `dataset ${ds.id}: ${ds.data.councils.length} councils, ${seats} seats`;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check datasets (a directory with dataset.yaml, or one of its files) and scenario files')
    .argument('<paths...>', 'dataset directories or files, scenario files, or directories of scenarios')
    .action(async (paths: string[]) => {
      const summary = await validateInputs(
        paths,
        (line) => process.stdout.write(`${line}\n`),
        (line) => process.stderr.write(`${line}\n`),
      );
      process.exitCode = summary.exitCode;
    });
}
