/**
 * The architecture boundary is enforced by ESLint, not by convention: the real eslint.config.js must
 * reject I/O, UI and upward-layer imports in src/model, and allow the same code elsewhere.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const PROBE = [
  "import { readFileSync } from 'node:fs';",
  "import { render } from 'ink';",
  "import { App } from '../ui/x.js';",
  'export const probe = [readFileSync, render, App];',
  '',
].join('\n');

let eslint: ESLint;
beforeAll(() => {
  // The probe files do not exist on disk, so they are linted without type information; every other
  // rule, including the boundary, comes from the project's eslint.config.js.
  eslint = new ESLint({
    cwd: REPO_ROOT,
    overrideConfig: {
      files: ['**/__probe.ts'],
      languageOptions: { parserOptions: { projectService: false, project: null } },
    },
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' || ruleId === 'no-restricted-globals',
  });
});

async function restrictedImports(filePath: string, code = PROBE): Promise<{ line: number; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, filePath) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => ({ line: m.line, message: m.message }));
}

describe('ESLint boundary of src/model', () => {
  it('rejects node:fs, ink and ../ui imports in src/model', async () => {
    const errors = await restrictedImports('src/model/__probe.ts');
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3]);
    expect(errors[0]!.message).toMatch(/'node:fs' import is restricted.*src\/model is pure: no I\/O/);
    expect(errors[1]!.message).toMatch(/'ink' import is restricted.*no UI imports/);
    expect(errors[2]!.message).toMatch(/'\.\.\/ui\/x\.js' import is restricted.*never imports the layers built on it/);
  });

  it('also covers nested model directories and process access', async () => {
    expect(await restrictedImports('src/model/power/__probe.ts')).toHaveLength(3);
    const [result] = await eslint.lintText('export const argv = process.argv;\n', { filePath: join(REPO_ROOT, 'src/model/__probe.ts') });
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['no-restricted-globals']);
  });

  it('allows node:fs outside src/model, and Ink in src/ui and src/cli', async () => {
    expect(await restrictedImports('src/platform/__probe.ts', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n")).toEqual([]);
    expect(await restrictedImports('src/ui/__probe.ts', "import { render } from 'ink';\nexport const probe = render;\n")).toEqual([]);
    expect(await restrictedImports('src/cli/__probe.ts')).toEqual([]);
  });
});

/** A probe in `src/<layer>/` importing one module of `src/<above>/` (one level up from the probe). */
function upwardProbe(above: string): string {
  return `import { x } from '../${above}/x.js';\nexport const probe = x;\n`;
}

describe('ESLint boundaries of every layer (imports only go downward)', () => {
  // Each layer with the layers above it, as docs/architecture.md draws them.
  const cases: [string, string[]][] = [
    ['platform', ['dataset', 'scenarios', 'report', 'explorer', 'testing', 'ui', 'cli']],
    ['dataset', ['scenarios', 'report', 'explorer', 'testing', 'ui', 'cli']],
    ['scenarios', ['report', 'explorer', 'testing', 'ui', 'cli']],
    ['report', ['explorer', 'testing', 'ui', 'cli']],
    ['explorer', ['testing', 'ui', 'cli']],
    ['testing', ['explorer', 'ui', 'cli']],
    ['ui', ['testing', 'cli']],
    ['cli', ['testing']],
  ];
  it.each(cases)('src/%s rejects an import from each layer above it', async (layer, above) => {
    for (const name of above) {
      const errors = await restrictedImports(`src/${layer}/__probe.ts`, upwardProbe(name));
      expect(errors, `src/${layer} importing src/${name}`).toHaveLength(1);
      expect(errors[0]!.message).toMatch(new RegExp(`src/${layer} sits below .*src/${name}`));
    }
  });

  it.each([['platform', 'model'], ['dataset', 'platform'], ['scenarios', 'dataset'], ['report', 'scenarios'], ['explorer', 'scenarios'], ['ui', 'explorer'], ['cli', 'ui']])(
    'src/%s may import src/%s below it',
    async (layer, below) => {
      expect(await restrictedImports(`src/${layer}/__probe.ts`, upwardProbe(below))).toEqual([]);
    },
  );

  it.each(['platform', 'dataset', 'scenarios', 'report', 'explorer', 'testing'])('src/%s is UI-free and has no command line', async (layer) => {
    const code = "import { render } from 'ink';\nimport { useState } from 'react';\nimport { Command } from 'commander';\nexport const probe = [render, useState, Command];\n";
    const errors = await restrictedImports(`src/${layer}/__probe.ts`, code);
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3]);
    expect(errors[0]!.message).toMatch(/UI-free/);
    expect(errors[2]!.message).toMatch(/commander lives in src\/cli/);
  });

  it('no layer imports a module by node_modules path, nor the library entry', async () => {
    for (const layer of ['model', 'platform', 'dataset', 'scenarios', 'explorer', 'ui', 'cli']) {
      const code = "import Output from '../../node_modules/ink/build/output.js';\nexport const probe = Output;\n";
      const errors = await restrictedImports(`src/${layer}/sub/__probe.ts`, code);
      expect(errors, layer).toHaveLength(1);
    }
    expect(await restrictedImports('src/scenarios/__probe.ts', "import { councilGame } from '../api.js';\nexport const probe = councilGame;\n")).toHaveLength(1);
  });

  it('the library entry (src/api.ts, src/index.ts) never imports the explorer, UI or CLI', async () => {
    for (const name of ['explorer', 'ui', 'cli', 'testing']) {
      expect(await restrictedImports('src/__probe.ts', upwardProbe(name).replace('../', './')), name).toHaveLength(1);
    }
  });
});
describe('ESLint boundary of src/report', () => {
  it('rejects cli, ui and ink imports in src/report, and allows the engine', async () => {
    const probe = ["import { main } from '../cli/main.js';", "import { App } from '../ui/App.js';", "import { render } from 'ink';", "import { runScenario } from '../scenarios/index.js';", 'export const probe = [main, App, render, runScenario];', ''].join('\n');
    const errors = await restrictedImports('src/report/__probe.ts', probe);
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3]);
    expect(errors[0]!.message).toMatch(/src\/report sits below .*src\/ui/);
  });
});

