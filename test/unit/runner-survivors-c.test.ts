/**
 * The runner's decision line, group line and voted posts, word for word. Every figure is hand-computed
 * from the final seat tables of data/iraq-2023/councils/*.yaml:
 * Maysan nabni 6, state-of-law 3, nsf 3, quota-sabean 1 = 13, majority floor(13/2) + 1 = 7 (quorum 7);
 * Basra tasmim 12, nabni 5, state-of-law 3, nsf 1, asas 1, quota-christian 1 = 23, majority 12;
 * Najaf nabni 3, state-of-law 3, wafaa 2, nsf 2, absher 1, idraak 1, wathiqoon 1, qiyam 1, madar 1 = 15, majority 8.
 * Each test clears the run caches so that it computes its councils itself.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/scenarios/builder.js';
import { clearRunCaches, type CouncilResult, type ExplanationEntry, type ScenarioRun } from '../../src/scenarios/runner.js';

function council(run: ScenarioRun, id: string): CouncilResult {
  const found = run.councils.find((entry) => entry.id === id);
  if (!found) throw new Error(`no council ${id}`);
  return found;
}

/** The decision line as it stands in the explanation, with the step it names (if any). */
function decisionEntry(result: CouncilResult): ExplanationEntry | undefined {
  return result.explanation.find((line) => line.text === result.decision);
}

