import { beforeEach, describe, expect, it } from 'vitest';
import {
  naiveBanzhafSwings,
  naiveShapleyShubik,
  perPlayerBanzhafSwings,
  perPlayerShapleyShubik,
} from '../../bench/reference/naive-power.js';
import {
  banzhaf,
  coleman,
  deeganPackel,
  ELECTORAL_COLLEGE_2020,
  ELECTORAL_COLLEGE_2020_ELECTORS,
  type PowerIndexResult,
  publicGood,
  shapleyShubik,
  type WeightedGame,
} from '../../src/model/power/index.js';
import { compare, formatRational, ONE, sum } from '../../src/model/rational.js';
import { PUBLISHED_GAMES } from './published-games.js';

const fractions = (result: PowerIndexResult): string[] => result.players.map((player) => formatRational(player.value));

describe.each(PUBLISHED_GAMES)('$name', (published) => {
  const game: WeightedGame = {
    quota: published.quota,
    weights: published.weights,
    ...(published.players ? { names: published.players } : {}),
  };

  // Every test below must check something: a published game without a value for some index gets no test for it.
  beforeEach(() => {
    expect.hasAssertions();
  });

  if (published.players) {
    const names = published.players;
    it('labels players with the published names', () => {
      expect(banzhaf(game).players.map((player) => player.name)).toEqual(names);
      expect(shapleyShubik(game).players.map((player) => player.name)).toEqual(names);
    });
  }

  it('is checked against at least one published index', () => {
    expect(published.banzhafRaw ?? published.banzhaf ?? published.shapleyShubik).toBeDefined();
    expect(published.source.length).toBeGreaterThan(0);
  });

  if (published.banzhafRaw) {
    const expected = published.banzhafRaw;
    it('Banzhaf raw swings', () => {
      expect(banzhaf(game).players.map((player) => Number(player.raw))).toEqual(expected);
      // The published counts are also what plain enumeration of the 2^n coalitions gives.
      expect(naiveBanzhafSwings(published.weights, published.quota)).toEqual(expected);
    });
  }
  if (published.banzhaf) {
    const expected = published.banzhaf;
    it('normalised Banzhaf', () => expect(fractions(banzhaf(game))).toEqual(expected));
  }
  if (published.shapleyShubik) {
    const expected = published.shapleyShubik;
    it('Shapley-Shubik', () => {
      expect(fractions(shapleyShubik(game))).toEqual(expected);
      expect(naiveShapleyShubik(published.weights, published.quota).map(formatRational)).toEqual(expected);
    });
  }
  if (published.deeganPackel) {
    const expected = published.deeganPackel;
    it('Deegan-Packel', () => expect(fractions(deeganPackel(game))).toEqual(expected));
  }
  if (published.publicGood) {
    const expected = published.publicGood;
    it('Public Good', () => expect(fractions(publicGood(game))).toEqual(expected));
  }
  if (published.colemanPrevent || published.colemanInitiate) {
    it('Coleman', () => {
      const result = coleman(game);
      if (published.colemanPrevent) expect(fractions(result.prevent)).toEqual(published.colemanPrevent);
      if (published.colemanInitiate) expect(fractions(result.initiate)).toEqual(published.colemanInitiate);
    });
  }
});

describe('US Electoral College, 2020 apportionment', () => {
  const electors = ELECTORAL_COLLEGE_2020_ELECTORS;
  // Computed inside each test, never while the file is collected.
  const indices = () => ({ bz: banzhaf(ELECTORAL_COLLEGE_2020), ss: shapleyShubik(ELECTORAL_COLLEGE_2020) });
  const byName = (result: PowerIndexResult, name: string) => result.players.find((player) => player.name === name)!;

  it('has 51 players, 538 electors and quota 270', () => {
    expect(ELECTORAL_COLLEGE_2020.weights).toHaveLength(51);
    expect(ELECTORAL_COLLEGE_2020.weights.reduce((a, b) => a + b, 0)).toBe(538);
    expect(ELECTORAL_COLLEGE_2020.quota).toBe(270);
    expect([electors.CA, electors.TX, electors.FL, electors.NY, electors.DC, electors.WY]).toEqual([54, 40, 30, 28, 3, 3]);
  });

  it('Banzhaf and Shapley-Shubik each sum to exactly 1', () => {
    const { bz, ss } = indices();
    expect(sum(bz.players.map((player) => player.value))).toEqual(ONE);
    expect(sum(ss.players.map((player) => player.value))).toEqual(ONE);
    expect(bz.totalSwings).toBe(bz.players.reduce((total, player) => total + player.raw!, 0n));
  });

  it("California's power exceeds every other state's", () => {
    const { bz, ss } = indices();
    for (const result of [bz, ss]) {
      const california = byName(result, 'CA');
      for (const player of result.players) if (player.name !== 'CA') expect(compare(california.value, player.value)).toBe(1);
    }
  });

  it("DC's power equals Alaska's (3 electors each), and larger states never have less", () => {
    const { bz, ss } = indices();
    for (const result of [bz, ss]) {
      expect(byName(result, 'DC').value).toEqual(byName(result, 'AK').value);
      for (const a of result.players) {
        for (const b of result.players) if (a.weight > b.weight) expect(compare(a.value, b.value)).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('matches the textbook per-player dynamic programme exactly', () => {
    const { bz, ss } = indices();
    const { quota, weights } = ELECTORAL_COLLEGE_2020;
    expect(bz.players.map((player) => player.raw)).toEqual(perPlayerBanzhafSwings(weights, quota));
    expect(ss.players.map((player) => player.value)).toEqual(perPlayerShapleyShubik(weights, quota));
  });
});
