/**
 * What would it take, as Ink draws it at 80×24: the paths pane of a council, enter applying a path
 * (the council then governs with the votes the path states; undo restores it), the one-seat move
 * picker and the national packages pane.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { openSession, type Session } from '../../src/explorer/session.js';
import { createUiState, type UiState } from '../../src/ui/ui-state.js';
import { type FakeTerminal, renderAt, until } from './fake-terminal.js';

const session = (): Session => openSession();
let open: FakeTerminal | undefined;
afterEach(() => {
  open?.unmount();
  open = undefined;
});

function widest(frame: string): number {
  return Math.max(...frame.split('\n').map((line) => [...line].length));
}

function councilState(id: string): UiState {
  const ui = createUiState(session());
  return { ...ui, screen: 'council', council: { ...ui.council, id } };
}

async function start(ui: UiState, ready: string): Promise<FakeTerminal> {
  open = renderAt(<App initial={ui} />, { columns: 80, rows: 24 });
  await until(() => open!.lastFrame().includes(ready), 'the first frame');
  return open;
}

describe('the paths pane at 80×24', () => {
  it('shows the CF paths in Wasit with their arithmetic; enter applies the first, undo restores', async () => {
    const term = await start(councilState('wasit'), 'Wasit | 16 members');
    term.stdin.write('W');
    await until(() => term.lastFrame().includes('[paths'), 'the paths pane');
    const frame = term.lastFrame();
    expect(widest(frame)).toBeLessThanOrEqual(80);
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    expect(frame).toContain('cf has 7 of 9 needed: 2 short | nobody governs');
    expect(frame).toMatch(/› path {2}win over 2 of wasit-ajmal ~ \| nabni 2 \+ state-of-law 3/);
    expect(frame).toMatch(/path {2}add wasit-ajmal ~/);
    // The row under › in full, with its confidence in words.
    expect(frame).toContain('nabni 2 + state-of-law 3 + nsf 2 + wasit-ajmal won over 2 = 9 ≥ 9, margin 0 |');
    expect(frame).toContain('inferred');
    expect(frame).toContain('enter apply');

    term.stdin.write('\r');
    await until(() => term.lastFrame().includes('ELECTED'), 'the applied path');
    // The CF now governs with the stated 9 of 9, and the pane shows its breaking points.
    expect(term.lastFrame()).toContain('bloc cf: 9 of 9 needed | MAJORITY | margin 0 | ELECTED');
    expect(term.lastFrame()).toContain('cf governs with 9 of 9 needed: margin 0');
    expect(term.lastFrame()).toMatch(/› break 1 member of wasit-ajmal \(won over to cf\) defect or stay away/);
    expect(term.lastFrame()).toContain('no step can apply it');
    expect(term.lastFrame()).toMatch(/break nabni leaves ~ \| 9 − nabni 2 = 7 < 9/);

    term.stdin.write('u');
    await until(() => term.lastFrame().includes('DEADLOCK'), 'the undone path');
    expect(term.lastFrame()).toContain('cf has 7 of 9 needed: 2 short');
  });
});

describe('a hinge seat at 80×24', () => {
  it('enter in the hinges pane applies the first hinge: one Tasmim member away and Basra has no majority', async () => {
    const term = await start(councilState('basra'), 'Basra | 23 members');
    term.stdin.write('\t');
    await until(() => term.lastFrame().includes('enter applies hinge 1'), 'the hinges pane');
    term.stdin.write('\r');
    await until(() => term.lastFrame().includes('1 edit'), 'the applied hinge');
    // Tasmim 12 − 1 = 11 of 12 needed: nobody governs; the screen turns to the CF bloc (9 of 12).
    expect(term.lastFrame()).toContain('Basra: 1 tasmim member absent ⇒ Basra elected → deadlock');
    expect(term.lastFrame()).toContain('present 22');
  });
});

describe('moving one seat at 80×24', () => {
  it('m opens the picker from the unit under ›, enter moves the seat', async () => {
    const term = await start(councilState('najaf'), 'Najaf | 15 members');
    term.stdin.write('m');
    await until(() => term.lastFrame().includes('move 1 seat from nabni'), 'the picker');
    expect(term.lastFrame()).toMatch(/› state-of-law +3 seats +→ 4/);
    expect(term.lastFrame()).toMatch(/nabni +3 seats +\(from\)/);
    expect(term.lastFrame()).toContain('enter move');
    term.stdin.write('\r');
    await until(() => term.lastFrame().includes('moved') || term.lastFrame().includes('move 1 seat nabni → state-of-law ⇒'), 'the move');
    expect(term.lastFrame()).toContain('Najaf: move 1 seat nabni → state-of-law');
    // Both in the CF: 9 of 8 still.
    expect(term.lastFrame()).toContain('9 of 8 needed');
  });
});

describe('the packages pane at 80×24', () => {
  it('K shows the CF frontier and what the package under › wins, loses and leaves open', async () => {
    const term = await start(createUiState(session()), 'Maysan');
    term.stdin.write('K');
    await until(() => term.lastFrame().includes('Packages for cf'), 'the packages pane');
    let frame = term.lastFrame();
    expect(widest(frame)).toBeLessThanOrEqual(80);
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    expect(frame).toContain('Packages for cf: alone 6 of 15, at most 9');
    expect(frame).toMatch(/› +6 +1 +\(alone\) +0 +6/);
    expect(frame).toMatch(/7 +5 +asas +5 +7/);
    expect(frame).toContain('no package of these candidates reaches 10 or more');
    expect(frame).toContain('cf alone wins 6: najaf, babil, dhiqar, qadisiyah, muthanna, maysan');
    term.stdin.write('j');
    await until(() => term.lastFrame().includes('cf + asas wins 7'), 'the second package');
    frame = term.lastFrame();
    expect(frame).toContain('cf + asas wins 7: baghdad, najaf');
    expect(frame).toMatch(/loses \d+ \(the governing keeps its majority\)/);
    term.stdin.write('\u001b');
    await until(() => term.lastFrame().includes('Council') && !term.lastFrame().includes('Packages for'), 'the country view again');
  });
});
