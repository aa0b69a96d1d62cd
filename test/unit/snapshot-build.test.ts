/**
 * The build-time snapshot (dist/snapshot.json): every bundled dataset and YAML scenario, each under
 * its key with the hash of its files. The expected names are those of data/ and scenarios/ as shipped.
 */
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT } from '../../src/platform/snapshot-file.js';
import { bundledSnapshot } from '../../src/scenarios/snapshot-build.js';

const SCENARIOS = [
  'abc-grouping',
  'badr-sadr-najaf-maysan',
  'baseline',
  'cf-four-lists',
  'dhiqar-unattributed',
  'diyala-2024',
  'incumbents-half-plus-one',
  'khamenei-bar',
  'kirkuk-2024',
  'nineveh-package',
  'preliminary-101',
  'salahaddin-court-ruling',
  'wasit-one-seat',
  'what-would-it-take',
];

describe('bundledSnapshot', () => {
  it('holds the one bundled dataset and every bundled scenario, each with its hash and parsed value', () => {
    const snapshot = bundledSnapshot();
    expect(snapshot.format).toBe(SNAPSHOT_FORMAT);
    expect(Object.keys(snapshot.entries)).toEqual(['dataset:iraq-2023', ...SCENARIOS.map((name) => `scenario:${name}`)]);
    for (const entry of Object.values(snapshot.entries)) expect(entry.hash).toMatch(/^[0-9a-f]{16,}$/);
    // The default seat set first (dataset.yaml), then the alternatives, the published preliminary count among them.
    const dataset = snapshot.entries['dataset:iraq-2023']!.value as { id: string; seatSets: string[] };
    expect(dataset.id).toBe('iraq-2023');
    expect(dataset.seatSets[0]).toBe('final');
    expect(dataset.seatSets).toEqual(expect.arrayContaining(['ihec-final', 'preliminary']));
    expect(snapshot.entries['scenario:baseline']!.value).toMatchObject({ value: { name: expect.any(String) } });
  });
});
