import { describe, expect, it, vi } from 'vitest';
import { banzhafSwings, shapleyShubikFloats, shapleyShubikRaw } from '../../src/model/power/index.js';
import {
  checkBigWork,
  checkCells,
  factorial,
  fractionOfFactorial,
  lcmUpTo,
  MAX_BIGINT_CELLS,
  MAX_BIGINT_WORK,
  MAX_DP_CELLS,
  maxSizeBelow,
  pivotOrderings,
  scratch,
  sizeWeightCountsBig,
  sortedPrefix,
  sortedWeights,
  sortSmallWeights,
  weightGcd,
} from '../../src/model/power/kernel.js';
import { dataError, thrown } from '../helpers/errors.js';

/** The RangeError `run` throws, for assertions on its exact message. */
const rangeError = (run: () => unknown): RangeError => thrown(run, RangeError);

describe('input checks name the argument and the caller', () => {
  it('a negative weight is rejected at its index', () => {
    // -1 is a safe integer: only the sign check catches it.
    expect(dataError(() => banzhafSwings([3, -1], 1)).issues).toEqual([{ path: 'weights[1]', message: 'weight must be a non-negative integer, got -1' }]);
  });

  it('the quota must be an integer in 1..total', () => {
    // Total weight 2 + 1 = 3; 0 is below the range, 4 above, 1.5 inside it but not an integer.
    for (const quota of [0, 4, 1.5]) {
      expect(dataError(() => banzhafSwings([2, 1], quota)).issues).toEqual([
        { path: 'quota', message: `quota must be an integer in 1..3 (the total weight), got ${quota}` },
      ]);
    }
    expect(dataError(() => shapleyShubikRaw([2, 1], 0)).message).toBe('<input>: quota: quota must be an integer in 1..3 (the total weight), got 0');
    // Both ends of the range are fine: quota 1 lets anyone win, quota 3 needs everyone.
    expect(Array.from(banzhafSwings([2, 1], 1))).toEqual([1, 1]);
    expect(Array.from(banzhafSwings([2, 1], 3))).toEqual([1, 1]);
  });

  it('a short output buffer names the function and the argument', () => {
    expect(rangeError(() => banzhafSwings([4, 3, 2, 1], 6, new Float64Array(3))).message).toBe('banzhafSwings: out needs length ≥ 4, got 3');
    // n² = 16 pivot counts.
    expect(rangeError(() => shapleyShubikRaw([4, 3, 2, 1], 6, new Float64Array(15))).message).toBe('shapleyShubikRaw: out needs length ≥ 16, got 15');
    expect(rangeError(() => shapleyShubikFloats([4, 3, 2, 1], 6, new Float64Array(3))).message).toBe('shapleyShubikFloats: out needs length ≥ 4, got 3');
    expect(rangeError(() => shapleyShubikFloats([4, 3, 2, 1], 6, new Float64Array(4), new Float64Array(8))).message).toBe(
      'shapleyShubikFloats: raw needs length ≥ 16, got 8',
    );
  });

  it('the table-size limit is inclusive and its message gives both numbers', () => {
    expect(() => checkCells(MAX_DP_CELLS, 'the Banzhaf count')).not.toThrow();
    expect(dataError(() => checkCells(MAX_DP_CELLS + 1, 'the Banzhaf count')).issues).toEqual([
      { path: 'quota', message: 'the Banzhaf count needs 16,777,217 table cells, over the limit of 16,777,216; scale the weights and quota down' },
    ]);
  });

  it('the BigInt work limit is inclusive and its message names players, cells and bits', () => {
    // 2^21 cells × 64 players = 2^27 cell-bits, exactly the limit; 65 players is one 2^21 over.
    expect(MAX_BIGINT_WORK).toBe(2 ** 21 * 64);
    expect(() => checkBigWork(2 ** 21, 64, 'the Owen count')).not.toThrow();
    const error = dataError(() => checkBigWork(2 ** 21, 65, 'the Owen count'));
    expect(error.issues).toEqual([
      {
        path: 'weights',
        message:
          'the Owen count with 65 players needs 2,097,152 table cells of numbers up to 65 bits, over the limit of 134,217,728 cell-bits; use fewer players or scale the weights and quota down',
      },
    ]);
  });
});

