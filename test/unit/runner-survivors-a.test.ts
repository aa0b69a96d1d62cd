/**
 * runner.ts, first part: errors reported against the scenario file, the memo of untouched councils,
 * the national summary, the model council (blocs, factions, defectors, incompatible pairs) and the
 * change lines of the trace. Seats from data/iraq-2023/councils/*.yaml (final); majority = floor(n/2) + 1.
 */
import { describe, expect, it } from 'vitest';
import { GovsimDataError } from '../../src/model/errors.js';
import { scenario } from '../../src/scenarios/builder.js';
import { clearRunCaches, type CouncilResult, modelCouncil, runScenario, type ScenarioRun } from '../../src/scenarios/runner.js';
import { thrown } from '../helpers/errors.js';

function council(run: ScenarioRun, id: string): CouncilResult {
  const found = run.councils.find((entry) => entry.id === id);
  if (!found) throw new Error(`no council ${id}`);
  return found;
}

/** Baghdad with Nabni split into 26 factions and `pairs` disjoint incompatible pairs among them: too many to weigh. */
function manyPairs(name: string, pairs: number) {
  const into = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`f${i}`, i < 9 ? 1 : 0]));
  let built = scenario(name).split({ council: 'baghdad', list: 'nabni', into });
  for (let i = 0; i < pairs; i++) built = built.incompatible({ between: [`f${2 * i}`, `f${2 * i + 1}`], councils: ['baghdad'] });
  return built;
}

describe('analysis errors', () => {
  it('a council too costly to analyse is reported against the scenario file, wrapping the analysis error', () => {
    const error = thrown(() => manyPairs('many pairs in a file', 13).run({ file: 'many-pairs.yaml' }), GovsimDataError);
    expect(error.file).toBe('many-pairs.yaml');
    expect(error.issues[0]?.path).toBe('steps (constraints.incompatible)');
    expect(error.issues[0]?.message).toContain('council baghdad: the incompatible pairs among its 26 units');
    // The analysis' own error (no file, its own path) is kept as the cause.
    expect(error.cause).toBeInstanceOf(GovsimDataError);
    expect((error.cause as GovsimDataError).file).toBeUndefined();
    expect((error.cause as GovsimDataError).issues[0]?.path).toBe('constraints.incompatible');
  });

  it('a scenario built in code has no file to name: the analysis error passes through unchanged', () => {
    const error = thrown(() => manyPairs('many pairs in code', 12).incompatible({ between: ['f24', 'f25'], councils: ['baghdad'] }).run(), GovsimDataError);
    expect(error.file).toBeUndefined();
    expect(error.issues[0]?.path).toBe('constraints.incompatible');
    expect(error.cause).toBeUndefined();
  });
});

describe('untouched councils are computed once per base state', () => {
  it('two scenarios share the result object of a council neither touched, until the caches are cleared', () => {
    clearRunCaches();
    const first = scenario('memo one').transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'nsf' }).run();
    const second = scenario('memo two').transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'state-of-law' }).run();
    // Najaf and Basra (neither touched) come from the same memo entry; Wasit (touched) is computed per scenario.
    expect(council(second, 'najaf')).toBe(council(first, 'najaf'));
    expect(council(second, 'basra')).toBe(council(first, 'basra'));
    expect(council(second, 'wasit')).not.toBe(council(first, 'wasit'));
    clearRunCaches();
    const third = scenario('memo three').transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'nabni' }).run();
    expect(council(third, 'najaf')).not.toBe(council(first, 'najaf'));
    expect(council(third, 'najaf')).toEqual(council(first, 'najaf'));
  });

  it('a council that differs from the base is computed afresh even when no step recorded a change in it', () => {
    clearRunCaches();
    // Basra as loaded: Tasmim 12 of 23 ≥ 12 ⇒ elected; this fills the memo for the base state.
    const plain = scenario('memo plain basra').load();
    expect(council(runScenario(plain), 'basra').outcome.status).toBe('elected');
    // The same state with Basra's council taken from a scenario where Tasmim lost a seat, but no change lines:
    // Tasmim 11 < 12 and nabni 5 alone < 12 ⇒ open, not the memo's elected.
    const moved = scenario('memo moved basra').transfer({ council: 'basra', from: 'tasmim', to: 'nabni', seats: 1 }).load();
    const provenance = { ...moved.state.provenance };
    delete provenance['basra'];
    const silent = { ...plain, state: { ...plain.state, councils: { ...plain.state.councils, basra: moved.state.councils['basra']! }, provenance } };
    expect(council(runScenario(silent), 'basra').outcome).toMatchObject({ status: 'open', governorFrom: null });
  });
});

