/** The dataset's estimated split of a list into factions, the default of a `split` step. */
import { factionSplit, type LoadedDataset } from '../../dataset/dataset.js';

export interface SplitEstimate {
  readonly parts: { id: string; name: string; seats: number }[];
  /** The list's confidence, and its method's summary when it has one. */
  readonly note: string;
}

/** The estimate at seat set `seats`, read from the dataset the step was given (never from disk). */
export function datasetSplit(dataset: LoadedDataset, seats: string, councilId: string, listId: string): SplitEstimate | undefined {
  const parts = factionSplit(dataset, councilId, listId, seats) ?? [];
  // Every faction of a split carries the list's one confidence and method (the seat set gives them per list).
  const first = parts[0];
  if (first === undefined) return undefined;
  const { confidence, method } = first;
  return {
    parts: parts.map((part) => ({ id: part.id, name: part.name, seats: part.seats })),
    note: `confidence ${confidence}${method ? `: ${method}` : ''}`,
  };
}
