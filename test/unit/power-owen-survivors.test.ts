/**
 * Owen values, the Public Good index's limit, the float memo of resultFromValues and the coalition counts in
 * detail: union checks, exact messages naming the caller, the 52-player float/BigInt switch, zero weights.
 */
import { describe, expect, it, vi } from 'vitest';
import { countMinimalWinning, countVulnerable, owen, publicGood, unionPartition } from '../../src/model/power/index.js';
import { playersByWeight } from '../../src/model/power/winning-coalition-counts.js';
import type * as rationals from '../../src/model/rational.js';
import { type Rational, rational } from '../../src/model/rational.js';
import { dataError } from '../helpers/errors.js';

/** C(n, k) in BigInt, multiplicatively (each partial product is itself a binomial, so the division is exact). */
const binomial = (n: number, k: number): bigint => {
  let result = 1n;
  for (let j = 0; j < k; j++) result = (result * BigInt(n - j)) / BigInt(j + 1);
  return result;
};

/** Every order of `items` (at most 7 here). */
const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1 ? [[...items]] : items.flatMap((item, k) => permutations([...items.slice(0, k), ...items.slice(k + 1)]).map((rest) => [item, ...rest]));

/**
 * Owen values by walking every voting order that keeps each union together (unions in any order, members in
 * any order inside their union), all equally likely: the independent reference. `partition` lists every
 * player, singletons included.
 */
const bruteForceOwen = (weights: readonly number[], quota: number, partition: readonly (readonly number[])[]): Rational[] => {
  const pivots = weights.map(() => 0n);
  let orders = 0n;
  const visit = (unionOrder: readonly (readonly number[])[], k: number, prefix: readonly number[]): void => {
    if (k === unionOrder.length) {
      orders++;
      let total = 0;
      for (const player of prefix) {
        total += weights[player]!;
        if (total >= quota) {
          pivots[player]!++;
          return;
        }
      }
      return;
    }
    for (const inner of permutations(unionOrder[k]!)) visit(unionOrder, k + 1, [...prefix, ...inner]);
  };
  for (const unionOrder of permutations(partition)) visit(unionOrder, 0, []);
  return pivots.map((count) => rational(count, orders));
};

const OWEN_CELLS_LIMIT = 'the Owen value needs 3,300,003 table cells, over the limit of 2,097,152; scale the weights and quota down';

describe('unionPartition names each bad union and player', () => {
  it('an empty union is refused with its own message', () => {
    expect(dataError(() => unionPartition(3, [[]])).issues).toEqual([{ path: 'unions[0]', message: 'a union needs at least one player' }]);
  });

  it('a negative or fractional index is refused, not only one past the end', () => {
    // -1 and 1.5 are both below the player count 3: only the integer and sign checks catch them.
    expect(dataError(() => unionPartition(3, [[0, -1], [1.5]])).issues).toEqual([
      { path: 'unions[0][1]', message: 'player index must be an integer in 0..2, got -1' },
      { path: 'unions[1][0]', message: 'player index must be an integer in 0..2, got 1.5' },
    ]);
  });
});

