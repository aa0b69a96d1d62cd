/**
 * The explorer's reducers without Ink: keys in, UI state out. Every key goes through `appReducer`, so
 * these tests drive exactly what a terminal would.
 */
import { describe, expect, it } from 'vitest';
import { countryRows } from '../../src/explorer/queries.js';
import { openSession } from '../../src/explorer/session.js';
import type { KeyFlags } from '../../src/ui/keymap.js';
import { appReducer } from '../../src/ui/reducers/app-reducer.js';
import { dealColumns } from '../../src/ui/reducers/deal-reducer.js';
import { partyOptions } from '../../src/explorer/edits.js';
import { createUiState, type UiState } from '../../src/ui/ui-state.js';

const fresh = (): UiState => createUiState(openSession());

function press(ui: UiState, input: string, key: KeyFlags = {}): UiState {
  return appReducer(ui, { type: 'keys', input, key });
}

const ENTER: KeyFlags = { return: true };
const ESC: KeyFlags = { escape: true, meta: true };
const CTRL_C: KeyFlags = { ctrl: true };

function status(ui: UiState, id: string): string {
  return countryRows(ui.session).find((row) => row.id === id)!.status;
}

/** Najaf is the 8th council in dataset order (baghdad … salahaddin, najaf). */
function openNajaf(): UiState {
  return press(press(fresh(), 'jjjjjjj'), '', ENTER);
}

describe('moving and opening', () => {
  it('applies keys that arrive together one by one (coalesced "jjjjjjj")', () => {
    const ui = openNajaf();
    expect(ui.screen).toBe('council');
    expect(ui.council.id).toBe('najaf');
  });

  it('toggles the unit under the cursor after moves in the same burst ("jjx")', () => {
    // Najaf's units: nabni, state-of-law, wafaa, …; "jj" lands on wafaa (2 seats), "x" puts it in the CF bloc:
    // 9 + 2 = 11 of 15, still elected, margin +3.
    const ui = press(openNajaf(), 'jjx');
    expect(ui.council.cursor).toBe(2);
    expect(ui.session.done.at(-1)?.label).toBe('Najaf: wafaa joins bloc cf');
    expect(countryRows(ui.session).find((row) => row.id === 'najaf')!.coalition).toMatchObject({ votes: 11, margin: 3 });
  });

  it('goes back to the country view on esc, with the cursor on the council', () => {
    const ui = press(openNajaf(), '', ESC);
    expect(ui.screen).toBe('country');
    expect(ui.country.cursor).toBe(7);
  });
});

describe('edit, undo, redo', () => {
  it('space takes nabni out of the CF bloc; u and r undo and redo it, with the change reported', () => {
    // Najaf without nabni: CF 3 + 2 + 1 = 6 < 8, nabni alone 3 < 8; the bloc claimed it ⇒ deadlock.
    const edited = press(openNajaf(), ' ');
    expect(status(edited, 'najaf')).toBe('deadlock');
    expect(edited.changed).toEqual(['najaf']);
    expect(edited.message).toEqual({ text: expect.stringContaining('Najaf elected → deadlock'), tone: 'success' });
    const undone = press(edited, 'u');
    expect(status(undone, 'najaf')).toBe('elected');
    expect(undone.message?.text).toMatch(/^undo: Najaf: nabni leaves bloc cf ⇒ Najaf deadlock → elected/);
    const redone = press(undone, 'r');
    expect(status(redone, 'najaf')).toBe('deadlock');
    expect(press(fresh(), 'u').message).toEqual({ text: 'nothing to undo', tone: 'error' });
  });

  it('shows why an edit cannot apply, and changes nothing', () => {
    // Najaf's madar is a list without a faction estimate: `s` cannot split it.
    const opened = press(openNajaf(), 'G');
    const ui = press(opened, 's');
    expect(ui.session).toBe(opened.session);
    expect(ui.message?.tone).toBe('error');
    expect(ui.message?.text).toContain('no faction estimate for "madar"');
  });
});

