/**
 * A consumer project as `npm init -y` makes it (CommonJS: no "type" in package.json) with the shipped
 * example config registering `govsim/vitest`: vitest runs a suite using the matchers without a warning.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT } from '../helpers/cli.js';

const project = mkdtempSync(join(tmpdir(), 'govsim-cjs-consumer-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

beforeAll(() => {
  ensureBuilt();
  // What `npm init -y` writes (no "type": the project is CommonJS).
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', main: 'index.js', license: 'ISC' }, null, 2));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(join(REPO_ROOT, 'node_modules', 'vitest'), join(project, 'node_modules', 'vitest'), 'dir');
  symlinkSync(REPO_ROOT, join(project, 'node_modules', 'govsim'), 'dir');
  cpSync(join(REPO_ROOT, 'examples', 'vitest.config.mts'), join(project, 'vitest.config.mts'));
  writeFileSync(
    join(project, 'outcome.test.ts'),
    "import { expect, it } from 'vitest';\nit('kirkuk-2024 elects a PUK governor', () => { expect('kirkuk-2024').toElectGovernor('kirkuk', 'puk-kirkuk'); });\n",
  );
}, 180_000);

describe('a CommonJS consumer project', () => {
  it('runs the matchers through the example vitest.config.mts with no warning', () => {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('VITEST') && key !== 'NODE_OPTIONS') env[key] = value;
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'), 'run'], { cwd: project, env: { ...env, NO_COLOR: '1', CI: 'true' }, encoding: 'utf8', timeout: 120_000 });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/1 passed/);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).not.toMatch(/\(!\)|warning|Warning|deprecated/);
  }, 130_000);
});
