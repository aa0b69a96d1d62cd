import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  naiveBanzhafSwings,
  naiveCoalitions,
  naiveColeman,
  naiveDeeganPackel,
  naiveJohnston,
  naiveOwen,
  naivePublicGood,
  naiveShapleyShubik,
} from '../../bench/reference/naive-power.js';
import { banzhafSwingsBig } from '../../src/model/power/banzhaf.js';
import {
  banzhaf,
  banzhafSwings,
  coleman,
  countMinimalWinning,
  countVulnerable,
  countWinning,
  deeganPackel,
  johnston,
  minimalWinningCoalitions,
  owen,
  type PowerIndexResult,
  publicGood,
  shapleyShubik,
  shapleyShubikRaw,
  unionPartition,
  type WeightedGame,
} from '../../src/model/power/index.js';
import { pivotCountsBig } from '../../src/model/power/shapley-shubik.js';
import { compare, ONE, type Rational, sum, ZERO } from '../../src/model/rational.js';

const RUNS = { numRuns: 100 };

/** Games with 1..maxPlayers players, weights 0..maxWeight (some equal, some zero), any valid quota. */
function games(maxPlayers: number, maxWeight = 12, proper = false): fc.Arbitrary<WeightedGame> {
  return fc
    .array(fc.oneof(fc.integer({ min: 0, max: maxWeight }), fc.constantFrom(1, 2, 3)), { minLength: 1, maxLength: maxPlayers })
    .filter((weights) => weights.some((w) => w > 0))
    .chain((weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const low = proper ? Math.floor(total / 2) + 1 : 1;
      return fc.integer({ min: low, max: total }).map((quota) => ({ quota, weights }));
    });
}

const values = (result: PowerIndexResult): Rational[] => result.players.map((player) => player.value);

/** Players that never swing, by brute force. */
function nullPlayers(game: WeightedGame): number[] {
  return naiveBanzhafSwings(game.weights, game.quota).flatMap((swings, i) => (swings === 0 ? [i] : []));
}

/** Every index that assigns shares summing to 1, on one game. */
function efficientIndices(game: WeightedGame): PowerIndexResult[] {
  return [banzhaf(game), shapleyShubik(game), deeganPackel(game), publicGood(game), johnston(game), owen(game, [])];
}

describe('dynamic programming agrees with enumeration of all 2^n coalitions (n ≤ 12)', () => {
  it('Banzhaf raw swings and Shapley-Shubik values', () => {
    fc.assert(
      fc.property(games(12), (game) => {
        expect(banzhaf(game).players.map((player) => Number(player.raw))).toEqual(naiveBanzhafSwings(game.weights, game.quota));
        expect(values(shapleyShubik(game))).toEqual(naiveShapleyShubik(game.weights, game.quota));
      }),
      RUNS,
    );
  });

  it('counts of winning, minimal winning and vulnerable coalitions, and the minimal winning list', () => {
    fc.assert(
      fc.property(games(12), (game) => {
        const naive = naiveCoalitions(game.weights, game.quota);
        expect(countWinning(game)).toBe(BigInt(naive.winning));
        expect(countMinimalWinning(game)).toBe(BigInt(naive.minimal.length));
        expect(countVulnerable(game)).toBe(BigInt(naive.vulnerable.length));
        const masks = minimalWinningCoalitions(game).map((members) => members.reduce((mask, i) => mask | (1 << i), 0));
        expect(masks.sort((a, b) => a - b)).toEqual([...naive.minimal].sort((a, b) => a - b));
      }),
      RUNS,
    );
  });

  it('Deegan-Packel, Public Good, Johnston and Coleman', () => {
    fc.assert(
      fc.property(games(10), (game) => {
        const { weights, quota } = game;
        expect(values(deeganPackel(game))).toEqual(naiveDeeganPackel(weights, quota));
        expect(values(publicGood(game))).toEqual(naivePublicGood(weights, quota));
        expect(values(johnston(game))).toEqual(naiveJohnston(weights, quota));
        const naive = naiveColeman(weights, quota);
        const result = coleman(game);
        expect(values(result.initiate)).toEqual(naive.initiate);
        expect(values(result.prevent)).toEqual(naive.prevent);
        expect(result.powerOfCollectivity).toEqual(naive.collectivity);
      }),
      RUNS,
    );
  });

  it('Owen agrees with walking every union-consistent voting order (n ≤ 7)', () => {
    const gamesWithUnions = games(7).chain((game) =>
      fc
        .array(fc.integer({ min: 0, max: 3 }), { minLength: game.weights.length, maxLength: game.weights.length })
        .map((labels) => {
          const unions = [0, 1, 2, 3].map((label) => labels.flatMap((l, i) => (l === label ? [i] : []))).filter((u) => u.length > 0);
          return { game, unions };
        }),
    );
    fc.assert(
      fc.property(gamesWithUnions, ({ game, unions }) => {
        const partition = unionPartition(game.weights.length, unions);
        expect(values(owen(game, unions))).toEqual(naiveOwen(game.weights, game.quota, partition));
      }),
      RUNS,
    );
  });

  it('the BigInt kernels agree with the float64 ones', () => {
    fc.assert(
      fc.property(games(12, 30), ({ weights, quota }) => {
        expect(banzhafSwingsBig(weights, quota).map(Number)).toEqual(Array.from(banzhafSwings(weights, quota)));
        const n = weights.length;
        const raw = shapleyShubikRaw(weights, quota);
        const big = pivotCountsBig(weights, quota);
        for (let i = 0; i < n; i++) {
          for (let s = 0; s < n; s++) expect(Number(big[i]![s] ?? 0n)).toBe(raw[i * n + s]);
        }
      }),
      RUNS,
    );
  });
});

