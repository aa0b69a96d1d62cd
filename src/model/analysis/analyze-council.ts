/**
 * `analyzeCouncil`: the full, readable analysis of one council — thresholds and quorum, the declared
 * coalition's check, the admissible winning and minimal winning coalitions, theory predictions, hinge
 * seats, power indices and an explanation trace citing the rules.
 */
import { type Council, majorityText, quorumBasisText } from '../council.js';
import { type ExplanationLine, explain, note, scenarioRule } from '../explanation.js';
import { banzhaf, shapleyShubik, type WeightedGame } from '../power/index.js';
import { coalitionOf, sortMasks, votesLabel } from './coalition-text.js';
import { analyzeFast, type FastAnalysis } from './fast-analysis.js';
import { hingeSeats } from './hinges.js';
import { predictionsFor } from './predictions.js';
import { maskIds, prepareCouncil, type PreparedCouncil, roleName } from './prepared-council.js';
import type { AnalysisOptions, CoalitionCheck, CouncilAnalysis, CouncilPower, HingeSeat, Prediction, UnitSummary, WinningCoalitions } from './types.js';
import { hasUnit } from './unit-masks.js';

/**
 * Analyses `council` (units = lists, factions or single members; weights = present seats) under the
 * council's constraints merged with `options`. Throws GovsimUsageError for unknown ids in `options`,
 * GovsimDataError for malformed council data.
 */
export function analyzeCouncil(council: Council, options: AnalysisOptions = {}): CouncilAnalysis {
  const prepared = prepareCouncil(council, options);
  const fast = analyzeFast(prepared, { power: options.power !== false });
  return presentAnalysis(prepared, fast, options.hingeCoalitions ?? DEFAULT_HINGE_COALITIONS);
}

/** Minimal winning coalitions each hinge lists as lost or gained, unless `hingeCoalitions` says otherwise. */
export const DEFAULT_HINGE_COALITIONS = 10;

/** Builds the readable analysis from a prepared council and its numeric results. */
export function presentAnalysis(prepared: PreparedCouncil, fast: FastAnalysis, listLimit = DEFAULT_HINGE_COALITIONS): CouncilAnalysis {
  const { council } = prepared;
  const sortedMinimal = sortMasks(prepared, fast.minimal);
  const units: UnitSummary[] = council.units.map((unit, u) => ({
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    seats: unit.seats,
    present: prepared.weights[u]!,
    blocs: unit.blocs ?? [],
    role: roleName(prepared, u),
  }));
  const coalition = prepared.declaredMask === -1 ? undefined : coalitionCheck(prepared, fast);
  const winning: WinningCoalitions = {
    count: fast.winningCount,
    minimal: sortedMinimal.map((mask) => coalitionOf(prepared, mask)),
    minimalCount: fast.minimalCount,
    minimalCountExact: fast.minimalCountExact,
  };
  const predictions = predictionsFor(prepared, fast, sortedMinimal);
  const hinges = hingeSeats(prepared, fast, sortedMinimal, listLimit);
  const power = fast.swings === undefined ? undefined : councilPower(prepared);
  const explanation = explanationOf(prepared, fast, coalition, winning, predictions, hinges, power);
  return {
    council: council.id,
    name: council.name,
    members: prepared.members,
    majority: prepared.majority,
    present: prepared.present,
    quorum: { needed: prepared.quorum, present: prepared.present, met: fast.quorumMet },
    units,
    ...(coalition === undefined ? {} : { coalition }),
    winning,
    predictions,
    hinges,
    ...(power === undefined ? {} : { power }),
    explanation,
  };
}

