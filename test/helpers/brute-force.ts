/**
 * A brute-force council analysis for the property tests that shares nothing with the engine it checks:
 * it reads the council itself (seats, attendance, rules, blocs, constraints) and applies the rules as
 * docs/semantics.md states them, by enumerating every subset of units.
 *
 * - n is the sum of seats; the majority is `rules.majority`, else floor(n/2) + 1; the quorum is
 *   `rules.quorum`, else floor(n/2) + 1. A unit's weight is its present members.
 * - An id in a constraint names a unit, or else every unit of the bloc of that name.
 * - A coalition is admissible when it holds every required unit, no excluded unit, and no two units of an
 *   incompatible pair. It wins when admissible and its present members reach the majority.
 * - It is minimal when dropping any one non-required member loses the majority.
 * - A majority forms when the quorum is met and the declared coalition reaches the majority (no coalition
 *   declared: some admissible coalition wins).
 */
import type { Council } from '../../src/model/council.js';

export interface BruteState {
  readonly quorumMet: boolean;
  readonly majorityForms: boolean;
  readonly winning: ReadonlySet<number>;
  /** Minimal winning coalitions as bitmasks (bit i = the council's i-th unit), ascending. */
  readonly minimal: readonly number[];
}

export interface BruteChange {
  readonly kind: 'move' | 'absent' | 'defect';
  readonly from: number;
  readonly to?: number;
  readonly after: BruteState;
  readonly winningLost: number;
  readonly winningGained: number;
  readonly hinge: boolean;
}

export interface BruteAnalysis {
  readonly members: number;
  readonly majority: number;
  readonly quorum: number;
  readonly base: BruteState;
  readonly changes: readonly BruteChange[];
}

interface Game {
  readonly units: number;
  readonly majority: number;
  readonly quorum: number;
  readonly required: ReadonlySet<number>;
  readonly excluded: ReadonlySet<number>;
  readonly pairs: readonly (readonly [number, number])[];
  readonly declared: readonly number[] | undefined;
}

function idsToUnits(council: Council, id: string): number[] {
  const direct = council.units.findIndex((unit) => unit.id === id);
  if (direct >= 0) return [direct];
  const members: number[] = [];
  council.units.forEach((unit, i) => {
    if (unit.blocs?.includes(id)) members.push(i);
  });
  return members;
}

function gameOf(council: Council, coalition: readonly string[] | undefined): Game {
  let members = 0;
  for (const unit of council.units) members += unit.seats;
  const absolute = Math.floor(members / 2) + 1;
  const constraints = council.constraints ?? {};
  const pairs: [number, number][] = [];
  for (const [a, b] of constraints.incompatible ?? []) {
    for (const u of idsToUnits(council, a)) for (const v of idsToUnits(council, b)) if (u !== v) pairs.push([u, v]);
  }
  return {
    units: council.units.length,
    majority: council.rules?.majority ?? absolute,
    quorum: council.rules?.quorum ?? absolute,
    required: new Set((constraints.required ?? []).flatMap((id) => idsToUnits(council, id))),
    excluded: new Set((constraints.excluded ?? []).flatMap((id) => idsToUnits(council, id))),
    pairs,
    declared: coalition === undefined ? undefined : [...new Set(coalition.flatMap((id) => idsToUnits(council, id)))],
  };
}

const has = (mask: number, u: number): boolean => Math.floor(mask / 2 ** u) % 2 === 1;

function admissible(game: Game, mask: number): boolean {
  for (const u of game.required) if (!has(mask, u)) return false;
  for (const u of game.excluded) if (has(mask, u)) return false;
  return game.pairs.every(([u, v]) => !(has(mask, u) && has(mask, v)));
}

function stateOf(game: Game, weights: readonly number[], attending: number): BruteState {
  const votes = (members: readonly number[]): number => members.reduce((sum, u) => sum + weights[u]!, 0);
  const membersOf = (mask: number): number[] => weights.map((_, u) => u).filter((u) => has(mask, u));
  const winning = new Set<number>();
  // Every subset of the units not excluded (an excluded unit is in no admissible coalition): councils of
  // 40 units with most of them excluded stay checkable.
  const candidates = weights.map((_, u) => u).filter((u) => !game.excluded.has(u));
  for (let pick = 0; pick < 2 ** candidates.length; pick++) {
    let mask = 0;
    for (let j = 0; j < candidates.length; j++) if (Math.floor(pick / 2 ** j) % 2 === 1) mask += 2 ** candidates[j]!;
    if (admissible(game, mask) && votes(membersOf(mask)) >= game.majority) winning.add(mask);
  }
  const minimal = [...winning]
    .filter((mask) => {
      const inside = membersOf(mask);
      return inside.every((u) => game.required.has(u) || votes(inside.filter((v) => v !== u)) < game.majority);
    })
    .sort((a, b) => a - b);
  const quorumMet = attending >= game.quorum;
  const reaches = game.declared === undefined ? winning.size > 0 : votes(game.declared) >= game.majority;
  return { quorumMet, majorityForms: quorumMet && reaches, winning, minimal };
}

/**
 * The base state of `council` (with `coalition` declared, if given) and every single-member change: one
 * present member of a unit stays away (attendance drops), votes against (attendance unchanged), or moves
 * to another unit (attendance unchanged).
 */
export function bruteForce(council: Council, coalition?: readonly string[]): BruteAnalysis {
  const game = gameOf(council, coalition);
  const weights = council.units.map((unit) => unit.present ?? unit.seats);
  const attending = weights.reduce((a, b) => a + b, 0);
  const base = stateOf(game, weights, attending);
  const changes: BruteChange[] = [];
  const judge = (kind: BruteChange['kind'], from: number, to: number | undefined, changed: number[], present: number): void => {
    const after = stateOf(game, changed, present);
    const winningLost = [...base.winning].filter((mask) => !after.winning.has(mask)).length;
    const winningGained = [...after.winning].filter((mask) => !base.winning.has(mask)).length;
    const sameMinimal = after.minimal.length === base.minimal.length && after.minimal.every((m, i) => m === base.minimal[i]);
    const hinge = after.majorityForms !== base.majorityForms || !sameMinimal;
    changes.push({ kind, from, ...(to === undefined ? {} : { to }), after, winningLost, winningGained, hinge });
  };
  weights.forEach((weight, x) => {
    if (weight === 0) return;
    const less = weights.map((w, u) => (u === x ? w - 1 : w));
    judge('absent', x, undefined, less, attending - 1);
    judge('defect', x, undefined, less, attending);
    weights.forEach((_, y) => {
      if (y !== x) judge('move', x, y, less.map((w, u) => (u === y ? w + 1 : w)), attending);
    });
  });
  let members = 0;
  for (const unit of council.units) members += unit.seats;
  return { members, majority: game.majority, quorum: game.quorum, base, changes };
}
