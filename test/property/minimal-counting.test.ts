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

/** Binomial coefficient, exact for the sizes here (C(48, 24) < 2^53). */
function choose(n: number, k: number): number {
  let value = 1;
  for (let i = 1; i <= k; i++) value = (value * (n - k + i)) / i;
  return Math.round(value);
}

/**
 * Counts over class compositions, an independent route to the same numbers: units of equal weight are
 * interchangeable, so a coalition is, up to the choice of members, how many it takes from each weight
 * class. Winning: Σ c·w ≥ q; minimal: also Σ c·w − (lightest weight taken) < q, the required unit exempt.
 */
function byComposition(weights: readonly number[], quota: number, required: number): { winning: number; minimal: number; fewestVotes: number; fewestUnits: number } {
  const requiredWeight = required >= 0 ? weights[required]! : 0;
  const classes = new Map<number, number>();
  weights.forEach((w, u) => {
    if (u !== required) classes.set(w, (classes.get(w) ?? 0) + 1);
  });
  const list = [...classes].sort((a, b) => b[0] - a[0]);
  let winning = 0;
  let minimal = 0;
  let fewestVotes = 0;
  let fewestUnits = 0;
  const visit = (k: number, votes: number, units: number, ways: number, lightest: number): void => {
    if (k === list.length) {
      if (votes < quota) return;
      winning += ways;
      if (lightest === Infinity ? requiredWeight >= quota && units === 0 : votes - lightest < quota) {
        minimal += ways;
        if (fewestVotes === 0 || votes < fewestVotes) fewestVotes = votes;
        const all = units + (required >= 0 ? 1 : 0);
        if (fewestUnits === 0 || all < fewestUnits) fewestUnits = all;
      }
      return;
    }
    const [w, n] = list[k]!;
    for (let c = 0; c <= n; c++) visit(k + 1, votes + c * w, units + c, ways * choose(n, c), c > 0 && w > 0 ? Math.min(lightest, w) : c > 0 && w === 0 ? -Infinity : lightest);
  };
  visit(0, requiredWeight, 0, 1, Infinity);
  return { winning, minimal, fewestVotes, fewestUnits };
}

const wideCouncils = fc.record({
  size: fc.integer({ min: 32, max: 48 }),
  weights: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
  picks: fc.array(fc.nat(), { minLength: 48, maxLength: 48 }),
  share: fc.double({ min: 0.3, max: 0.9, noNaN: true }),
  required: fc.option(fc.integer({ min: 0, max: 47 }), { nil: undefined }),
});

describe('councils of 32–48 units (masks above 32 bits)', () => {
  it('counts, extremes and the bounded listing agree with a count over weight-class compositions', () => {
    fc.assert(
      fc.property(wideCouncils, ({ size, weights: palette, picks, share, required: requiredPick }) => {
        const weights = Array.from({ length: size }, (_, u) => palette[picks[u]! % palette.length]!);
        const total = weights.reduce((a, b) => a + b, 0);
        const units = weights.map((seats, u) => ({ id: `u${u}`, name: `U${u}`, kind: 'list' as const, seats }));
        const members = total;
        const required = requiredPick === undefined ? -1 : requiredPick % size;
        const quota = Math.min(members, Math.max(Math.floor(members / 2) + 1, Math.ceil(members * share)));
        const council = { id: 'wide', name: 'Wide', units, rules: { majority: quota }, ...(required >= 0 ? { constraints: { required: [`u${required}`] } } : {}) };
        const expected = byComposition(weights, quota, required);
        const analysis = analyzeCouncil(council, { power: false, hingeCoalitions: 0 });
        expect(analysis.winning.count).toBe(expected.winning);
        expect(analysis.winning.minimalCount).toBe(expected.minimal);
        expect(analysis.winning.minimalCountExact).toBe(true);
        expect(analysis.winning.minimal).toHaveLength(Math.min(1000, expected.minimal));
        // Each listed coalition is minimal winning by its own arithmetic, none twice, in display order.
        const keys = new Set<string>();
        let previous: readonly number[] | undefined;
        for (const coalition of analysis.winning.minimal) {
          const members = coalition.units.map((id) => Number(id.slice(1)));
          const votes = members.reduce((sum, u) => sum + weights[u]!, 0);
          expect(votes).toBe(coalition.votes);
          expect(votes).toBeGreaterThanOrEqual(quota);
          for (const u of members) if (u !== required) expect(votes - weights[u]!).toBeLessThan(quota);
          if (required >= 0) expect(members).toContain(required);
          keys.add(coalition.units.join());
          const key = [votes, members.length];
          if (previous !== undefined) expect(previous[0]! < key[0]! || (previous[0] === key[0] && previous[1]! <= key[1]!)).toBe(true);
          previous = key;
        }
        expect(keys.size).toBe(analysis.winning.minimal.length);
        const minimum = analysis.predictions.find((p) => p.theory === 'minimum-winning')!;
        const fewest = analysis.predictions.find((p) => p.theory === 'fewest-parties')!;
        if (expected.minimal > 0) {
          expect(minimum.coalitions[0]!.votes).toBe(expected.fewestVotes);
          expect(fewest.coalitions[0]!.units).toHaveLength(expected.fewestUnits);
        }
        // A seat moved from the last unit to the first (both beyond bit 31 or across it): the winning coalitions after.
        const hinge = analysis.hinges.find((h) => h.change.kind === 'move' && h.change.from === `u${size - 1}` && h.change.to === 'u0')
          ?? analysis.hinges.flatMap((h) => h.alike.map((change) => ({ ...h, change }))).find((h) => h.change.kind === 'move' && h.change.from === `u${size - 1}` && h.change.to === 'u0');
        const moved = weights.slice();
        moved[size - 1] = moved[size - 1]! - 1;
        moved[0] = moved[0]! + 1;
        const after = byComposition(moved, quota, required);
        expect((hinge?.winningGained ?? 0) - (hinge?.winningLost ?? 0)).toBe(after.winning - expected.winning);
      }),
      { numRuns: 25, seed: 20240102 },
    );
  }, 60_000); // 25 councils of up to 48 units: 18 s measured with a mutation run on the same two cores

  it('a council of 48 one-seat lists (the most units accepted) is analysed with exact counts', () => {
    const units = Array.from({ length: 48 }, (_, i) => ({ id: `l${i}`, name: `L${i}`, kind: 'list' as const, seats: 1 }));
    const analysis = analyzeCouncil({ id: 'c', name: 'C', units });
    // C(48,25): every 25 of the 48 members form a minimal majority; half of the 2^48 coalitions reach 25 … less the ties at 24.
    expect(analysis.winning.minimalCount).toBe(choose(48, 25));
    expect(analysis.winning.count).toBe((2 ** 48 - choose(48, 24)) / 2);
    expect(analysis.winning.minimal).toHaveLength(1000);
    expect(analysis.winning.minimal.every((c) => c.units.length === 25)).toBe(true);
    expect(analysis.power?.banzhaf.players[47]?.float).toBeCloseTo(1 / 48, 12);
  });
});
