import { describe, expect, it } from 'vitest';
import { perPlayerBanzhafSwings } from '../../bench/reference/naive-power.js';
import {
  banzhaf,
  banzhafSwings,
  coleman,
  countLosing,
  countMinimalWinning,
  countVulnerable,
  countWinning,
  deeganPackel,
  ELECTORAL_COLLEGE_2020,
  gameIssues,
  johnston,
  MAX_ENUMERATED_COALITIONS,
  minimalWinningCoalitions,
  owen,
  type PowerIndexResult,
  publicGood,
  shapleyShubik,
  shapleyShubikFloats,
  shapleyShubikRaw,
  unionPartition,
  validateGame,
  type WeightedGame,
} from '../../src/model/power/index.js';
import { formatRational, ONE, rationalToNumber, sum, ZERO } from '../../src/model/rational.js';
import { dataError } from '../helpers/errors.js';

const fractions = (result: PowerIndexResult): string[] => result.players.map((player) => formatRational(player.value));
const straffin: WeightedGame = { quota: 6, weights: [4, 3, 2, 1] };

describe('labels', () => {
  it('names every result after its index', () => {
    expect(banzhaf(straffin)).toMatchObject({ index: 'banzhaf', label: 'Banzhaf (normalised)' });
    expect(shapleyShubik(straffin)).toMatchObject({ index: 'shapley-shubik', label: 'Shapley-Shubik' });
    expect(deeganPackel(straffin).index).toBe('deegan-packel');
    expect(publicGood(straffin).label).toBe('Public Good (Holler)');
    expect(johnston(straffin).index).toBe('johnston');
    expect(coleman(straffin).initiate.label).toBe('Coleman power to initiate action');
    expect(coleman(straffin).prevent.label).toBe('Coleman power to prevent action');
    expect(owen(straffin, []).label).toBe('Owen (a priori unions)');
    expect(banzhaf(straffin).players.map((player) => player.name)).toEqual(['P1', 'P2', 'P3', 'P4']);
  });
});

describe('hand-computed cases, [6; 4, 3, 2, 1] (players A, B, C, D)', () => {
  // Winning coalitions and their critical members (w(S) − w_j < 6):
  //   AB 7: A, B   AC 6: A, C   BCD 6: B, C, D   ABC 9: A   ABD 8: A, B   ACD 7: A, C   ABCD 10: none
  it('counts coalitions', () => {
    expect(countWinning(straffin)).toBe(7n);
    expect(countLosing(straffin)).toBe(9n);
    expect(countMinimalWinning(straffin)).toBe(3n); // AB, AC, BCD
    expect(countVulnerable(straffin)).toBe(6n); // all but ABCD
    expect(minimalWinningCoalitions(straffin)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2, 3],
    ]);
  });

  it('Johnston', () => {
    // J_A = 1/2 + 1/2 + 1 + 1/2 + 1/2 = 3; J_B = 1/2 + 1/3 + 1/2 = 4/3; J_C = 4/3; J_D = 1/3; total 6.
    expect(fractions(johnston(straffin))).toEqual(['1/2', '2/9', '2/9', '1/18']);
  });

  it('Coleman', () => {
    // Swings 5, 3, 3, 1; 7 winning and 9 losing coalitions of 16.
    const result = coleman(straffin);
    expect(fractions(result.prevent)).toEqual(['5/7', '3/7', '3/7', '1/7']);
    expect(fractions(result.initiate)).toEqual(['5/9', '1/3', '1/3', '1/9']);
    expect(formatRational(result.powerOfCollectivity)).toBe('7/16');
    expect(result.prevent.players.map((player) => player.raw)).toEqual([5n, 3n, 3n, 1n]);
  });

  it('Owen with unions {A, D} and {B, C}', () => {
    // Each union weighs 5 < 6, so the second union to vote decides; inside it, whoever votes first
    // pivots (5 + 4 and 5 + 1 both reach 6). Each player: 1/2 (its union second) × 1/2 (first inside) = 1/4.
    expect(fractions(owen(straffin, [[0, 3], [1, 2]]))).toEqual(['1/4', '1/4', '1/4', '1/4']);
  });

  it('Owen with singleton unions, or one grand union, is Shapley-Shubik', () => {
    const ss = fractions(shapleyShubik(straffin));
    expect(fractions(owen(straffin, []))).toEqual(ss);
    expect(fractions(owen(straffin, [[0], [1], [2], [3]]))).toEqual(ss);
    expect(fractions(owen(straffin, [[0, 1, 2, 3]]))).toEqual(ss);
  });
});

