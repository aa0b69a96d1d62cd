/**
 * Axelrod's minimal connected winning coalitions against their definition, checked by brute force over
 * every interval of the order on random councils: an interval of the ideological order with no
 * incompatible pair inside, every required unit inside, at least the majority of present votes, and
 * losing when either end leaves (a required end cannot leave). Units that can sit in no admissible
 * coalition are left out of the order first: those excluded, and those incompatible with a required
 * unit (it can sit in no admissible coalition). Two incompatible required units: nothing forms.
 */
import { describe, expect, it } from 'vitest';
import type { Council } from '../../src/model/council.js';
import { minimalConnectedWinning, prepareCouncil } from '../../src/model/analysis/index.js';
import { SplitMix32 } from '../../src/model/random.js';

interface Case {
  council: Council;
  order: string[];
  majority: number;
}

function randomCase(seed: number): Case {
  const random = new SplitMix32(seed);
  const pick = (n: number) => random.nextUint32() % n;
  const size = 3 + pick(7);
  const ids = Array.from({ length: size }, (_, u) => `p${u}`);
  const units = ids.map((id) => {
    const seats = 1 + pick(5);
    return { id, name: id, kind: 'list' as const, seats, present: seats - pick(2) };
  });
  const required = ids.filter(() => pick(8) === 0);
  const excluded = ids.filter((id) => !required.includes(id) && pick(9) === 0);
  const incompatible: [string, string][] = [];
  for (let k = pick(3); k > 0; k--) {
    const a = ids[pick(size)]!;
    const b = ids[pick(size)]!;
    if (a !== b) incompatible.push([a, b]);
  }
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const members = units.reduce((sum, unit) => sum + unit.seats, 0);
  const council: Council = { id: `c${seed}`, name: `c${seed}`, units, constraints: { required, excluded, incompatible } };
  return { council, order, majority: Math.floor(members / 2) + 1 };
}

/** The definition, interval by interval. */
function bruteForce({ council, order, majority }: Case): string[] {
  const constraints = council.constraints!;
  const required = constraints.required!;
  const pairs = constraints.incompatible!;
  const clash = (a: string, b: string) => pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  if (required.some((a) => required.some((b) => clash(a, b)))) return [];
  const out = (id: string) => constraints.excluded!.includes(id) || (!required.includes(id) && required.some((r) => clash(id, r)));
  const line = order.filter((id) => !out(id));
  const votes = new Map(council.units.map((unit) => [unit.id, unit.present ?? unit.seats]));
  const sum = (ids: string[]) => ids.reduce((total, id) => total + votes.get(id)!, 0);
  const found: string[] = [];
  for (let i = 0; i < line.length; i++) {
    for (let j = i; j < line.length; j++) {
      const inside = line.slice(i, j + 1);
      if (constraints.incompatible!.some(([a, b]) => inside.includes(a) && inside.includes(b))) continue;
      if (!constraints.required!.every((id) => inside.includes(id))) continue;
      const total = sum(inside);
      if (total < majority) continue;
      const ends = i === j ? [inside[0]!] : [inside[0]!, inside.at(-1)!];
      if (ends.every((end) => constraints.required!.includes(end) || total - votes.get(end)! < majority)) found.push([...inside].sort().join('+'));
    }
  }
  return found.sort();
}

describe('minimalConnectedWinning', () => {
  it('matches the definition on 400 random councils with required, excluded and incompatible units', () => {
    let nonEmpty = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const testCase = randomCase(seed);
      const prepared = prepareCouncil(testCase.council, { order: testCase.order });
      const got = minimalConnectedWinning(prepared)
        .map((mask) => prepared.ids.filter((_, u) => Math.floor(mask / 2 ** u) % 2 === 1).sort().join('+'))
        .sort();
      expect(got, `seed ${seed}`).toEqual(bruteForce(testCase));
      if (got.length > 0) nonEmpty++;
    }
    // The generator must reach both outcomes often.
    expect(nonEmpty).toBeGreaterThan(100);
    expect(nonEmpty).toBeLessThan(400);
  });
});
