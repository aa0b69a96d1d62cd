/**
 * What would it take, driven by keys through the app reducer: the paths pane, enter on a path, a
 * breaking point or a hinge seat, the one-seat move picker and the national packages pane. Every
 * expected figure is worked out by hand from the bundled baseline (final seats) in the comments.
 */
import { describe, expect, it } from 'vitest';
import { councilPathsView, packagesView } from '../../src/explorer/paths.js';
import { councilDetail, countryRows } from '../../src/explorer/queries.js';
import { scenarioDocument } from '../../src/explorer/save-scenario.js';
import { openSession, type Session } from '../../src/explorer/session.js';
import { commandFor, footerHints, helpSections, type KeyFlags } from '../../src/ui/keymap.js';
import { appReducer } from '../../src/ui/reducers/app-reducer.js';
import { createUiState, type UiState } from '../../src/ui/ui-state.js';

const session = (): Session => openSession();
const ENTER: KeyFlags = { return: true };
const ESC: KeyFlags = { escape: true, meta: true };
const TAB: KeyFlags = { tab: true };

function press(ui: UiState, input: string, key: KeyFlags = {}): UiState {
  return appReducer(ui, { type: 'keys', input, key });
}

function council(id: string): UiState {
  const ui = createUiState(session());
  return { ...ui, screen: 'council', council: { ...ui.council, id } };
}

function row(ui: UiState, id: string) {
  return countryRows(ui.session).find((entry) => entry.id === id)!;
}

describe('the paths pane', () => {
  it('opens on W, lists the CF paths in Wasit ranked, and W again goes back to the units', () => {
    // Wasit, 16 seats, majority 9: CF = nabni 2 + state-of-law 3 + nsf 2 = 7, 2 short (a deadlock: the CF claims it). The cheapest paths add 2
    // seats: 2 of wasit-ajmal's 8 won over (or moved); adding wasit-ajmal whole adds 8.
    const ui = press(council('wasit'), 'W');
    expect(ui.council.pane).toBe('paths');
    const view = councilPathsView(ui.session, 'wasit');
    expect(view.target).toBe('cf');
    expect(view.summary).toBe('cf has 7 of 9 needed: 2 short | nobody governs');
    expect(view.rows.map((entry) => entry.text).slice(0, 3)).toEqual(['win over 2 of wasit-ajmal', 'move 2 seats from wasit-ajmal', 'add wasit-ajmal']);
    expect(view.rows[0]!.arithmetic).toBe('nabni 2 + state-of-law 3 + nsf 2 + wasit-ajmal won over 2 = 9 ≥ 9, margin 0');
    expect(press(ui, 'W').council.pane).toBe('units');
  });

  it('enter applies the path as steps: Wasit then elects via the CF with 9 of 9; undo restores it', () => {
    const before = press(council('wasit'), 'W');
    expect(row(before, 'wasit').status).toBe('deadlock');
    const applied = press(before, '', ENTER);
    expect(applied.session.done).toHaveLength(1);
    expect(applied.session.done[0]!.steps).toEqual([{ defect: { council: 'wasit', from: 'wasit-ajmal', seats: 2, to: 'cf' } }]);
    const outcome = councilDetail(applied.session, 'wasit').result.outcome;
    expect(outcome).toMatchObject({ status: 'elected', via: 'cf', votes: 9, needed: 9, margin: 0 });
    expect(applied.message?.text).toContain('win over 2 of wasit-ajmal');
    expect(applied.changed).toContain('wasit');
    // The saved scenario carries the step.
    const document = scenarioDocument(applied.session, 'what-if.yaml') as { steps: { defect?: unknown }[] };
    expect(document.steps.some((step) => JSON.stringify(step.defect) === JSON.stringify({ council: 'wasit', from: 'wasit-ajmal', seats: 2, to: 'cf' }))).toBe(true);
    const undone = press(applied, 'u');
    expect(undone.session.done).toHaveLength(0);
    expect(row(undone, 'wasit').status).toBe('deadlock');
  });

  it('enter on the third path (add wasit-ajmal) gives 15 of 9', () => {
    const ui = press(press(council('wasit'), 'W'), 'jj');
    expect(ui.council.scroll).toBe(2);
    const applied = press(ui, '', ENTER);
    // 7 + 8 = 15 ≥ 9, margin 6.
    expect(councilDetail(applied.session, 'wasit').result.outcome).toMatchObject({ status: 'elected', via: 'cf', votes: 15, margin: 6 });
  });

  it('lists the breaking points of who governs and enter applies one: Najaf loses its majority', () => {
    // Najaf, 15 seats, majority 8: the CF governs with nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9, margin 1;
    // nsf (2) leaving leaves 7 < 8.
    const ui = press(council('najaf'), 'W');
    const view = councilPathsView(ui.session, 'najaf');
    expect(view.summary).toBe('cf governs with 9 of 8 needed: margin 1');
    expect(view.rows[0]).toMatchObject({ kind: 'breaking', text: 'nsf leaves', arithmetic: '9 − nsf 2 = 7 < 8', confidence: 'documented' });
    const applied = press(ui, '', ENTER);
    expect(row(applied, 'najaf').status).not.toBe('elected');
    expect(applied.session.done[0]!.steps).toEqual([{ leave: { units: ['nsf'], from: 'cf', councils: ['najaf'] } }]);
    expect(row(press(applied, 'u'), 'najaf').status).toBe('elected');
  });

  it('f cycles whom the paths are for: wasit-ajmal (8) needs 1 more, and adding quota-feyli makes it govern', () => {
    // Wasit's alignments: the CF bloc 7 (on screen), wasit-ajmal 8, quota-feyli 1.
    const first = press(council('wasit'), 'f');
    expect(first.council).toMatchObject({ pane: 'paths', pathsFor: 'cf' });
    const second = press(first, 'f');
    expect(second.council.pathsFor).toBe('wasit-ajmal');
    const view = councilPathsView(second.session, 'wasit', 'wasit-ajmal');
    expect(view.summary).toBe('wasit-ajmal has 8 of 9 needed: 1 short | nobody governs');
    expect(view.rows[0]).toMatchObject({ text: 'add quota-feyli', arithmetic: 'wasit-ajmal 8 + quota-feyli 1 = 9 ≥ 9, margin 0' });
    const applied = press(second, '', ENTER);
    // A list is not yet an alignment of its own here: the path makes it a deal with its partner.
    expect(applied.session.done[0]!.steps).toEqual([{ deal: { id: 'wasit-ajmal-wasit', parties: ['wasit-ajmal', 'quota-feyli'], councils: ['wasit'], governor: 'wasit-ajmal' } }]);
    expect(councilDetail(applied.session, 'wasit').result.outcome).toMatchObject({ status: 'elected', governorFrom: 'wasit-ajmal', votes: 9, needed: 9 });
    expect(press(press(second, 'f'), 'f').council.pathsFor).toBe('cf');
    expect(row(press(applied, 'u'), 'wasit').status).toBe('deadlock');
  });

  it('enter in the units pane explains itself and edits nothing', () => {
    const ui = press(council('wasit'), '', ENTER);
    expect(ui.session.done).toHaveLength(0);
    expect(ui.message?.text).toMatch(/enter applies a path/);
  });
});