describe('Owen, three-person majority [2; 1, 1, 1] with players 1 and 2 united', () => {
  it('gives the union members 1/2 each and the outsider 0', () => {
    // Union-consistent orders: (1,2,3) (2,1,3) (3,1,2) (3,2,1). The second vote is pivotal: player 1 in
    // (2,1,3) and (3,1,2), player 2 in (1,2,3) and (3,2,1), player 3 never.
    expect(fractions(owen({ quota: 2, weights: [1, 1, 1] }, [[0, 1]]))).toEqual(['1/2', '1/2', '0']);
  });

  it('validates the unions', () => {
    expect(unionPartition(3, [[2, 0]])).toEqual([[2, 0], [1]]);
    expect(dataError(() => unionPartition(3, [[0, 3]])).issues[0]?.path).toBe('unions[0][1]');
    expect(dataError(() => unionPartition(3, [[0], [0, 1]])).issues[0]).toEqual({ path: 'unions[1][0]', message: 'player 0 is already in unions[0]' });
    expect(dataError(() => unionPartition(3, [[]])).issues[0]?.path).toBe('unions[0]');
  });
});

describe('game validation', () => {
  it('rejects a quota at or below half the total unless non-proper games are allowed', () => {
    const game = { quota: 9, weights: [9, 9] };
    const error = dataError(() => validateGame(game, { source: 'command line' }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe('quota');
    expect(error.message).toMatch(/^command line: quota: quota 9 is not more than half the total weight 18/);
    expect(() => validateGame(game, { allowNonProper: true })).not.toThrow();
    expect(() => validateGame({ quota: 10, weights: [9, 9] })).not.toThrow();
  });

  it('names each bad path', () => {
    expect(gameIssues({ quota: 5, weights: [3, -1, 2.5] }).map((issue) => issue.path)).toEqual(['weights[1]', 'weights[2]']);
    expect(gameIssues({ quota: 0, weights: [1] }).map((issue) => issue.path)).toEqual(['quota']);
    expect(gameIssues({ quota: 4, weights: [1, 2] })[0]?.message).toMatch(/exceeds the total weight 3/);
    expect(gameIssues({ quota: 1, weights: [] })[0]?.path).toBe('weights');
    expect(gameIssues({ quota: 2, weights: [1, 2], names: ['a'] }).map((issue) => issue.path)).toEqual(['names']);
  });

  it('index functions accept non-proper games and reject malformed ones', () => {
    // [2; 1, 1, 1, 1]: any two players win, so two disjoint pairs can both win. By symmetry all 1/4.
    expect(fractions(banzhaf({ quota: 2, weights: [1, 1, 1, 1] }))).toEqual(['1/4', '1/4', '1/4', '1/4']);
    expect(dataError(() => shapleyShubik({ quota: 7, weights: [3, 3] })).issues[0]?.path).toBe('quota');
    expect(dataError(() => banzhafSwings([1, Number.NaN], 1)).issues[0]?.path).toBe('weights[1]');
    expect(dataError(() => shapleyShubikRaw([1, 2], 4)).issues[0]?.path).toBe('quota');
  });
});

describe('null and zero-weight players', () => {
  it('get exactly 0 from every index', () => {
    // Weight-0 player 3 and dummy player 2 (weight 1, never decisive in [4; 2, 2, 1, 0]).
    const game = { quota: 4, weights: [2, 2, 1, 0] };
    const results = [banzhaf(game), shapleyShubik(game), deeganPackel(game), publicGood(game), johnston(game), owen(game, [[0, 2]])];
    for (const result of results) {
      expect(result.players[2]!.value).toBe(ZERO);
      expect(result.players[3]!.value).toBe(ZERO);
      expect(result.players[3]!.float).toBe(0);
    }
    expect(coleman(game).prevent.players[3]!.value).toBe(ZERO);
  });

  it('double the raw swings but leave the shares alone', () => {
    const base = banzhaf({ quota: 6, weights: [4, 3, 2, 1] });
    const padded = banzhaf({ quota: 6, weights: [4, 0, 3, 2, 0, 1] });
    expect(padded.players.map((player) => player.raw)).toEqual([20n, 0n, 12n, 12n, 0n, 4n]); // 4 × (5, 3, 3, 1)
    expect(fractions(padded).filter((_, i) => i !== 1 && i !== 4)).toEqual(fractions(base));
    expect(fractions(shapleyShubik({ quota: 6, weights: [4, 0, 3, 2, 0, 1] }))).toEqual(['5/12', '0', '1/4', '1/4', '0', '1/12']);
  });
});

describe('fast paths for the council engine', () => {
  it('banzhafSwings writes float counts into a reused buffer', () => {
    const out = new Float64Array(8);
    const first = banzhafSwings([9, 9, 7, 3, 1, 1], 16, out);
    expect(first).toBe(out);
    expect(Array.from(out.subarray(0, 6))).toEqual([16, 16, 16, 0, 0, 0]);
    banzhafSwings([4, 3, 2, 1], 6, out);
    expect(Array.from(out.subarray(0, 4))).toEqual([5, 3, 3, 1]);
    // Typed arrays drop writes past their end; a short buffer is a caller bug, not a silent truncation.
    expect(() => banzhafSwings([4, 3, 2, 1], 6, new Float64Array(3))).toThrow(RangeError);
    expect(() => shapleyShubikRaw([4, 3, 2, 1], 6, new Float64Array(15))).toThrow(RangeError);
    expect(() => shapleyShubikFloats([4, 3, 2, 1], 6, new Float64Array(4), new Float64Array(8))).toThrow(RangeError);
  });

  it('shapleyShubikRaw lays out pivots by player and coalition size', () => {
    // [4; 3, 2, 1, 1], player 0 (weight 3) pivots after S with w(S) in [1, 3]:
    // size 1: {2}, {1}, {1'} = 3; size 2: {2,1}, {2,1'}, {1,1'} = 3 (weights 3, 3, 2); size 3: weight 4, no.
    // SS_0 = (3·1!·2! + 3·2!·1!) / 4! = 12/24 = 1/2.
    const raw = shapleyShubikRaw([3, 2, 1, 1], 4);
    expect(Array.from(raw.subarray(0, 4))).toEqual([0, 3, 3, 0]);
    // Player 1 (weight 2) pivots after S with w(S) in [2, 3]: size 1: {3} only; size 2: {1,1'} only
    // ({3,1} weighs 4). SS_1 = (1·1!·2! + 1·2!·1!)/24 = 4/24 = 1/6.
    expect(Array.from(raw.subarray(4, 8))).toEqual([0, 1, 1, 0]);
    expect(Array.from(shapleyShubikFloats([3, 2, 1, 1], 4))).toEqual([1 / 2, 1 / 6, 1 / 6, 1 / 6]);
  });

  it('shapleyShubikFloats is within 1e-14 of the exact values for the Electoral College', () => {
    const exact = shapleyShubik(ELECTORAL_COLLEGE_2020).players.map((player) => rationalToNumber(player.value));
    const floats = shapleyShubikFloats(ELECTORAL_COLLEGE_2020.weights, ELECTORAL_COLLEGE_2020.quota);
    exact.forEach((value, i) => expect(Math.abs(floats[i]! - value)).toBeLessThan(1e-14 * value));
  });
});

describe('more than 52 players (BigInt counts)', () => {
  // 40 players with weights 1..5 plus 20 null players of weight 0: 60 players, beyond float64-exact
  // counts. Null players change nobody's shares, so the 40-player game (float path) is the reference.
  const core = Array.from({ length: 40 }, (_, k) => (k % 5) + 1); // total 120
  const padded = [...core, ...Array<number>(20).fill(0)];
  const quota = 61;

  it('Banzhaf raw swings are 2^20 times the 40-player ones and match the textbook programme', () => {
    const small = banzhaf({ quota, weights: core });
    const big = banzhaf({ quota, weights: padded });
    expect(big.players.slice(0, 40).map((player) => player.raw)).toEqual(small.players.map((player) => player.raw! << 20n));
    expect(big.players.slice(0, 40).map((player) => player.value)).toEqual(small.players.map((player) => player.value));
    expect(big.players.map((player) => player.raw)).toEqual(perPlayerBanzhafSwings(padded, quota));
    expect(big.totalSwings).toBe(small.totalSwings << 20n);
  });

  it('Shapley-Shubik values equal the 40-player ones and sum to 1', () => {
    const small = shapleyShubik({ quota, weights: core });
    const big = shapleyShubik({ quota, weights: padded });
    expect(big.players.slice(0, 40).map((player) => player.value)).toEqual(small.players.map((player) => player.value));
    expect(sum(big.players.map((player) => player.value))).toEqual(ONE);
  });

  it('fast paths round the exact counts', () => {
    const swings = banzhafSwings(padded, quota);
    const exact = banzhaf({ quota, weights: padded }).players.map((player) => Number(player.raw));
    expect(Array.from(swings)).toEqual(exact);
    const floats = shapleyShubikFloats(padded, quota);
    const values = shapleyShubik({ quota, weights: padded }).players.map((player) => player.float);
    values.forEach((value, i) => expect(Math.abs(floats[i]! - value)).toBeLessThanOrEqual(1e-13 * value));
  });

  it('counts and Coleman use BigInt beyond 52 players', () => {
    expect(countWinning({ quota, weights: padded })).toBe(countWinning({ quota, weights: core }) << 20n);
    expect(countMinimalWinning({ quota, weights: padded })).toBe(countMinimalWinning({ quota, weights: core }));
    expect(fractions(coleman({ quota, weights: padded }).prevent).slice(0, 40)).toEqual(fractions(coleman({ quota, weights: core }).prevent));
  });
});

describe('common-divisor reduction', () => {
  it('[12; 4, 4, 4, 2, 2, 1] scaled by 1000 with quota 11001 is the same game', () => {
    // Coalition weights are multiples of 1000, so w ≥ 11001 ⇔ w ≥ 12000.
    const game = { quota: 12, weights: [4, 4, 4, 2, 2, 1] };
    const scaled = { quota: 11_001, weights: game.weights.map((w) => w * 1000) };
    expect(fractions(banzhaf(scaled))).toEqual(fractions(banzhaf(game)));
    expect(fractions(shapleyShubik(scaled))).toEqual(fractions(shapleyShubik(game)));
    expect(fractions(owen(scaled, [[0, 5]]))).toEqual(fractions(owen(game, [[0, 5]])));
    expect(countMinimalWinning(scaled)).toBe(countMinimalWinning(game));
  });
});

describe('limits', () => {
  it('refuses to list more coalitions than the limit, naming it', () => {
    const error = dataError(() => deeganPackel(ELECTORAL_COLLEGE_2020));
    expect(error.issues[0]?.path).toBe('weights');
    expect(error.message).toContain(MAX_ENUMERATED_COALITIONS.toLocaleString('en-US'));
    expect(error.message).toContain('minimal winning coalitions');
    expect(() => johnston(ELECTORAL_COLLEGE_2020)).toThrow(/vulnerable coalitions.*limited to 2,000,000/);
    expect(() => minimalWinningCoalitions(straffin, { limit: 2 })).toThrow(/has 3 minimal winning coalitions/);
    expect(minimalWinningCoalitions(straffin, { limit: 3 })).toHaveLength(3);
  });

  it('refuses tables past MAX_DP_CELLS', () => {
    // gcd(99,999,999, 99,999,998) = 1, so the quota stays 10^8 cells.
    const error = dataError(() => banzhaf({ quota: 100_000_000, weights: [99_999_999, 99_999_998] }));
    expect(error.issues[0]?.path).toBe('quota');
    expect(error.message).toMatch(/over the limit of 16,777,216/);
  });
});