describe('axioms', () => {
  it('efficiency: normalised Banzhaf, Shapley-Shubik, Deegan-Packel, Public Good, Johnston and Owen sum to 1', () => {
    fc.assert(
      fc.property(games(10), (game) => {
        for (const result of efficientIndices(game)) expect(sum(values(result))).toEqual(ONE);
      }),
      RUNS,
    );
  });

  it('symmetry: equal weights get equal values', () => {
    fc.assert(
      fc.property(games(10), (game) => {
        const results = [...efficientIndices(game), coleman(game).initiate, coleman(game).prevent];
        for (const result of results) {
          for (let i = 0; i < game.weights.length; i++) {
            for (let j = 0; j < i; j++) {
              if (game.weights[i] === game.weights[j]) expect(result.players[i]!.value).toEqual(result.players[j]!.value);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('null players get exactly 0', () => {
    fc.assert(
      fc.property(games(10), (game) => {
        const nulls = nullPlayers(game);
        const results = [...efficientIndices(game), owen(game, [game.weights.map((_, i) => i)]), coleman(game).prevent];
        for (const result of results) for (const i of nulls) expect(result.players[i]!.value).toBe(ZERO);
      }),
      RUNS,
    );
  });

  it('permutation invariance: permuting the players permutes the results', () => {
    const permuted = games(10).chain((game) =>
      fc.shuffledSubarray(
        game.weights.map((_, i) => i),
        { minLength: game.weights.length, maxLength: game.weights.length },
      ).map((order) => ({ game, order })),
    );
    fc.assert(
      fc.property(permuted, ({ game, order }) => {
        const shuffled = { quota: game.quota, weights: order.map((i) => game.weights[i]!) };
        const original = efficientIndices(game);
        const after = efficientIndices(shuffled);
        original.forEach((result, k) => {
          expect(values(after[k]!)).toEqual(order.map((i) => result.players[i]!.value));
        });
      }),
      RUNS,
    );
  });

  it('monotonicity: a heavier player has at least the Banzhaf and Shapley-Shubik power of a lighter one', () => {
    fc.assert(
      fc.property(games(12, 20), (game) => {
        for (const result of [banzhaf(game), shapleyShubik(game)]) {
          for (let i = 0; i < game.weights.length; i++) {
            for (let j = 0; j < game.weights.length; j++) {
              if (game.weights[i]! > game.weights[j]!) expect(compare(result.players[i]!.value, result.players[j]!.value)).toBeGreaterThanOrEqual(0);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('Owen with singleton unions, or one grand union, equals Shapley-Shubik', () => {
    fc.assert(
      fc.property(games(12), (game) => {
        const ss = values(shapleyShubik(game));
        expect(values(owen(game, game.weights.map((_, i) => [i])))).toEqual(ss);
        expect(values(owen(game, [game.weights.map((_, i) => i)]))).toEqual(ss);
      }),
      RUNS,
    );
  });

  it('scaling weights by k and the quota into (k(q−1), kq] leaves every index unchanged', () => {
    const scaled = fc.tuple(games(10, 12, true), fc.integer({ min: 2, max: 50 }), fc.nat()).map(([game, k, shift]) => ({
      game,
      scaled: { quota: k * game.quota - (shift % k), weights: game.weights.map((w) => w * k) },
    }));
    fc.assert(
      fc.property(scaled, ({ game, scaled: other }) => {
        const a = efficientIndices(game);
        const b = efficientIndices(other);
        a.forEach((result, k) => expect(values(b[k]!)).toEqual(values(result)));
      }),
      { numRuns: 50 },
    );
  });
});
