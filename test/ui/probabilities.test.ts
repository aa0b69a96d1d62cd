/**
 * The council view's probability panel: the engine adapter (exact engine on the session's current
 * steps and the opened scenario's `probabilities:` block) and the `P` toggle through the reducers.
 */
import { describe, expect, it } from 'vitest';
import { changeAttendance, type EditResult, toggleAttendance, toggleMembership } from '../../src/explorer/edits.js';
import { councilProbabilities, NO_PROBABILITIES } from '../../src/explorer/queries.js';
import { datasetSession, openSession, applyEdit, type Session, sessionFrom } from '../../src/explorer/session.js';
import { scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';
import type { KeyFlags } from '../../src/ui/keymap.js';
import { helpSections } from '../../src/ui/keymap.js';
import { appReducer } from '../../src/ui/reducers/app-reducer.js';
import { createUiState, type UiState } from '../../src/ui/ui-state.js';

const press = (ui: UiState, input: string, key: KeyFlags = {}): UiState => appReducer(ui, { type: 'keys', input, key });

describe('councilProbabilities', () => {
  it('kirkuk-2024: P(elected) is the hand product of attendance and loyalty', () => {
    // PUK 5 members at 0.97, Qiyada 2 and Ouroba 1 at 0.9, the Christian seat at 0.95, Qiyada loyal
    // with 0.9 and Ouroba with 0.85: all nine must come and stay loyal for 9 of 16.
    const expected = 0.97 ** 5 * 0.9 ** 3 * 0.95 * 0.9 * 0.85;
    const result = councilProbabilities(openSession('kirkuk-2024'), 'kirkuk');
    if ('unavailable' in result) throw new Error(result.unavailable);
    expect(result.elected).toBeCloseTo(expected, 12);
    expect(result.elected + result.deadlock + result.noQuorum).toBeCloseTo(1, 12);
    expect(result.pivotal.length).toBeGreaterThan(0);
    expect(result.pivotal.length).toBeLessThanOrEqual(3);
    const ps = result.pivotal.map((entry) => entry.p);
    expect([...ps].sort((a, b) => b - a)).toEqual(ps);
  });

  it('badr-sadr-najaf-maysan: every council answers, though the block names units of other councils', () => {
    // The block's `join:` names quota-sabean (Maysan only), absher, nasr…; one council at a time must
    // not reject names that sit elsewhere in the scenario (govsim simulate checks them all at once).
    const session = openSession('badr-sadr-najaf-maysan');
    for (const id of ['najaf', 'maysan', 'karbala', 'babil']) {
      const result = councilProbabilities(session, id);
      if ('unavailable' in result) throw new Error(`${id}: ${result.unavailable}`);
      // The outcomes partition the draws: the deal elected, a rival (the CF rump) elected, deadlock, no quorum.
      expect(result.elected + result.rivalElected + result.deadlock + result.noQuorum).toBeCloseTo(1, 12);
    }
    // Najaf: badr 1 + hikma 1 + the defector 1 = 3 of 15; the shock (CF line holds, p 0.7) opposes
    // nasr, so Najaf can be elected only when it does not hold: P(elected) ≤ 0.3.
    const najaf = councilProbabilities(session, 'najaf');
    if ('unavailable' in najaf) throw new Error(najaf.unavailable);
    expect(najaf.elected).toBeLessThanOrEqual(0.3 + 1e-12);
  });

  it('never answers for one opened scenario with another\'s memo, even on the same state object', () => {
    // Neither has steps, so both sit on the dataset's shared base state; only one has a probabilities block.
    const plain = datasetSession();
    const uncertain = sessionFrom(
      scenarioFromDocument({ name: 'attendance only', probabilities: { councils: { kirkuk: { attendance: { 'puk-kirkuk': 0.5 } } } } }),
      { kind: 'dataset' },
    );
    expect(uncertain.state).toBe(plain.state);
    expect(councilProbabilities(plain, 'kirkuk')).toEqual({ unavailable: NO_PROBABILITIES });
    const result = councilProbabilities(uncertain, 'kirkuk');
    if ('unavailable' in result) throw new Error(result.unavailable);
    expect(result.elected + result.deadlock + result.noQuorum).toBeCloseTo(1, 12);
  });

  it('follows the current steps and memoises per state', () => {
    const session = openSession('kirkuk-2024');
    const before = councilProbabilities(session, 'kirkuk');
    expect(councilProbabilities(session, 'kirkuk')).toBe(before);
    // Qiyada leaves the coalition: the block's `defect: { qiyada }` no longer fits the current steps,
    // and the data error is shown as the reason rather than thrown.
    const edit = toggleMembership(session, 'kirkuk', 'qiyada');
    if (!edit.ok) throw new Error(edit.message);
    const applied = applyEdit(session, edit.edit.label, edit.edit.steps);
    if (!applied.ok) throw new Error(applied.message);
    const after = councilProbabilities(applied.session, 'kirkuk');
    expect(after).toEqual({ unavailable: expect.stringContaining('"qiyada" is not in the coalition in kirkuk') as string });
  });

  it('takes the user\'s attendance edits as certain, over the block\'s probabilities', () => {
    const apply = (session: Session, edit: EditResult): Session => {
      if (!edit.ok) throw new Error(edit.message);
      const applied = applyEdit(session, edit.edit.label, edit.edit.steps);
      if (!applied.ok) throw new Error(applied.message);
      return applied.session;
    };
    const numbers = (session: Session) => {
      const result = councilProbabilities(session, 'kirkuk');
      if ('unavailable' in result) throw new Error(result.unavailable);
      return result;
    };
    const session = openSession('kirkuk-2024');
    const before = numbers(session);
    expect(before.elected).toBeGreaterThan(0.4);
    // The Christian quota seat (0.95 in the block) made absent: the nine-member coalition can bring
    // at most eight of the nine votes an absolute majority of 16 needs.
    const christianAway = numbers(apply(session, toggleAttendance(session, 'kirkuk', 'quota-christian')));
    expect(christianAway.elected).toBe(0);
    // One boycotting KDP member brought back (a vote against): the majority is still all nine, so
    // P(elected) is the same, and the quorum of 9 present is easier to reach.
    const kdpBack = numbers(apply(session, changeAttendance(session, 'kirkuk', 'kdp', 1)));
    expect(kdpBack.elected).toBeCloseTo(before.elected, 12);
    expect(kdpBack.noQuorum).toBeLessThan(before.noQuorum);
  });

  it('baseline: says the scenario has no probabilities block', () => {
    expect(councilProbabilities(openSession('baseline'), 'najaf')).toEqual({ unavailable: NO_PROBABILITIES });
  });
});

describe('the P key', () => {
  it('toggles the probability panel in the council view and keeps it across councils', () => {
    let ui = press(createUiState(openSession('kirkuk-2024')), '', { return: true });
    expect(ui.screen).toBe('council');
    expect(ui.council.probabilities).toBe(false);
    ui = press(ui, 'P');
    expect(ui.council.probabilities).toBe(true);
    expect(press(ui, 'n').council.probabilities).toBe(true);
    expect(press(ui, 'P').council.probabilities).toBe(false);
  });

  it('is listed in the council help', () => {
    const rows = helpSections('council').flatMap((section) => section.rows);
    expect(rows).toContainEqual({ keys: 'P', help: 'outcome probabilities' });
  });
});