describe('decision line', () => {
  it('below the quorum no vote is held, and the line names the deal behind the strongest claim', () => {
    clearRunCaches();
    // Maysan, nabni 6 and quota-sabean 1 absent: present 13 − 7 = 6 < 7. Deal d = state-of-law 3 + nsf 3 = 6;
    // the absent units have 0 votes, so no unit is listed alone.
    const run = scenario('maysan no quorum')
      .deal({ id: 'd', parties: ['state-of-law', 'nsf'], councils: ['maysan'], governor: 'nsf' })
      .absent({ council: 'maysan', units: ['nabni', 'quota-sabean'] })
      .run();
    expect(decisionEntry(council(run, 'maysan'))).toEqual({ text: 'deal d: state-of-law 3 + nsf 3 = 6 < 7; ⇒ attendance is below the quorum: no vote can be held', step: 'step 1' });
  });

  it('below a quorum of every member, a claim that reaches the majority says so, but no quorum', () => {
    clearRunCaches();
    // Najaf with quorum = members = 15, madar absent: present 14 < 15. CF 9 ≥ 8 (majority) yet no vote;
    // deal w = wafaa 2 < 8; madar (absent) casts nothing and is not listed alone.
    const run = scenario('najaf full quorum')
      .rules({ quorum: 'members' })
      .bloc({ id: 'cf', councils: ['najaf'] })
      .deal({ id: 'w', parties: ['wafaa'], councils: ['najaf'], governor: 'wafaa' })
      .absent({ council: 'najaf', units: ['madar'] })
      .run();
    const najaf = council(run, 'najaf');
    expect(najaf.outcome.status).toBe('no-quorum');
    expect(najaf.decision).toBe(
      'deal w: wafaa 2 = 2 < 8; bloc cf: nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 ≥ 8 but no quorum; alone: idraak 1, wathiqoon 1, qiyam 1 (each < 8); ⇒ attendance is below the quorum: no vote can be held',
    );
  });

  it('lists every deal, bloc and line of defectors, even of one unit and beaten, but lists alone only who needs it', () => {
    clearRunCaches();
    // Najaf: CF 9 elected; deal w = wafaa 2 (one unit, short); one idraak member votes against every line.
    const run = scenario('najaf lines')
      .bloc({ id: 'cf', councils: ['najaf'] })
      .deal({ id: 'w', parties: ['wafaa'], councils: ['najaf'], governor: 'wafaa' })
      .defect({ council: 'najaf', from: 'idraak', seats: 1 })
      .run();
    expect(council(run, 'najaf').alignments.map((line) => [line.kind, line.label, line.status, line.units])).toEqual([
      ['deal', 'deal w', 'short', ['wafaa']],
      ['bloc', 'bloc cf', 'elected', ['nabni', 'state-of-law', 'nsf', 'absher']],
      ['against', 'idraak>none (voting against)', 'against', ['idraak>none']],
    ]);
  });

  it('an elected deal with a seated governor names its governor party and nothing more', () => {
    clearRunCaches();
    // Maysan: deal d = nabni 6 + nsf 3 = 9 ≥ 7, margin 2; state-of-law 3 and quota-sabean 1 vote alone.
    const run = scenario('maysan deal').deal({ id: 'd', parties: ['nabni', 'nsf'], councils: ['maysan'], governor: 'nsf' }).run();
    // The deal is the first step (index 0): the line still names it.
    expect(decisionEntry(council(run, 'maysan'))).toEqual({
      text: 'deal d: nabni 6 + nsf 3 = 9 ≥ 7 ⇒ elected; alone: state-of-law 3, quota-sabean 1 (each < 7); ⇒ deal d elected, margin 2; governor from nsf',
      step: 'step 1',
    });
  });

  it('a list elected alone says so, and names no step (no step declared it)', () => {
    clearRunCaches();
    // Basra: tasmim 12 ≥ 12, margin 0; the other lists vote alone, each below 12.
    const basra = council(scenario('basra alone').run(), 'basra');
    expect(decisionEntry(basra)).toEqual({
      text: 'list tasmim: tasmim 12 = 12 ≥ 12 ⇒ elected; alone: nabni 5, state-of-law 3, nsf 1, asas 1, quota-christian 1 (each < 12); ⇒ list tasmim elected, margin 0; governor from tasmim (alone)',
    });
  });

  it('an elected rump takes its governor from its largest member, and says it is the rump', () => {
    clearRunCaches();
    // Maysan: deal d = nsf 3 + quota-sabean 1 = 4 < 7; cf rump = nabni 6 + state-of-law 3 = 9 ≥ 7, margin 2,
    // governor nabni (6, largest). Every unit is in a claim: nothing is listed alone.
    const run = scenario('maysan rump')
      .bloc({ id: 'cf', councils: ['maysan'] })
      .deal({ id: 'd', parties: ['nsf', 'quota-sabean'], councils: ['maysan'], governor: 'nsf' })
      .run();
    expect(decisionEntry(council(run, 'maysan'))).toEqual({
      text: "cf (rump without nsf): nabni 6 + state-of-law 3 = 9 ≥ 7 ⇒ elected; deal d: nsf 3 + quota-sabean 1 = 4 < 7; ⇒ cf (rump without nsf) elected, margin 2; governor from nabni (the rump's largest member here; ties: dataset order)",
      step: 'step 1',
    });
  });

  it('an elected bloc takes its governor from its largest member, and says it is the bloc', () => {
    clearRunCaches();
    // Maysan: cf = nabni 6 + state-of-law 3 + nsf 3 = 12 ≥ 7, margin 5; governor nabni (6).
    const run = scenario('maysan bloc').bloc({ id: 'cf', councils: ['maysan'] }).run();
    expect(decisionEntry(council(run, 'maysan'))).toEqual({
      text: "bloc cf: nabni 6 + state-of-law 3 + nsf 3 = 12 ≥ 7 ⇒ elected; alone: quota-sabean 1 (each < 7); ⇒ bloc cf elected, margin 5; governor from nabni (the bloc's largest member here; ties: dataset order)",
      step: 'step 1',
    });
  });

  it('equal votes at a low threshold elect nobody: a deadlock by tie', () => {
    clearRunCaches();
    // Maysan with the threshold set to 6: deal d = state-of-law 3 + nsf 3 = 6 ≥ 6 and nabni alone 6 ≥ 6, equal
    // ⇒ tied; quota-sabean 1 < 6, so "each < 6" is not claimed.
    const run = scenario('maysan tie').rules({ majority: 6 }).deal({ id: 'd', parties: ['state-of-law', 'nsf'], councils: ['maysan'], governor: 'nsf' }).run();
    expect(decisionEntry(council(run, 'maysan'))).toEqual({
      text: 'deal d: state-of-law 3 + nsf 3 = 6 ≥ 6, tied with another alignment ⇒ not elected; alone: nabni 6 ≥ 6, quota-sabean 1; ⇒ several alignments reach 6 with equal votes: nobody is elected, deadlock',
      step: 'step 1',
    });
    // nabni, alone but tied, is listed among the alignments; quota-sabean, alone and short, is not.
    expect(council(run, 'maysan').alignments.map((line) => [line.kind, line.label, line.status, line.units])).toEqual([
      ['deal', 'deal d', 'tied', ['state-of-law', 'nsf']],
      ['list', 'list nabni', 'tied', ['nabni']],
    ]);
  });

  it('a claim short of the majority is a deadlock, short by the difference, and the line names the claim\'s step', () => {
    clearRunCaches();
    // Maysan: deal d = nsf 3 + quota-sabean 1 = 4 < 7, short by 7 − 4 = 3; nabni 6 and state-of-law 3 alone.
    const run = scenario('maysan short').deal({ id: 'd', parties: ['nsf', 'quota-sabean'], councils: ['maysan'], governor: 'nsf' }).run();
    expect(decisionEntry(council(run, 'maysan'))).toEqual({
      text: 'deal d: nsf 3 + quota-sabean 1 = 4 < 7; alone: nabni 6, state-of-law 3 (each < 7); ⇒ no alignment reaches 7: deadlock (strongest claim: deal d, short by 3)',
      step: 'step 1',
    });
  });

  it('with no claim and no list at the majority the council is open, and the line names no step', () => {
    clearRunCaches();
    // Maysan, no steps: nabni 6 < 7 is the largest; state-of-law and nsf tie at 3 (dataset order).
    const maysan = council(scenario('maysan open').run(), 'maysan');
    expect(decisionEntry(maysan)).toEqual({ text: 'alone: nabni 6, state-of-law 3, nsf 3, quota-sabean 1 (each < 7); ⇒ no deal or bloc claims this council and no list reaches 7 alone: open' });
  });
});

