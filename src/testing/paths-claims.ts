/**
 * Claims about "what would it take", for the matchers: the fewest partners a party needs to govern a
 * council, whether some units' exit breaks the governing majority, and how many governorships a
 * package of partners wins. They need the scenario itself (its alignments, vetoes and constraints),
 * not only its run, so a run is refused with a message saying so.
 */
import { GovsimUsageError } from '../model/errors.js';
import { packageOutcome } from '../model/paths/index.js';
import { ScenarioBuilder } from '../scenarios/builder.js';
import { packageInput, pathsCouncil, scenarioPaths } from '../scenarios/paths.js';
import { runScenario } from '../scenarios/runner.js';
import { type LoadedScenario, loadScenario, scenarioFromDocument } from '../scenarios/scenario-loader.js';
import type { Verdict } from './council-claims.js';
import { isScenarioRun } from './subject.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The loaded scenario behind a matcher's received value (a path or name, a loaded scenario, a builder or a document). */
export function scenarioOf(subject: unknown): LoadedScenario {
  if (typeof subject === 'string') return loadScenario(subject);
  if (isScenarioRun(subject)) {
    throw new GovsimUsageError('paths matchers need the scenario, not its run (its deals, blocs and vetoes decide who may join): pass the builder, the loaded scenario or its name');
  }
  if (isRecord(subject) && isRecord(subject['state']) && Array.isArray(subject['transitions'])) return subject as unknown as LoadedScenario;
  if (subject instanceof ScenarioBuilder) return subject.load();
  if (isRecord(subject) && typeof subject['load'] === 'function') return (subject as unknown as Pick<ScenarioBuilder, 'load'>).load();
  if (isRecord(subject) && typeof subject['name'] === 'string') return scenarioFromDocument(subject);
  throw new GovsimUsageError('expected a scenario: a path or bundled name, a loaded scenario, a builder or a scenario document');
}

/** The fewest partners any partner set needs to bring `party` to the threshold in `council` (0: it reaches it already). */
export function needsPartners(scenario: LoadedScenario, council: string, party: string, count: number): Verdict {
  const result = scenarioPaths(scenario, { for: party, councils: [council], limit: 50 }).councils[0]!;
  const partners = result.paths.filter((path) => path.kind === 'partners');
  const claim = `${party} needs ${count} partner${count === 1 ? '' : 's'} to reach ${result.threshold} in ${council}`;
  if (result.blocked !== undefined) return { pass: false, claim, actual: `${party} cannot govern ${council}: ${result.blocked}`, arithmetic: [] };
  const fewest = result.deficit <= 0 ? 0 : result.fewestPartners?.add.length;
  // Up to three listed sets of that size, else the one the fewest-partner search found.
  const listed = partners.filter((path) => path.add.length === fewest).slice(0, 3);
  const best = listed.length > 0 || result.fewestPartners === null ? listed : [result.fewestPartners];
  return {
    pass: fewest === count,
    claim,
    actual: fewest === undefined ? `no set of partners brings ${party} to ${result.threshold}` : fewest === 0 ? `${party} has ${result.votes} ≥ ${result.threshold} already` : `at least ${fewest} partner${fewest === 1 ? '' : 's'}`,
    arithmetic: [`${party}: ${result.votes} of ${result.threshold}, short by ${Math.max(0, result.deficit)}`, ...best.map((path) => `${path.add.join(' + ')}: ${path.arithmetic} (${path.confidence})`)],
  };
}

/** The exit of `units` from the governing alignment drops it below the threshold. */
export function breaksWithout(scenario: LoadedScenario, councilId: string, units: readonly string[]): Verdict {
  // Nobody leaving breaks nothing; a claim about no one is a mistake in the test, not a failure of the council.
  if (units.length === 0) throw new GovsimUsageError('toBreakWithout needs at least one unit or party leaving');
  const run = runScenario(scenario);
  const council = pathsCouncil(scenario, run, councilId);
  const members = council.units.filter((unit) => unit.alignment === council.governing);
  const claim = `the governing majority in ${councilId} breaks without ${units.join(', ')}`;
  if (council.governing === null) return { pass: false, claim, actual: `nobody governs ${councilId}`, arithmetic: [] };
  const known = new Set(council.units.map((unit) => unit.id));
  for (const id of units) if (!known.has(id) && !council.units.some((unit) => unit.party === id)) throw new GovsimUsageError(`unknown unit "${id}" in council ${councilId} (units: ${[...known].join(', ')})`);
  const votes = members.reduce((total, unit) => total + unit.present, 0);
  const leaving = members.filter((unit) => units.includes(unit.id) || units.includes(unit.party));
  const after = votes - leaving.reduce((total, unit) => total + unit.present, 0);
  return {
    pass: after < council.threshold,
    claim,
    actual: `${council.governing} keeps ${after} of ${council.threshold}`,
    arithmetic: [`${council.governing}: ${votes} − ${leaving.map((unit) => `${unit.id} ${unit.present}`).join(' − ') || '0'} = ${after} ${after < council.threshold ? '<' : '≥'} ${council.threshold}`],
  };
}

/** The package of `partners` gives `party` at least `councils` governorships. */
export function winsWithPackage(scenario: LoadedScenario, party: string, partners: readonly string[], councils: number): Verdict {
  const input = packageInput(scenario, { for: party, candidates: [...partners] });
  const outcome = packageOutcome(input, partners);
  return {
    pass: outcome.won >= councils,
    claim: `${party} with ${partners.join(' + ') || 'no partner'} governs at least ${councils} council${councils === 1 ? '' : 's'}`,
    actual: `${outcome.won} won, ${outcome.lost} lost, ${outcome.open} open`,
    arithmetic: outcome.councils.map((council) => `${council.council}: ${council.status}: ${council.arithmetic}`),
  };
}