function coalitionCheck(prepared: PreparedCouncil, fast: FastAnalysis): CoalitionCheck {
  const mask = prepared.declaredMask;
  const votes = fast.declaredVotes;
  const needed = prepared.majority;
  const margin = votes - needed;
  const majority = fast.majorityForms;
  const pivotal: string[] = [];
  const swingUnits: string[] = [];
  let swingMembers = 0;
  for (let u = 0; u < prepared.size; u++) {
    if (!hasUnit(mask, u)) continue;
    const weight = prepared.weights[u]!;
    if (majority && weight > margin) pivotal.push(prepared.ids[u]!);
    if (majority && margin === 0 && weight > 0) {
      swingUnits.push(prepared.ids[u]!);
      swingMembers += weight;
    }
  }
  const violations = coalitionViolations(prepared, mask);
  return {
    units: maskIds(mask, prepared.ids),
    votes,
    needed,
    majority,
    margin,
    pivotal,
    swingUnits,
    swingMembers,
    admissible: violations.length === 0,
    violations,
  };
}

/** Why a coalition breaks the constraints, one reason per line. */
export function coalitionViolations(prepared: PreparedCouncil, mask: number): string[] {
  const reasons: string[] = [];
  const { ids, resolved } = prepared;
  const missing = resolved.required.filter((id) => !hasUnit(mask, ids.indexOf(id)));
  if (missing.length > 0) reasons.push(`leaves out required ${missing.join(', ')}`);
  const excluded = resolved.excluded.filter((id) => hasUnit(mask, ids.indexOf(id)));
  if (excluded.length > 0) reasons.push(`includes excluded ${excluded.join(', ')}`);
  for (const [a, b] of resolved.incompatible) {
    if (hasUnit(mask, ids.indexOf(a)) && hasUnit(mask, ids.indexOf(b))) reasons.push(`includes incompatible ${a} × ${b}`);
  }
  return reasons;
}

function councilPower(prepared: PreparedCouncil): CouncilPower {
  const weights = [...prepared.weights];
  const game: WeightedGame = { quota: prepared.majority, weights, names: prepared.ids };
  return { quota: prepared.majority, weights, banzhaf: banzhaf(game), shapleyShubik: shapleyShubik(game) };
}

