/**
 * The snapshot scripts/build.mjs writes to dist/snapshot.json: every bundled dataset and YAML scenario,
 * validated in full, each with the hash of its files (read back by ../platform/snapshot-file.ts).
 */
import { type Snapshot, SNAPSHOT_FORMAT, type SnapshotEntry } from '../platform/snapshot-file.js';
import { bundledDatasets, datasetSnapshotEntry } from '../dataset/dataset.js';
import { bundledScenarioFile, bundledScenarioNames, scenarioSnapshotEntry } from './scenario-loader.js';

export function bundledSnapshot(): Snapshot {
  const entries: Record<string, SnapshotEntry> = {};
  const made = [
    ...bundledDatasets().map(datasetSnapshotEntry),
    ...bundledScenarioNames()
      .filter((name) => bundledScenarioFile(name)?.endsWith('.yaml'))
      .map(scenarioSnapshotEntry),
  ];
  for (const { key, hash, value } of made) entries[key] = { hash, value };
  return { format: SNAPSHOT_FORMAT, entries };
}