describe('quitting', () => {
  it('q quits at once when nothing is unsaved', () => {
    expect(press(fresh(), 'q').quit).toEqual({ code: 0 });
  });

  it('q asks first when there are unsaved changes; n goes back, y quits', () => {
    const edited = press(openNajaf(), ' ');
    const asking = press(edited, 'q');
    expect(asking.quit).toBeNull();
    expect(asking.overlay).toEqual({ kind: 'confirm', reason: 'quit' });
    expect(press(asking, 'n').overlay).toBeNull();
    expect(press(asking, 'y').quit).toEqual({ code: 0 });
  });

  it('Ctrl-C quits with 130, asking once when there are unsaved changes', () => {
    expect(press(fresh(), 'c', CTRL_C).quit).toEqual({ code: 130 });
    const asking = press(press(openNajaf(), ' '), 'c', CTRL_C);
    expect(asking.overlay).toEqual({ kind: 'confirm', reason: 'interrupt' });
    expect(press(asking, 'c', CTRL_C).quit).toEqual({ code: 130 });
  });

  it('w in the question saves first, then quits', () => {
    const asking = press(press(openNajaf(), ' '), 'q');
    const prompt = press(asking, 'w');
    expect(prompt.overlay).toEqual({ kind: 'prompt', purpose: 'save', text: 'what-if-baseline.yaml', then: 'quit' });
    const saving = press(prompt, '', ENTER);
    expect(saving.effect).toEqual({ kind: 'save', file: 'what-if-baseline.yaml', then: 'quit' });
    const done = appReducer(saving, { type: 'saved', file: '/tmp/what-if-baseline.yaml', shown: 'what-if-baseline.yaml', expectations: 1, then: 'quit' });
    expect(done.quit).toEqual({ code: 0 });
    expect(done.effect).toBeNull();
  });
});

describe('the file prompt', () => {
  it('takes letters as text (q does not quit), edits with backspace, and submits a save effect', () => {
    let ui = press(press(openNajaf(), ' '), 'w');
    for (let i = 0; i < 'what-if-baseline.yaml'.length; i++) ui = press(ui, '', { delete: true });
    ui = press(ui, 'quick.yaml');
    expect(ui.overlay).toEqual({ kind: 'prompt', purpose: 'save', text: 'quick.yaml' });
    expect(ui.quit).toBeNull();
    ui = press(ui, '', ENTER);
    expect(ui.effect).toEqual({ kind: 'save', file: 'quick.yaml' });
    // Keys that arrive while the save is pending are not applied to a state that is about to change.
    expect(press(ui, 'q')).toBe(ui);
  });

  it('reports a failed save in an error panel that any key closes', () => {
    const failed = appReducer(press(fresh(), 'w'), { type: 'save-failed', message: 'x.yaml: permission denied' });
    expect(failed.overlay).toEqual({ kind: 'error', title: 'Could not save', lines: ['x.yaml: permission denied'] });
    expect(press(failed, 'j').overlay).toBeNull();
  });

  it('asks before opening another scenario over unsaved changes', () => {
    let ui = press(press(openNajaf(), ' '), 'o');
    ui = press(press(ui, 'kirkuk-2024'), '', ENTER);
    expect(ui.overlay).toEqual({ kind: 'confirm', reason: 'open', open: 'kirkuk-2024' });
    expect(press(ui, 'y').effect).toEqual({ kind: 'open', ref: 'kirkuk-2024' });
  });
});

describe('help', () => {
  it('? opens the help and any key closes it without acting', () => {
    const help = press(fresh(), '?');
    expect(help.overlay).toEqual({ kind: 'help' });
    const closed = press(help, 'j');
    expect(closed.overlay).toBeNull();
    expect(closed.country.cursor).toBe(0);
  });
});

