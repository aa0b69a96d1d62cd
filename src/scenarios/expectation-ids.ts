/**
 * Every id an `expect:` entry names is resolved the way a step's ids are, so that a typo is a
 * validation error (exit 65, with the file, the path and a near miss) rather than a claim that passes
 * silently (`coalitionExcludes: [taqadum]`) or fails as an ordinary mismatch (`governorFrom: nabnii`).
 */
import type { DataIssue } from '../model/errors.js';
import { type DataDocument, type DataPath, located } from '../dataset/data-file.js';
import { suggest } from '../dataset/dataset-schema.js';
import type { Expectation } from './scenario-schema.js';
import type { ScenarioState } from './scenario-state.js';
import { existsAnywhere, isActor, knownRefs, resolveInCouncil } from './steps/resolve.js';

/** Ids a council claim may name there: units, lists, blocs, deals, dataset blocs and actors. */
function councilRefs(state: ScenarioState, councilId: string): Set<string> {
  const ids = new Set<string>(knownRefs(state, [councilId]));
  for (const bloc of Object.values(state.blocs)) if (bloc.councils[councilId]) ids.add(bloc.id);
  for (const deal of Object.values(state.deals)) if (deal.councils[councilId]) ids.add(deal.id);
  for (const family of Object.keys(state.families)) ids.add(family);
  for (const actor of state.actors) ids.add(actor.id);
  return ids;
}

/** Ids anywhere: every unit and list of every council, blocs, deals, dataset blocs, actors. */
function everyRef(state: ScenarioState): Set<string> {
  const ids = new Set<string>(knownRefs(state, state.councilOrder));
  for (const id of [...Object.keys(state.blocs), ...Object.keys(state.deals), ...Object.keys(state.families)]) ids.add(id);
  for (const actor of state.actors) ids.add(actor.id);
  return ids;
}

/** Issues for the ids of `expect[index]`, located in `document`. */
export function expectationIdIssues(state: ScenarioState, expectation: Expectation, index: number, document?: DataDocument): DataIssue[] {
  const issues: DataIssue[] = [];
  const at = (...path: (string | number)[]): DataPath => ['expect', index, ...path];
  const anywhere = (id: string, path: DataPath, what: string): void => {
    if (existsAnywhere(state, id)) return;
    issues.push(located(path, `unknown ${what} "${id}"${suggest(id, everyRef(state))}: not a unit, list, bloc, deal or actor of the scenario`, document));
  };
  const national = expectation.national;
  if (national) {
    national.seatsOf?.forEach((id, i) => anywhere(id, at('national', 'seatsOf', i), 'list or unit'));
    for (const party of Object.keys(national.governorsFrom ?? {})) anywhere(party, at('national', 'governorsFrom', party), 'party');
    return issues;
  }
  const councilId = expectation.council;
  if (councilId === undefined || !state.councils[councilId]) return issues;
  const inCouncil = (id: string, path: DataPath, what: string): void => {
    if (resolveInCouncil(state, councilId, id).length > 0 || isActor(state, id)) return;
    if (state.blocs[id] || state.deals[id] || state.families[id]) return;
    const elsewhere = existsAnywhere(state, id) ? ' (it sits in other councils only)' : '';
    const near = suggest(id, councilRefs(state, councilId)) || suggest(id, everyRef(state));
    issues.push(located(path, `unknown ${what} "${id}" in council ${councilId}${elsewhere}${near}`, document));
  };
  // A governor may come from outside the council: any party or actor of the scenario.
  if (typeof expectation.governorFrom === 'string') anywhere(expectation.governorFrom, at('governorFrom'), 'party');
  expectation.coalitionIncludes?.forEach((id, i) => inCouncil(id, at('coalitionIncludes', i), 'unit'));
  expectation.coalitionExcludes?.forEach((id, i) => inCouncil(id, at('coalitionExcludes', i), 'unit'));
  expectation.pivotalIncludes?.forEach((id, i) => inCouncil(id, at('pivotalIncludes', i), 'unit'));
  for (const [post, winner] of Object.entries(expectation.posts ?? {})) if (winner !== null) anywhere(winner, at('posts', post), 'party');
  return issues;
}
