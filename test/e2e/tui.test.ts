/**
 * The explorer in a real terminal: tmux runs the built bin at 80×24 and the test reads the screen back
 * with `capture-pane`, polling until the expected text appears (never fixed sleeps). `env -u CI`
 * because Ink draws only the final frame when it believes it runs in CI. A private tmux socket keeps
 * these sessions away from any other tmux server on the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, REPO_ROOT, runBin } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
const socket = `govsim-e2e-${process.pid}`;
const scratch = mkdtempSync(join(tmpdir(), 'govsim-tui-'));
/** An SGR sequence that sets a colour (30–38, 90–97) or inverse video (7). */
const COLOUR = new RegExp(`${String.fromCharCode(0x1b)}\\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7]|7)(?:;[0-9;]*)?m`);

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

function screen(session: string, escapes = false): string {
  return tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', session);
}

/** Polls the screen until `pattern` shows; fails with the screen as it was. */
async function waitFor(session: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = screen(session);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function keys(session: string, ...names: string[]): void {
  tmux('send-keys', '-t', session, ...names);
}

/** Starts the explorer in a detached 80×24 session; the shell prints the exit code afterwards. */
function launch(session: string, env = ''): void {
  const command = `cd ${JSON.stringify(REPO_ROOT)} && env -u CI TERM=xterm-256color ${env} node ${JSON.stringify(BIN)}; echo EXIT=$?; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);
}

// On a workstation without tmux the suite is skipped (and says so); under CI=true it must run, so a
// missing tmux fails the run instead of letting it pass green without the terminal tests.
if (!hasTmux && process.env.CI === 'true') {
  describe('the explorer under tmux', () => {
    it('needs tmux under CI (.ci/run installs it with apt-get)', () => {
      expect.fail('tmux is missing: CI must run the real-terminal tests (apt-get install -y tmux)');
    });
  });
}

const title = hasTmux ? 'the explorer under tmux' : 'the explorer under tmux: SKIPPED, tmux is not installed (.ci/run installs it)';

describe.skipIf(!hasTmux)(title, { timeout: 120_000 }, () => {
  beforeAll(() => {
    ensureBuilt();
  }, 180_000);

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('Najaf: Badr’s list leaves the CF bloc, undo, redo, save; `govsim check` passes the saved file', async () => {
    const session = 'najaf';
    const saved = join(scratch, 'najaf-without-nabni.yaml');
    launch(session);
    await waitFor(session, /Maysan/);

    // Najaf is the 8th council. CF = nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 of 15, majority 8.
    keys(session, 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'Enter');
    let text = await waitFor(session, /Najaf \| 15 members \| majority 8/);
    expect(text).toContain('bloc cf: 9 of 8 needed | MAJORITY | margin +1 | ELECTED');
    expect(text).toMatch(/› \[x\] nabni/);
    // Colour is on by default (the NO_COLOR test below relies on this check being able to fail).
    expect(screen(session, true)).toMatch(COLOUR);

    // Nabni (Badr's list) leaves: CF 6 < 8 and nabni alone 3 < 8; the bloc claimed Najaf ⇒ deadlock.
    keys(session, 'Space');
    text = await waitFor(session, /NO MAJORITY/);
    expect(text).toContain('bloc cf (not governing): 6 of 8 needed | NO MAJORITY | margin -2 | DEADLOCK');
    expect(text).toContain('Najaf elected → deadlock');

    keys(session, 'u');
    // At 80 columns the message line shortens the edit's label to keep the whole effect (deadlock is
    // longer than the open it replaced), so the label may end in "bloc…".
    text = await waitFor(session, /undo: Najaf: nabni leaves bloc.* ⇒ Najaf deadlock → elected/);
    expect(text).toContain('bloc cf: 9 of 8 needed | MAJORITY | margin +1 | ELECTED');

    keys(session, 'r');
    text = await waitFor(session, /redo: Najaf: nabni leaves bloc.* ⇒ Najaf elected → deadlock/);
    expect(text).toContain('6 of 8 needed | NO MAJORITY');

    keys(session, 'w');
    await waitFor(session, /Save scenario as:/);
    keys(session, 'C-u');
    await waitFor(session, /Save scenario as: +\(enter confirms/);
    tmux('send-keys', '-t', session, '-l', saved);
    await waitFor(session, /najaf-without-nabni\.yaml +\(enter confirms/);
    keys(session, 'Enter');
    await waitFor(session, /✓ saved .*najaf-without-nabni\.yaml \(1 expectation/);

    keys(session, 'q');
    await waitFor(session, /EXIT=0/);

    const yaml = readFileSync(saved, 'utf8');
    expect(yaml).toContain('extends: baseline');
    expect(yaml).toContain('- leave: { units: [ nabni ], from: cf, councils: [ najaf ] }');
    const check = runBin(['check', saved]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/✓ najaf: status deadlock/);
  });

  it('side by side after a seat-set switch, then the sources of a council and of the unit under the cursor', async () => {
    const session = 'compare';
    launch(session);
    await waitFor(session, /Maysan/);
    // S → the seat-set picker; preliminary is the third set (final, ihec-final, preliminary, …).
    keys(session, 'S');
    await waitFor(session, /preliminary/);
    keys(session, 'j', 'j', 'Enter');
    let text = await waitFor(session, /seat set final → preliminary/);
    expect(text).toMatch(/seats preliminary/);
    expect(text).toMatch(/UNSAVED/);
    // v: the opened scenario (final) and now (preliminary), seat by seat; Baghdad's Taqaddum 8 → 9.
    keys(session, 'v');
    text = await waitFor(session, /Baghdad \(baghdad\)/);
    expect(text).toContain('baseline (seats final)');
    expect(text).toMatch(/\* taqaddum +8 +│ 9/);
    // b lists the same seat changes in the differences view.
    keys(session, 'b');
    text = await waitFor(session, /Seat set final → preliminary/);
    // Baghdad's outcome changes (bloc cf 25 → 24 votes, still deadlock), so its seats come unit by unit.
    expect(text).toMatch(/seats taqaddum: 8 → 9/);
    // Back to the country view, to Najaf (8th), i: its figures and their sources.
    keys(session, 'Escape');
    await waitFor(session, /Country/);
    keys(session, 'g', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'i');
    text = await waitFor(session, /Sources: Najaf/);
    expect(text).toMatch(/list nabni: 3 seats \| documented \| shafaq-2023-12-28-final/);
    keys(session, 'i', 'Enter');
    await waitFor(session, /Najaf \| 15 members/);
    // The unit under the cursor (wafaa, 3rd) comes first.
    keys(session, 'j', 'j', 'i');
    text = await waitFor(session, /Sources: Najaf, wafaa first/);
    expect(text).toMatch(/1\. list wafaa: 2 seats/);
    keys(session, 'Escape', 'q');
    await waitFor(session, /Quit anyway\?/);
    keys(session, 'y');
    await waitFor(session, /EXIT=0/);
  });

  it('asks before quitting with unsaved changes; Ctrl-C twice exits 130 and restores the screen', async () => {
    const session = 'interrupt';
    launch(session);
    await waitFor(session, /Maysan/);
    // Baghdad's first unit is State of Law (9): it leaves the CF bloc.
    keys(session, 'Enter', 'Space');
    await waitFor(session, /1 edit \| UNSAVED/);
    keys(session, 'q');
    await waitFor(session, /Unsaved changes \(1 edit\)\. Quit anyway\?/);
    keys(session, 'n');
    // The question gives way to the status message again.
    await waitFor(session, /✓ Baghdad: state-of-law leaves bloc cf/);
    keys(session, 'C-c');
    await waitFor(session, /Unsaved changes \(1 edit\)\. Ctrl-C again quits\./);
    keys(session, 'C-c');
    const text = await waitFor(session, /EXIT=130/);
    // The alternate screen is gone: nothing of the explorer is left on the terminal.
    expect(text).not.toContain('govsim |');
  });

  it('honours NO_COLOR (no colour escapes) and still marks state in words and symbols', async () => {
    const session = 'nocolor';
    launch(session, 'NO_COLOR=1');
    await waitFor(session, /Maysan/);
    const coloured = screen(session, true);
    expect(coloured).not.toMatch(COLOUR);
    expect(coloured).toMatch(/› {2}Baghdad/);
    expect(coloured).toContain('ELECTED +1');
    keys(session, 'q');
    await waitFor(session, /EXIT=0/);
  });
});

describe('without a terminal', () => {
  beforeAll(() => {
    ensureBuilt();
  }, 180_000);

  it('explains in one line and exits 2 when stdin or stdout is not a TTY', () => {
    for (const args of [[], ['explore']]) {
      const result = runBin(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('govsim: explore needs an interactive terminal; in scripts and pipes use `govsim run <scenario>` (see govsim run --help)\n');
      expect(result.stdout).toBe('');
    }
  });
});
