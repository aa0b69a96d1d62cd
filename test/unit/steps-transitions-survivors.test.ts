/**
 * The step engine (transitions.ts): how a step's kind is read, the dataset guard, the per-state memo of
 * transitions (bounded at 64 per state) and which councils a transition's patches name. Transitions
 * are memoised per (state, index, step), so each test starts from a state of its own (a distinct first
 * step) and its steps are used by no other test. touchedCouncils is a pure function of the patch paths;
 * its cases are single patches, in the shapes immer writes, plus a few off-shape paths that only a
 * broken root/field test would read as a council. Council order is meta.councils in
 * data/iraq-2023/dataset.yaml: baghdad, basra, nineveh, kirkuk, anbar, diyala, salahaddin, najaf,
 * karbala, babil, wasit, dhiqar, qadisiyah, muthanna, maysan.
 */
import type { Patch } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/scenarios/scenario-schema.js';
import { applyStep, stepKind, touchedCouncils } from '../../src/scenarios/steps/index.js';
import { thrown } from '../helpers/errors.js';
import { fixture } from '../helpers/steps.js';

describe('stepKind', () => {
  it('skips keys that are not a step kind and names the one that is', () => {
    // A step's `note` is no kind; written first, it is the first key seen: only `seats` is a kind.
    expect(stepKind({ note: 'first', seats: { council: 'anbar', unit: 'x', seats: 1 } })).toBe('seats');
  });

  it('a step without a kind key is a TypeError, word for word', () => {
    const error = thrown(() => stepKind({ note: 'no kind' } as unknown as Step), TypeError);
    expect(error.message).toBe('a step needs exactly one kind key');
  });
});

describe('applyStep: dataset guard', () => {
  it('a dataset other than the state\'s is refused before the step runs', () => {
    const { dataset, base } = fixture();
    const other = { ...dataset, dir: 'elsewhere/iraq-2099' };
    const error = thrown(() => applyStep(base, { absent: { council: 'karbala', units: ['nabni'], seats: 2 } }, 3, other), RangeError);
    expect(error.message).toBe(`a step on a state of ${base.dataset} was given the dataset elsewhere/iraq-2099`);
  });
});

describe('applyStep: memo', () => {
  it('keeps every transition computed on a state, not only the latest', () => {
    const { dataset, base } = fixture();
    // A state no other test reaches: one Maysan state-of-law member away.
    const { state } = applyStep(base, { absent: { council: 'maysan', units: ['state-of-law'], seats: 1 } }, 0, dataset);
    const first = applyStep(state, { absent: { council: 'muthanna', units: ['nsf'], seats: 2 } }, 1, dataset);
    const second = applyStep(state, { absent: { council: 'muthanna', units: ['nabni'], seats: 2 } }, 1, dataset);
    expect(second).not.toBe(first);
    // The first step again, after another on the same state: served from the memo, the same object.
    expect(applyStep(state, { absent: { council: 'muthanna', units: ['nsf'], seats: 2 } }, 1, dataset)).toBe(first);
  });

  it('keeps at most 64 transitions per state: the 64th is served again, the 65th recomputed', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { absent: { council: 'maysan', units: ['nsf'], seats: 1 } }, 0, dataset);
    const step: Step = { absent: { council: 'muthanna', units: ['absher'], seats: 1 } };
    // The index is part of the memo key: indexes 1..64 are 64 distinct entries.
    const byIndex = new Map<number, ReturnType<typeof applyStep>>();
    for (let index = 1; index <= 65; index++) byIndex.set(index, applyStep(state, step, index, dataset));
    expect(applyStep(state, step, 64, dataset)).toBe(byIndex.get(64));
    const again = applyStep(state, step, 65, dataset);
    expect(again).not.toBe(byIndex.get(65));
    expect(again).toEqual(byIndex.get(65));
  });
});

/** The councils one patch names, on the final-seats state. */
function touchedBy(patch: Patch): string[] {
  return touchedCouncils({ patches: [patch] }, fixture().base);
}

describe('touchedCouncils', () => {
  it('a path under councils, grouping, packages or provenance names its council by its second key', () => {
    expect(touchedBy({ op: 'replace', path: ['councils', 'najaf', 'units', 0, 'present'], value: 1 })).toEqual(['najaf']);
    expect(touchedBy({ op: 'add', path: ['grouping', 'basra'], value: { group: 'shia', step: 0 } })).toEqual(['basra']);
    expect(touchedBy({ op: 'add', path: ['packages', 'babil'], value: {} })).toEqual(['babil']);
    expect(touchedBy({ op: 'add', path: ['provenance', 'wasit', 0], value: {} })).toEqual(['wasit']);
  });

  it('a path under another root names no council, even with a council id as its key', () => {
    expect(touchedBy({ op: 'replace', path: ['rules', 'najaf'], value: 1 })).toEqual([]);
  });

  it('a bloc\'s or deal\'s councils entry names that council', () => {
    expect(touchedBy({ op: 'add', path: ['blocs', 'b-kirkuk', 'councils', 'kirkuk'], value: ['x'] })).toEqual(['kirkuk']);
    expect(touchedBy({ op: 'add', path: ['deals', 'd-diyala', 'councils', 'diyala'], value: ['x'] })).toEqual(['diyala']);
  });

  it('a whole bloc or deal added names every council it covers, in council order', () => {
    // Declared anbar then nineveh; council order puts nineveh (3rd) before anbar (5th).
    expect(touchedBy({ op: 'add', path: ['blocs', 'b-west'], value: { councils: { anbar: [], nineveh: [] } } })).toEqual(['nineveh', 'anbar']);
    expect(touchedBy({ op: 'add', path: ['deals', 'd-ends'], value: { councils: { maysan: [], baghdad: [] } } })).toEqual(['baghdad', 'maysan']);
  });

  it('only a bloc or deal path reads a council from the fourth key or from the value', () => {
    // Off-shape paths with a council id where a bloc or deal path would carry one: none counts.
    expect(touchedBy({ op: 'add', path: ['rules', 'r', 'councils', 'karbala'], value: {} })).toEqual([]);
    expect(touchedBy({ op: 'add', path: ['rules', 'r'], value: { councils: { karbala: [] } } })).toEqual([]);
  });

  it('inside a bloc or deal only the councils field, or the whole entry under a string id, names councils', () => {
    // members/name are not councils; a numeric id is no bloc or deal entry.
    expect(touchedBy({ op: 'add', path: ['blocs', 'b', 'members', 'dhiqar'], value: 'x' })).toEqual([]);
    expect(touchedBy({ op: 'replace', path: ['deals', 'd', 'name'], value: { councils: { qadisiyah: [] } } })).toEqual([]);
    expect(touchedBy({ op: 'add', path: ['deals', 3], value: { councils: { salahaddin: [] } } })).toEqual([]);
  });
});