describe('weightGcd', () => {
  it('is the gcd of the positive weights, and 1 when there are none', () => {
    expect(weightGcd([4, 6])).toBe(2);
    expect(weightGcd([6, 0, 9])).toBe(3); // zeros divide into anything
    expect(weightGcd([12])).toBe(12);
    expect(weightGcd([2, 3, 4])).toBe(1);
    // A divisor of 1, never 0, so that w/g and ⌈q/g⌉ stay finite.
    expect(weightGcd([0, 0])).toBe(1);
    expect(weightGcd([])).toBe(1);
  });

  it('lets games with large round weights fit the table limit', () => {
    // [3·10^7; 2·10^7, 2·10^7, 10^7] is [3; 2, 2, 1] after dividing by 10^7: a 3-cell table instead of
    // 3·10^7 > 2^24 cells. Winning: AB, AC, BC, ABC; each of A, B, C swings in its two pairs only.
    expect(Array.from(banzhafSwings([20_000_000, 20_000_000, 10_000_000], 30_000_000))).toEqual([2, 2, 2]);
  });
});

describe('scratch buffers', () => {
  it('reuses a slot whose buffer is exactly long enough', () => {
    const slot = 9; // no kernel uses this slot
    const buffer = scratch(slot, 10);
    expect(buffer.length).toBeGreaterThanOrEqual(10);
    expect(scratch(slot, buffer.length)).toBe(buffer);
    expect(scratch(slot, 1)).toBe(buffer);
  });
});

describe('sortSmallWeights and maxSizeBelow', () => {
  it('keeps the reduced weights below the cap, ascending, with running sums', () => {
    // [30, 5, 0, 10, 20, 10] / 5 = [6, 1, 0, 2, 4, 2]; below cap 4 and positive: 1, 2, 2.
    expect(sortSmallWeights([30, 5, 0, 10, 20, 10], 5, 4, false)).toBe(3);
    expect(Array.from(sortedWeights().subarray(0, 3))).toEqual([1, 2, 2]);
    expect(Array.from(sortedPrefix().subarray(0, 4))).toEqual([0, 1, 3, 5]);
    // The largest number of them whose sum stays below the cap: 1 + 2 = 3 < 5 but 1 + 2 + 2 = 5 is not.
    expect(maxSizeBelow(3, 5)).toBe(2);
    expect(maxSizeBelow(3, 6)).toBe(3);
    // Only the first `count` weights are candidates, however large the cap.
    expect(maxSizeBelow(2, 100)).toBe(2);
    expect(maxSizeBelow(0, 100)).toBe(0);
    // With the zeros: 0, 1, 2, 2.
    expect(sortSmallWeights([30, 5, 0, 10, 20, 10], 5, 4, true)).toBe(4);
    expect(Array.from(sortedWeights().subarray(0, 4))).toEqual([0, 1, 2, 2]);
    expect(Array.from(sortedPrefix().subarray(0, 5))).toEqual([0, 0, 1, 3, 5]);
  });

  it('grows its shared buffers for more players, then reuses them', () => {
    // One more player than the buffer holds (ascending input, so the insertion sort shifts nothing).
    const n = sortedWeights().length + 1;
    const ascending = Array.from({ length: n }, (_, i) => i + 1);
    expect(sortSmallWeights(ascending, 1, n + 1, false)).toBe(n);
    expect(Array.from(sortedWeights().subarray(0, n))).toEqual(ascending);
    expect(sortedPrefix()[n]).toBe((n * (n + 1)) / 2); // 1 + 2 + … + n
    // As many players as the grown buffer holds: no new buffer, and the running sum reaches all of them.
    const kept = sortedWeights();
    const m = kept.length;
    expect(m).toBeGreaterThanOrEqual(n);
    expect(sortSmallWeights(new Array<number>(m).fill(1), 1, 2, false)).toBe(m);
    expect(sortedWeights()).toBe(kept);
    expect(sortedPrefix()[m]).toBe(m);
  });
});

