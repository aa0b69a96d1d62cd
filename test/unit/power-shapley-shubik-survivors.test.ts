/** Shapley–Shubik fast paths in detail: argument checks, limits, the 52-player boundary and the BigInt branches. */
import { describe, expect, it, vi } from 'vitest';
import { pivotalOrderings, pivotCountsBig, shapleyShubikFloats, shapleyShubikRaw } from '../../src/model/power/shapley-shubik.js';
import { dataError } from '../helpers/errors.js';

/** C(n, k) in BigInt, multiplicatively (each partial product is itself a binomial, so the division is exact). */
const binomial = (n: number, k: number): bigint => {
  let result = 1n;
  for (let j = 0; j < k; j++) result = (result * BigInt(n - j)) / BigInt(j + 1);
  return result;
};
const factorial = (n: number): bigint => (n <= 1 ? 1n : BigInt(n) * factorial(n - 1));

/** Pivotal orders per player by walking all n! orders (Heap's algorithm): the independent reference. */
const bruteForceOrders = (weights: readonly number[], quota: number): number[] => {
  const n = weights.length;
  const order = weights.map((_, i) => i);
  const counts = new Array<number>(n).fill(0);
  const tally = (): void => {
    let total = 0;
    for (const player of order) {
      total += weights[player]!;
      if (total >= quota) {
        counts[player]!++;
        return;
      }
    }
  };
  const c = new Array<number>(n).fill(0);
  tally();
  for (let i = 0; i < n; ) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [order[j], order[i]] = [order[i]!, order[j]!];
      tally();
      c[i]!++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return counts;
};

const SS_CELLS_LIMIT = (cells: string, limit: string): string =>
  `the Shapley-Shubik count needs ${cells} table cells, over the limit of ${limit}; scale the weights and quota down`;

/**
 * 52 players: 51 of weight 100,000 and B of 100,001, quota 600,001. A coalition wins iff it has 7 members,
 * or 6 including B. The (size, weight) table has 7 rows of 600,001 cells: 4,200,007, within the float
 * limit (16,777,216) but over the BigInt one (2,097,152), so only the float path can answer.
 */
const boundaryWeights = (): number[] => [...Array<number>(51).fill(100_000), 100_001];
const BOUNDARY_QUOTA = 600_001;
/** Pivot counts of that game: row per player, hand-derived. */
const boundaryPivots = (): bigint[][] => {
  const small = Array<bigint>(52).fill(0n);
  // A small player after S of size 5 turns it winning iff B ∈ S (B and 4 of the other 50 small): C(50, 4);
  // after S of size 6 iff S loses, i.e. B ∉ S: C(50, 6).
  small[5] = binomial(50, 4);
  small[6] = binomial(50, 6);
  // B after any 5 or 6 of the 51 small players.
  const big = Array<bigint>(52).fill(0n);
  big[5] = binomial(51, 5);
  big[6] = binomial(51, 6);
  return [...Array.from({ length: 51 }, () => small), big];
};

