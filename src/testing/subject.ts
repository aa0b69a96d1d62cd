/**
 * What a govsim matcher accepts as the received value, and how it becomes a scenario run: a run is
 * used as is; a loaded scenario, a builder or a scenario document is run; a string is a scenario file
 * path or a bundled scenario name, loaded from the working directory and run.
 */
import { GovsimUsageError } from '../model/errors.js';
import { ScenarioBuilder } from '../scenarios/builder.js';
import type { CouncilResult, ScenarioRun } from '../scenarios/runner.js';
import { runScenario } from '../scenarios/runner.js';
import { type LoadedScenario, loadScenario, scenarioFromDocument } from '../scenarios/scenario-loader.js';
import type { ScenarioDocument } from '../scenarios/scenario-schema.js';

/** A scenario in any of the forms the matchers accept. */
export type ScenarioSubject = ScenarioRun | LoadedScenario | ScenarioBuilder | ScenarioDocument | string;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isScenarioRun(value: unknown): value is ScenarioRun {
  return isRecord(value) && Array.isArray(value['councils']) && isRecord(value['national']) && typeof value['scenario'] === 'string';
}

function isLoadedScenario(value: unknown): value is LoadedScenario {
  return isRecord(value) && isRecord(value['state']) && Array.isArray(value['transitions']) && isRecord(value['dataset']);
}

/** A builder from this copy of govsim, or one that quacks like it (another copy of the package). */
function isBuilder(value: unknown): value is Pick<ScenarioBuilder, 'run'> {
  if (value instanceof ScenarioBuilder) return true;
  return isRecord(value) && typeof value['run'] === 'function' && typeof value['toDocument'] === 'function';
}

function isDocument(value: unknown): value is ScenarioDocument {
  return isRecord(value) && typeof value['name'] === 'string' && !('councils' in value);
}

/** Runs of loaded scenarios, so repeated assertions on one scenario run it once. */
const runs = new WeakMap<LoadedScenario, ScenarioRun>();

/** What a non-string subject is, for a failure message (strings are paths and never reach here). */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return `an object with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}`;
    case 'function':
      return 'a function';
    case 'number':
    case 'bigint':
    case 'boolean':
      return `${typeof value} ${value.toString()}`;
    default:
      return typeof value;
  }
}

/**
 * The run a matcher asserts on. Throws GovsimUsageError for a value that is no scenario, and the
 * loader's GovsimError (missing file, invalid data) for a bad path or document.
 */
export function runOf(subject: unknown): ScenarioRun {
  if (typeof subject === 'string') return runScenario(loadScenario(subject));
  if (isScenarioRun(subject)) return subject;
  if (isLoadedScenario(subject)) {
    let run = runs.get(subject);
    if (!run) {
      run = runScenario(subject);
      runs.set(subject, run);
    }
    return run;
  }
  if (isBuilder(subject)) return subject.run();
  if (isDocument(subject)) return runScenario(scenarioFromDocument(subject));
  throw new GovsimUsageError(
    `expected a scenario run, a loaded scenario, a scenario builder, a scenario document or a scenario path or name; received ${describeValue(subject)}`,
  );
}

/** One council of a run; an unknown id is a usage error listing the councils. */
export function councilOf(run: ScenarioRun, councilId: string): CouncilResult {
  if (typeof councilId !== 'string') throw new GovsimUsageError(`expected a council id (a string), received ${describeValue(councilId)}`);
  const council = run.councils.find((entry) => entry.id === councilId);
  if (!council) {
    throw new GovsimUsageError(`unknown council "${councilId}" in scenario ${run.id} (councils: ${run.councils.map((entry) => entry.id).join(', ')})`);
  }
  return council;
}

/**
 * Checks that a party id exists somewhere in the run (a unit, or a list split into factions), so a
 * typo fails loudly instead of making `.not` assertions pass. A party may hold no seat in one council.
 */
export function assertKnownParty(run: ScenarioRun, council: CouncilResult, id: unknown, role: string): string {
  if (typeof id !== 'string') throw new GovsimUsageError(`expected ${role} as an id (a string), received ${describeValue(id)}`);
  // A unit or list anywhere in the run, or a governor named from outside a council (a party or actor without seats there).
  const known =
    run.councils.some((entry) => entry.units.some((unit) => unit.id === id || unit.parent === id)) ||
    run.councils.some((entry) => entry.alignments.some((alignment) => alignment.governor === id));
  if (!known) {
    throw new GovsimUsageError(`unknown ${role} "${id}" in scenario ${run.id} (units in ${council.id}: ${council.units.map((unit) => unit.id).join(', ')})`);
  }
  return id;
}

/** Whether a unit is the party itself or one of its factions. */
export function unitOfParty(unit: { readonly id: string; readonly parent?: string }, party: string): boolean {
  return unit.id === party || unit.parent === party;
}
