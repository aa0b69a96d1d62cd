import { describe, expect, it, vi } from 'vitest';
import { banzhaf, countLosing, countWinning, gameIssues, shapleyShubik, type WeightedGame } from '../../src/model/power/index.js';
import { dataError } from '../helpers/errors.js';

const MAX = Number.MAX_SAFE_INTEGER; // 2^53 − 1 = 9007199254740991

describe('index labels', () => {
  it('names every index after its author or its published name', async () => {
    // The table is built once per process when the module loads: a fresh copy builds it inside this test.
    vi.resetModules();
    const fresh = await import('../../src/model/power/weighted-game.js');
    expect(fresh.POWER_INDEX_LABELS).toEqual({
      banzhaf: 'Banzhaf (normalised)',
      'shapley-shubik': 'Shapley-Shubik',
      'deegan-packel': 'Deegan-Packel',
      'public-good': 'Public Good (Holler)',
      johnston: 'Johnston (normalised)',
      'coleman-initiate': 'Coleman power to initiate action',
      'coleman-prevent': 'Coleman power to prevent action',
      owen: 'Owen (a priori unions)',
    });
  });
});

describe('gameIssues: exact messages and boundaries', () => {
  it('a game without players, or without a weights array, has one issue', () => {
    const none = [{ path: 'weights', message: 'a game needs at least one player' }];
    expect(gameIssues({ quota: 1, weights: [] })).toEqual(none);
    expect(gameIssues({ quota: 1 } as unknown as WeightedGame)).toEqual(none);
  });

  it('a weight of 0 is allowed, a negative or non-integer one is named at its index', () => {
    // [2; 2, 0, 1]: total 3, and 2 · 2 = 4 > 3, so the game is proper and has no issue at all.
    expect(gameIssues({ quota: 2, weights: [2, 0, 1] })).toEqual([]);
    expect(gameIssues({ quota: 2, weights: [2, -1, 1] })).toEqual([{ path: 'weights[1]', message: 'weight must be a non-negative integer, got -1' }]);
    // A string is not a number even when it reads as one.
    expect(gameIssues({ quota: 2, weights: [2, '1', 0.5] } as unknown as WeightedGame)).toEqual([
      { path: 'weights[1]', message: 'weight must be a non-negative integer, got 1' },
      { path: 'weights[2]', message: 'weight must be a non-negative integer, got 0.5' },
    ]);
  });

  it('the total weight may reach 2^53 − 1 but not exceed it', () => {
    // (2^53 − 2) + 1 = 2^53 − 1: exactly the limit, and quota 2^53 − 1 is more than half of it.
    expect(gameIssues({ quota: MAX, weights: [MAX - 1, 1] })).toEqual([]);
    // (2^53 − 1) + 1 = 2^53, one over (2^53 is an exact double, so the sum is not rounded back down).
    expect(gameIssues({ quota: 1, weights: [MAX, 1] })).toEqual([{ path: 'weights', message: 'total weight exceeds 9007199254740991' }]);
  });

  it('the quota must be an integer ≥ 1: 1 is allowed, 0, 1.5 and a string are not', () => {
    // [1; 1]: one player who wins alone; 2 · 1 > 1, so proper.
    expect(gameIssues({ quota: 1, weights: [1] })).toEqual([]);
    for (const [quota, shown] of [
      [0, '0'],
      [-3, '-3'],
      [1.5, '1.5'], // inside 1..total for [1, 1], and above half of it, so only the integer test rejects it
      ['2', '2'],
    ] as const) {
      expect(gameIssues({ quota, weights: [1, 1] } as unknown as WeightedGame)).toEqual([{ path: 'quota', message: `quota must be an integer ≥ 1, got ${shown}` }]);
    }
  });

  it('the quota may equal the total weight but not exceed it', () => {
    // [3; 1, 2]: total 1 + 2 = 3, only the grand coalition wins.
    expect(gameIssues({ quota: 3, weights: [1, 2] })).toEqual([]);
    expect(gameIssues({ quota: 4, weights: [1, 2] })).toEqual([{ path: 'quota', message: 'quota 4 exceeds the total weight 3: no coalition can win' }]);
  });
});

describe('index functions check the game first', () => {
  it('something that is not an object is a data error with an empty path, not a TypeError', () => {
    for (const game of [null, undefined, 5, 'a game']) {
      const error = dataError(() => countWinning(game as unknown as WeightedGame));
      expect(error.issues).toEqual([{ path: '', message: 'expected a game: { quota, weights }' }]);
      expect(error.message).toBe('<input>: expected a game: { quota, weights }');
    }
  });

  it('accept a non-proper game', () => {
    // [1; 1, 1]: every non-empty coalition wins, 2 · 1 ≤ 2 makes it non-proper. Winning: {a}, {b}, {a, b} = 3 of
    // 2^2; losing: the empty one.
    expect(countWinning({ quota: 1, weights: [1, 1] })).toBe(3n);
    expect(countLosing({ quota: 1, weights: [1, 1] })).toBe(1n);
    // [2; 2, 1, 1]: 2 · 2 = 4 ≤ 4. The 2 alone wins, so it swings in {2}, {2,1}, {2,1'} (3); each 1 only in
    // {1, 1'} (1): Banzhaf 3/5, 1/5, 1/5.
    expect(banzhaf({ quota: 2, weights: [2, 1, 1] }).players.map((player) => player.float)).toEqual([3 / 5, 1 / 5, 1 / 5]);
  });

  it('a malformed game gets every issue gameIssues finds, in order', () => {
    const error = dataError(() => shapleyShubik({ quota: 0, weights: [2, -1], names: ['a'] }));
    expect(error.issues).toEqual([
      { path: 'weights[1]', message: 'weight must be a non-negative integer, got -1' },
      { path: 'names', message: '1 names for 2 weights' },
      { path: 'quota', message: 'quota must be an integer ≥ 1, got 0' },
    ]);
    expect(dataError(() => countWinning({ quota: 4, weights: [1, 2] })).issues).toEqual([
      { path: 'quota', message: 'quota 4 exceeds the total weight 3: no coalition can win' },
    ]);
  });
});
