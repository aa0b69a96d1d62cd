/**
 * Council analysis on Iraqi councils built inline (seats from data/iraq-2023/councils/*.yaml, final IHEC results of
 * 28 Dec 2023), with the arithmetic worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCouncil, analyzeFast, minimalConnectedWinning, prepareCouncil } from '../../src/model/analysis/index.js';
import type { Council, VotingUnit } from '../../src/model/council.js';
import { GovsimDataError, GovsimUsageError } from '../../src/model/errors.js';
import { formatExplanationLine, RULES } from '../../src/model/explanation.js';
import { formatRational } from '../../src/model/rational.js';

function unit(id: string, seats: number, blocs: string[] = [], present?: number): VotingUnit {
  return { id, name: id, kind: id.startsWith('quota-') ? 'member' : 'list', seats, blocs, ...(present === undefined ? {} : { present }) };
}

// Najaf, 15 seats (data/iraq-2023/councils/najaf.yaml): CF lists nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9.
const najaf: Council = {
  id: 'najaf',
  name: 'Najaf',
  units: [
    unit('nabni', 3, ['cf']),
    unit('state-of-law', 3, ['cf']),
    unit('wafaa', 2),
    unit('nsf', 2, ['cf']),
    unit('absher', 1, ['cf']),
    unit('idraak', 1),
    unit('wathiqoon', 1),
    unit('qiyam', 1),
    unit('madar', 1),
  ],
};

// Kirkuk, 16 seats (data/iraq-2023/councils/kirkuk.yaml), as on 10 Aug 2024: KDP 2, Arab Alliance 3 and ITF 2 boycotted.
const kirkuk2024: Council = {
  id: 'kirkuk',
  name: 'Kirkuk',
  units: [
    unit('puk-kirkuk', 5, ['kurdish']),
    unit('arab-alliance', 3, ['sunni'], 0),
    unit('qiyada', 2, ['sunni']),
    unit('itf', 2, ['turkmen'], 0),
    unit('kdp', 2, ['kurdish'], 0),
    unit('ouroba', 1, ['sunni']),
    unit('quota-christian', 1, ['minority']),
  ],
};

// Basra, 23 seats (data/iraq-2023/councils/basra.yaml): Tasmim 12.
const basra: Council = {
  id: 'basra',
  name: 'Basra',
  units: [unit('tasmim', 12), unit('nabni', 5, ['cf']), unit('state-of-law', 3, ['cf']), unit('nsf', 1, ['cf']), unit('asas', 1), unit('quota-christian', 1)],
};

// Karbala, 13 seats (data/iraq-2023/councils/karbala.yaml): Ibdaa 7 documented; the other six as reconstructed there.
const karbala: Council = {
  id: 'karbala',
  name: 'Karbala',
  units: [unit('ibdaa-karbala', 7), unit('state-of-law', 2, ['cf']), unit('nabni', 2, ['cf']), unit('nsf', 1, ['cf']), unit('unidentified', 1)],
};

// Wasit, 16 seats (data/iraq-2023/councils/wasit.yaml, best estimate): Ajmal 8 + Feyli quota seat 1 = 9 of 9.
const wasit: Council = {
  id: 'wasit',
  name: 'Wasit',
  units: [unit('wasit-ajmal', 8), unit('state-of-law', 3, ['cf']), unit('nabni', 2, ['cf']), unit('nsf', 2, ['cf']), unit('quota-feyli', 1)],
};

// Baghdad, 52 seats (data/iraq-2023/councils/baghdad.yaml).
const baghdad: Council = {
  id: 'baghdad',
  name: 'Baghdad',
  units: [
    unit('state-of-law', 9, ['cf']),
    unit('nabni', 9, ['cf']),
    unit('taqaddum', 8, ['sunni']),
    unit('nsf', 5, ['cf']),
    unit('siyada', 4, ['sunni']),
    unit('azm', 4, ['sunni']),
    unit('hasm', 3, ['sunni']),
    unit('asas', 3),
    unit('absher', 2, ['cf']),
    unit('ishraqat', 1),
    unit('ajyal', 1),
    unit('quota-feyli', 1),
    unit('quota-christian', 1),
    unit('quota-sabean', 1),
  ],
};

const ids = (coalitions: readonly { units: readonly string[] }[]): string[] => coalitions.map((c) => c.units.join('+'));

describe('thresholds and quorum', () => {
  it('Najaf: 15 members need floor(15/2)+1 = 8, all present', () => {
    const analysis = analyzeCouncil(najaf);
    expect(analysis.members).toBe(15);
    expect(analysis.majority).toBe(8);
    expect(analysis.quorum).toEqual({ needed: 8, present: 15, met: true });
    expect(formatExplanationLine(analysis.explanation[0]!)).toBe(
      `${RULES.absoluteMajority.citation}: absolute majority = floor(15/2) + 1 = 8 of 15 members, present or not`,
    );
  });

  it('Kirkuk 2024: 16 members need 9 of all members; 9 present = PUK 5 + qiyada 2 + ouroba 1 + Babylon 1 meets the quorum', () => {
    const analysis = analyzeCouncil(kirkuk2024);
    expect(analysis.majority).toBe(9);
    expect(analysis.present).toBe(9);
    expect(analysis.quorum).toEqual({ needed: 9, present: 9, met: true });
    expect(analysis.explanation[1]!.text).toContain('present 9 of 16 ≥ 9 ⇒ quorum met (absent: arab-alliance 3, itf 2, kdp 2)');
  });

  it('Kirkuk 2024 with one more absence: 8 present < 9, so no quorum and no majority', () => {
    const oneMore = { ...kirkuk2024, units: kirkuk2024.units.map((u) => (u.id === 'ouroba' ? { ...u, present: 0 } : u)) };
    const analysis = analyzeCouncil(oneMore, { coalition: ['puk-kirkuk', 'qiyada', 'quota-christian'] });
    expect(analysis.quorum).toEqual({ needed: 9, present: 8, met: false });
    expect(analysis.coalition?.majority).toBe(false);
    // Those present (8) cannot reach 9: no winning coalition, power indices undefined.
    expect(analysis.winning.count).toBe(0);
    expect(analysis.power).toBeUndefined();
  });
});

describe('declared coalition', () => {
  it('Najaf CF: nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 ≥ 8, margin 1; pivotal are the units holding more than 1', () => {
    const check = analyzeCouncil(najaf, { coalition: ['cf'] }).coalition!;
    expect(check).toMatchObject({ units: ['nabni', 'state-of-law', 'nsf', 'absher'], votes: 9, needed: 8, majority: true, margin: 1 });
    // Removing absher (1) leaves 8 ≥ 8; removing any other leaves ≤ 7.
    expect(check.pivotal).toEqual(['nabni', 'state-of-law', 'nsf']);
    expect(check.swingMembers).toBe(0);
    const line = analyzeCouncil(najaf, { coalition: ['cf'] }).explanation.find((l) => l.text.startsWith('cf ('));
    expect(line?.text).toBe('cf (nabni 3 + state-of-law 3 + nsf 2 + absher 1) = 9 ≥ 8 ⇒ majority, margin 1');
  });

  it('Kirkuk 2024 governing coalition: 5 + 2 + 1 + 1 = 9 of 9, margin 0: all 9 members are swings, every unit pivotal', () => {
    const check = analyzeCouncil(kirkuk2024, { coalition: ['puk-kirkuk', 'qiyada', 'ouroba', 'quota-christian'] }).coalition!;
    expect(check).toMatchObject({ votes: 9, needed: 9, majority: true, margin: 0, swingMembers: 9 });
    expect(check.pivotal).toEqual(['puk-kirkuk', 'qiyada', 'ouroba', 'quota-christian']);
    expect(check.swingUnits).toEqual(check.pivotal);
  });

  it('Basra: Tasmim 12 of 23 is alone a majority with margin 0', () => {
    const check = analyzeCouncil(basra, { coalition: ['tasmim'] }).coalition!;
    expect(check).toMatchObject({ votes: 12, needed: 12, majority: true, margin: 0, pivotal: ['tasmim'], swingMembers: 12 });
  });

  it('Baghdad CF alone: 9 + 9 + 5 + 2 = 25 < 27, short by 2', () => {
    const analysis = analyzeCouncil(baghdad, { coalition: ['cf'], power: false });
    expect(analysis.coalition).toMatchObject({ votes: 25, needed: 27, majority: false, margin: -2, pivotal: [] });
    expect(analysis.explanation.some((l) => l.text.endsWith('= 25 < 27 ⇒ no majority, short by 2'))).toBe(true);
  });

  it('reports constraint violations of the declared coalition', () => {
    const check = analyzeCouncil(baghdad, {
      coalition: ['cf', 'taqaddum'],
      constraints: { incompatible: [['cf', 'taqaddum']], required: ['asas'] },
      power: false,
    }).coalition!;
    expect(check.admissible).toBe(false);
    expect(check.violations).toContain('leaves out required asas');
    expect(check.violations).toContain('includes incompatible state-of-law × taqaddum');
  });
});

describe('winning and minimal winning coalitions', () => {
  it('Najaf: 256 winning, 69 minimal winning', () => {
    const analysis = analyzeCouncil(najaf);
    // Total weight 15 is odd, so a coalition wins (≥ 8) exactly when its complement loses: half of 2^9.
    expect(analysis.winning.count).toBe(256);
    // By classes of equal weight (a threes, b twos, c ones; 3a + 2b + c = 8 with the lightest member critical):
    // a=2: b=1 → C(2,1) = 2; c=2 → C(5,2) = 10.  a=1 (×2): b=2,c=1 → 5; b=1,c=3 → 2·10 = 20; c=5 → 1.
    // a=0: b=2,c=4 → 5.   Total 2 + 10 + 2·(5 + 20 + 1) + 5 = 69.
    expect(analysis.winning.minimal).toHaveLength(69);
    // Every minimal coalition here weighs exactly 8 (the classes above all sum to 8).
    expect(analysis.winning.minimal.every((c) => c.votes === 8 && c.margin === 0)).toBe(true);
    expect(analysis.winning.minimal.every((c) => c.critical.length === c.units.length)).toBe(true);
  });

  it('minimal winning coalitions are sorted by votes, then size, then council order', () => {
    const minimal = analyzeCouncil(najaf).winning.minimal;
    expect(ids(minimal.slice(0, 2))).toEqual(['nabni+state-of-law+wafaa', 'nabni+state-of-law+nsf']);
    for (let i = 1; i < minimal.length; i++) {
      const [a, b] = [minimal[i - 1]!, minimal[i]!];
      expect(a.votes < b.votes || (a.votes === b.votes && a.units.length <= b.units.length)).toBe(true);
    }
  });

  it('Basra and Karbala: a single list holding the quota is a dictator', () => {
    const b = analyzeCouncil(basra);
    expect(ids(b.winning.minimal)).toEqual(['tasmim']);
    // Every coalition with Tasmim wins: 2^5 subsets of the other five units.
    expect(b.winning.count).toBe(32);
    expect(b.power!.banzhaf.players.map((p) => formatRational(p.value))).toEqual(['1', '0', '0', '0', '0', '0']);
    expect(b.power!.shapleyShubik.players.map((p) => formatRational(p.value))).toEqual(['1', '0', '0', '0', '0', '0']);
    const k = analyzeCouncil(karbala);
    expect(k.majority).toBe(7);
    expect(ids(k.winning.minimal)).toEqual(['ibdaa-karbala']);
  });

  it('Kirkuk 2024: only the four present units together reach 9, so each holds a quarter of the power', () => {
    const analysis = analyzeCouncil(kirkuk2024);
    expect(ids(analysis.winning.minimal)).toEqual(['puk-kirkuk+qiyada+ouroba+quota-christian']);
    // The three absent units weigh 0: 2^3 winning supersets.
    expect(analysis.winning.count).toBe(8);
    const quarter = analysis.power!.banzhaf.players.map((p) => formatRational(p.value));
    expect(quarter).toEqual(['1/4', '0', '1/4', '0', '0', '1/4', '1/4']);
    expect(analysis.power!.shapleyShubik.players.map((p) => formatRational(p.value))).toEqual(quarter);
  });
});

describe('constraints', () => {
  it('incompatible blocs expand to their units; excluded and required units shape every coalition', () => {
    // Najaf without wafaa and with CF incompatible with the rest: only CF subsets remain, and CF (9) is the
    // only one reaching 8 except CF minus absher (8): minimal = nabni + state-of-law + nsf.
    const analysis = analyzeCouncil(najaf, {
      constraints: { incompatible: [['cf', 'idraak'], ['cf', 'wathiqoon'], ['cf', 'qiyam'], ['cf', 'madar']], excluded: ['wafaa'] },
    });
    // Admissible winning: non-CF singles 1 each (total 4 < 8) cannot join CF; CF subsets ≥ 8: {all four} and
    // {nabni, sol, nsf}; and the non-CF units alone reach at most 4.
    expect(analysis.winning.count).toBe(2);
    expect(ids(analysis.winning.minimal)).toEqual(['nabni+state-of-law+nsf']);
  });

  it('a required unit is in every minimal winning coalition and exempt from the minimality test', () => {
    const analysis = analyzeCouncil(basra, { constraints: { required: ['nabni'] } });
    // Tasmim alone wins, but nabni must sit in: {tasmim, nabni} is minimal (dropping tasmim loses).
    expect(ids(analysis.winning.minimal)).toEqual(['tasmim+nabni']);
    expect(analysis.winning.minimal[0]!.critical).toEqual(['tasmim']);
    // The constraint is a note, not a rule: as text it stands alone, with no citation in front.
    const required = analysis.explanation.find((line) => line.text.startsWith('required in every coalition'))!;
    expect(required.rule).toBeUndefined();
    expect(formatExplanationLine(required)).toBe('required in every coalition: nabni');
  });

  it('contradictory constraints leave no admissible coalition', () => {
    const analysis = analyzeCouncil(basra, { constraints: { required: ['tasmim', 'nabni'], incompatible: [['tasmim', 'nabni']] } });
    expect(analysis.winning).toEqual({ count: 0, minimal: [], minimalCount: 0, minimalCountExact: true });
    expect(analysis.explanation.some((l) => l.text.includes('no admissible coalition exists'))).toBe(true);
  });

  it('unknown ids: options give a usage error listing the valid ids; council data gives a data error with a path', () => {
    expect(() => analyzeCouncil(najaf, { coalition: ['nabni', 'wathiqon'] })).toThrow(GovsimUsageError);
    expect(() => analyzeCouncil(najaf, { coalition: ['wathiqon'] })).toThrow(/coalition\[0\]: unknown unit or bloc "wathiqon" in council najaf \(units: nabni, state-of-law/);
    const bad: Council = { ...najaf, constraints: { incompatible: [['cf', 'sadrists']] } };
    try {
      analyzeCouncil(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GovsimDataError);
      expect((error as GovsimDataError).issues[0]!.path).toBe('constraints.incompatible[0][1]');
    }
  });

  it('malformed councils are data errors naming the unit path', () => {
    const duplicate: Council = { ...najaf, units: [...najaf.units, unit('nabni', 1)] };
    expect(() => prepareCouncil(duplicate)).toThrow(/units\[9\]\.id: duplicate unit id "nabni"/);
    const overPresent: Council = { ...najaf, units: [unit('a', 2, [], 3)] };
    expect(() => prepareCouncil(overPresent)).toThrow(/units\[0\]\.present: expected an integer from 0 to 2/);
  });
});

describe('predictions', () => {
  it('Najaf: Riker lists every minimal coalition of 8 seats; Leiserson the two three-party ones', () => {
    const analysis = analyzeCouncil(najaf);
    const [riker, leiserson] = analysis.predictions;
    expect(riker!.theory).toBe('minimum-winning');
    expect(riker!.label).toContain('Riker 1962');
    expect(riker!.coalitions).toHaveLength(69);
    expect(leiserson!.theory).toBe('fewest-parties');
    expect(ids(leiserson!.coalitions)).toEqual(['nabni+state-of-law+wafaa', 'nabni+state-of-law+nsf']);
    expect(analysis.predictions.some((p) => p.theory === 'minimal-connected-winning')).toBe(false);
  });

  it('Axelrod: intervals of the order that lose when either end leaves', () => {
    // Order a(4) b(1) c(3) d(2) e(5), 15 seats, quota 8.
    // From a: a+b+c = 8 wins; without a 4, without c 5: minimal connected.  From b: b..e = 11, without b 10: no.
    // From c: c+d+e = 10; without c 7, without e 5: minimal connected.  From d: d+e = 7 < 8.
    const council: Council = { id: 'x', name: 'x', units: [unit('a', 4), unit('b', 1), unit('c', 3), unit('d', 2), unit('e', 5)] };
    const analysis = analyzeCouncil(council, { order: ['a', 'b', 'c', 'd', 'e'] });
    const axelrod = analysis.predictions.find((p) => p.theory === 'minimal-connected-winning')!;
    expect(axelrod.label).toContain('Axelrod 1970');
    expect(ids(axelrod.coalitions).sort()).toEqual(['a+b+c', 'c+d+e']);
    expect(minimalConnectedWinning(prepareCouncil(council, { order: ['e', 'd', 'c', 'b', 'a'] })).length).toBe(2);
  });
});

describe('hinge seats', () => {
  it('Wasit: one Ajmal seat moved to state-of-law loses the 9-of-9 majority', () => {
    const analysis = analyzeCouncil(wasit, { coalition: ['wasit-ajmal', 'quota-feyli'] });
    const move = analysis.hinges.find((h) => h.change.kind === 'move' && h.change.from === 'wasit-ajmal' && h.change.to === 'state-of-law');
    expect(move?.text.startsWith('move 1 seat wasit-ajmal → state-of-law: wasit-ajmal + quota-feyli 9 → 8 of 9 needed: loses the majority')).toBe(true);
    expect(move).toMatchObject({ flips: true, majority: { before: true, after: false }, votes: { before: 9, after: 8 }, needed: 9 });
  });

  it('Basra: any one Tasmim seat moved, absent or voting against breaks the majority; flips come first', () => {
    const analysis = analyzeCouncil(basra, { coalition: ['tasmim'] });
    const flips = analysis.hinges.filter((h) => h.flips);
    const changes = flips.flatMap((h) => [h.change, ...h.alike]);
    // 5 moves to the other units + 1 absence + 1 defection, all from tasmim.
    expect(changes).toHaveLength(7);
    expect(changes.every((c) => c.from === 'tasmim')).toBe(true);
    expect(analysis.hinges.slice(0, flips.length).every((h) => h.flips)).toBe(true);
    // A Tasmim member absent: 22 present still meet the quorum of 12, but Tasmim has 11 < 12.
    const absent = flips.find((h) => h.change.kind === 'absent')!;
    expect(absent.quorum).toEqual({ before: true, after: true });
    expect(absent.votes).toEqual({ before: 12, after: 11 });
    // With the quorum unchanged, voting against is the same game as being absent: folded together.
    expect(absent.alike).toEqual([{ kind: 'defect', from: 'tasmim' }]);
    // Tasmim (11) now needs any one partner to reach 12; the others together hold only 11.
    expect(absent.lost).toEqual([['tasmim']]);
    expect(absent.minimalGained).toBe(5);
    expect(absent.gained).toContainEqual(['tasmim', 'quota-christian']);
  });

  it('Kirkuk 2024: any absence among the nine breaks the quorum', () => {
    const analysis = analyzeCouncil(kirkuk2024, { coalition: ['puk-kirkuk', 'qiyada', 'ouroba', 'quota-christian'] });
    const absences = analysis.hinges.filter((h) => h.change.kind === 'absent');
    const absentUnits = absences.flatMap((h) => [h.change, ...h.alike]).filter((c) => c.kind === 'absent').map((c) => c.from).sort();
    expect(absentUnits).toEqual(['ouroba', 'puk-kirkuk', 'qiyada', 'quota-christian']);
    for (const h of absences) {
      expect(h.quorum).toEqual({ before: true, after: false });
      expect(h.flips).toBe(true);
      expect(h.text).toContain('present 9 → 8 of 9 needed: quorum lost');
    }
  });

  it('Najaf: interchangeable one-seat units are folded into one entry', () => {
    const analysis = analyzeCouncil(najaf);
    // nabni ≡ state-of-law (3 seats each); absher ≡ idraak ≡ wathiqoon ≡ qiyam ≡ madar (1 seat each; blocs
    // matter only through constraints). The entry is named after the first of each class in council order.
    const moveToOne = analysis.hinges.find((h) => h.change.kind === 'move' && h.change.from === 'nabni' && h.change.to === 'absher')!;
    expect(moveToOne.alike).toHaveLength(2 * 5 - 1);
    expect(moveToOne.alike).toContainEqual({ kind: 'move', from: 'state-of-law', to: 'madar' });
    expect(analysis.hinges.some((h) => h.change.kind === 'move' && h.change.from === 'nabni' && h.change.to === 'idraak')).toBe(false);
    // Without a declared coalition: a majority can still form after any single change (15 present ≥ 8).
    expect(analysis.hinges.every((h) => !h.flips)).toBe(true);
  });
});

describe('numeric core', () => {
  it('agrees with the presentation and reuses its buffers', () => {
    const prepared = prepareCouncil(najaf, { coalition: ['cf'] });
    const first = analyzeFast(prepared);
    expect(first.minimal.length).toBe(69);
    expect(first.winningCount).toBe(256);
    expect(first.declaredVotes).toBe(9);
    expect(first.majorityForms).toBe(true);
    // Raw Banzhaf swings sum over units; the normalised shares come from the power API.
    const analysis = analyzeCouncil(najaf, { coalition: ['cf'] });
    const total = Array.from(first.swings!).reduce((a, b) => a + b, 0);
    analysis.power!.banzhaf.players.forEach((player, i) => expect(first.swings![i]! / total).toBeCloseTo(player.float, 12));
    analysis.power!.shapleyShubik.players.forEach((player, i) => expect(first.shapley![i]!).toBeCloseTo(player.float, 12));
    const second = analyzeFast(prepared, { power: false });
    expect(second.swings).toBeUndefined();
    expect(second.hingeLost).toBe(first.hingeLost);
  });
});