describe('sizeWeightCountsBig', () => {
  it('counts subsets by size and weight below the quota', () => {
    // Weights 1, 5, 2, 3 with q = 5, sizes 0..2 (5 ≥ q never fits):
    //   size 0: {} weight 0; size 1: weights 1, 2, 3; size 2: {1,2} = 3, {1,3} = 4 ({2,3} = 5 is not below 5).
    // One row of q = 5 weights per size.
    expect(sizeWeightCountsBig([1, 5, 2, 3], 5, 3, 'test')).toEqual([
      1n, 0n, 0n, 0n, 0n,
      0n, 1n, 1n, 1n, 0n,
      0n, 0n, 0n, 1n, 1n,
    ]);
    // More players than rows: only sizes 0 and 1 are kept (three singletons of weight 1).
    expect(sizeWeightCountsBig([1, 1, 1], 4, 2, 'test')).toEqual([1n, 0n, 0n, 0n, 0n, 3n, 0n, 0n]);
  });

  it('checks the cells and the work of the whole (size, weight) table', () => {
    // 1,025 rows × 2,048 weights = 2,099,200 cells > 2^21 = 2,097,152.
    expect(MAX_BIGINT_CELLS).toBe(2_097_152);
    expect(dataError(() => sizeWeightCountsBig([], 2048, 1025, 'the Owen count')).issues).toEqual([
      { path: 'quota', message: 'the Owen count needs 2,099,200 table cells, over the limit of 2,097,152; scale the weights and quota down' },
    ]);
    // 1,024 × 2,048 = 2^21 cells fit, but times 65 players is over 2^27 cell-bits.
    const heavy = new Array<number>(65).fill(5000);
    expect(dataError(() => sizeWeightCountsBig(heavy, 2048, 1024, 'the Owen count')).issues[0]).toEqual({
      path: 'weights',
      message:
        'the Owen count with 65 players needs 2,097,152 table cells of numbers up to 65 bits, over the limit of 134,217,728 cell-bits; use fewer players or scale the weights and quota down',
    });
  });
});

describe('factorial tables', () => {
  it('pivotOrderings is s!(n−1−s)!, built once per n', () => {
    // n = 4: 0!3!, 1!2!, 2!1!, 3!0!.
    expect(pivotOrderings(4)).toEqual([6n, 2n, 2n, 6n]);
    expect(pivotOrderings(4)).toBe(pivotOrderings(4));
  });

  it('fractionOfFactorial reduces exactly, also past the float prime powers (n > 54)', () => {
    expect(fractionOfFactorial(12n, 4)).toEqual({ num: 1n, den: 2n }); // 12/24
    expect(fractionOfFactorial(7n, 4)).toEqual({ num: 7n, den: 24n });
    // 3^{v_3(100!)} = 3^48 > 2^53: a float would round it. 99!/100! = 1/100 and 2·99!/100! = 1/50.
    expect(fractionOfFactorial(factorial(99), 100)).toEqual({ num: 1n, den: 100n });
    expect(fractionOfFactorial(2n * factorial(99), 100)).toEqual({ num: 1n, den: 50n });
    expect(fractionOfFactorial(factorial(100), 100)).toEqual({ num: 1n, den: 1n });
  });

  it('lcmUpTo is the least common multiple, not just a common one', async () => {
    expect(lcmUpTo(1)).toBe(1n);
    expect(lcmUpTo(4)).toBe(12n); // 2^2 · 3
    expect(lcmUpTo(10)).toBe(2520n); // 2^3 · 3^2 · 5 · 7 = 8 · 9 · 35
    // The table is memoised per process: a fresh copy of the module builds it from 1 here.
    vi.resetModules();
    const fresh = await import('../../src/model/power/kernel.js');
    expect(fresh.lcmUpTo(10)).toBe(2520n);
  });
});
