/**
 * The end of a council's result, pinned word for word: the outcome when nobody governs, the confidence
 * line, the unit and alignment entries, and the lone units in the decision line. Every figure is
 * hand-computed from the final seat tables of data/iraq-2023/councils/*.yaml (majority = floor(n/2) + 1).
 * Each test clears the run caches first, so its council is computed afresh rather than served from a cache.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/scenarios/builder.js';
import { clearRunCaches, type CouncilResult, type ScenarioRun } from '../../src/scenarios/runner.js';

function council(run: ScenarioRun, id: string): CouncilResult {
  const found = run.councils.find((entry) => entry.id === id);
  if (!found) throw new Error(`no council ${id}`);
  return found;
}

function confidenceLines(result: CouncilResult): string[] {
  return result.explanation.filter((line) => line.text.startsWith('confidence:')).map((line) => line.text);
}

describe('a council nobody governs', () => {
  it('has an empty coalition and no seated governor', () => {
    clearRunCaches();
    // Kirkuk 16 → 9: the largest list, puk-kirkuk, holds 5 < 9, and no deal or bloc is declared ⇒ open.
    const kirkuk = council(scenario('kirkuk open').run(), 'kirkuk');
    expect(kirkuk.outcome).toStrictEqual({
      status: 'open',
      governorFrom: null,
      candidate: null,
      governorSeated: false,
      alignment: null,
      coalition: [],
      votes: 0,
      needed: 9,
      margin: null,
      basis: 'none',
      via: null,
    });
  });
});

describe('the confidence line', () => {
  it('names unresolved seats and, with nobody elected, every unit of the council', () => {
    clearRunCaches();
    // Dhi Qar 18 → 10: nabni 5 is the largest list ⇒ open; its 8 unattributed seats are `unresolved`.
    const dhiqar = council(scenario('dhiqar open').run(), 'dhiqar');
    expect(dhiqar.outcome.status).toBe('open');
    expect(dhiqar.confidence).toBe('unresolved');
    expect(confidenceLines(dhiqar)).toEqual([
      "confidence: unresolved — the outcome rests on seat figures that are unresolved in the sources (the seats of the council's units)",
    ]);
  });

  it('names estimates and, with an alignment elected, its seats or the council size', () => {
    clearRunCaches();
    // Maysan 13 → 7: CF bloc nabni 6 + state-of-law 3 + nsf 3 = 12 ≥ 7 ⇒ elected; nabni's and
    // state-of-law's Maysan figures are `inferred`.
    const maysan = council(scenario('maysan cf confidence').bloc({ id: 'cf', councils: ['maysan'] }).run(), 'maysan');
    expect(maysan.outcome.status).toBe('elected');
    expect(confidenceLines(maysan)).toEqual([
      "confidence: inferred — the outcome rests on seat figures that are estimates (the elected alignment's seats or the council size)",
    ]);
  });
});

describe('units and alignments in the result', () => {
  it('a unit carries its parent list and its defected members only when it has them; only a void alignment has a reason', () => {
    clearRunCaches();
    // Najaf, nabni 3 split into badr 1 + aah 2; one state-of-law member defects to wafaa; the aah deal is
    // void (aah vetoed). Deal = aah 2 + wafaa 2 + state-of-law>wafaa 1 = 5; wafaa alone with its
    // defector = 2 + 1 = 3, listed because a defector rallies to it.
    const run = scenario('najaf units')
      .split({ council: 'najaf', list: 'nabni', into: { badr: 1, aah: 2 } })
      .deal({ id: 'aah-deal', parties: ['aah', 'wafaa'], councils: ['najaf'], governor: 'aah' })
      .veto({ actor: 'sadrists', councils: ['najaf'], against: ['aah'] })
      .defect({ council: 'najaf', from: 'state-of-law', seats: 1, to: 'wafaa' })
      .run();
    const najaf = council(run, 'najaf');
    expect(najaf.units).toStrictEqual([
      { id: 'badr', seats: 1, present: 1, parent: 'nabni' },
      { id: 'aah', seats: 2, present: 2, parent: 'nabni' },
      { id: 'state-of-law', seats: 3, present: 3, defected: 1 },
      { id: 'wafaa', seats: 2, present: 2 },
      { id: 'nsf', seats: 2, present: 2 },
      { id: 'absher', seats: 1, present: 1 },
      { id: 'idraak', seats: 1, present: 1 },
      { id: 'wathiqoon', seats: 1, present: 1 },
      { id: 'qiyam', seats: 1, present: 1 },
      { id: 'madar', seats: 1, present: 1 },
    ]);
    expect(najaf.alignments).toStrictEqual([
      {
        kind: 'deal',
        id: 'aah-deal',
        label: 'deal aah-deal',
        units: ['aah', 'wafaa', 'state-of-law>wafaa'],
        actors: [],
        votes: 5,
        governor: 'aah',
        governorSeated: true,
        status: 'void',
        voidReason: 'its governor party aah is vetoed by sadrists (step 3)',
      },
      { kind: 'list', id: 'wafaa', label: 'list wafaa', units: ['wafaa', 'state-of-law>wafaa'], actors: [], votes: 3, governor: 'wafaa', governorSeated: true, status: 'short' },
    ]);
  });

  it('an elected single list is listed, keeps no predictions, and is not among the lone units', () => {
    clearRunCaches();
    // Basra 23 → 12: tasmim 12 ≥ 12 alone ⇒ elected, margin 0; the rest (nabni 5, state-of-law 3, nsf 1,
    // asas 1, quota-christian 1) vote alone, each < 12.
    const basra = council(scenario('basra alone').run(), 'basra');
    expect(basra.alignments).toStrictEqual([
      { kind: 'list', id: 'tasmim', label: 'list tasmim', units: ['tasmim'], actors: [], votes: 12, governor: 'tasmim', governorSeated: true, status: 'elected' },
    ]);
    expect(basra.predictions).toEqual([]);
    expect(basra.decision).toBe(
      'list tasmim: tasmim 12 = 12 ≥ 12 ⇒ elected; alone: nabni 5, state-of-law 3, nsf 1, asas 1, quota-christian 1 (each < 12); ⇒ list tasmim elected, margin 0; governor from tasmim (alone)',
    );
  });
});

describe('the lone units in the decision line', () => {
  it('are sorted by votes, most first (ties in dataset order), six shown and the rest counted', () => {
    clearRunCaches();
    // Najaf after 2 seats move nabni → madar: nabni 1, state-of-law 3, wafaa 2, nsf 2, absher 1, idraak 1,
    // wathiqoon 1, qiyam 1, madar 3 = 15 → 8. Sorted: state-of-law 3, madar 3, wafaa 2, nsf 2, nabni 1,
    // absher 1, then 9 − 6 = 3 more.
    const najaf = council(scenario('najaf sorted').transfer({ council: 'najaf', from: 'nabni', to: 'madar', seats: 2 }).run(), 'najaf');
    expect(najaf.decision).toBe(
      'alone: state-of-law 3, madar 3, wafaa 2, nsf 2, nabni 1, absher 1, … (3 more) (each < 8); ⇒ no deal or bloc claims this council and no list reaches 8 alone: open',
    );
  });

  it('exactly six are shown without an ellipsis', () => {
    clearRunCaches();
    // Najaf: deal nabni 3 + state-of-law 3 + nsf 2 = 8 ≥ 8; alone: wafaa 2 and five lists of 1 = 6 units.
    const run = scenario('najaf six alone').deal({ id: 'd', parties: ['nabni', 'state-of-law', 'nsf'], councils: ['najaf'], governor: 'nsf' }).run();
    expect(council(run, 'najaf').decision).toBe(
      'deal d: nabni 3 + state-of-law 3 + nsf 2 = 8 ≥ 8 ⇒ elected; alone: wafaa 2, absher 1, idraak 1, wathiqoon 1, qiyam 1, madar 1 (each < 8); ⇒ deal d elected, margin 0; governor from nsf',
    );
  });

  it('are left out when every unit is in the elected deal', () => {
    clearRunCaches();
    // Maysan 13 → 7: nabni 6 + state-of-law 3 + nsf 3 + quota-sabean 1 = 13 ≥ 7, margin 6; nobody is alone.
    const run = scenario('maysan everyone').deal({ id: 'all', parties: ['nabni', 'state-of-law', 'nsf', 'quota-sabean'], councils: ['maysan'], governor: 'nabni' }).run();
    expect(council(run, 'maysan').decision).toBe(
      'deal all: nabni 6 + state-of-law 3 + nsf 3 + quota-sabean 1 = 13 ≥ 7 ⇒ elected; ⇒ deal all elected, margin 6; governor from nabni',
    );
  });

  it('mark those reaching a low threshold without being elected (a tie), and drop "each <"', () => {
    clearRunCaches();
    // Najaf with majority 3: nabni 3 and state-of-law 3 both reach 3 with equal votes ⇒ tie, deadlock;
    // only they are marked "≥ 3"; wafaa 2, nsf 2, absher 1, idraak 1 shown, 9 − 6 = 3 more.
    const run = scenario('najaf low tie').rules({ majority: 3 }).run();
    expect(council(run, 'najaf').decision).toBe(
      'alone: nabni 3 ≥ 3, state-of-law 3 ≥ 3, wafaa 2, nsf 2, absher 1, idraak 1, … (3 more); ⇒ several alignments reach 3 with equal votes: nobody is elected, deadlock',
    );
  });

  it('mark one unit that reaches the threshold exactly but is outvoted by the elected deal', () => {
    clearRunCaches();
    // Najaf with majority 3: deal nabni 3 + wafaa 2 = 5 ≥ 3, margin 2; state-of-law 3 = 3 alone is marked;
    // nsf 2 and four lists of 1 shown, then madar: 7 − 6 = 1 more.
    const run = scenario('najaf low deal').rules({ majority: 3 }).deal({ id: 'd', parties: ['nabni', 'wafaa'], councils: ['najaf'], governor: 'nabni' }).run();
    expect(council(run, 'najaf').decision).toBe(
      'deal d: nabni 3 + wafaa 2 = 5 ≥ 3 ⇒ elected; alone: state-of-law 3 ≥ 3, nsf 2, absher 1, idraak 1, wathiqoon 1, qiyam 1, … (1 more); ⇒ deal d elected, margin 2; governor from nabni',
    );
  });
});
