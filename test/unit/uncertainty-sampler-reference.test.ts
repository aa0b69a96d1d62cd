/**
 * The Monte Carlo sampler against a reference written from its documentation alone: the random numbers
 * come from the BigInt re-implementation of the generator (test/helpers/bigint-random.ts), consumed in the
 * documented order (per draw: one per shock, then per unit one for its count of present members when two
 * or more uncertain members share a probability, else one per uncertain member, then one when it may switch
 * side), and every counter of the tally is recomputed by plain loops. A model with every kind of unit, shock
 * and rival, so that any change to what the sampler draws or counts changes some entry of the tally.
 */
import { describe, expect, it } from 'vitest';
import { parseRational, type Rational } from '../../src/model/rational.js';
import { type ProbabilisticScenario, compileScenario, sampleBlock } from '../../src/model/uncertainty/index.js';
import { streamOutputsBig } from '../helpers/bigint-random.js';

const TWO_32 = 2n ** 32n;
const p = (text: string): Rational => parseRational(text);
const ps = (...texts: string[]): Rational[] => texts.map(p);

/** round(p · 2^32), halves up, at most 2^32 − 1 for an uncertain event (a comparison with a uint32). */
function threshold(q: Rational, clamp: boolean): bigint {
  const rounded = (q.num * TWO_32 * 2n + q.den) / (2n * q.den);
  return clamp && rounded > TWO_32 - 1n ? TWO_32 - 1n : rounded;
}

const certain = (q: Rational) => q.num === q.den;
const impossible = (q: Rational) => q.num === 0n;

/** P(K ≤ j) for K ~ Binomial(m, q), as a fraction, by summing the terms. */
function binomialAtMost(m: number, q: Rational, j: number): Rational {
  let num = 0n;
  const choose = (n: number, k: number): bigint => {
    let result = 1n;
    for (let i = 0; i < k; i++) result = (result * BigInt(n - i)) / BigInt(i + 1);
    return result;
  };
  for (let i = 0; i <= j; i++) num += choose(m, i) * q.num ** BigInt(i) * (q.den - q.num) ** BigInt(m - i);
  return { num, den: q.den ** BigInt(m) };
}

/** The tally of `draws` draws on stream (seed, block), recomputed from the model. */
function referenceTally(model: ProbabilisticScenario, seed: number, block: number, draws: number): number[] {
  // Numbers one draw consumes.
  let perDraw = model.shocks.length;
  for (const council of model.councils) {
    for (const unit of council.units) {
      const uncertain = unit.attendance.filter((q) => !certain(q) && !impossible(q));
      const shared = uncertain.length > 1 && uncertain.every((q) => q.num * uncertain[0]!.den === uncertain[0]!.num * q.den);
      perDraw += shared ? 1 : uncertain.length;
      if (!certain(unit.switchProbability) && !impossible(unit.switchProbability)) perDraw++;
    }
  }
  const numbers = streamOutputsBig(seed, block, perDraw * draws);
  let next = 0;
  const counters = model.councils.map((council) => ({ elected: 0, deadlock: 0, noQuorum: 0, blocGoverns: 0, marginSum: 0, marginSquares: 0, rivalElected: 0, pivotal: council.units.map(() => 0) }));
  const national = new Array<number>(model.councils.length + 1).fill(0);
  for (let draw = 0; draw < draws; draw++) {
    // Shocks: the last one fired of each kind (vote, attendance) wins.
    const voteShock = new Map<string, 'support' | 'oppose'>();
    const attendShock = new Map<string, 'absent' | 'attend'>();
    for (const shock of model.shocks) {
      const fired = numbers[next++]! < threshold(shock.probability, false);
      if (!fired) continue;
      for (const target of shock.targets) {
        const key = `${target.council}/${target.unit}`;
        if (shock.effect === 'support' || shock.effect === 'oppose') voteShock.set(key, shock.effect);
        else attendShock.set(key, shock.effect);
      }
    }
    let governed = 0;
    model.councils.forEach((council, c) => {
      const present: number[] = [];
      const backs: boolean[] = [];
      council.units.forEach((unit, u) => {
        let k = unit.attendance.filter(certain).length;
        const uncertain = unit.attendance.filter((q) => !certain(q) && !impossible(q));
        const shared = uncertain.length > 1 && uncertain.every((q) => q.num * uncertain[0]!.den === uncertain[0]!.num * q.den);
        if (shared) {
          const x = numbers[next++]!;
          for (let j = 0; j < uncertain.length; j++) if (x >= threshold(binomialAtMost(uncertain.length, uncertain[0]!, j), true)) k++;
        } else {
          for (const q of uncertain) if (numbers[next++]! < threshold(q, true)) k++;
        }
        let backing = unit.inCoalition;
        if (certain(unit.switchProbability)) backing = !backing;
        else if (!impossible(unit.switchProbability) && numbers[next++]! < threshold(unit.switchProbability, true)) backing = !backing;
        const attendance = attendShock.get(`${c}/${u}`);
        if (attendance !== undefined) k = attendance === 'attend' ? unit.seats : 0;
        const vote = voteShock.get(`${c}/${u}`);
        if (vote !== undefined) backing = vote === 'support';
        present.push(k);
        backs.push(backing);
      });
      const attending = present.reduce((a, b) => a + b, 0);
      const votes = present.reduce((sum, k, u) => sum + (backs[u] ? k : 0), 0);
      const tally = counters[c]!;
      if (attending < council.quorum) {
        tally.noQuorum++;
      } else {
        // Every alignment reaching the threshold; the one with strictly the most votes is elected.
        const rivals = council.rivals ?? [];
        const owner = council.units.map((_unit, u) => {
          let found = -1;
          rivals.forEach((rival, r) => {
            if (rival.units.includes(u)) found = r;
          });
          return found;
        });
        const contenders: { who: number; votes: number }[] = [];
        if (votes >= council.threshold) contenders.push({ who: -1, votes });
        rivals.forEach((_rival, r) => {
          const rivalVotes = present.reduce((sum, k, u) => sum + (owner[u] === r && !backs[u] ? k : 0), 0);
          if (rivalVotes >= council.threshold) contenders.push({ who: r, votes: rivalVotes });
        });
        const most = Math.max(...contenders.map((entry) => entry.votes));
        const best = contenders.filter((entry) => entry.votes === most);
        if (best.length !== 1) {
          tally.deadlock++;
        } else if (best[0]!.who === -1) {
          tally.elected++;
          if (council.governedByBloc) {
            tally.blocGoverns++;
            governed++;
          }
        } else {
          tally.rivalElected++;
          if (rivals[best[0]!.who]!.governedByBloc) {
            tally.blocGoverns++;
            governed++;
          }
        }
        // Pivotal: the candidate's votes without the unit fall short, with its present members they do not.
        present.forEach((k, u) => {
          const others = votes - (backs[u] ? k : 0);
          if (others < council.threshold && others + k >= council.threshold) tally.pivotal[u]!++;
        });
      }
      tally.marginSum += votes - council.threshold;
      tally.marginSquares += (votes - council.threshold) ** 2;
    });
    national[governed]!++;
  }
  return [draws, ...counters.flatMap((t) => [t.elected, t.deadlock, t.noQuorum, t.blocGoverns, t.marginSum, t.marginSquares, t.rivalElected, ...t.pivotal]), ...national];
}

