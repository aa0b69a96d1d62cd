/**
 * The build-time snapshot (dist/snapshot.json): every bundled dataset and YAML scenario, each under
 * its key with the hash of its files. The expected names are those of data/ and scenarios/ as shipped.
 */
import { describe, expect, it, vi } from 'vitest';
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

  it('stores YAML scenarios only: a bundled JSON scenario is read from its file each time', async () => {
    // The bundled folder ships YAML only, so a JSON one is stood in for: the loader lists it, and the build must skip it.
    vi.resetModules();
    const made: string[] = [];
    vi.doMock('../../src/scenarios/scenario-loader.js', () => ({
      bundledScenarioNames: () => ['from-json', 'from-yaml'],
      bundledScenarioFile: (name: string) => `/bundled/${name}.${name === 'from-json' ? 'json' : 'yaml'}`,
      scenarioSnapshotEntry: (name: string) => {
        made.push(name);
        return { key: `scenario:${name}`, hash: '0123456789abcdef', value: {} };
      },
    }));
    try {
      const { bundledSnapshot: build } = await import('../../src/scenarios/snapshot-build.js');
      expect(Object.keys(build().entries)).toEqual(['dataset:iraq-2023', 'scenario:from-yaml']);
      expect(made).toEqual(['from-yaml']);
    } finally {
      vi.doUnmock('../../src/scenarios/scenario-loader.js');
      vi.resetModules();
    }
  });
});
