/**
 * Scenario reports: the HTML page (`govsim report`) and a council's hemicycle as a standalone SVG
 * (`govsim report --format svg`), both plain markup built by code. Pure: returns strings; the caller writes.
 */
import { GovsimUsageError } from '../model/errors.js';
import { diffRuns, type LoadedScenario, runScenario, type ScenarioRun } from '../scenarios/index.js';
import { reportData } from './adapter.js';
import { renderHemicycle } from './hemicycle.js';
import { colourRanking, coloursFor, renderPage } from './page.js';
import { reportProbabilities } from './probabilities.js';

export type { ReportAlignment, ReportCouncil, ReportData, ReportSource, ReportUnit, SeatConfidence } from './adapter.js';
export { reportData } from './adapter.js';
export { hemicycleLayout, type HemicycleLayout, type SeatPosition } from './hemicycle.js';

export interface ReportOptions {
  /** The scenario to compare with (the baseline); its changes get a section of their own. */
  readonly against?: LoadedScenario;
  /** Include the `probabilities:` block's figures when the scenario has one (default true). */
  readonly probabilities?: boolean;
  /** A run of `scenario` already at hand (saves running it again). */
  readonly run?: ScenarioRun;
}

/** Units of the state that belong to the dataset's focus bloc (the CF), by their families. */
function focusUnits(scenario: LoadedScenario): Set<string> {
  const bloc = scenario.dataset.data.meta.focusBloc;
  const units = new Set<string>();
  if (!bloc) return units;
  for (const council of Object.values(scenario.state.councils)) for (const unit of council.units) if (unit.families.includes(bloc)) units.add(unit.id);
  for (const member of scenario.state.families[bloc] ?? []) units.add(member);
  return units;
}

/**
 * The report page for a scenario: one self-contained HTML document. Asynchronous only because a
 * `probabilities:` block without an exact answer is estimated by seeded Monte Carlo.
 */
export async function scenarioReport(scenario: LoadedScenario, options: ReportOptions = {}): Promise<string> {
  const run = options.run ?? runScenario(scenario);
  const data = reportData(scenario, run);
  const against = options.against;
  let diff: { diff: ReturnType<typeof diffRuns>; before: ReturnType<typeof reportData> } | undefined;
  if (against && !sameScenario(against, scenario)) {
    const before = runScenario(against);
    diff = { diff: diffRuns(before, run), before: reportData(against, before) };
  }
  const probabilities = options.probabilities === false ? undefined : await reportProbabilities(scenario);
  return renderPage({ data, ...(diff ? { diff } : {}), ...(probabilities ? { probabilities } : {}), focusUnits: focusUnits(scenario) });
}

function sameScenario(a: LoadedScenario, b: LoadedScenario): boolean {
  return a === b || (a.file !== undefined && a.file === b.file);
}

export interface HemicycleSvgOptions {
  readonly run?: ScenarioRun;
  /** Caption at the top (default: council name and scenario). */
  readonly caption?: string;
}

/** One council's hemicycle as a standalone SVG file (own patterns, legend and key), for slides. */
export function councilHemicycleSvg(scenario: LoadedScenario, councilId: string, options: HemicycleSvgOptions = {}): string {
  const run = options.run ?? runScenario(scenario);
  const result = run.councils.find((council) => council.id === councilId);
  if (!result) throw new GovsimUsageError(`unknown council "${councilId}" (councils: ${run.councils.map((council) => council.id).join(', ')})`);
  const data = reportData(scenario, run);
  const council = data.councils.find((entry) => entry.id === councilId)!;
  const colours = coloursFor(council, colourRanking([data]));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderHemicycle(council, {
    idPrefix: 'gs-',
    standalone: true,
    caption: options.caption ?? `${council.name} — ${run.scenario}`,
    colours,
  })}\n`;
}
