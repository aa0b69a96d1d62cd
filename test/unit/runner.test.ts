/**
 * The runner's semantics (docs/semantics.md), each case hand-computed from the final seat tables of
 * data/iraq-2023/councils/*.yaml. Majority = floor(n/2) + 1: Najaf 15 → 8, Maysan 13 → 7, Wasit 16 → 9,
 * Kirkuk 16 → 9, Basra 23 → 12, Baghdad 52 → 27.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/scenarios/builder.js';
import { modelCouncil, type CouncilResult, type ScenarioRun } from '../../src/scenarios/runner.js';

function council(run: ScenarioRun, id: string): CouncilResult {
  const found = run.councils.find((entry) => entry.id === id);
  if (!found) throw new Error(`no council ${id}`);
  return found;
}

describe('governing coalition', () => {
  it('a deal that reaches the majority elects its governor party', () => {
    // Najaf: nabni 3 + state-of-law 3 + nsf 2 = 8 ≥ 8, margin 0.
    const run = scenario('deal').deal({ id: 'd', parties: ['nabni', 'state-of-law', 'nsf'], councils: ['najaf'], governor: 'nsf' }).run();
    const najaf = council(run, 'najaf');
    expect(najaf.outcome).toMatchObject({ status: 'elected', governorFrom: 'nsf', votes: 8, needed: 8, margin: 0, basis: 'deal', via: 'd' });
    // Margin 0: every member is pivotal.
    expect([...najaf.pivotal].sort()).toEqual(['nabni', 'nsf', 'state-of-law']);
    expect(najaf.decision).toContain('= 8 ≥ 8');
  });

  it('a deal that falls short loses to the rump of the bloc it took its parties from', () => {
    // Maysan: the deal takes nsf out of the CF bloc. deal d = nsf 3 + quota-sabean 1 = 4 < 7;
    // cf rump = nabni 6 + state-of-law 3 = 9 ≥ 7 ⇒ the rump is elected, margin 2, governor from nabni (largest).
    const run = scenario('short deal')
      .bloc({ id: 'cf', councils: ['maysan'] })
      .deal({ id: 'd', parties: ['nsf', 'quota-sabean'], councils: ['maysan'], governor: 'nsf' })
      .run();
    const maysan = council(run, 'maysan');
    expect(maysan.outcome).toMatchObject({ status: 'elected', governorFrom: 'nabni', votes: 9, margin: 2, basis: 'bloc', via: 'cf', alignment: 'cf (rump without nsf)' });
    expect(maysan.alignments.find((a) => a.kind === 'deal')).toMatchObject({ id: 'd', votes: 4, status: 'short' });
    expect(maysan.decision).toContain('cf (rump without nsf): nabni 6 + state-of-law 3 = 9 ≥ 7 ⇒ elected');
    expect(maysan.decision).toContain('deal d: nsf 3 + quota-sabean 1 = 4 < 7');
  });

  it('a deal that falls short with no rival reaching the majority is a deadlock (no governor)', () => {
    // Maysan without a bloc: deal d = nsf 3 + quota-sabean 1 = 4 < 7; nabni 6 alone < 7 ⇒ deadlock, short by 3.
    const run = scenario('short deal alone').deal({ id: 'd', parties: ['nsf', 'quota-sabean'], councils: ['maysan'], governor: 'nsf' }).run();
    expect(council(run, 'maysan').outcome).toMatchObject({ status: 'deadlock', governorFrom: null, candidate: 'nsf', votes: 4, margin: -3 });
  });

  it('the Badr–Sadr deal leaves the rest of the CF a majority in Najaf (8 of 15)', () => {
    // Najaf, final seats, nabni split into badr 1 + aah 2. deal badr-sadr = badr 1 (+ sadrists 0) = 1 < 8;
    // cf rump = aah 2 + state-of-law 3 + nsf 2 + absher 1 = 8 ≥ 8 ⇒ elected, margin 0; governor from
    // state-of-law (largest rump member, 3).
    const run = scenario('badr-sadr')
      .bloc({ id: 'cf', councils: ['najaf'] })
      .split({ council: 'najaf', list: 'nabni', into: { badr: 1, aah: 2 } })
      .deal({ id: 'badr-sadr', parties: ['badr', 'sadrists'], councils: ['najaf'], governor: 'badr' })
      .run();
    const najaf = council(run, 'najaf');
    expect(najaf.outcome).toMatchObject({ status: 'elected', governorFrom: 'state-of-law', votes: 8, margin: 0 });
    expect(najaf.decision).toContain('cf (rump without badr): aah 2 + state-of-law 3 + nsf 2 + absher 1 = 8 ≥ 8 ⇒ elected');
    expect(najaf.decision).toContain('deal badr-sadr: badr 1 + sadrists 0 = 1 < 8');
  });

  it('the deal with most votes governs when several cover a council', () => {
    // Najaf: d1 = nabni 3 + state-of-law 3 = 6; d2 = wafaa 2 + nsf 2 = 4; neither reaches 8 ⇒ deadlock,
    // reported for the strongest claim d1.
    const run = scenario('two deals')
      .deal({ id: 'd1', parties: ['nabni', 'state-of-law'], councils: ['najaf'], governor: 'nabni' })
      .deal({ id: 'd2', parties: ['wafaa', 'nsf'], councils: ['najaf'], governor: 'wafaa' })
      .run();
    expect(council(run, 'najaf').outcome).toMatchObject({ via: 'd1', votes: 6, status: 'deadlock' });
  });

  it('a bloc governs when it alone reaches the majority; its largest member provides the governor, ties by dataset order', () => {
    // Najaf CF 9 ≥ 8; nabni 3 and state-of-law 3 tie, nabni comes first in the dataset.
    // Maysan CF 12; nabni 6 is the largest.
    const run = scenario('cf').bloc({ id: 'cf', councils: ['najaf', 'maysan', 'baghdad'] }).run();
    expect(council(run, 'najaf').outcome).toMatchObject({ status: 'elected', governorFrom: 'nabni', votes: 9, basis: 'bloc' });
    expect(council(run, 'maysan').outcome).toMatchObject({ governorFrom: 'nabni', votes: 12, margin: 5 });
    // Baghdad CF 9 + 9 + 5 + 2 = 25 < 27 and no other list reaches 27 alone: the bloc's claim fails ⇒ deadlock.
    expect(council(run, 'baghdad').outcome).toMatchObject({ status: 'deadlock', governorFrom: null, votes: 25, margin: -2, basis: 'bloc' });
    // Kirkuk, where no bloc or deal is declared and no list reaches 9: open.
    expect(council(run, 'kirkuk').outcome).toMatchObject({ status: 'open', governorFrom: null, margin: null, basis: 'none' });
  });

  it('a single list with its own majority governs (Basra: Tasmim 12 of 23)', () => {
    const run = scenario('nothing').run();
    expect(council(run, 'basra').outcome).toMatchObject({ status: 'elected', governorFrom: 'tasmim', votes: 12, margin: 0, basis: 'list' });
  });

  it('open councils list the predictions and the units every minimal winning coalition needs', () => {
    const run = scenario('nothing').run();
    const najaf = council(run, 'najaf');
    expect(najaf.outcome.status).toBe('open');
    expect(najaf.predictions.length).toBeGreaterThan(0);
    // Kirkuk with KDP, Arab Alliance and ITF absent: those present hold exactly 9 = majority, so every
    // present unit is in the only winning coalition.
    const kirkuk = council(scenario('k').absent({ council: 'kirkuk', units: ['kdp', 'arab-alliance', 'itf'] }).run(), 'kirkuk');
    expect([...kirkuk.pivotal].sort()).toEqual(['ouroba', 'puk-kirkuk', 'qiyada', 'quota-christian']);
  });
});

describe('attendance, defections, vetoes, incompatibilities', () => {
  it('attendance below the quorum is no-quorum (Kirkuk: 16 − 7 − 1 = 8 < 9)', () => {
    const run = scenario('no quorum')
      .absent({ council: 'kirkuk', units: ['kdp', 'arab-alliance', 'itf'] })
      .absent({ council: 'kirkuk', units: ['ouroba'] })
      .deal({ id: 'd', parties: ['puk-kirkuk', 'qiyada', 'quota-christian'], councils: ['kirkuk'], governor: 'puk-kirkuk' })
      .run();
    const kirkuk = council(run, 'kirkuk');
    expect(kirkuk.quorum).toEqual({ needed: 9, present: 8, met: false });
    expect(kirkuk.outcome).toMatchObject({ status: 'no-quorum', votes: 8 });
  });

  it('defectors vote with their target; their seats stay with their list', () => {
    // Najaf: deal nabni 3 + nsf 2 = 5, plus 3 state-of-law defectors = 8 ≥ 8.
    const run = scenario('defect')
      .deal({ id: 'd', parties: ['nabni', 'nsf'], councils: ['najaf'], governor: 'nabni' })
      .defect({ council: 'najaf', from: 'state-of-law', seats: 3, to: 'd' })
      .run();
    const najaf = council(run, 'najaf');
    expect(najaf.outcome).toMatchObject({ status: 'elected', votes: 8 });
    expect(najaf.outcome.coalition).toContain('state-of-law>d');
    expect(najaf.units.find((entry) => entry.id === 'state-of-law')).toMatchObject({ seats: 3, defected: 3 });
    expect(najaf.seats).toBe(15);
  });

  it('a unit alone with defectors rallying to it is listed, and the votes add up', () => {
    // Najaf, no bloc: 1 nabni member defects to wafaa ⇒ wafaa alone 2 + nabni>wafaa 1 = 3; the other units alone.
    const run = scenario('rally').defect({ council: 'najaf', from: 'nabni', seats: 1, to: 'wafaa' }).run();
    const najaf = council(run, 'najaf');
    expect(najaf.alignments).toEqual([expect.objectContaining({ kind: 'list', id: 'wafaa', units: ['wafaa', 'nabni>wafaa'], votes: 3 })]);
  });

  it('a defector to a unit counts for whatever coalition holds that unit', () => {
    // Najaf CF bloc 9; one nabni member defects to wafaa (outside): CF 8 ≥ 8, margin 0.
    const run = scenario('defect out').bloc({ id: 'cf', councils: ['najaf'] }).defect({ council: 'najaf', from: 'nabni', seats: 1, to: 'wafaa' }).run();
    expect(council(run, 'najaf').outcome).toMatchObject({ status: 'elected', votes: 8, margin: 0 });
    // The model council carries the defector as a separate unit.
    const run2 = scenario('model').defect({ council: 'najaf', from: 'nabni', seats: 1, to: 'wafaa' }).load();
    const units = modelCouncil(run2.state, 'najaf').units;
    expect(units.find((entry) => entry.id === 'nabni')?.seats).toBe(2);
    expect(units.find((entry) => entry.id === 'nabni>wafaa')?.seats).toBe(1);
  });

  it('a vetoed governor voids the deal; the bloc decides instead', () => {
    const run = scenario('veto')
      .bloc({ id: 'cf', councils: ['najaf'] })
      .split({ council: 'najaf', list: 'nabni', into: { badr: 1, aah: 2 } })
      .deal({ id: 'aah-deal', parties: ['aah', 'wafaa'], councils: ['najaf'], governor: 'aah' })
      .veto({ actor: 'sadrists', councils: ['najaf'], against: ['aah'] })
      .run();
    const najaf = council(run, 'najaf');
    // CF = badr 1 + aah 2 + state-of-law 3 + nsf 2 + absher 1 = 9; largest not vetoed: state-of-law 3.
    expect(najaf.outcome).toMatchObject({ basis: 'bloc', via: 'cf', governorFrom: 'state-of-law', votes: 9 });
    expect(najaf.explanation.some((line) => line.text.includes('aah-deal is void') && line.text.includes('vetoed by sadrists'))).toBe(true);
  });

  it('an incompatible pair voids a deal that contains both sides (an actor side counts as a party)', () => {
    const run = scenario('bar')
      .split({ council: 'maysan', list: 'nabni', into: { badr: 3, aah: 3 } })
      .deal({ id: 'badr-sadr', parties: ['badr', 'sadrists', 'nsf'], councils: ['maysan'], governor: 'badr' })
      .incompatible({ between: ['cf', 'sadrists'] })
      .run();
    const maysan = council(run, 'maysan');
    // The void deal pulls nobody out; no bloc is declared and no list reaches 7 alone (nabni's factions 3 + 3) ⇒ open.
    expect(maysan.outcome.status).toBe('open');
    expect(maysan.explanation.some((line) => line.text.includes('declared incompatible by step 3'))).toBe(true);
  });
});

describe('grouping and the explanation trace', () => {
  it('derives A/B/C from the CF seats and labels it', () => {
    const run = scenario('groups').run();
    // Najaf CF 9 ≥ 8 ⇒ A; Baghdad others 27 ≥ 27 ⇒ C.
    expect(council(run, 'najaf')).toMatchObject({ group: 'A', groupSource: 'derived' });
    expect(council(run, 'baghdad')).toMatchObject({ group: 'C', groupSource: 'derived' });
    // Wasit with one Ajmal seat moved to NSF: CF 3 + 2 + 3 = 8 < 9 and others 7 + 1 = 8 < 9 ⇒ B.
    const moved = scenario('b').transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'nsf' }).run();
    expect(council(moved, 'wasit').group).toBe('B');
  });

  it('a group step overrides the derived group and is labelled with the step', () => {
    const run = scenario('set').transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'nsf' }).group({ A: ['wasit'] }).run();
    expect(council(run, 'wasit')).toMatchObject({ group: 'A', groupSource: 'set by step 2' });
  });

  it('the trace names the changing step and its source', () => {
    const run = scenario('trace')
      .source({ id: 'musings', url: 'https://musingsoniraq.blogspot.com/' })
      .transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'state-of-law', seats: 1 }, { source: 'musings' })
      .run();
    const wasit = council(run, 'wasit');
    expect(wasit.explanation[0]?.text).toBe(
      'changed by step 1 `transfer` (source: musings https://musingsoniraq.blogspot.com/): moved 1 seat wasit-ajmal → state-of-law (wasit-ajmal 8 → 7, state-of-law 3 → 4)',
    );
    // Councils the step did not touch have no change lines.
    expect(council(run, 'najaf').changes).toEqual([]);
  });

  it('inherited steps are labelled with the scenario they come from', () => {
    const run = scenario('child').extends('baseline').run();
    expect(council(run, 'najaf').changes[0]?.step).toBe('baseline step 1');
  });

  it('every council lists hinge seats where one seat matters (Basra: Tasmim 12 of 12 needed)', () => {
    const basra = council(scenario('h').run(), 'basra');
    expect(basra.hinge.length).toBeGreaterThan(0);
    expect(basra.hinge.some((line) => line.includes('tasmim') && line.includes('loses the majority'))).toBe(true);
  });
});

describe('confidence of each answer', () => {
  it('is the weakest confidence of the seats the outcome rests on', () => {
    const run = scenario('confidence').bloc({ id: 'cf', councils: 'all' }).run();
    const of = (id: string) => council(run, id).confidence;
    // Najaf: CF lists documented, elected ⇒ documented. Maysan: the CF's Maysan figures are estimates ⇒ inferred.
    expect(of('najaf')).toBe('documented');
    expect(of('maysan')).toBe('inferred');
    // Karbala: Ibdaa's 7 of 13 is documented, and the unattributed seat does not change who is elected.
    expect(of('karbala')).toBe('documented');
    // Wasit: deadlocked, so every unit counts, and Ajmal's 8 is an estimate.
    expect(of('wasit')).toBe('inferred');
    expect(council(run, 'wasit').explanation.some((line) => line.text.startsWith('confidence: inferred'))).toBe(true);
  });

  it('splitting a list makes the outcome rest on estimated faction seats', () => {
    // Najaf with nabni split into its estimated factions: the CF still elects, on badr/aah estimates.
    const run = scenario('split').bloc({ id: 'cf', councils: ['najaf'] }).split({ council: 'najaf', list: 'nabni' }).run();
    expect(council(run, 'najaf').confidence).toBe('inferred');
  });
});

describe('A/B/C over the coalitions the scenario allows', () => {
  // Diyala: diyalna 4 (CF), taqaddum 3, siyada 3, istiqbal-diyala 2, azm 1, asas 1, puk 1 = 15; majority 8.
  it('is C while some allowed coalition without the CF reaches the majority', () => {
    // With taqaddum/siyada incompatible: istiqbal-diyala 2 + taqaddum 3 + azm 1 + asas 1 + puk 1 = 8 ≥ 8 ⇒ C.
    const run = scenario('one pair').incompatible({ between: ['taqaddum', 'siyada'], councils: ['diyala'] }).run();
    const diyala = council(run, 'diyala');
    expect(diyala.group).toBe('C');
    expect(diyala.explanation.at(-1)!.text).toContain('allowed by the incompatible pairs (taqaddum/siyada)');
  });

  it('is B when every coalition without the CF that would reach the majority joins an incompatible pair', () => {
    // Taqaddum, Siyada and Istiqbal Diyala pairwise incompatible: at most one of them (3) + azm 1 + asas 1 + puk 1 = 6 < 8 ⇒ B,
    // although the others hold 11 ≥ 8 together (the seats-only rule said C).
    const run = scenario('three pairs')
      .incompatible({ between: ['taqaddum', 'siyada'], councils: ['diyala'] })
      .incompatible({ between: ['taqaddum', 'istiqbal-diyala'], councils: ['diyala'] })
      .incompatible({ between: ['siyada', 'istiqbal-diyala'], councils: ['diyala'] })
      .run();
    const diyala = council(run, 'diyala');
    expect(diyala.group).toBe('B');
    expect(diyala.groupSource).toBe('derived');
    expect(diyala.explanation.at(-1)!.text).toBe(
      'group B (derived: over allowed coalitions: CF 4 < 8; others 11 ≥ 8, but every coalition of them reaching 8 joins an incompatible pair (taqaddum/siyada, taqaddum/istiqbal-diyala, siyada/istiqbal-diyala): no majority without it)',
    );
  });

  it('counts units in a voting bloc with the CF on its side', () => {
    // Diyala: a bloc of diyalna 4 + istiqbal-diyala 2 + puk 1 + asas 1 = 8 ≥ 8 ⇒ A.
    const run = scenario('bloc').bloc({ id: 'cf', members: ['diyalna', 'istiqbal-diyala', 'puk', 'asas'], councils: ['diyala'] }).run();
    expect(council(run, 'diyala').group).toBe('A');
  });
});