const PREDICTION_TEXT = {
  'minimum-winning': 'minimal winning with the fewest seats',
  'fewest-parties': 'minimal winning with the fewest parties',
  'minimal-connected-winning': 'minimal connected winning on the order',
} as const;

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function explanationOf(
  prepared: PreparedCouncil,
  fast: FastAnalysis,
  coalition: CoalitionCheck | undefined,
  winning: WinningCoalitions,
  predictions: readonly Prediction[],
  hinges: readonly HingeSeat[],
  power: CouncilPower | undefined,
): ExplanationLine[] {
  const { members, majority, present, resolved, council } = prepared;
  const lines: ExplanationLine[] = [
    (council.rules?.majority === undefined ? explain : scenarioRule)('absoluteMajority', majorityText(council, members, majority)),
  ];
  const absent: string[] = [];
  council.units.forEach((unit, u) => {
    if (unit.seats > prepared.weights[u]!) absent.push(`${unit.id} ${unit.seats - prepared.weights[u]!}`);
  });
  lines.push(
    (council.rules?.quorum === undefined ? explain : scenarioRule)(
      'quorum',
      `present ${present} of ${members} ${fast.quorumMet ? '≥' : '<'} ${prepared.quorum}${quorumBasisText(council)} ⇒ quorum ${fast.quorumMet ? 'met' : 'not met: no vote can be held'}${absent.length > 0 ? ` (absent: ${absent.join(', ')})` : ''}`,
    ),
  );
  if (resolved.required.length > 0) lines.push(note(`required in every coalition: ${resolved.required.join(', ')}`));
  if (resolved.excluded.length > 0) lines.push(note(`excluded from every coalition: ${resolved.excluded.join(', ')}`));
  if (resolved.excludedByRequired.length > 0) lines.push(note(`excluded as incompatible with a required unit: ${resolved.excludedByRequired.join(', ')}`));
  if (resolved.incompatible.length > 0) {
    const shown = resolved.incompatible.slice(0, 6).map(([a, b]) => `${a} × ${b}`);
    const more = resolved.incompatible.length - shown.length;
    lines.push(note(`incompatible: ${shown.join(', ')}${more > 0 ? ` and ${more} more pairs` : ''}`));
  }
  if (prepared.infeasible) lines.push(note('the constraints contradict each other: no admissible coalition exists'));

  if (coalition !== undefined) {
    const label = votesLabel(prepared, prepared.declaredMask);
    const reaches = coalition.votes >= coalition.needed;
    const verdict = reaches
      ? fast.quorumMet
        ? `majority, margin ${coalition.margin}`
        : 'enough votes, but without quorum no vote is held'
      : `no majority, short by ${-coalition.margin}`;
    lines.push(explain('absoluteMajority', `${label} = ${coalition.votes} ${reaches ? '≥' : '<'} ${coalition.needed} ⇒ ${verdict}`));
    if (coalition.majority) {
      if (coalition.margin === 0) {
        lines.push(note(`margin 0: each of its ${coalition.swingMembers} present members is a swing vote; one defection or absence breaks it`));
      } else if (coalition.pivotal.length > 0) {
        lines.push(note(`pivotal (each holds more than the margin of ${coalition.margin}): ${coalition.pivotal.join(', ')}`));
      } else {
        lines.push(note(`no single unit is pivotal: each holds at most the margin of ${coalition.margin}`));
      }
    }
    if (!coalition.admissible) lines.push(note(`the declared coalition breaks the constraints: ${coalition.violations.join('; ')}`));
  }

  const minimalCount = winning.minimalCount;
  const listed = winning.minimal.length;
  lines.push(
    note(
      minimalCount === 0
        ? `no admissible coalition of those present reaches ${majority}`
        : `${winning.count} admissible winning coalition${winning.count === 1 ? '' : 's'} of units, ${winning.minimalCountExact ? '' : 'more than '}${minimalCount} of them minimal (every member needed)${listed < minimalCount || !winning.minimalCountExact ? `; the first ${listed} found are listed` : ''}`,
    ),
  );
  for (const prediction of predictions) {
    const ruleId = prediction.theory === 'minimum-winning' ? 'minimumWinning' : prediction.theory === 'fewest-parties' ? 'bargaining' : 'minimalConnected';
    const shownHere = prediction.coalitions.slice(0, 3).map((c) => `${c.units.join(' + ')} (${c.votes})`);
    const more = prediction.coalitions.length - shownHere.length;
    const theory = PREDICTION_TEXT[prediction.theory];
    lines.push(
      explain(
        ruleId,
        prediction.coalitions.length === 0
          ? // Never incomplete: a list cut short holds the fewest (by seats and by parties) of what it found,
            // and without incompatibilities the fewest are searched for again.
            `${theory}: none`
          : `${theory}: ${shownHere.join('; ')}${more > 0 ? `; and ${prediction.complete ? '' : 'at least '}${more} more` : ''}`,
      ),
    );
  }

  const flips = hinges.filter((hinge) => hinge.flips);
  lines.push(
    note(
      `${flips.length} single-seat ${flips.length === 1 ? 'change flips' : 'changes flip'} whether a majority forms; ${hinges.length - flips.length} more ${hinges.length - flips.length === 1 ? 'changes' : 'change'} who can form it (${fast.hingeCount} before folding alike ones)`,
    ),
  );
  if (flips[0] !== undefined) lines.push(note(`most important: ${flips[0].text}`));

  if (power !== undefined) {
    const strongest = (result: CouncilPower['banzhaf']): string => {
      // Power is computed only when those present can reach the majority (at least 1): a player exists.
      const best = [...result.players].sort((a, b) => b.float - a.float)[0]!;
      return `${best.name} ${percent(best.float)}`;
    };
    lines.push(explain('banzhaf', `weights = present seats, quota ${power.quota}: largest share ${strongest(power.banzhaf)}`));
    lines.push(explain('shapleyShubik', `largest share ${strongest(power.shapleyShubik)}`));
  } else if (present < majority) {
    lines.push(note(`power indices undefined: those present (${present}) cannot reach ${majority}`));
  }
  return lines;
}