describe('enter on a hinge seat', () => {
  it('applies the hinge under the cursor: one Tasmim member away and Basra loses its majority', () => {
    // Basra: Tasmim 12 of 23 alone, majority 12, margin 0; hinge 1 is "1 tasmim member absent".
    const ui = press(council('basra'), '', TAB);
    expect(ui.council.pane).toBe('hinges');
    const applied = press(ui, '', ENTER);
    expect(applied.session.done[0]!.steps).toEqual([{ absent: { council: 'basra', units: ['tasmim'], seats: 1 } }]);
    expect(applied.session.done[0]!.label).toBe('Basra: 1 tasmim member absent');
    expect(row(applied, 'basra').status).not.toBe('elected');
    expect(row(press(applied, 'u'), 'basra').status).toBe('elected');
  });

  it('a move hinge becomes a transfer of one seat', () => {
    const base = council('basra');
    const hinges = councilDetail(base.session, 'basra').hinges;
    const at = hinges.findIndex((text) => text.startsWith('move 1 seat tasmim → '));
    expect(at).toBeGreaterThanOrEqual(0);
    let ui = press(base, '', TAB);
    for (let i = 0; i < at; i++) ui = press(ui, 'j');
    const applied = press(ui, '', ENTER);
    const step = applied.session.done[0]!.steps[0] as { transfer: { from: string; to: string; seats: number } };
    expect(step.transfer).toMatchObject({ from: 'tasmim', seats: 1 });
    expect(hinges[at]).toContain(`tasmim → ${step.transfer.to}`);
    // 12 − 1 = 11 < 12: Tasmim no longer governs alone.
    expect(councilDetail(applied.session, 'basra').units.find((unit) => unit.id === 'tasmim')!.seats).toBe(11);
    expect(row(applied, 'basra').status).not.toBe('elected');
  });
});