describe('national summary', () => {
  it('counts governors of elected councils only', () => {
    clearRunCaches();
    // No bloc or deal: only a list holding the majority alone governs. Basra: tasmim 12 of 23 (majority 12);
    // Karbala: ibdaa-karbala 7 of 13 (majority 7); Wasit's wasit-ajmal 8 of 16 falls one short (majority 9).
    // The other councils are open: nobody claimed them.
    const run = scenario('no alignments').run();
    expect(run.national.governors).toEqual({ tasmim: 1, 'ibdaa-karbala': 1 });
    expect(run.national.byStatus).toEqual({ elected: 2, deadlock: 0, 'no-quorum': 0, open: 13 });
  });
});

describe('group line', () => {
  it('a group set by a step names that step', () => {
    clearRunCaches();
    const run = scenario('wasit set A').transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'nsf' }).group({ A: ['wasit'] }).run();
    expect(council(run, 'wasit').explanation.at(-1)).toEqual({ text: 'group A (set by step 2: the scenario sets it)', step: 'step 2' });
  });
});

describe('voted posts', () => {
  it('a deal naming a chair votes exactly the chair and the governor', () => {
    clearRunCaches();
    // Maysan: deal d = nabni 6 + nsf 3 = 9 ≥ 7 backs chair nabni and governor nsf: 9 votes each, margin 2.
    const run = scenario('maysan chair').deal({ id: 'd', parties: ['nabni', 'nsf'], councils: ['maysan'], governor: 'nsf', chair: 'nabni' }).run();
    expect(council(run, 'maysan').posts).toEqual([
      { post: 'chair', status: 'elected', winner: 'nabni', votes: 9, needed: 7, margin: 2 },
      { post: 'governor', status: 'elected', winner: 'nsf', votes: 9, needed: 7, margin: 2 },
    ]);
  });

  it('a deal may elect a governor from a seated party outside it, and the governor post says so', () => {
    clearRunCaches();
    // Najaf (15, majority 8): deal d = nabni 3 + state-of-law 3 + wafaa 2 = 8 ≥ 8 backs chair wafaa and governor
    // nsf, whose 2 members are not in the deal: both posts get the deal's 8 votes, as the outcome does.
    const run = scenario('najaf outside governor').deal({ id: 'd', parties: ['nabni', 'state-of-law', 'wafaa'], councils: ['najaf'], governor: 'nsf', chair: 'wafaa' }).run();
    expect(council(run, 'najaf').outcome).toMatchObject({ status: 'elected', governorFrom: 'nsf', votes: 8, needed: 8 });
    expect(council(run, 'najaf').posts).toEqual([
      { post: 'chair', status: 'elected', winner: 'wafaa', votes: 8, needed: 8, margin: 0 },
      { post: 'governor', status: 'elected', winner: 'nsf', votes: 8, needed: 8, margin: 0 },
    ]);
  });

  it('a packaged post is voted in the governor\'s ballot, before his seat is vacated', () => {
    clearRunCaches();
    // Maysan, nabni 6 absent: present 7 = quorum 7. Deal d = state-of-law 3 + nsf 3 + quota-sabean 1 = 7 ≥ 7 elects
    // chair nsf (the governor's unit, no chair named) and governor nsf. The deputy shares the governor's ballot,
    // so it is voted with 7 present (quorum met) and, with no candidate, stays open; voted after the governor it
    // would find his seat vacated (6 < 7) and no quorum.
    const run = scenario('maysan package')
      .absent({ council: 'maysan', units: ['nabni'] })
      .deal({ id: 'd', parties: ['state-of-law', 'nsf', 'quota-sabean'], councils: ['maysan'], governor: 'nsf' })
      .package({ council: 'maysan', posts: ['governor', 'deputy'] })
      .run();
    expect(council(run, 'maysan').posts).toEqual([
      { post: 'chair', status: 'elected', winner: 'nsf', votes: 7, needed: 7, margin: 0 },
      { post: 'governor', status: 'elected', winner: 'nsf', votes: 7, needed: 7, margin: 0 },
      { post: 'deputy', status: 'open', winner: null, votes: 0, needed: 7, margin: -7 },
    ]);
  });

  it('a governor named by bloc comes from the deal\'s own members, not the bloc\'s largest unit', () => {
    clearRunCaches();
    // Maysan: deal d = state-of-law 3 + nsf 3 + quota-sabean 1 = 7 ≥ 7, governor "cf". The CF's largest unit,
    // nabni 6, is outside the deal; of its members in the deal, state-of-law 3 and nsf 3 tie and
    // state-of-law comes first in the dataset. Chair nsf.
    const run = scenario('maysan cf governor').deal({ id: 'd', parties: ['state-of-law', 'nsf', 'quota-sabean'], councils: ['maysan'], governor: 'cf', chair: 'nsf' }).run();
    expect(council(run, 'maysan').posts).toEqual([
      { post: 'chair', status: 'elected', winner: 'nsf', votes: 7, needed: 7, margin: 0 },
      { post: 'governor', status: 'elected', winner: 'state-of-law', votes: 7, needed: 7, margin: 0 },
    ]);
  });

  it('the largest unit of a party stands for it, ties by dataset order', () => {
    clearRunCaches();
    // Najaf with one nabni seat moved to nsf: the CF units in dataset order are nabni 2, state-of-law 3, nsf 3,
    // absher 1. The largest, first of the tied 3s, is state-of-law (neither the first nor the last CF unit, and
    // nsf ties it later). Deal d = the CF, 2 + 3 + 3 + 1 = 9 ≥ 8, margin 1, for chair and governor.
    const run = scenario('najaf largest')
      .transfer({ council: 'najaf', from: 'nabni', to: 'nsf' })
      .deal({ id: 'd', parties: ['cf'], councils: ['najaf'], governor: 'cf', chair: 'cf' })
      .run();
    expect(council(run, 'najaf').posts).toEqual([
      { post: 'chair', status: 'elected', winner: 'state-of-law', votes: 9, needed: 8, margin: 1 },
      { post: 'governor', status: 'elected', winner: 'state-of-law', votes: 9, needed: 8, margin: 1 },
    ]);
  });
});
