/**
 * Plain-enumeration references for whole runs, so that the scenario, batch and explorer figures have an
 * in-run comparison like the power and council ones:
 *
 * - a scenario's councils analysed the obvious way: every coalition of units, then every coalition again
 *   for each single-seat change (`referenceAnalysis`), where the runner uses the DP numeric core;
 * - what an explorer edit recomputes for the open council (its analysis, Banzhaf swings and
 *   Shapley–Shubik values), by enumeration.
 */
import { prepareCouncil, type ReferenceAnalysis, referenceAnalysis } from '../../src/model/analysis/index.js';
import { absoluteMajority, type Council, memberCount, unitPresent } from '../../src/model/council.js';
import type { Rational } from '../../src/model/rational.js';
import { modelCouncil } from '../../src/scenarios/runner.js';
import type { LoadedScenario } from '../../src/scenarios/scenario-loader.js';
import { naiveBanzhafSwings, naiveShapleyShubik } from './naive-power.js';

/** Every council of the scenario's final state, analysed by enumeration. */
export function naiveScenarioAnalysis(scenario: LoadedScenario): ReferenceAnalysis[] {
  return scenario.state.councilOrder.map((id) => referenceAnalysis(prepareCouncil(modelCouncil(scenario.state, id))));
}

export interface NaiveCouncilRefresh {
  readonly analysis: ReferenceAnalysis;
  readonly banzhafSwings: number[];
  readonly shapleyShubik: Rational[];
}

/** One council's analysis and power indices (members present, absolute majority of all members), by enumeration. */
export function naiveCouncilRefresh(council: Council): NaiveCouncilRefresh {
  const weights = council.units.map(unitPresent);
  const quota = absoluteMajority(memberCount(council));
  return {
    analysis: referenceAnalysis(prepareCouncil(council)),
    banzhafSwings: naiveBanzhafSwings(weights, quota),
    shapleyShubik: naiveShapleyShubik(weights, quota),
  };
}
