/**
 * The explorer rendered by Ink: frames at the terminal sizes users have (80×24 and after a resize),
 * coalesced input, the generated help, textual markers that survive NO_COLOR, and a clean exit.
 */
import { render as renderTesting } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { openSession, type Session } from '../../src/explorer/session.js';
import { helpSections } from '../../src/ui/keymap.js';
import { createUiState } from '../../src/ui/ui-state.js';
import { type FakeTerminal, plain, renderAt, until } from './fake-terminal.js';

const session = (): Session => openSession();
let open: FakeTerminal | undefined;
afterEach(() => {
  open?.unmount();
  open = undefined;
});

function lines(frame: string): string[] {
  return frame.split('\n');
}

function widest(frame: string): number {
  return Math.max(...lines(frame).map((line) => [...line].length));
}

describe('the country view at 80×24', () => {
  it('fits the 15 councils, the national line and the keys in 23 lines of 80 columns', async () => {
    open = renderAt(<App initial={createUiState(session())} />, { columns: 80, rows: 24 });
    await until(() => open!.lastFrame().includes('Maysan'), 'the first frame');
    const frame = open.lastFrame();
    expect(lines(frame).length).toBeLessThanOrEqual(23);
    expect(widest(frame)).toBeLessThanOrEqual(80);
    for (const name of ['Baghdad', 'Basra', 'Nineveh', 'Kirkuk', 'Anbar', 'Diyala', 'Salah al-Din', 'Najaf', 'Karbala', 'Babil', 'Wasit', 'Dhi Qar', 'Qadisiyah', 'Muthanna', 'Maysan']) {
      expect(frame).toContain(name);
    }
    // Status in words (colour is optional), group labelled derived, the cursor as a character.
    expect(frame).toMatch(/› {2}Baghdad +C derived +52 +27 .* 25\/27 DEADLOCK/);
    expect(frame).toMatch(/Najaf +A derived +15 +8 .* 9\/8 ELECTED \+1 +nabni/);
    // 102 equals the published figure, but the inferred CF seats were fitted to it, so the match is
    // "≈ fitted (…)", not a confirmation (the rest of the note is cut at 80 columns).
    expect(frame).toContain('CF big three (Nabni + State of Law + NSF): 102 | published 102 ≈ fitted (');
    expect(frame).toContain('8 elected, 5 deadlock, 0 no quorum, 2 open');
  });

  it('re-lays out on resize: narrower and shorter, the frame still fits', async () => {
    open = renderAt(<App initial={createUiState(session())} />, { columns: 80, rows: 24 });
    await until(() => open!.lastFrame().includes('Maysan'), 'the first frame');
    open.stdout.resize(60, 16);
    await until(() => lines(open!.lastFrame()).length <= 15, 'the resized frame');
    const frame = open.lastFrame();
    expect(widest(frame)).toBeLessThanOrEqual(60);
    expect(frame).toContain('› ');
    // 16 rows leave 8 council rows: the cursor row (Baghdad) stays visible.
    expect(frame).toContain('Baghdad');
    expect(frame).not.toContain('Maysan');
    // Even a very small terminal gets a frame that fits, in every view.
    open.stdout.resize(40, 12);
    await until(() => lines(open!.lastFrame()).length <= 11, 'the small frame');
    expect(widest(open.lastFrame())).toBeLessThanOrEqual(40);
    for (const key of ['\r', '\t', 't', 'b', 'd', '?']) {
      const drawn = open.stdout.frames.length;
      open.stdin.write(key);
      await until(() => open!.stdout.frames.length > drawn, `the frame after ${JSON.stringify(key)}`);
      expect(lines(open.lastFrame()).length).toBeLessThanOrEqual(11);
      expect(widest(open.lastFrame())).toBeLessThanOrEqual(40);
    }
  });
});