describe('national summary', () => {
  it('counts governorships only for elected councils, one per council', () => {
    clearRunCaches();
    // Without steps only two lists hold a majority alone: Basra Tasmim 12 ≥ 12 and Karbala Ibdaa 7 ≥ 7
    // (every other council's largest list is short: Wasit Ajmal 8 < 9, Maysan Nabni 6 < 7, …); the other 13 are open.
    const run = scenario('national summary').run();
    expect(run.national.councils).toBe(15);
    expect(run.national.byStatus).toEqual({ elected: 2, deadlock: 0, 'no-quorum': 0, open: 13 });
    expect(run.national.governors).toEqual({ tasmim: 1, 'ibdaa-karbala': 1 });
  });

  it('adds up governorships of one party across councils, and skips deadlocks', () => {
    // A Nabni-led deal: Maysan nabni 6 + nsf 3 = 9 ≥ 7 ⇒ elected; Qadisiyah nabni 4 + nsf 2 = 6 < 8 ⇒ deadlock
    // (candidate nabni, no governorship). With Basra and Karbala's lists: nabni 1, tasmim 1, ibdaa-karbala 1.
    // Najaf nabni 3 + nsf 2 = 5 < 8, Babil 4 + 3 = 7 < 10, Dhi Qar 5 + 2 = 7 < 10: deadlocks too; 15 − 3 − 4 = 8 open.
    const run = scenario('national deals').deal({ id: 'n', parties: ['nabni', 'nsf'], councils: ['maysan', 'qadisiyah', 'najaf', 'babil', 'dhiqar'], governor: 'nabni' }).run();
    expect(run.national.byStatus).toEqual({ elected: 3, deadlock: 4, 'no-quorum': 0, open: 8 });
    expect(run.national.governors).toEqual({ nabni: 1, tasmim: 1, 'ibdaa-karbala': 1 });
    const twice = scenario('national deals twice').deal({ id: 'n', parties: ['nabni', 'nsf', 'state-of-law'], councils: ['maysan', 'qadisiyah'], governor: 'nabni' }).run();
    // Maysan 6 + 3 + 3 = 12 ≥ 7, Qadisiyah 4 + 2 + 3 = 9 ≥ 8: two governorships for nabni.
    expect(twice.national.governors).toEqual({ nabni: 2, tasmim: 1, 'ibdaa-karbala': 1 });
  });
});

