/**
 * Bookkeeping shared by the step recipes: what each step did to each council (read back by the
 * explanation trace and the diff), and membership updates when a list is split into factions.
 */
import type { Draft } from 'immer';
import type { StepKind } from '../scenario-schema.js';
import type { ScenarioState } from '../scenario-state.js';

export function record(state: Draft<ScenarioState>, councilId: string, step: number, kind: StepKind, text: string): void {
  (state.provenance[councilId] ??= []).push({ step, kind, text });
}

/** After a split, blocs and deals that held the list in this council hold its factions instead. */
export function renameMember(state: Draft<ScenarioState>, councilId: string, from: string, to: readonly string[]): void {
  for (const alignment of [...Object.values(state.blocs), ...Object.values(state.deals)]) {
    const members = alignment.councils[councilId];
    if (!members) continue;
    const at = members.indexOf(from);
    if (at !== -1) members.splice(at, 1, ...to);
  }
}