describe('moving one seat (m)', () => {
  it('opens a picker from the unit under the cursor, skips it, and enter moves one seat; undo restores', () => {
    // Najaf: nabni 3, state-of-law 3, wafaa 2, …
    const ui = press(council('najaf'), 'm');
    expect(ui.overlay).toEqual({ kind: 'transfer', council: 'najaf', from: 'nabni', cursor: 1 });
    // Up from state-of-law would land on nabni itself: the cursor stays on a different unit.
    expect(press(ui, 'k').overlay).toMatchObject({ cursor: 1 });
    const picked = press(ui, 'j');
    expect(picked.overlay).toMatchObject({ cursor: 2 });
    const moved = press(picked, '', ENTER);
    expect(moved.overlay).toBeNull();
    expect(moved.session.done[0]!.steps).toEqual([{ transfer: { council: 'najaf', from: 'nabni', to: 'wafaa', seats: 1 } }]);
    const seats = (ui2: UiState, id: string) => councilDetail(ui2.session, 'najaf').units.find((unit) => unit.id === id)!.seats;
    expect([seats(moved, 'nabni'), seats(moved, 'wafaa')]).toEqual([2, 3]);
    // The CF loses a vote: 9 − 1 = 8, still 8 of 8.
    expect(row(moved, 'najaf').coalition).toMatchObject({ votes: 8, margin: 0 });
    const undone = press(moved, 'u');
    expect([seats(undone, 'nabni'), seats(undone, 'wafaa')]).toEqual([3, 2]);
  });

  it('esc cancels the move', () => {
    const ui = press(press(council('najaf'), 'm'), '', ESC);
    expect(ui.overlay).toBeNull();
    expect(ui.session.done).toHaveLength(0);
  });
});

describe('the national packages pane (K)', () => {
  it('opens on K, moves over the CF frontier, switches bloc on tab and closes on esc', () => {
    const ui = press(createUiState(session()), 'K');
    expect(ui.country.packages).toEqual({ target: 0, cursor: 0 });
    const view = packagesView(ui.session, 'cf');
    // Alone the CF wins 6 (najaf, babil, dhiqar, qadisiyah, muthanna, maysan); asas (3 in Baghdad + 2 elsewhere)
    // adds Baghdad: 25 + 3 ≥ 27, the cheapest 7th.
    expect(view.rows[0]).toMatchObject({ k: 6, partners: [], wins: 6 });
    expect(view.rows[1]).toMatchObject({ k: 7, partners: ['asas'], wins: 7, seatsAdded: 5 });
    expect(view.unreachable).toBe(10);
    const moved = press(ui, 'j');
    expect(moved.country.packages).toEqual({ target: 0, cursor: 1 });
    expect(moved.country.cursor).toBe(0);
    const other = press(moved, '', TAB);
    expect(other.country.packages).toEqual({ target: 1, cursor: 0 });
    const closed = press(other, '', ESC);
    expect(closed.country.packages).toBeUndefined();
    expect(press(ui, 'K').country.packages).toBeUndefined();
  });
});

describe('the keys', () => {
  it('binds W, enter and m in the council view, K and tab in the country view, and the help lists them', () => {
    expect(commandFor('council', 'W')).toBe('paths');
    expect(commandFor('council', 'return')).toBe('enter');
    expect(commandFor('council', 'm')).toBe('move-seat');
    expect(commandFor('council', 'f')).toBe('paths-for');
    expect(commandFor('country', 'K')).toBe('packages');
    expect(commandFor('country', 'tab')).toBe('next-target');
    expect(commandFor('transfer', 'return')).toBe('enter');
    expect(commandFor('transfer', 'escape')).toBe('back');
    const council = helpSections('council').flatMap((section) => section.rows.map((entry) => `${entry.keys} ${entry.help}`));
    expect(council).toContain('W what would it take (paths)');
    expect(council).toContain('m move one seat to a unit');
    expect(council).toContain('enter apply path/break/hinge');
    expect(helpSections('country').flatMap((section) => section.rows.map((entry) => entry.keys))).toContain('K');
    expect(footerHints('council').map((hint) => hint.hint)).toEqual(expect.arrayContaining(['paths', 'apply', 'move seat']));
  });
});