describe('model council', () => {
  it("a unit's blocs are its families, then the voting bloc it is in, once", () => {
    const loaded = scenario('model blocs')
      .bloc({ id: 'cf', councils: ['najaf'] })
      .bloc({ id: 'pact', members: ['nabni', 'qiyam'], councils: ['qadisiyah'] })
      .load();
    // Najaf nabni: family cf (dataset) and voting bloc cf, listed once; idraak has neither.
    const najaf = modelCouncil(loaded.state, 'najaf').units;
    expect(najaf.find((unit) => unit.id === 'nabni')?.blocs).toEqual(['cf']);
    expect(najaf.find((unit) => unit.id === 'idraak')?.blocs).toEqual([]);
    // Qadisiyah: the voting bloc pact follows each member's family.
    const qadisiyah = modelCouncil(loaded.state, 'qadisiyah').units;
    expect(qadisiyah.find((unit) => unit.id === 'nabni')?.blocs).toEqual(['cf', 'pact']);
    expect(qadisiyah.find((unit) => unit.id === 'qiyam')?.blocs).toEqual(['civil', 'pact']);
  });

  it('only factions carry a parent, and defectors are units named after their list and target', () => {
    const loaded = scenario('model factions')
      .split({ council: 'najaf', list: 'nabni', into: { badr: 1, aah: 2 } })
      .defect({ council: 'najaf', from: 'state-of-law', seats: 1, to: 'wafaa' })
      .defect({ council: 'najaf', from: 'state-of-law', seats: 1 })
      .load();
    const units = modelCouncil(loaded.state, 'najaf').units;
    expect(units.find((unit) => unit.id === 'badr')?.parent).toBe('nabni');
    expect(Object.hasOwn(units.find((unit) => unit.id === 'wafaa')!, 'parent')).toBe(false);
    // State of Law 3 − 2 defectors = 1 loyal; one defector to wafaa, one voting against (no target).
    expect(units.filter((unit) => unit.id.startsWith('state-of-law'))).toStrictEqual([
      { id: 'state-of-law', name: 'State of Law Coalition', kind: 'list', seats: 1, present: 1, blocs: ['cf'] },
      { id: 'state-of-law>wafaa', name: 'State of Law Coalition defectors → wafaa', kind: 'member', seats: 1, present: 1 },
      { id: 'state-of-law>none', name: 'State of Law Coalition defectors', kind: 'member', seats: 1, present: 1 },
    ]);
  });

  it('carries no constraints when no incompatible pair applies in the council', () => {
    const loaded = scenario('model no pairs').incompatible({ between: ['nabni', 'state-of-law'], councils: ['maysan'] }).load();
    // The pair is declared for Maysan only; both lists also sit in Najaf, which stays unconstrained.
    expect(modelCouncil(loaded.state, 'maysan').constraints).toEqual({ incompatible: [['nabni', 'state-of-law']] });
    expect(modelCouncil(loaded.state, 'najaf').constraints).toBeUndefined();
    expect(Object.hasOwn(modelCouncil(loaded.state, 'najaf'), 'constraints')).toBe(false);
  });

  it('a pair naming the seatless actor is dropped: it holds no unit to pair', () => {
    const loaded = scenario('model actor pair').incompatible({ between: ['sadrists', 'state-of-law'], councils: ['najaf'] }).load();
    expect(modelCouncil(loaded.state, 'najaf').constraints).toBeUndefined();
    // No faction can take the actor's id, so the pair can never name a seat.
    expect(() => scenario('faction as actor').split({ council: 'najaf', list: 'nabni', into: { sadrists: 1, aah: 2 } }).load()).toThrow(
      '"sadrists" is already an actor with no seats; a faction needs an id of its own',
    );
  });

  it('a pair whose sides share a unit pairs the others only, never a unit with itself', () => {
    // cf in Najaf = nabni, state-of-law, nsf, absher; against nabni: every cf unit but nabni itself.
    const loaded = scenario('model overlapping pair').incompatible({ between: ['cf', 'nabni'], councils: ['najaf'] }).load();
    expect(modelCouncil(loaded.state, 'najaf').constraints).toEqual({
      incompatible: [
        ['state-of-law', 'nabni'],
        ['nsf', 'nabni'],
        ['absher', 'nabni'],
      ],
    });
  });
});

describe('change lines', () => {
  it('a step without a source gives a change and a trace line with no source', () => {
    // Wasit: Ajmal 8 → 7, State of Law 3 → 4.
    const run = scenario('no source').transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'state-of-law', seats: 1 }).run();
    const wasit = council(run, 'wasit');
    expect(wasit.changes[0]).toStrictEqual({
      step: 'step 1',
      kind: 'transfer',
      text: 'moved 1 seat wasit-ajmal → state-of-law (wasit-ajmal 8 → 7, state-of-law 3 → 4)',
      key: 'transfer#moved 1 seat wasit-ajmal → state-of-law (wasit-ajmal 8 → 7, state-of-law 3 → 4)',
    });
    expect(wasit.explanation[0]).toStrictEqual({
      text: 'changed by step 1 `transfer`: moved 1 seat wasit-ajmal → state-of-law (wasit-ajmal 8 → 7, state-of-law 3 → 4)',
      step: 'step 1',
    });
  });

  it('a sourced step carries its source on the change and the trace line', () => {
    const run = scenario('with source')
      .source({ id: 'zna', url: 'https://example.org/zna' })
      .transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'nabni', seats: 2 }, { source: 'zna' })
      .run();
    const wasit = council(run, 'wasit');
    expect(wasit.changes[0]?.source).toBe('zna https://example.org/zna');
    expect(wasit.explanation[0]?.source).toBe('zna https://example.org/zna');
  });

  it('a vetoed list is void without a "void" line (only deals and blocs get one)', () => {
    // Basra: Tasmim alone 12 ≥ 12 would be elected; vetoed, it is a void list alignment (not listed among the result's).
    const run = scenario('veto list').veto({ actor: 'sadrists', councils: ['basra'], against: ['tasmim'] }).run();
    const basra = council(run, 'basra');
    // Nobody else reaches 12 (nabni 5 is the next largest) ⇒ open.
    expect(basra.outcome).toMatchObject({ status: 'open', governorFrom: null });
    expect(basra.explanation.filter((line) => line.text.includes('is void'))).toEqual([]);
  });
});
