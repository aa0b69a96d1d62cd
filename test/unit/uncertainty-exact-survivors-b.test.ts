import { describe, expect, it } from 'vitest';
import { type Rational, ONE, ZERO, add, formatRational, mul, parseRational, sub } from '../../src/model/rational.js';
import { type ProbabilisticCouncil, type ProbabilisticUnit, exactCouncilOutcome, exactScenarioOutcome } from '../../src/model/uncertainty/index.js';

const r = (text: string): Rational => parseRational(text);
const f = (value: Rational): string => formatRational(value);

function unit(id: string, attendance: readonly Rational[], inCoalition: boolean, switchProbability: Rational = ZERO): ProbabilisticUnit {
  return { id, seats: attendance.length, attendance, inCoalition, switchProbability };
}

interface BruteOutcome {
  elected: Rational;
  rivalElected: Rational;
  deadlock: Rational;
  noQuorum: Rational;
  blocGoverns: Rational;
}

/**
 * Independent of the dynamic programme: enumerates every attendance of every member and every switch
 * of every unit, and sums the probabilities of each outcome. A unit backs the simulated alignment when
 * in the coalition and not switching, or outside and switching (joining); a rival's votes are the
 * present members of its units that do not join.
 */
function bruteForce(council: ProbabilisticCouncil): BruteOutcome {
  const members = council.units.flatMap((u, i) => u.attendance.map((p) => ({ unit: i, p })));
  const out: BruteOutcome = { elected: ZERO, rivalElected: ZERO, deadlock: ZERO, noQuorum: ZERO, blocGoverns: ZERO };
  for (let here = 0; here < 2 ** members.length; here++) {
    for (let switched = 0; switched < 2 ** council.units.length; switched++) {
      let p = ONE;
      const presentIn = council.units.map(() => 0);
      members.forEach((m, j) => {
        const attends = ((here >> j) & 1) === 1;
        p = mul(p, attends ? m.p : sub(ONE, m.p));
        if (attends) presentIn[m.unit]!++;
      });
      const backs = council.units.map((u, i) => {
        const s = ((switched >> i) & 1) === 1;
        p = mul(p, s ? u.switchProbability : sub(ONE, u.switchProbability));
        return u.inCoalition !== s;
      });
      if (p.num === 0n) continue;
      const present = presentIn.reduce((a, b) => a + b, 0);
      const votes = presentIn.reduce((sum, n, i) => sum + (backs[i] ? n : 0), 0);
      if (present < council.quorum) {
        out.noQuorum = add(out.noQuorum, p);
        continue;
      }
      if (votes >= council.threshold) {
        out.elected = add(out.elected, p);
        if (council.governedByBloc) out.blocGoverns = add(out.blocGoverns, p);
        continue;
      }
      const winner = (council.rivals ?? []).find((rival) => rival.units.reduce((sum, i) => sum + (backs[i] ? 0 : presentIn[i]!), 0) >= council.threshold);
      if (winner === undefined) {
        out.deadlock = add(out.deadlock, p);
        continue;
      }
      out.rivalElected = add(out.rivalElected, p);
      if (winner.governedByBloc) out.blocGoverns = add(out.blocGoverns, p);
    }
  }
  return out;
}

describe('rival alignments in the exact engine', () => {
  // 3 members, threshold 2, quorum 3 (a quorum above the threshold). Coalition unit a (1 seat), rival
  // unit x (2 seats) that joins the coalition with 1/3; every member attends with 1/2.
  // The vote is held only if all 3 come: 1/8. Then x joins (1/3): 3 votes, elected, 1/8·1/3 = 1/24;
  // x stays (2/3): the coalition has 1 vote, the rival 2 ≥ 2, rival elected, 1/8·2/3 = 1/12.
  // No quorum 7/8, deadlock 0. Two x members voting for the rival without a quorum (1/4·2/3 = 1/6)
  // must not count as the rival being elected.
  const small = (governedByBloc: boolean, rivalGoverned: boolean): ProbabilisticCouncil => ({
    id: 'small',
    threshold: 2,
    quorum: 3,
    governedByBloc,
    units: [unit('a', [r('1/2')], true), unit('x', [r('1/2'), r('1/2')], false, r('1/3'))],
    rivals: [{ id: 'rival', units: [1], governedByBloc: rivalGoverned }],
  });

  it('a rival is elected only with a quorum, even when the quorum is above the threshold (hand-computed)', () => {
    const outcome = exactCouncilOutcome(small(false, false));
    expect(f(outcome.elected)).toBe('1/24');
    expect(f(outcome.rivalElected)).toBe('1/12');
    expect(f(outcome.noQuorum)).toBe('7/8');
    expect(f(outcome.deadlock)).toBe('0');
  });

  it('a rival counts for the bloc only when it is marked as governed by the bloc (hand-computed)', () => {
    // Council governed by the bloc, rival not: only the coalition's 1/24.
    expect(f(exactCouncilOutcome(small(true, false)).blocGoverns)).toBe('1/24');
    // Rival governed by the bloc, council not: only the rival's 1/12.
    expect(f(exactCouncilOutcome(small(false, true)).blocGoverns)).toBe('1/12');
    // Both: 1/24 + 1/12 = 1/8, every held vote.
    expect(f(exactCouncilOutcome(small(true, true)).blocGoverns)).toBe('1/8');
    // Neither.
    expect(f(exactCouncilOutcome(small(false, false)).blocGoverns)).toBe('0');
  });

  it('matches a brute-force enumeration of a 9-member council with a rival and a quorum above the threshold', () => {
    // 9 members, threshold 5, quorum 6. Coalition c (3 seats, defects 1/4), rival A = {p, q} (5 seats,
    // joining 1/3 and 1/5), rival B = {s} (1 seat, can never reach 5). 2^9 attendances × 2^4 switches.
    // A's 5 members can all vote for A while c and s stay away: 5 present, below the quorum.
    const council: ProbabilisticCouncil = {
      id: 'nine',
      threshold: 5,
      quorum: 6,
      governedByBloc: true,
      units: [
        unit('c', [r('1/2'), r('2/3'), r('4/5')], true, r('1/4')),
        unit('p', [r('1/2'), r('3/4')], false, r('1/3')),
        unit('q', [ONE, r('1/3'), r('2/5')], false, r('1/5')),
        unit('s', [r('1/2')], false, r('1/2')),
      ],
      rivals: [
        { id: 'A', units: [1, 2], governedByBloc: false },
        { id: 'B', units: [3], governedByBloc: true },
      ],
    };
    const expected = bruteForce(council);
    const outcome = exactCouncilOutcome(council);
    expect(f(outcome.rivalElected)).toBe(f(expected.rivalElected));
    expect(expected.rivalElected.num).not.toBe(0n); // the rival can win, so the check has teeth
    expect(f(outcome.elected)).toBe(f(expected.elected));
    expect(f(outcome.deadlock)).toBe(f(expected.deadlock));
    expect(f(outcome.noQuorum)).toBe(f(expected.noQuorum));
    expect(f(outcome.blocGoverns)).toBe(f(expected.blocGoverns));
    // The same through the scenario engine (threshold 5 > 9/2, so exact is available).
    const national = exactScenarioOutcome({ bloc: 'cf', councils: [council], shocks: [] });
    expect(national.blocGovernsAtLeast.map(f)).toEqual(['1', f(expected.blocGoverns)]);
  });
});
