/**
 * Questions a caller asks about one council of a run beyond what the run result lists: a coalition
 * other than the governing one measured against the run's threshold, the analysis with that
 * coalition declared, and the council as a voting game. Every answer comes from the runner's own model
 * council and council analysis, so the explorer (or any caller) has no arithmetic of its own and never
 * reaches into the runner's internals.
 */
import type { Council } from '../model/council.js';
import { presentCount } from '../model/council.js';
import { councilGame } from '../model/power/council-game.js';
import type { WeightedGame } from '../model/power/weighted-game.js';
import { analyze, type RunAnalysis } from './council-analysis.js';
import { type CouncilResult, modelCouncil } from './runner.js';
import type { ScenarioState } from './scenario-state.js';

/** A coalition's present votes against the council's threshold (the run's `majority`). */
export interface CoalitionCheck {
  readonly votes: number;
  readonly needed: number;
  readonly margin: number;
  /** The quorum is met and the votes reach the threshold. */
  readonly majority: boolean;
}

/** Model councils per state: a state is immutable, so each council is converted once for it. */
const models = new WeakMap<ScenarioState, Map<string, Council>>();

function councilModel(state: ScenarioState, councilId: string): Council {
  const byCouncil = models.get(state) ?? new Map<string, Council>();
  const model = byCouncil.get(councilId) ?? modelCouncil(state, councilId);
  models.set(state, byCouncil.set(councilId, model));
  return model;
}

/** The governing coalition's voting units (defectors' units included; zero-seat actors left out). */
export function governingUnits(state: ScenarioState, result: CouncilResult): string[] {
  const actors = new Set(state.actors.map((actor) => actor.id));
  return result.outcome.coalition.filter((id) => !actors.has(id));
}

/**
 * The check of a coalition in a council of the run made from `state`: the governing one as the run
 * decided it, any other by its units' present votes against the same threshold and quorum.
 */
export function coalitionCheck(state: ScenarioState, result: CouncilResult, units: readonly string[], governing: boolean): CoalitionCheck {
  if (governing) {
    const { outcome } = result;
    return { votes: outcome.votes, needed: outcome.needed, margin: outcome.votes - outcome.needed, majority: outcome.status === 'elected' };
  }
  const model = councilModel(state, result.id);
  const votes = presentCount({ ...model, units: model.units.filter((unit) => units.includes(unit.id)) });
  return { votes, needed: result.majority, margin: votes - result.majority, majority: result.quorum.met && votes >= result.majority };
}

/** The runner's council analysis with `coalition` declared (pivotal members, hinges), memoised by content. */
export function coalitionAnalysis(state: ScenarioState, councilId: string, coalition: readonly string[] | undefined): RunAnalysis {
  return analyze(councilModel(state, councilId), coalition);
}

/** The council as the weighted voting game the power indices take (the library's `councilGame`). */
export function votingGame(state: ScenarioState, councilId: string): WeightedGame {
  return councilGame(councilModel(state, councilId));
}