describe('Owen values against all union-respecting orders', () => {
  it('a quota over the BigInt table limit names the Owen value', () => {
    // gcd(1,100,000, 1,100,001) = 1; two singleton unions give 3 rows (sizes 0..2) of 1,100,001 cells.
    expect(dataError(() => owen({ quota: 1_100_001, weights: [1_100_000, 1_100_001] }, [])).issues).toEqual([{ path: 'quota', message: OWEN_CELLS_LIMIT }]);
  });

  it('zero-weight players, inside a union and alone, change nothing and get 0', () => {
    // 3!·2!·3!·1! = 72 orders. Zero-weight players never pivot.
    const weights = [3, 2, 2, 1, 0, 0];
    const values = owen({ quota: 5, weights }, [[0, 4], [1, 2, 5]]).players.map((player) => player.value);
    expect(values).toEqual(bruteForceOwen(weights, 5, [[0, 4], [1, 2, 5], [3]]));
    expect(values[4]).toEqual(rational(0));
  });

  it('a union, and members, at or over the quota on their own', () => {
    // [4; 5, 4, 1, 2, 3], non-proper: players 0 and 1 each win alone, and so do unions {0, 1, 2} (10) and
    // {3, 4} (5), so whichever union votes first decides (1/2 each). Inside {0, 1, 2} the first of 0 and 1
    // pivots (after 2 or not): 1/2 each, player 2 never. Inside {3, 4} the second voter pivots (2 + 3, 3 + 2):
    // 1/2 each. So 1/4, 1/4, 0, 1/4, 1/4, which the walk over all 2!·3!·2! = 24 orders confirms.
    const weights = [5, 4, 1, 2, 3];
    const result = owen({ quota: 4, weights }, [[0, 1, 2], [3, 4]]);
    const quarter = rational(1, 4);
    expect(result.players.map((player) => player.value)).toEqual([quarter, quarter, rational(0), quarter, quarter]);
    expect(bruteForceOwen(weights, 4, [[0, 1, 2], [3, 4]])).toEqual([quarter, quarter, rational(0), quarter, quarter]);
    // Both over the quota, so they share one value, computed once.
    expect(result.players[0]!.value).toBe(result.players[1]!.value);
  });

  it('three unions of seven players with a common divisor: equal weights in one union share one value', () => {
    // gcd 2 reduces [11; 6, 4, 4, 2, 2, 2, 0] to [6; 3, 2, 2, 1, 1, 1, 0]. Orders: 3!·2!·3!·2! = 144.
    const weights = [6, 4, 4, 2, 2, 2, 0];
    const unions = [[0, 3], [1, 2, 6], [4, 5]];
    const result = owen({ quota: 11, weights }, unions);
    expect(result.players.map((player) => player.value)).toEqual(bruteForceOwen(weights, 11, unions));
    expect(result.players[1]!.value).toBe(result.players[2]!.value);
    expect(result.players[4]!.value).toBe(result.players[5]!.value);
  });
});

describe('the Public Good index', () => {
  it('its limit message names it', () => {
    // 25 equal players, quota 13: every 13-set is minimal winning, C(25, 13) = 5,200,300 of them.
    expect(dataError(() => publicGood({ quota: 13, weights: Array<number>(25).fill(1) })).issues).toEqual([
      { path: 'weights', message: 'the game has 5,200,300 minimal winning coalitions; the Public Good index lists them, which is limited to 2,000,000' },
    ]);
  });
});

describe('resultFromValues converts each distinct value to a float once', () => {
  it('however equal values are spread, and every player gets its own float', async () => {
    // A fresh result module over a rational module whose rationalToNumber records its calls.
    const conversions: Rational[] = [];
    vi.resetModules();
    vi.doMock('../../src/model/rational.js', async (importOriginal) => {
      const actual = await importOriginal<typeof rationals>();
      return {
        ...actual,
        rationalToNumber: (value: Rational): number => {
          conversions.push(value);
          return actual.rationalToNumber(value);
        },
      };
    });
    try {
      const { resultFromValues } = await import('../../src/model/power/result.js');
      const half = rational(1, 2);
      const third = rational(1, 3);
      // half comes back after third, and again right after itself.
      const result = resultFromValues('banzhaf', { quota: 3, weights: [2, 1, 2, 2, 1] }, [half, third, half, half, third]);
      expect(result.players.map((player) => player.float)).toEqual([1 / 2, 1 / 3, 1 / 2, 1 / 2, 1 / 3]);
      expect(conversions).toHaveLength(2);
      expect(conversions[0]).toBe(half);
      expect(conversions[1]).toBe(third);
    } finally {
      vi.doUnmock('../../src/model/rational.js');
      vi.resetModules();
    }
  });
});

