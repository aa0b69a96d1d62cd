/**
 * Coalition-formation theories applied to the minimal winning coalitions: Riker's size principle
 * (fewest seats), Leiserson's bargaining proposition (fewest parties), and Axelrod's minimal connected
 * winning coalitions on an ideological order.
 */
import { RULES } from '../explanation.js';
import { coalitionOf, sortMasks, votesOf } from './coalition-text.js';
import type { FastAnalysis } from './fast-analysis.js';
import { enumerateWithUnits, enumerateWithVotes, MAX_LISTED_MINIMAL, popcount } from './minimal-winning.js';
import { type PreparedCouncil, ROLE_REQUIRED } from './prepared-council.js';
import type { Prediction } from './types.js';
import { maskIntersection, unitBit } from './unit-masks.js';

/** The predictions for `prepared`: minimum winning, fewest parties, and (with an order) minimal connected winning. */
export function predictionsFor(prepared: PreparedCouncil, fast: FastAnalysis, sortedMinimal: readonly number[]): Prediction[] {
  const listedAll = sortedMinimal.length >= fast.minimalCount && fast.minimalCountExact;
  let fewestSeats = sortedMinimal.filter((mask) => votesOf(prepared, mask) === fast.fewestVotes);
  let fewestParties = sortedMinimal.filter((mask) => popcount(mask) === fast.fewestUnits);
  let complete = listedAll;
  // Listed in part, so at least one minimal coalition exists.
  if (!listedAll && prepared.constrainedMask === 0 && !prepared.infeasible) {
    // The listing stopped early: search for exactly these coalitions instead, listing at most as many.
    const { searchOrder, weights, requiredMask, requiredWeight, requiredUnits, majority } = prepared;
    const bySeats: number[] = [];
    enumerateWithVotes(searchOrder, weights, requiredMask, requiredWeight, fast.fewestVotes, bySeats, MAX_LISTED_MINIMAL + 1);
    const byParties: number[] = [];
    enumerateWithUnits(searchOrder, weights, requiredMask, requiredWeight, requiredUnits, majority, fast.fewestUnits, byParties, MAX_LISTED_MINIMAL + 1);
    complete = bySeats.length <= MAX_LISTED_MINIMAL && byParties.length <= MAX_LISTED_MINIMAL;
    fewestSeats = sortMasks(prepared, bySeats.slice(0, MAX_LISTED_MINIMAL));
    fewestParties = sortMasks(prepared, byParties.slice(0, MAX_LISTED_MINIMAL));
  }
  const predictions: Prediction[] = [
    {
      theory: 'minimum-winning',
      label: `minimum winning coalition: fewest seats (${RULES.minimumWinning.citation})`,
      rule: RULES.minimumWinning.citation,
      coalitions: fewestSeats.map((mask) => coalitionOf(prepared, mask)),
      complete,
    },
    {
      theory: 'fewest-parties',
      label: `bargaining proposition: fewest parties (${RULES.bargaining.citation})`,
      rule: RULES.bargaining.citation,
      coalitions: fewestParties.map((mask) => coalitionOf(prepared, mask)),
      complete,
    },
  ];
  if (prepared.resolved.order.length > 0) {
    predictions.push({
      theory: 'minimal-connected-winning',
      label: `minimal connected winning (${RULES.minimalConnected.citation})`,
      rule: RULES.minimalConnected.citation,
      coalitions: sortMasks(prepared, minimalConnectedWinning(prepared)).map((mask) => coalitionOf(prepared, mask)),
      complete: true,
    });
  }
  return predictions;
}

/**
 * Intervals of the ideological order (units not excluded) that are admissible and winning and lose when
 * either end leaves (removing an inner member disconnects them). Required units must lie inside.
 */
export function minimalConnectedWinning(prepared: PreparedCouncil): number[] {
  const { order, weights, conflicts, majority: quota, requiredMask, roles } = prepared;
  const found: number[] = [];
  if (prepared.infeasible) return found;
  for (let i = 0; i < order.length; i++) {
    let mask = 0;
    let votes = 0;
    for (let j = i; j < order.length; j++) {
      const u = order[j]!;
      if (maskIntersection(conflicts[u]!, mask) !== 0) break; // every longer interval holds the same incompatible pair
      mask += unitBit(u);
      votes += weights[u]!;
      if (votes < quota || maskIntersection(mask, requiredMask) !== requiredMask) continue;
      // The shortest winning interval from i; longer ones keep it inside, so they are not minimal. Its
      // right end is always needed: without it the interval was below the quota, or it was winning but
      // lacked a required unit, which can only be u itself. So only the left end is tested.
      const left = order[i]!;
      if (roles[left] === ROLE_REQUIRED || votes - weights[left]! < quota) found.push(mask);
      break;
    }
  }
  return found;
}