describe('argument checks', () => {
  it('a short buffer is refused with the function, the buffer and both lengths', () => {
    expect(() => shapleyShubikRaw([4, 3, 2, 1], 6, new Float64Array(15))).toThrow(new RangeError('shapleyShubikRaw: out needs length ≥ 16, got 15'));
    expect(() => shapleyShubikFloats([4, 3, 2, 1], 6, new Float64Array(3))).toThrow(new RangeError('shapleyShubikFloats: out needs length ≥ 4, got 3'));
    // raw must hold n² = 16 counts; the check is shapleyShubikFloats' own, not the one inside shapleyShubikRaw.
    expect(() => shapleyShubikFloats([4, 3, 2, 1], 6, new Float64Array(4), new Float64Array(8))).toThrow(
      new RangeError('shapleyShubikFloats: raw needs length ≥ 16, got 8'),
    );
  });

  it('a quota over the table limit names the Shapley-Shubik count and the cells', () => {
    // gcd(100,000,000, 99,999,999) = 1: the quota alone is 10^8 cells.
    const tooWide = (): unknown => shapleyShubikRaw([100_000_000, 99_999_999], 100_000_000);
    expect(dataError(tooWide).issues).toEqual([{ path: 'quota', message: SS_CELLS_LIMIT('100,000,000', '16,777,216') }]);
    expect(dataError(() => pivotCountsBig([100_000_000, 99_999_999], 100_000_000)).issues[0]?.message).toBe(SS_CELLS_LIMIT('100,000,000', '16,777,216'));
    // Quota 8,400,001 fits, but 8,400,000 alone stays below it: rows of sizes 0 and 1, 2 × 8,400,001 cells.
    expect(dataError(() => shapleyShubikRaw([8_400_000, 8_400_001], 8_400_001)).issues[0]?.message).toBe(SS_CELLS_LIMIT('16,800,002', '16,777,216'));
    // The BigInt table has the lower limit 2^21: 2 × 2,200,001 cells is over it.
    expect(dataError(() => pivotCountsBig([2_200_000, 2_200_001], 2_200_001)).issues[0]?.message).toBe(SS_CELLS_LIMIT('4,400,002', '2,097,152'));
  });

  it('pivotalOrderings bounds the BigInt work by players × min(quota, 4·players) before any factorial', () => {
    // 400 players, quota 1,500: 400 · min(1,500, 1,600) = 600,000 cells, times 400 bits = 2.4e8 > 2^27.
    const weights = [...Array<number>(399).fill(5), 4];
    expect(dataError(() => pivotalOrderings(weights, 1500)).issues).toEqual([
      {
        path: 'weights',
        message:
          'the Shapley-Shubik count with 400 players needs 600,000 table cells of numbers up to 400 bits, over the limit of 134,217,728 cell-bits; use fewer players or scale the weights and quota down',
      },
    ]);
    // 53 equal players of 1,000, quota 50,000: 53 · min(50,000, 212) · 53 ≈ 6e5 cell-bits, fine (the weights
    // reduce to 1 and the quota to 50). By symmetry each player is pivotal in 53!/53 = 52! orders.
    expect(pivotalOrderings(Array<number>(53).fill(1000), 50_000)).toEqual(Array<bigint>(53).fill(factorial(52)));
  });
});

describe('the 52-player boundary: float tables up to 52 players', () => {
  it('shapleyShubikRaw answers a 52-player game whose table is too big for BigInt', () => {
    const raw = shapleyShubikRaw(boundaryWeights(), BOUNDARY_QUOTA);
    expect(Array.from(raw)).toEqual(boundaryPivots().flat().map(Number));
  });

  it('pivotalOrderings sums those pivots times s!(n−1−s)!, and all players together are pivotal in 52! orders', () => {
    const orders = pivotalOrderings(boundaryWeights(), BOUNDARY_QUOTA);
    const weigh = (row: bigint[]): bigint => row[5]! * factorial(5) * factorial(46) + row[6]! * factorial(6) * factorial(45);
    const [small, big] = [boundaryPivots()[0]!, boundaryPivots()[51]!];
    expect(orders).toEqual([...Array<bigint>(51).fill(weigh(small)), weigh(big)]);
    expect(orders.reduce((a, b) => a + b)).toBe(factorial(52));
  });

  it('shapleyShubikFloats leaves the pivot counts in the raw buffer it was given', () => {
    const out = new Float64Array(52);
    const raw = new Float64Array(52 * 52);
    shapleyShubikFloats(boundaryWeights(), BOUNDARY_QUOTA, out, raw);
    expect(Array.from(raw)).toEqual(boundaryPivots().flat().map(Number));
    expect(Math.abs(out.reduce((a, b) => a + b) - 1)).toBeLessThan(1e-14);
  });
});

