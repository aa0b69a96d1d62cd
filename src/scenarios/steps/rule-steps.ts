/**
 * Steps that constrain outcomes rather than seats: vetoes on a party's candidate, incompatible pairs,
 * the A/B/C grouping override and package ballots.
 */
import type { Draft } from 'immer';
import { GROUPS, type StepOf } from '../scenario-schema.js';
import type { ScenarioState } from '../scenario-state.js';
import { record } from './provenance.js';
import { councilOf, describeCouncils, existsAnywhere, isActor, knownRefs, resolveInCouncil, selectCouncils } from './resolve.js';
import { known, StepError } from './step-error.js';

type State = Draft<ScenarioState>;

function resolvesIn(state: ScenarioState, councils: readonly string[], ref: string): boolean {
  return isActor(state, ref) || councils.some((councilId) => resolveInCouncil(state, councilId, ref).length > 0);
}

export function applyVeto(state: State, step: StepOf<'veto'>, index: number): void {
  const { actor, against } = step.veto;
  if (!existsAnywhere(state, actor)) {
    throw new StepError('veto.actor', `unknown actor "${actor}" ${known(state.actors.map((a) => a.id), 'actors')}; a list or bloc id also works`);
  }
  const councils = selectCouncils(state, step.veto.councils, 'veto.councils');
  against.forEach((ref, i) => {
    if (isActor(state, ref)) throw new StepError(`veto.against[${i}]`, `"${ref}" holds no seats and fields no candidate`);
    if (!resolvesIn(state, councils, ref)) {
      throw new StepError(`veto.against[${i}]`, `unknown unit or list "${ref}" in ${describeCouncils(councils, state.councilOrder.length)} ${known(knownRefs(state, councils))}`);
    }
  });
  state.vetoes.push({ actor, against: [...against], councils, step: index });
  for (const councilId of councils) {
    const hit = against.filter((ref) => resolveInCouncil(state, councilId, ref).length > 0);
    if (hit.length > 0) record(state, councilId, index, 'veto', `${actor} vetoes a governor from ${hit.join(', ')}`);
  }
}

export function applyIncompatible(state: State, step: StepOf<'incompatible'>, index: number): void {
  const [first, second] = step.incompatible.between;
  if (first === second) throw new StepError('incompatible.between[1]', 'a party cannot be incompatible with itself');
  const councils = selectCouncils(state, step.incompatible.councils, 'incompatible.councils');
  [first, second].forEach((ref, i) => {
    if (!resolvesIn(state, councils, ref)) {
      throw new StepError(
        `incompatible.between[${i}]`,
        `unknown unit, list, bloc or actor "${ref}" in ${describeCouncils(councils, state.councilOrder.length)} ${known([...knownRefs(state, councils), ...state.actors.map((a) => a.id)])}`,
      );
    }
  });
  state.incompatibilities.push({ between: [first, second], councils, step: index });
  for (const councilId of councils) {
    const present = [first, second].every((ref) => isActor(state, ref) || resolveInCouncil(state, councilId, ref).length > 0);
    if (present) record(state, councilId, index, 'incompatible', `no coalition may contain both ${first} and ${second}`);
  }
}

export function applyGroup(state: State, step: StepOf<'group'>, index: number): void {
  const seen = new Map<string, string>();
  let any = false;
  for (const group of GROUPS) {
    const councils = step.group[group];
    if (!councils) continue;
    councils.forEach((councilId, i) => {
      const path = `group.${group}[${i}]`;
      councilOf(state, councilId, path);
      const other = seen.get(councilId);
      if (other) throw new StepError(path, `council ${councilId} is already in group ${other}`);
      seen.set(councilId, group);
      state.grouping[councilId] = { group, step: index };
      record(state, councilId, index, 'group', `group set to ${group}`);
      any = true;
    });
  }
  if (!any) throw new StepError('group', 'name at least one council in A, B or C');
}

export function applyPackage(state: State, step: StepOf<'package'>, index: number): void {
  const { council: councilId, posts } = step.package;
  councilOf(state, councilId, 'package.council');
  posts.forEach((post, i) => {
    if (posts.indexOf(post) !== i) throw new StepError(`package.posts[${i}]`, `post "${post}" is listed twice`);
  });
  if (!posts.includes('governor')) throw new StepError('package.posts', 'a package ballot must include the governor');
  state.packages[councilId] = { posts: [...posts], step: index };
  record(state, councilId, index, 'package', `${posts.join(' + ')} voted in one ballot`);
}