describe('the council view', () => {
  it('reacts to coalesced keys: moves, opens Najaf and toggles nabni out in one burst each', async () => {
    open = renderAt(<App initial={createUiState(session())} />, { columns: 80, rows: 24 });
    await until(() => open!.lastFrame().includes('Maysan'), 'the first frame');
    open.stdin.write('jjjjjjj');
    open.stdin.write('\r');
    await until(() => open!.lastFrame().includes('Najaf | 15 members | majority 8'), 'the Najaf view');
    let frame = open.lastFrame();
    expect(frame).toContain('bloc cf: 9 of 8 needed | MAJORITY | margin +1 | ELECTED');
    expect(frame).toContain('governor from nabni | pivotal: nabni, state-of-law, nsf');
    expect(frame).toMatch(/› \[x\] nabni/);
    expect(widest(frame)).toBeLessThanOrEqual(80);
    open.stdin.write(' ');
    await until(() => open!.lastFrame().includes('NO MAJORITY'), 'the toggle');
    frame = open.lastFrame();
    expect(frame).toContain('bloc cf (not governing): 6 of 8 needed | NO MAJORITY | margin -2 | DEADLOCK');
    expect(frame).toMatch(/› \[ \] nabni/);
    expect(frame).toContain('✓ Najaf: nabni leaves bloc cf ⇒ Najaf elected → deadlock');
    expect(frame).toContain('1 edit | UNSAVED');
    // The seat bar: coalition seats first (state-of-law 3, nsf 2, absher 1 = 6), then the majority line after seat 8.
    expect(frame).toMatch(/^█{3}▓{2}█▒{2}│/m);
  });

  it('shows power indices and pivotal units', async () => {
    open = renderAt(<App initial={createUiState(session())} />, { columns: 80, rows: 24 });
    await until(() => open!.lastFrame().includes('Maysan'), 'the first frame');
    open.stdin.write('jjjjjjj\r');
    await until(() => open!.lastFrame().includes('Najaf | 15'), 'the Najaf view');
    // Banzhaf for Najaf's lists [3,3,2,2,1,1,1,1,1], quota 8: nabni and state-of-law share 20.9% each.
    // CF 9, margin 1: nabni (3 > 1) is pivotal, absher (1) is not.
    expect(open.lastFrame()).toMatch(/nabni .* 3 +3\/3 +20\.9% +21\.4% +PIVOTAL/);
    expect(open.lastFrame()).toMatch(/absher .* 1 +1\/1 +6\.5% +6\.2% *$/m);
    expect(open.lastFrame()).toContain('pivotal: nabni, state-of-law, nsf | hinge seats: 0');
  });

  it('lists the hinge seats of a council held by a margin of 0', async () => {
    open = renderAt(<App initial={createUiState(session())} />, { columns: 80, rows: 24 });
    await until(() => open!.lastFrame().includes('Maysan'), 'the first frame');
    // Basra (second row): Tasmim 12 of 23 alone, majority 12, margin 0: one Tasmim member away breaks it.
    open.stdin.write('j\r');
    await until(() => open!.lastFrame().includes('Basra | 23 members'), 'the Basra view');
    expect(open.lastFrame()).toContain('list tasmim: 12 of 12 needed | MAJORITY | margin 0 | ELECTED');
    expect(open.lastFrame()).toContain('governor from tasmim | pivotal: tasmim | hinge seats: 3');
    open.stdin.write('\t');
    await until(() => open!.lastFrame().includes('[hinges'), 'the hinge pane');
    // Word-wrapped to the 80 columns.
    expect(open.lastFrame()).toMatch(/^1\. 1 tasmim member absent: present 23 → 22: tasmim 12 → 11 of 12 needed: loses\n {3}the majority$/m);
  });
});

describe('help and exit', () => {
  it('generates the help overlay from the keymap', async () => {
    const app = renderTesting(<App initial={createUiState(session())} />);
    await until(() => (app.lastFrame() ?? '').includes('Maysan'), 'the first frame');
    app.stdin.write('?');
    await until(() => (app.lastFrame() ?? '').includes('Keys (any key closes this help)'), 'the help');
    const frame = plain(app.lastFrame() ?? '');
    for (const section of helpSections('country')) {
      expect(frame).toContain(section.title);
      for (const row of section.rows) expect(frame).toContain(row.help);
    }
    app.stdin.write('x');
    await until(() => !(app.lastFrame() ?? '').includes('Keys (any key'), 'the help to close');
    app.unmount();
  });

  it('fits every key of the council view in the help at 80×24', async () => {
    open = renderAt(<App initial={createUiState(session())} />, { columns: 80, rows: 24 });
    await until(() => open!.lastFrame().includes('Maysan'), 'the first frame');
    open.stdin.write('\r');
    await until(() => open!.lastFrame().includes('Baghdad | 52 members'), 'the Baghdad view');
    open.stdin.write('?');
    await until(() => open!.lastFrame().includes('Keys (any key closes this help)'), 'the help');
    const frame = open.lastFrame();
    expect(lines(frame).length).toBeLessThanOrEqual(23);
    expect(widest(frame)).toBeLessThanOrEqual(80);
    for (const section of helpSections('council')) {
      expect(frame).toContain(section.title);
      for (const row of section.rows) expect(frame).toContain(`${row.keys.padEnd(9)} ${row.help}`);
    }
  });

  it('q exits through the quit flag and reports code 0', async () => {
    let code: number | undefined;
    open = renderAt(
      <App
        initial={createUiState(session())}
        onExit={(value) => {
          code = value;
        }}
      />,
      { columns: 80, rows: 24 },
    );
    await until(() => open!.lastFrame().includes('Maysan'), 'the first frame');
    open.stdin.write('q');
    await open.waitUntilExit();
    expect(code).toBe(0);
  });
});

describe('the probability panel at 80×24', () => {
  it('P shows the exact probabilities for kirkuk-2024 and the frame still fits', async () => {
    const kirkuk = openSession('kirkuk-2024');
    const ui = { ...createUiState(kirkuk), screen: 'council' as const, council: { id: 'kirkuk', cursor: 0, pane: 'units' as const, scroll: 0, probabilities: true } };
    open = renderAt(<App initial={ui} />, { columns: 80, rows: 24 });
    await until(() => open!.lastFrame().includes('P(elected)'), 'the panel');
    const frame = open.lastFrame();
    expect(lines(frame).length).toBeLessThanOrEqual(23);
    expect(widest(frame)).toBeLessThanOrEqual(80);
    // 0.97^5 · 0.9^3 · 0.95 · 0.9 · 0.85 = 0.45496 → 45.5%.
    expect(frame).toContain('P(elected) 45.5%');
    expect(frame).toContain('P(pivotal), the chance its votes decide:');
  });

  it('gives the reason on a scenario without a probabilities block', async () => {
    const ui = { ...createUiState(session()), screen: 'council' as const, council: { id: 'najaf', cursor: 0, pane: 'units' as const, scroll: 0, probabilities: true } };
    open = renderAt(<App initial={ui} />, { columns: 80, rows: 24 });
    await until(() => open!.lastFrame().includes('unavailable'), 'the panel');
    expect(open.lastFrame()).toContain('unavailable: this scenario has no probabilities: block');
  });
});