describe('coalition counts', () => {
  it('playersByWeight keeps index order among equal weights, both ways', () => {
    expect(playersByWeight([1, 2, 1, 2, 1], true)).toEqual([1, 3, 0, 2, 4]);
    expect(playersByWeight([1, 2, 1, 2, 1], false)).toEqual([0, 2, 4, 1, 3]);
  });

  it('a quota over the float table limit names the count', () => {
    // gcd(20,000,000, 20,000,001) = 1: 20,000,001 cells.
    expect(dataError(() => countMinimalWinning({ quota: 20_000_001, weights: [20_000_000, 20_000_001] })).issues).toEqual([
      { path: 'quota', message: 'counting coalitions needs 20,000,001 table cells, over the limit of 16,777,216; scale the weights and quota down' },
    ]);
  });

  it('52 players still count in floats, with a table too big for BigInt', () => {
    // 51 players of 500,000 and B of 500,001, quota 2,500,001 (gcd 1): 2,500,001 cells, over the BigInt
    // limit 2,097,152. Minimal winning: B with 4 others (2,500,001; without B or any one other it loses)
    // and 6 others without B (3,000,000; any 5 of them weigh 2,500,000): C(51, 4) + C(51, 6).
    const weights = [...Array<number>(51).fill(500_000), 500_001];
    expect(countMinimalWinning({ quota: 2_500_001, weights })).toBe(binomial(51, 4) + binomial(51, 6)); // 249,900 + 18,009,460
  });

  it('beyond 52 players counts are exact past 2^53, after the gcd reduction', () => {
    // 61 equal players, quota 31: the minimal winning coalitions are the 31-sets, C(61, 31) ≈ 2.3e17 > 2^53,
    // an integer no double holds (float tables land elsewhere); each is also the only kind of vulnerable one
    // (31 members, each critical).
    const c6131 = 232_714_176_627_630_544n;
    expect(binomial(61, 31)).toBe(c6131);
    expect(BigInt(Number(c6131))).not.toBe(c6131);
    expect(countMinimalWinning({ quota: 31, weights: Array<number>(61).fill(1) })).toBe(c6131);
    // The same game with every weight doubled and quota 61: gcd 2, ⌈61/2⌉ = 31.
    expect(countMinimalWinning({ quota: 61, weights: Array<number>(61).fill(2) })).toBe(c6131);
    expect(countVulnerable({ quota: 61, weights: Array<number>(61).fill(2) })).toBe(c6131);
  });

  it('zero-weight players double the vulnerable coalitions and leave the minimal winning ones alone, on both paths', () => {
    // [6; 4, 3, 2, 1] has 3 minimal winning and 6 vulnerable coalitions (power-indices.test.ts); a null
    // player may join any vulnerable coalition but no minimal winning one: 3 and 6·2·2 = 24.
    const small = { quota: 6, weights: [4, 0, 3, 2, 0, 1] };
    expect(countMinimalWinning(small)).toBe(3n);
    expect(countVulnerable(small)).toBe(24n);
    // 51 players of 1 and 2 of 0 (53 players, BigInt), quota 26: vulnerable iff exactly 26 ones (then each
    // is critical), with any of the 4 subsets of the zeros; minimal winning: exactly 26 ones and no zero.
    const big = { quota: 26, weights: [0, ...Array<number>(51).fill(1), 0] };
    expect(countMinimalWinning(big)).toBe(binomial(51, 26));
    expect(countVulnerable(big)).toBe(4n * binomial(51, 26));
  });

  it('beyond 52 players the BigInt limits name the count', () => {
    // 53 players, quota 2,200,001 (gcd 1): fine for a float table, over the BigInt cell limit.
    const wide = { quota: 2_200_001, weights: [...Array<number>(52).fill(100_000), 100_001] };
    expect(dataError(() => countMinimalWinning(wide)).issues).toEqual([
      { path: 'quota', message: 'counting coalitions needs 2,200,001 table cells, over the limit of 2,097,152; scale the weights and quota down' },
    ]);
    // 100 players, quota 2,000,000: within the cell limit, but 2,000,000 cells × 100 bits > 2^27.
    const heavy = { quota: 2_000_000, weights: [...Array<number>(99).fill(40_000), 40_001] };
    expect(dataError(() => countVulnerable(heavy)).issues).toEqual([
      {
        path: 'weights',
        message:
          'counting coalitions with 100 players needs 2,000,000 table cells of numbers up to 100 bits, over the limit of 134,217,728 cell-bits; use fewer players or scale the weights and quota down',
      },
    ]);
  });
});
