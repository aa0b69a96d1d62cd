/**
 * The counting that keeps large councils cheap, against brute force over every subset: the number of
 * minimal winning coalitions by dynamic programming, the fewest votes and units, the searches for
 * exactly the minimum winning and fewest-party coalitions, and listings that stop at a limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countMinimalWinning,
  enumerateMinimalWinning,
  enumerateWithUnits,
  enumerateWithVotes,
  fewestMinimalWinning,
  popcount,
} from '../../src/model/analysis/minimal-winning.js';
import { analyzeCouncil } from '../../src/model/analysis/index.js';

const RUNS = { numRuns: 200, seed: 20240101 };

interface Game {
  readonly weights: Int32Array;
  readonly order: Int32Array;
  readonly required: number;
  readonly requiredWeight: number;
  readonly requiredUnits: number;
  readonly quota: number;
}

const games: fc.Arbitrary<Game> = fc
  .record({ weights: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 11 }), requiredBits: fc.nat(), quotaShare: fc.double({ min: 0.05, max: 1, noNaN: true }) })
  .map(({ weights: list, requiredBits, quotaShare }) => {
    const weights = Int32Array.from(list);
    const required = requiredBits & ((1 << list.length) - 1) & 0b11;
    const free = list.map((_, u) => u).filter((u) => (required & (1 << u)) === 0);
    free.sort((a, b) => weights[b]! - weights[a]! || a - b);
    const total = list.reduce((a, b) => a + b, 0);
    let requiredWeight = 0;
    for (let u = 0; u < list.length; u++) if ((required & (1 << u)) !== 0) requiredWeight += weights[u]!;
    return { weights, order: Int32Array.from(free), required, requiredWeight, requiredUnits: popcount(required), quota: Math.max(1, Math.ceil(total * quotaShare)) };
  });

function weightOf(mask: number, weights: Int32Array): number {
  let total = 0;
  for (let u = 0; u < weights.length; u++) if ((mask & (1 << u)) !== 0) total += weights[u]!;
  return total;
}

/** Every minimal winning coalition containing the required units, by trying all subsets. */
function bruteMinimal(game: Game): number[] {
  const out: number[] = [];
  for (let mask = 0; mask < 1 << game.weights.length; mask++) {
    if ((mask & game.required) !== game.required) continue;
    const w = weightOf(mask, game.weights);
    if (w < game.quota) continue;
    let minimal = true;
    for (let u = 0; u < game.weights.length; u++) {
      if ((mask & (1 << u)) !== 0 && (game.required & (1 << u)) === 0 && w - game.weights[u]! >= game.quota) minimal = false;
    }
    if (minimal) out.push(mask);
  }
  return out;
}

describe('minimal winning coalitions counted without listing them', () => {
  it('the count, fewest votes and fewest units equal brute force', () => {
    fc.assert(
      fc.property(games, (game) => {
        const all = bruteMinimal(game);
        expect(countMinimalWinning(game.order, game.weights, game.requiredWeight, game.quota)).toBe(all.length);
        const fewest = fewestMinimalWinning(game.order, game.weights, game.requiredWeight, game.requiredUnits, game.quota);
        expect(fewest.votes).toBe(all.length === 0 ? 0 : Math.min(...all.map((m) => weightOf(m, game.weights))));
        expect(fewest.units).toBe(all.length === 0 ? 0 : Math.min(...all.map(popcount)));
      }),
      RUNS,
    );
  });

  it('the targeted searches find exactly the minimum winning and fewest-party coalitions', () => {
    fc.assert(
      fc.property(games, (game) => {
        const all = bruteMinimal(game);
        if (all.length === 0) return;
        const fewest = fewestMinimalWinning(game.order, game.weights, game.requiredWeight, game.requiredUnits, game.quota);
        const bySeats: number[] = [];
        enumerateWithVotes(game.order, game.weights, game.required, game.requiredWeight, fewest.votes, bySeats, 1 << 12);
        expect(bySeats.sort()).toEqual(all.filter((m) => weightOf(m, game.weights) === fewest.votes).sort());
        const byParties: number[] = [];
        enumerateWithUnits(game.order, game.weights, game.required, game.requiredWeight, game.requiredUnits, game.quota, fewest.units, byParties, 1 << 12);
        expect(byParties.sort()).toEqual(all.filter((m) => popcount(m) === fewest.units).sort());
      }),
      RUNS,
    );
  });

  it('a listing stops at its limit with minimal coalitions only', () => {
    fc.assert(
      fc.property(games, fc.integer({ min: 0, max: 5 }), (game, limit) => {
        const all = new Set(bruteMinimal(game));
        const out: number[] = [];
        const search = { order: game.order, weights: game.weights, conflicts: new Float64Array(game.weights.length), requiredMask: game.required, requiredWeight: game.requiredWeight, quota: game.quota };
        enumerateMinimalWinning(search, out, undefined, limit);
        expect(out.length).toBe(Math.min(limit, all.size));
        for (const mask of out) expect(all.has(mask)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('a council of 31 one-seat lists (the most units accepted)', () => {
  it('is analysed with exact counts and a bounded listing', () => {
    const units = Array.from({ length: 31 }, (_, i) => ({ id: `l${i}`, name: `L${i}`, kind: 'list' as const, seats: 1 }));
    const analysis = analyzeCouncil({ id: 'c', name: 'C', units });
    // C(31,16): every 16 of the 31 members form a minimal majority.
    expect(analysis.winning.minimalCount).toBe(300_540_195);
    expect(analysis.winning.minimalCountExact).toBe(true);
    expect(analysis.winning.minimal).toHaveLength(1000);
    expect(analysis.winning.count).toBe(2 ** 30);
    const minimum = analysis.predictions.find((p) => p.theory === 'minimum-winning')!;
    expect(minimum.complete).toBe(false);
    expect(minimum.coalitions).toHaveLength(1000);
    expect(minimum.coalitions.every((c) => c.votes === 16)).toBe(true);
    expect(analysis.explanation.map((l) => l.text).join('\n')).toContain('300540195 of them minimal (every member needed); the first 1000 found are listed');
  });
});