describe('the deal composer', () => {
  it('composes Badr + Sadrists in Najaf and Maysan and shows both councils change', () => {
    let ui = press(fresh(), 'd');
    expect(ui.screen).toBe('deal');
    // Councils column: najaf is row 7, maysan row 14 (the last).
    ui = press(press(ui, 'jjjjjjj'), ' ');
    ui = press(press(ui, 'G'), ' ');
    expect(ui.deal.councils).toEqual(['najaf', 'maysan']);
    ui = press(ui, '', { tab: true });
    const parties = dealColumns(ui.session, ui.deal).parties.map((option) => option.id);
    const pick = (id: string): void => {
      ui = press(press(ui, 'g'), 'j'.repeat(parties.indexOf(id)));
      ui = press(ui, ' ');
    };
    pick('badr');
    pick('sadrists');
    expect(ui.deal.parties).toEqual(['badr', 'sadrists']);
    ui = press(ui, '', { tab: true });
    // Governor column: the deal's seated party first; the Sadrists (no seat) come later, marked seatless.
    const governors = dealColumns(ui.session, ui.deal).governors;
    expect(governors[0]).toMatchObject({ id: 'badr', inDeal: true, seated: true });
    expect(governors.find((option) => option.id === 'sadrists')).toMatchObject({ inDeal: true, seated: false });
    ui = press(ui, ' ');
    ui = press(ui, '', ENTER);
    expect(ui.screen).toBe('country');
    expect(ui.changed).toEqual(['najaf', 'maysan']);
    // The CF rump keeps both: Najaf aah 2 + state-of-law 3 + nsf 2 + absher 1 = 8 ≥ 8 (governor from
    // state-of-law); Maysan aah 3 + state-of-law 3 + nsf 3 = 9 ≥ 7 (governor from aah). The deal has 1 and 3.
    expect(status(ui, 'najaf')).toBe('elected');
    expect(status(ui, 'maysan')).toBe('elected');
    expect(ui.message?.text).toMatch(/^deal badr-sadrists: badr, sadrists in najaf, maysan; governor from badr ⇒ /);
    expect(ui.message?.text).toContain('Najaf');
    expect(ui.message?.text).toContain('Maysan');
  });

  it('offers any party or actor of the dataset as governor, seated or not, and applies an outside governor', () => {
    let ui = press(fresh(), 'd');
    ui = press(press(ui, 'jjjjjjj'), ' '); // najaf
    ui = press(ui, '', { tab: true });
    const parties = dealColumns(ui.session, ui.deal).parties.map((option) => option.id);
    ui = press(press(press(ui, 'g'), 'j'.repeat(parties.indexOf('badr'))), ' ');
    ui = press(ui, '', { tab: true });
    const governors = dealColumns(ui.session, ui.deal).governors;
    const ids = governors.map((option) => option.id);
    // Every party of the dataset is offered (seated in Najaf or not), actors included, each once.
    expect(new Set(ids).size).toBe(ids.length);
    for (const option of partyOptions(ui.session, [])) expect(ids).toContain(option.id);
    for (const actor of ui.session.state.actors) expect(ids).toContain(actor.id);
    // Sadrists: outside the deal and without a seat in Najaf (they boycotted the 2023 elections).
    const sadrists = governors.findIndex((option) => option.id === 'sadrists');
    expect(governors[sadrists]).toMatchObject({ inDeal: false, seated: false });
    ui = press(press(ui, 'g'), 'j'.repeat(sadrists));
    ui = press(ui, ' ');
    expect(ui.deal.governor).toBe('sadrists');
    ui = press(ui, '', ENTER);
    expect(ui.screen).toBe('country');
    // A deal id is never a unit's: the lone party's deal is named apart from it.
    expect(ui.message?.text).toMatch(/^deal badr-deal: badr in najaf; governor from sadrists ⇒ /);
    expect(ui.session.state.deals['badr-deal']?.governor).toBe('sadrists');
  });

  it('says what is missing instead of applying an incomplete deal', () => {
    const ui = press(press(fresh(), 'd'), '', ENTER);
    expect(ui.screen).toBe('deal');
    expect(ui.message).toEqual({ text: 'choose at least one council (space in the councils column)', tone: 'error' });
  });
});

describe('seat sets', () => {
  it('S then preliminary reports the CF big three at 101', () => {
    const session = openSession();
    let ui = press(fresh(), 'S');
    expect(ui.overlay).toEqual({ kind: 'seats', cursor: 0 });
    const preliminary = session.dataset.seatSets.indexOf('preliminary');
    ui = press(press(ui, 'j'.repeat(preliminary)), '', ENTER);
    expect(ui.session.seats).toBe('preliminary');
    expect(ui.message?.text).toContain('CF big three (Nabni + State of Law + NSF) 101 (published 101)');
  });
});
