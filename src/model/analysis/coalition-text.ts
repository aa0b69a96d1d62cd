/** Turning unit bitmasks into the coalition objects and labels an analysis shows. */
import { maskIds, type PreparedCouncil, ROLE_REQUIRED } from './prepared-council.js';
import type { CouncilCoalition } from './types.js';

/** Present members of the units in `mask`. */
export function votesOf(prepared: PreparedCouncil, mask: number, weights: Int32Array = prepared.weights): number {
  let total = 0;
  for (let u = 0; u < prepared.size; u++) if ((mask & (1 << u)) !== 0) total += weights[u]!;
  return total;
}

/** A coalition with its votes, margin and critical members (those whose departure makes it lose). */
export function coalitionOf(prepared: PreparedCouncil, mask: number): CouncilCoalition {
  const votes = votesOf(prepared, mask);
  const critical: string[] = [];
  for (let u = 0; u < prepared.size; u++) {
    if ((mask & (1 << u)) === 0) continue;
    if (votes >= prepared.majority && votes - prepared.weights[u]! < prepared.majority) critical.push(prepared.ids[u]!);
  }
  return { units: maskIds(mask, prepared.ids), votes, margin: votes - prepared.majority, critical };
}

/** Orders coalitions by votes, then number of units, then council order of their members. */
export function compareMasks(prepared: PreparedCouncil, a: number, b: number): number {
  const byVotes = votesOf(prepared, a) - votesOf(prepared, b);
  if (byVotes !== 0) return byVotes;
  const byUnits = maskIds(a, prepared.ids).length - maskIds(b, prepared.ids).length;
  if (byUnits !== 0) return byUnits;
  // Lowest differing unit first: the coalition holding the earlier unit comes first.
  const differ = a ^ b;
  const low = differ & -differ;
  return (a & low) !== 0 ? -1 : 1;
}

/** The bloc whose units are exactly `mask`, if any (so a declared coalition can be called `cf`). */
export function blocNamed(prepared: PreparedCouncil, mask: number): string | undefined {
  const blocs = new Map<string, number>();
  prepared.council.units.forEach((unit, u) => {
    for (const bloc of unit.blocs ?? []) blocs.set(bloc, (blocs.get(bloc) ?? 0) | (1 << u));
  });
  for (const [bloc, members] of blocs) if (members === mask) return bloc;
  return undefined;
}

/** `a + b + c`: the unit ids of `mask`. */
export function shortLabel(prepared: PreparedCouncil, mask: number): string {
  const ids = maskIds(mask, prepared.ids);
  return ids.length === 0 ? '(nobody)' : ids.join(' + ');
}

/** `cf (nabni 3 + state-of-law 3 + nsf 2)`: members with their present seats, named after the bloc they form. */
export function votesLabel(prepared: PreparedCouncil, mask: number, weights: Int32Array = prepared.weights): string {
  const parts: string[] = [];
  for (let u = 0; u < prepared.size; u++) if ((mask & (1 << u)) !== 0) parts.push(`${prepared.ids[u]!} ${weights[u]!}`);
  const inner = parts.length === 0 ? 'nobody' : parts.join(' + ');
  const bloc = blocNamed(prepared, mask);
  return bloc === undefined ? `(${inner})` : `${bloc} (${inner})`;
}

/** Units of `mask` that are required (exempt from the minimality test). */
export function requiredIn(prepared: PreparedCouncil, mask: number): number {
  let out = 0;
  for (let u = 0; u < prepared.size; u++) if ((mask & (1 << u)) !== 0 && prepared.roles[u] === ROLE_REQUIRED) out |= 1 << u;
  return out;
}
