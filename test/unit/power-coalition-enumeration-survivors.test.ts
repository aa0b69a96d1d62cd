import { describe, expect, it } from 'vitest';
import { deeganPackel, forEachMinimalWinning, forEachVulnerable, minimalWinningCoalitions, type WeightedGame } from '../../src/model/power/index.js';
import { dataError } from '../helpers/errors.js';

const straffin: WeightedGame = { quota: 6, weights: [4, 3, 2, 1] };

interface Listed {
  readonly members: number[];
  readonly totalWeight: number;
}

/** What a visitor sees, copied (the members buffer is reused). */
function listed(each: typeof forEachMinimalWinning, game: WeightedGame): Listed[] {
  const out: Listed[] = [];
  each(game, (members, size, totalWeight) => out.push({ members: Array.from(members.subarray(0, size)), totalWeight }));
  return out;
}

/** Reference by brute force over all 2^n subsets, straight from the definitions. */
function bruteForce(game: WeightedGame): { minimal: number[][]; vulnerable: number[][] } {
  const n = game.weights.length;
  const minimal: number[][] = [];
  const vulnerable: number[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    const members = game.weights.map((_, i) => i).filter((i) => (mask >> i) & 1);
    const total = members.reduce((s, i) => s + game.weights[i]!, 0);
    if (total < game.quota) continue;
    const critical = members.filter((i) => total - game.weights[i]! < game.quota);
    if (critical.length === members.length) minimal.push(members);
    if (critical.length > 0) vulnerable.push(members);
  }
  return { minimal, vulnerable };
}

const byKey = (a: number[], b: number[]): number => a.join(',').localeCompare(b.join(','));

describe('limit messages name what was being listed and for what', () => {
  // [6; 4, 3, 2, 1]: winning AB, AC, BCD, ABC, ABD, ACD, ABCD; minimal AB, AC, BCD (3); vulnerable all
  // but ABCD, where removing D (7 − 1 ≥ 6) or anyone else still wins (6).
  it('forEachMinimalWinning and forEachVulnerable default to "listing …"', () => {
    expect(dataError(() => forEachMinimalWinning(straffin, () => {}, { limit: 2 })).issues).toEqual([
      { path: 'weights', message: 'the game has 3 minimal winning coalitions; listing minimal winning coalitions lists them, which is limited to 2' },
    ]);
    expect(dataError(() => forEachVulnerable(straffin, () => {}, { limit: 5 })).issues).toEqual([
      { path: 'weights', message: 'the game has 6 vulnerable coalitions; listing vulnerable coalitions lists them, which is limited to 5' },
    ]);
  });

  it('minimalWinningCoalitions names itself', () => {
    expect(dataError(() => minimalWinningCoalitions(straffin, { limit: 2 })).issues).toEqual([
      { path: 'weights', message: 'the game has 3 minimal winning coalitions; minimalWinningCoalitions lists them, which is limited to 2' },
    ]);
  });

  it('the Deegan-Packel index names itself past the default limit', () => {
    // [13; 1 × 25]: the minimal winning coalitions are the 13-member ones, C(25, 13) = 5,200,300 > 2,000,000.
    const game: WeightedGame = { quota: 13, weights: Array.from({ length: 25 }, () => 1) };
    expect(dataError(() => deeganPackel(game)).issues).toEqual([
      { path: 'weights', message: 'the game has 5,200,300 minimal winning coalitions; the Deegan-Packel index lists them, which is limited to 2,000,000' },
    ]);
  });
});

describe('minimalWinningCoalitions order', () => {
  it('sorts members and coalitions by player index, whatever the weight order', () => {
    // [5; 1, 2, 2, 4] (A B C D): DA 5, DB 6, DC 6 and ABC 5 are minimal (dropping anyone falls below 5);
    // BC 4 loses, DAB/DAC/DBC keep a winning pair. Listed heaviest first as DB, DC, DA, BCA, so both the
    // members and the coalitions need sorting; ABC precedes AD as 1 < 3 at the second place.
    expect(minimalWinningCoalitions({ quota: 5, weights: [1, 2, 2, 4] })).toEqual([
      [0, 1, 2],
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });
});

describe('visitors against brute force', () => {
  const games: WeightedGame[] = [
    straffin,
    { quota: 5, weights: [1, 2, 2, 4] },
    { quota: 7, weights: [0, 3, 5, 1, 0, 2, 4] },
    { quota: 9, weights: [2, 7, 1, 3, 3, 0, 2] },
    { quota: 4, weights: [4, 1, 1, 1, 1, 0] },
    { quota: 12, weights: [5, 5, 4, 4, 3, 2, 1, 1] },
  ];

  it('each minimal winning coalition once, heaviest first, with its total weight', () => {
    for (const game of games) {
      const seen = listed(forEachMinimalWinning, game);
      for (const { members, totalWeight } of seen) {
        expect(totalWeight).toBe(members.reduce((s, i) => s + game.weights[i]!, 0));
        const weights = members.map((i) => game.weights[i]!);
        expect(weights).toEqual([...weights].sort((a, b) => b - a));
      }
      const sorted = seen.map(({ members }) => [...members].sort((a, b) => a - b)).sort(byKey);
      expect(sorted).toEqual(bruteForce(game).minimal.sort(byKey));
    }
  });

  it('each vulnerable coalition once, with its total weight', () => {
    for (const game of games) {
      const seen = listed(forEachVulnerable, game);
      for (const { members, totalWeight } of seen) expect(totalWeight).toBe(members.reduce((s, i) => s + game.weights[i]!, 0));
      const sorted = seen.map(({ members }) => [...members].sort((a, b) => a - b)).sort(byKey);
      expect(sorted).toEqual(bruteForce(game).vulnerable.sort(byKey));
    }
  });
});
