/**
 * The layers of src/ as they really are: every relative import read from the sources, resolved to a
 * file, and checked against the order eslint.config.js enforces (imports only go downward) and for
 * cycles between files. ESLint sees one import at a time; this sees the whole graph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, NODE_MODULES_PATH_EXCEPTION } from '../../eslint.config.js';
import { REPO_ROOT } from '../helpers/cli.js';

const SRC = join(REPO_ROOT, 'src');

/** src-relative path → src-relative paths it imports (static, dynamic and type-only imports alike). */
export function importGraph(root: string = SRC): Map<string, string[]> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'));
  const known = new Set(files.map((file) => file.split('\\').join('/')));
  const graph = new Map<string, string[]>();
  const specifier = /(?:^|[\s;])(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  for (const file of known) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(specifier)) {
      const spec = match[1] ?? match[2] ?? match[3]!;
      if (!spec.startsWith('.')) continue;
      const base = relative(root, resolve(dirname(join(root, file)), spec)).split('\\').join('/');
      const target = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base].find((candidate) => known.has(candidate));
      // A relative path out of src/ (into node_modules, say) is kept as is, to be reported.
      if (target === undefined && !base.startsWith('..')) throw new Error(`${file}: cannot resolve ${spec}`);
      targets.push(target ?? base);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The layer of a src-relative file: its top folder, or `entry` for src/api.ts and src/index.ts. */
function layerOf(file: string): string {
  if (file.startsWith('..')) return 'outside';
  const top = file.split('/')[0]!;
  return file.includes('/') ? top : 'entry';
}

/** Rank in the layer order; the library entry sits above report and below explorer, ui and cli. */
function rank(layer: string): number {
  if (layer === 'outside') return Infinity;
  if (layer === 'entry') return LAYERS.indexOf('report') + 0.5;
  const index = LAYERS.indexOf(layer);
  if (index < 0) throw new Error(`src/${layer} is not a known layer; add it to LAYERS in eslint.config.js and docs/architecture.md`);
  return index;
}

/** Imports between two different layers that do not go downward. */
export function upwardImports(graph: Map<string, string[]>): string[] {
  const bad: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const from = layerOf(file);
      const to = layerOf(target);
      if (from === to || to === 'outside') continue;
      // src/testing is an entry of its own (govsim/vitest): nothing imports it, and it does not import the explorer.
      const sideways = to === 'testing' || (from === 'testing' && to === 'explorer');
      if (sideways || rank(to) >= rank(from)) bad.push(`${file} → ${target}`);
    }
  }
  return bad;
}

/** Every cycle's files, as found by a depth-first search (one representative path per cycle). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads every layer of the map', () => {
    const layers = new Set([...graph.keys()].map(layerOf));
    // Nothing reaches out of src/ by a relative path (node_modules files are imported by package name),
    // but for the one exception eslint.config.js names and explains.
    const outside = [...graph].flatMap(([file, targets]) => targets.filter((target) => target.startsWith('..')).map((target) => `src/${file} → ${target}`));
    const exception = NODE_MODULES_PATH_EXCEPTION.file;
    expect(outside).toEqual([`${exception} → ${relative(SRC, resolve(REPO_ROOT, dirname(exception), NODE_MODULES_PATH_EXCEPTION.imports))}`]);
    expect([...layers].sort()).toEqual([...LAYERS, 'entry'].sort());
  });

  it('has no import going up a layer', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(importCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('would catch an upward import and a cycle', () => {
    const planted = new Map(graph);
    planted.set('dataset/dataset.ts', [...(graph.get('dataset/dataset.ts') ?? []), 'scenarios/runner.ts']);
    expect(upwardImports(planted)).toContain('dataset/dataset.ts → scenarios/runner.ts');
    expect(importCycles(planted).length).toBeGreaterThan(0);
    const loop = new Map([['model/a.ts', ['model/b.ts']], ['model/b.ts', ['model/a.ts']]]);
    expect(importCycles(loop)).toEqual([['model/a.ts', 'model/b.ts', 'model/a.ts']]);
  });
});