describe('shapleyShubikFloats with caller buffers', () => {
  it('overwrites stale values in out, writes nothing past n, and fills raw', () => {
    // [4; 3, 2, 1, 1]: SS = 1/2, 1/6, 1/6, 1/6 (power-indices.test.ts). out and raw hold stale values
    // and out has one cell more than the 4 players, which must keep its 9.
    const out = new Float64Array(5).fill(9);
    const raw = new Float64Array(16).fill(9);
    shapleyShubikFloats([3, 2, 1, 1], 4, out, raw);
    expect(Array.from(out)).toEqual([1 / 2, 1 / 6, 1 / 6, 1 / 6, 9]);
    // Player 0 (weight 3) pivots after S of weight 1..3: 3 singletons, 3 pairs. Player 1 (weight 2) after
    // weight 2..3: {3}, {1, 1'}. A weight-1 player after weight exactly 3: {3}, {2, 1}.
    expect(Array.from(raw)).toEqual([0, 3, 3, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0]);
  });

  it('matches a brute-force count over all 9! orders without any caller buffer', async () => {
    // A fresh copy of the power modules: their shared scratch buffers start at 64 cells, so the 81 this
    // game needs must be asked for (other tests in the process may have grown them already).
    vi.resetModules();
    const fresh = await import('../../src/model/power/shapley-shubik.js');
    const weights = [9, 8, 7, 6, 5, 4, 3, 2, 1];
    const values = fresh.shapleyShubikFloats(weights, 23);
    const orders = bruteForceOrders(weights, 23);
    const all = Number(factorial(9));
    orders.forEach((count, i) => expect(Math.abs(values[i]! - count / all)).toBeLessThan(1e-15));
  });

  it('beyond 52 players rounds the exact values: 100 equal players get exactly 1/100 each', () => {
    // The float sum of rounded counts times rounded 1/(n·C(n−1, s)) would be off in the last bits.
    expect(Array.from(shapleyShubikFloats(Array<number>(100).fill(1), 51))).toEqual(Array<number>(100).fill(1 / 100));
  });
});

describe('shapleyShubikRaw layout', () => {
  it('writes exactly n² cells on the float path', () => {
    // 9 players of weights 1..9: 81 cells, then 9 sentinel cells that must stay untouched.
    const weights = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const out = new Float64Array(90).fill(7);
    shapleyShubikRaw(weights, 23, out);
    expect(Array.from(out.subarray(81))).toEqual(Array<number>(9).fill(7));
    // Σ_s D_i(s)·s!(8−s)! is player i's pivotal orders, checked against the brute force.
    const orders = bruteForceOrders(weights, 23);
    weights.forEach((_, i) => {
      let total = 0n;
      for (let s = 0; s < 9; s++) total += BigInt(out[i * 9 + s]!) * factorial(s) * factorial(8 - s);
      expect(total).toBe(BigInt(orders[i]!));
    });
  });

  it('beyond 52 players lays out the exact BigInt counts, zeros for null players and missing sizes', () => {
    // 52 players of weight 1 and one of 0, quota 27 (n = 53). A weight-1 player pivots after exactly 26
    // others of weight 1 (C(51, 26) ways), with or without the null player: sizes 26 and 27.
    const n = 53;
    const out = new Float64Array(n * n + 1).fill(7);
    shapleyShubikRaw([...Array<number>(52).fill(1), 0], 27, out);
    const row = Array<number>(n).fill(0);
    row[26] = row[27] = Number(binomial(51, 26));
    expect(Array.from(out.subarray(0, n * n))).toEqual([...Array.from({ length: 52 }, () => row).flat(), ...Array<number>(n).fill(0)]);
    expect(out[n * n]).toBe(7);
  });

  it('beyond 52 players each count is the exact one rounded once', () => {
    // 60 players of weight 1, quota 31: D_i(30) = C(59, 30) ≈ 5.9e16 > 2^53. Float tables would round
    // along the way and land on a neighbouring double.
    const raw = shapleyShubikRaw(Array<number>(60).fill(1), 31);
    const row = Array<number>(60).fill(0);
    row[30] = Number(binomial(59, 30));
    expect(Array.from(raw.subarray(0, 60))).toEqual(row);
  });
});

describe('pivotCountsBig', () => {
  it('gives one row per player, shared by players of equal weight, empty for null players', () => {
    // [3; 2, 1, 1, 0]. Player 0 (weight 2) pivots after S of weight 1 or 2 among {1, 1', 0}: {1}, {1'}
    // (size 1); {1, 0}, {1', 0}, {1, 1'} (size 2); {1, 1', 0} (size 3). A weight-1 player after weight
    // exactly 2: {2}, {2, 0}. Check: 2·1!2! + 3·2!1! + 1·3! = 16, plus 2 · (2 + 2) = 24 = 4!.
    const rows = pivotCountsBig([2, 1, 1, 0], 3);
    expect(rows).toEqual([[0n, 2n, 3n, 1n], [0n, 1n, 1n, 0n], [0n, 1n, 1n, 0n], []]);
    // pivotalOrderings sums each distinct row once, keyed by the row itself.
    expect(rows[1]).toBe(rows[2]);
  });
});
