/**
 * `.ci/run` stops when the tools the e2e tests need cannot be installed, instead of running the suite
 * without them. It runs here with a PATH of stand-ins: a failing or useless `apt-get`, no tmux, and an
 * `npm` that records being called (it must not be).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const bash = ['/bin/bash', '/usr/bin/bash'].find((path) => existsSync(path))!;
let bin = '';

function stub(name: string, body: string): void {
  const file = join(bin, name);
  writeFileSync(file, `#!${bash}\n${body}\n`);
  chmodSync(file, 0o755);
}

function ciRun(aptGet: string): { code: number | null; stderr: string; npmCalled: boolean } {
  bin = mkdtempSync(join(tmpdir(), 'govsim-ci-'));
  for (const tool of ['dirname']) symlinkSync(['/usr/bin', '/bin'].map((dir) => join(dir, tool)).find((path) => existsSync(path))!, join(bin, tool));
  stub('apt-get', aptGet);
  stub('npm', `echo "$@" >> ${JSON.stringify(join(bin, 'npm-called'))}`);
  const result = spawnSync(bash, [join(REPO_ROOT, '.ci', 'run')], { env: { PATH: bin, CI: 'true', HOME: bin }, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr, npmCalled: existsSync(join(bin, 'npm-called')) };
}

afterEach(() => {
  rmSync(bin, { recursive: true, force: true });
});

describe('.ci/run without tmux', () => {
  it('stops when apt-get update fails', () => {
    const run = ciRun('echo "E: could not resolve deb.debian.org" >&2; exit 100');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('could not resolve');
    expect(run.npmCalled).toBe(false);
  });

  it('stops when the install leaves tmux missing, naming it', () => {
    const run = ciRun('exit 0');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('.ci/run: tmux is missing and could not be installed');
    expect(run.npmCalled).toBe(false);
  });
});