const unit = (id: string, attendance: Rational[], inCoalition: boolean, switchProbability: string) => ({ id, seats: attendance.length, attendance, inCoalition, switchProbability: p(switchProbability) });

/**
 * Two councils. In the first, members with a shared probability at or above 1/2 and below it, members with
 * probabilities of their own, a single uncertain member, a certain switch, sure and impossible members,
 * two rivals (one counted for the bloc); in the second, a quorum often missed and a rival as large as the
 * coalition (ties). Shocks of all four effects, two of them on the same unit.
 */
const model: ProbabilisticScenario = {
  bloc: 'cf',
  councils: [
    {
      id: 'first',
      threshold: 6,
      quorum: 6,
      governedByBloc: true,
      units: [
        unit('a1', ps('1', '9/10', '9/10', '9/10'), true, '1/10'),
        unit('a2', ps('3/10', '3/10', '3/10'), false, '1/5'),
        unit('a3', ps('1/2', '4/5'), true, '0'),
        unit('a4', ps('2/3'), false, '1'),
        unit('a5', ps('0', '1', '1', '1'), false, '1/2'),
        unit('a6', ps('1/2', '1/2'), true, '1/3'),
      ],
      rivals: [
        { id: 'r1', units: [1, 4], governedByBloc: false },
        { id: 'r2', units: [3], governedByBloc: true },
      ],
    },
    {
      id: 'second',
      threshold: 3,
      quorum: 4,
      governedByBloc: false,
      units: [unit('b1', ps('1/2', '1/2', '1/2'), true, '1/4'), unit('b2', ps('1', '1', '7/10'), false, '1/3')],
      rivals: [{ id: 'r', units: [1], governedByBloc: true }],
    },
  ],
  shocks: [
    { id: 'away', probability: p('1/5'), effect: 'absent', targets: [{ council: 0, unit: 0 }, { council: 1, unit: 0 }] },
    { id: 'all-come', probability: p('1/10'), effect: 'attend', targets: [{ council: 0, unit: 1 }] },
    { id: 'rally', probability: p('1/4'), effect: 'support', targets: [{ council: 0, unit: 4 }, { council: 1, unit: 1 }] },
    { id: 'revolt', probability: p('1/3'), effect: 'oppose', targets: [{ council: 0, unit: 0 }] },
    { id: 'boycott', probability: p('1/2'), effect: 'absent', targets: [{ council: 0, unit: 2 }] },
    { id: 'return', probability: p('1/2'), effect: 'attend', targets: [{ council: 0, unit: 2 }] },
  ],
};

describe('the sampler against a reference from its documentation', () => {
  it.each([
    { seed: 7, block: 0, draws: 2500 },
    { seed: 2 ** 40 + 3, block: 5, draws: 1500 },
  ])('every tally entry, seed $seed block $block', ({ seed, block, draws }) => {
    const expected = referenceTally(model, seed, block, draws);
    const tally = Array.from(sampleBlock(compileScenario(model), seed, block, draws));
    expect(tally).toEqual(expected);
    // The model reaches every outcome in both councils, so no counter is checked only at zero.
    for (const start of [1, 1 + 7 + 6]) {
      const [elected, deadlock, noQuorum, blocGoverns, , , rivalElected] = expected.slice(start, start + 7);
      expect([elected, deadlock, noQuorum, blocGoverns, rivalElected].every((count) => count! > 0), String(expected)).toBe(true);
    }
  });
});
