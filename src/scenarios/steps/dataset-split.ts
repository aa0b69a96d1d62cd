/** The dataset's estimated split of a list into factions, the default of a `split` step. */
import { factionSplit } from '../../dataset/dataset.js';
import { datasetOf } from '../scenario-state.js';
import type { ScenarioState } from '../scenario-state.js';

export interface SplitEstimate {
  readonly parts: { id: string; name: string; seats: number }[];
  readonly note?: string;
}

export function datasetSplit(state: ScenarioState, councilId: string, listId: string): SplitEstimate | undefined {
  const parts = factionSplit(datasetOf(state), councilId, listId, state.seats);
  if (!parts || parts.length === 0) return undefined;
  const confidence = [...new Set(parts.map((part) => part.confidence))].join('/');
  const method = parts.find((part) => part.method)?.method;
  return {
    parts: parts.map((part) => ({ id: part.id, name: part.name, seats: part.seats })),
    note: `confidence ${confidence}${method ? `: ${method}` : ''}`,
  };
}
