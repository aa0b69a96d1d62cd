/**
 * The datasets scenario files name, loaded once per process: a batch of scenarios on one dataset
 * validates it once. Only the scenario loader reads it, to turn a file's `dataset:` into a dataset;
 * steps and the runner are given their dataset and never look one up.
 */
import { isAbsolute } from 'node:path';
import { type LoadedDataset, loadDataset } from './dataset.js';

/** By reference (with the directory it resolves from), and by directory. */
const datasets = new Map<string, LoadedDataset>();

/** Loads (once per process) the dataset a scenario names; `cwd` resolves relative paths. */
export function loadNamedDataset(ref: string, cwd?: string): LoadedDataset {
  const key = `${cwd ?? ''}\0${ref}`;
  let dataset = datasets.get(key) ?? (isAbsolute(ref) ? datasets.get(ref) : undefined);
  if (!dataset) {
    dataset = loadDataset(ref, cwd === undefined ? {} : { cwd });
    datasets.set(key, dataset);
    datasets.set(dataset.dir, dataset);
  }
  return dataset;
}
