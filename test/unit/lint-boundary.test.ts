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

  it('allows the same imports outside src/model', async () => {
    expect(await restrictedImports('src/scenarios/__probe.ts')).toEqual([]);
    expect(await restrictedImports('src/cli/__probe.ts')).toEqual([]);
  });
});

describe('ESLint boundary of src/report', () => {
  it('rejects cli, ui and ink imports in src/report, and allows the engine', async () => {
    const probe = ["import { main } from '../cli/main.js';", "import { App } from '../ui/App.js';", "import { render } from 'ink';", "import { runScenario } from '../scenarios/index.js';", 'export const probe = [main, App, render, runScenario];', ''].join('\n');
    const errors = await restrictedImports('src/report/__probe.ts', probe);
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3]);
    expect(errors[0]!.message).toMatch(/src\/report may import model, dataset, scenarios and platform only/);
  });
});

