/**
 * Coalition-formation theories applied to the minimal winning coalitions: Riker's size principle
 * (fewest seats), Leiserson's bargaining proposition (fewest parties), and Axelrod's minimal connected
 * winning coalitions on an ideological order.
 */
import { RULES } from '../explanation.js';
import { coalitionOf, sortMasks, votesOf } from './coalition-text.js';
import type { FastAnalysis } from './fast-analysis.js';
import { popcount } from './minimal-winning.js';
import { type PreparedCouncil, ROLE_REQUIRED } from './prepared-council.js';
import type { Prediction } from './types.js';

/** The predictions for `prepared`: minimum winning, fewest parties, and (with an order) minimal connected winning. */
export function predictionsFor(prepared: PreparedCouncil, fast: FastAnalysis, sortedMinimal: readonly number[]): Prediction[] {
  const predictions: Prediction[] = [
    {
      theory: 'minimum-winning',
      label: `minimum winning coalition: fewest seats (${RULES.minimumWinning.citation})`,
      rule: RULES.minimumWinning.citation,
      coalitions: sortedMinimal.filter((mask) => votesOf(prepared, mask) === fast.fewestVotes).map((mask) => coalitionOf(prepared, mask)),
    },
    {
      theory: 'fewest-parties',
      label: `bargaining proposition: fewest parties (${RULES.bargaining.citation})`,
      rule: RULES.bargaining.citation,
      coalitions: sortedMinimal.filter((mask) => popcount(mask) === fast.fewestUnits).map((mask) => coalitionOf(prepared, mask)),
    },
  ];
  if (prepared.resolved.order.length > 0) {
    predictions.push({
      theory: 'minimal-connected-winning',
      label: `minimal connected winning (${RULES.minimalConnected.citation})`,
      rule: RULES.minimalConnected.citation,
      coalitions: sortMasks(prepared, minimalConnectedWinning(prepared)).map((mask) => coalitionOf(prepared, mask)),
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
      if ((conflicts[u]! & mask) !== 0) break; // every longer interval holds the same incompatible pair
      mask |= 1 << u;
      votes += weights[u]!;
      if (votes < quota || (mask & requiredMask) !== requiredMask) continue;
      // The shortest winning interval from i; longer ones keep it inside, so they are not minimal.
      const left = order[i]!;
      const leftRemovable = i < j && roles[left] !== ROLE_REQUIRED;
      const rightRemovable = roles[u] !== ROLE_REQUIRED;
      const leftCritical = !leftRemovable || votes - weights[left]! < quota;
      const rightCritical = !rightRemovable || votes - weights[u]! < quota;
      if (leftCritical && rightCritical) found.push(mask);
      break;
    }
  }
  return found;
}
