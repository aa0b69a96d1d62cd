/**
 * Turning a corpus case into something the CLI can be pointed at: a dataset overlay becomes a full
 * dataset in a temp directory (with a one-line scenario naming it, for commands that take scenarios);
 * a generated input is written at test time (10 MB files, hostile nesting, devices, missing paths).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { REPO_ROOT } from '../helpers/cli.js';
import { BAD_DIR, type BadCase } from './manifest.js';

export const TINY_DATASET = join(REPO_ROOT, 'test', 'fixtures', 'datasets', 'tiny');
const TEN_MEGABYTES = 10 * 1024 * 1024;

interface PatchOperation {
  readonly set?: (string | number)[];
  readonly add?: (string | number)[];
  readonly value: unknown;
}

/** Copies the tiny dataset to `target` and lays `overlay` over it. */
export function materializeDataset(overlay: string, target: string): void {
  cpSync(TINY_DATASET, target, { recursive: true });
  const visit = (from: string): void => {
    for (const entry of readdirSync(from)) {
      const path = join(from, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (entry === 'dataset.patch.yaml') applyPatch(join(target, 'dataset.yaml'), path);
      else {
        const destination = join(target, relative(overlay, path));
        mkdirSync(join(destination, '..'), { recursive: true });
        cpSync(path, destination);
      }
    }
  };
  visit(overlay);
}

function applyPatch(datasetFile: string, patchFile: string): void {
  const document = parseDocument(readFileSync(datasetFile, 'utf8'));
  for (const operation of parseDocument(readFileSync(patchFile, 'utf8')).toJS() as PatchOperation[]) {
    if (operation.set) document.setIn(operation.set, operation.value);
    else if (operation.add) document.addIn(operation.add, operation.value);
    else throw new Error(`${patchFile}: an operation needs \`set\` or \`add\``);
  }
  writeFileSync(datasetFile, document.toString());
}

/** What an input is, for the command line: a dataset directory or a scenario path. */
interface Input {
  readonly kind: 'dataset' | 'scenario';
  readonly path: string;
}

type Generator = (dir: string) => Input;

function nested(depth: number, open: string, close: string): string {
  return `${open.repeat(depth)}${close.repeat(depth)}`;
}

/** Inputs made at test time: too big to commit, or not files at all. */
export const GENERATORS: Readonly<Record<string, Generator>> = {
  'ten-megabyte-scenario.yaml': (dir) => {
    const path = join(dir, 'ten-megabyte-scenario.yaml');
    writeFileSync(path, `name: ten megabytes\ndescription: "${'x'.repeat(TEN_MEGABYTES)}"\n`);
    return { kind: 'scenario', path };
  },
  'ten-megabyte-scenario.json': (dir) => {
    const path = join(dir, 'ten-megabyte-scenario.json');
    const steps = Array.from({ length: TEN_MEGABYTES / 64 }, () => ({ bloc: { id: 'cf' } }));
    writeFileSync(path, JSON.stringify({ name: 'ten megabytes of steps', steps }));
    return { kind: 'scenario', path };
  },
  'ten-megabyte-council': (dir) => {
    const path = join(dir, 'ten-megabyte-council');
    materializeDataset(join(BAD_DIR, 'empty-file'), path);
    writeFileSync(join(path, 'councils', 'southmere.yaml'), `id: southmere\nnote: "${'x'.repeat(TEN_MEGABYTES)}"\n`);
    return { kind: 'dataset', path };
  },
  'deep-nesting-scenario.yaml': (dir) => {
    const path = join(dir, 'deep-nesting-scenario.yaml');
    writeFileSync(path, `name: deep\nsteps: ${nested(20_000, '[', ']')}\n`);
    return { kind: 'scenario', path };
  },
  'deep-nesting-scenario.json': (dir) => {
    const path = join(dir, 'deep-nesting-scenario.json');
    writeFileSync(path, `{"name": "deep", "steps": ${nested(100_000, '[', ']')}}`);
    return { kind: 'scenario', path };
  },
  // A character device: stat says 0 bytes, reading never ends.
  'device-file': () => ({ kind: 'scenario', path: '/dev/zero' }),
  'missing-scenario': (dir) => ({ kind: 'scenario', path: join(dir, 'no-such-scenario.yaml') }),
  'missing-dataset-directory': (dir) => ({ kind: 'dataset', path: join(dir, 'no-such-dataset') }),
  // 2,001 steps: each step copies the records it appends to, so steps cost their square (16,000: 52 s).
  'too-many-steps.yaml': (dir) => {
    const path = join(dir, 'too-many-steps.yaml');
    const steps = Array.from({ length: 2001 }, (_, i) => `  - seats: { council: wasit, unit: wasit-ajmal, seats: ${8 + (i % 2)} }`);
    writeFileSync(path, `name: too many steps\nsteps:\n${steps.join('\n')}\n`);
    return { kind: 'scenario', path };
  },
  // A chain of 70 files, each extending the next (5,000 overflowed the stack).
  'deep-extends': (dir) => {
    for (let i = 0; i < 70; i++) writeFileSync(join(dir, `s${i}.yaml`), `name: s${i}\n${i < 69 ? `extends: ./s${i + 1}.yaml\n` : ''}`);
    return { kind: 'scenario', path: join(dir, 's0.yaml') };
  },
  // `extends` names a symbolic link to itself.
  'symlink-self-loop': (dir) => {
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    writeFileSync(join(dir, 'start.yaml'), 'name: start\nextends: ./loop.yaml\n');
    return { kind: 'scenario', path: join(dir, 'start.yaml') };
  },
  // p extends q, q extends p through a symlinked directory: one cycle, whichever way it is named.
  'symlink-directory-cycle': (dir) => {
    mkdirSync(join(dir, 'one'));
    mkdirSync(join(dir, 'two'));
    symlinkSync('../one', join(dir, 'two', 'link'));
    writeFileSync(join(dir, 'one', 'p.yaml'), 'name: p\nextends: ../two/q.yaml\n');
    writeFileSync(join(dir, 'two', 'q.yaml'), 'name: q\nextends: ./link/p.yaml\n');
    return { kind: 'scenario', path: join(dir, 'one', 'p.yaml') };
  },
  // Thirty `*a` then `*b`: a backtracking regular expression never finishes on a long file name.
  'glob-many-stars': (dir) => {
    writeFileSync(join(dir, `${'a'.repeat(60)}.yaml`), 'name: a\n');
    return { kind: 'scenario', path: join(dir, `${'*a'.repeat(30)}*b`) };
  },
  // Brace alternatives holding `**` and `?` (an invalid regular expression by hand-made translation).
  'glob-brace-wildcards': (dir) => ({ kind: 'scenario', path: join(dir, '{a**,b?}.yaml') }),
  'empty-directory': (dir) => {
    const path = join(dir, 'empty-directory');
    mkdirSync(path);
    return { kind: 'scenario', path };
  },
};

export interface PreparedCase {
  /** The `govsim` arguments. */
  readonly args: string[];
  /** Where `--out` points (commands that write); it must not exist afterwards. */
  readonly out: string | undefined;
  /** The suffix the message must name: the case's `file`, or the input itself. */
  readonly file: string;
}

/**
 * Prepares one case in its own directory under `workDir`. Scenario fixtures are named relative to the
 * working directory, as a user would type them.
 */
export function prepareCase(entry: BadCase, workDir: string): PreparedCase {
  const dir = join(workDir, entry.name);
  mkdirSync(dir, { recursive: true });
  let input: Input;
  if (entry.dataset !== undefined) {
    const path = join(dir, 'dataset');
    materializeDataset(join(BAD_DIR, entry.dataset), path);
    input = { kind: 'dataset', path };
  } else if (entry.scenario !== undefined) {
    input = { kind: 'scenario', path: relative(process.cwd(), join(BAD_DIR, entry.scenario)) };
  } else {
    const generate = GENERATORS[entry.generated!];
    if (!generate) throw new Error(`manifest case ${entry.name}: no generator "${entry.generated}" (known: ${Object.keys(GENERATORS).join(', ')})`);
    input = generate(dir);
  }
  let target = input.path;
  if (input.kind === 'dataset' && entry.command !== 'validate') {
    target = join(dir, 'scenario.yaml');
    writeFileSync(target, `name: ${entry.name}\ndataset: ${existsSync(input.path) ? `./${relative(dir, input.path)}` : input.path}\n`);
  }
  const out = entry.command === 'validate' ? undefined : join(dir, 'out', 'result.json');
  const args = [entry.command, target, ...(out === undefined ? [] : ['--format', 'json', '--out', out])];
  const file = entry.file ?? entry.scenario ?? basename(input.path);
  return { args, out, file };
}
