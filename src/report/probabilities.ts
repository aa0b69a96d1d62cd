/**
 * The scenario's `probabilities:` block for the report: the same simulation `govsim simulate` runs by
 * default (exact where the model allows it, else seeded Monte Carlo with a fixed seed and draw count,
 * so a report is reproducible), reduced to what the page draws.
 */
import type { LoadedScenario } from '../scenarios/index.js';
import { exactSimulation, monteCarloSimulation, type ReportedProbability, simulationModel, simulationReport } from '../scenarios/simulate.js';

export interface ProbabilityFigure {
  readonly value: number;
  /** 95% interval (Monte Carlo only). */
  readonly low?: number;
  readonly high?: number;
}

export interface CouncilProbabilities {
  readonly council: string;
  readonly name: string;
  readonly coalition: readonly string[];
  readonly elected: ProbabilityFigure;
  readonly deadlock: ProbabilityFigure;
  readonly noQuorum: ProbabilityFigure;
  readonly blocGoverns: ProbabilityFigure;
}

export interface ReportProbabilities {
  readonly method: 'exact' | 'monte-carlo';
  /** How the figures were computed, in words. */
  readonly basis: string;
  readonly bloc: string;
  readonly councils: readonly CouncilProbabilities[];
  /** P(the bloc governs exactly k of the simulated councils), k = 0..N. */
  readonly distribution: readonly (ProbabilityFigure & { readonly k: number })[];
}

/** Monte Carlo settings when no exact answer exists: fixed, so the same scenario gives the same page. */
export const REPORT_SEED = 1;
export const REPORT_DRAWS = 20_000;

function figure(p: ReportedProbability): ProbabilityFigure {
  if (p.value !== undefined) return { value: p.value };
  if (p.monteCarlo) return { value: p.monteCarlo.estimate, low: p.monteCarlo.low, high: p.monteCarlo.high };
  return { value: Number.NaN };
}

/** Undefined when the scenario has no `probabilities:` block. Invalid blocks throw GovsimDataError (exit 65). */
export async function reportProbabilities(scenario: LoadedScenario): Promise<ReportProbabilities | undefined> {
  if (scenario.probabilities === undefined) return undefined;
  const simulation = simulationModel(scenario);
  const exact = exactSimulation(simulation.model);
  const exactOk = 'outcome' in exact;
  const monteCarlo = exactOk ? null : await monteCarloSimulation(simulation.model, { seed: REPORT_SEED, runs: REPORT_DRAWS, workers: 1 });
  const report = simulationReport(simulation, exact, monteCarlo, 1);
  const atLeast = report.national.atLeast.map((entry) => figure(entry));
  const distribution = atLeast.map((entry, k) => {
    const next = atLeast[k + 1];
    // P(exactly k) = P(≥ k) − P(≥ k+1); interval ends are not additive, so only the estimate is kept.
    return { k, value: Math.max(0, entry.value - (next?.value ?? 0)) };
  });
  return {
    method: exactOk ? 'exact' : 'monte-carlo',
    basis: exactOk
      ? 'exact probabilities (dynamic programme over seats)'
      : `Monte Carlo, seed ${REPORT_SEED}, ${REPORT_DRAWS.toLocaleString('en-US')} draws, Wilson 95% intervals (exact not available: ${exact.unavailable})`,
    bloc: report.bloc,
    councils: report.councils.map((council) => ({
      council: council.council,
      name: council.name,
      coalition: council.coalition,
      elected: figure(council.elected),
      deadlock: figure(council.deadlock),
      noQuorum: figure(council.noQuorum),
      blocGoverns: figure(council.blocGoverns),
    })),
    distribution,
  };
}
