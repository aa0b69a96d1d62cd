/** Diffs between runs, expectation checks and the typed builder, on hand-computed Wasit cases. */
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/scenarios/builder.js';
import { diffScenarios } from '../../src/scenarios/diff.js';
import { checkExpectations, formatCheckReport } from '../../src/scenarios/expectations.js';
import { runScenario } from '../../src/scenarios/runner.js';

// Wasit (best estimate, data/iraq-2023/councils/wasit.yaml): wasit-ajmal 8, state-of-law 3, nabni 2, nsf 2, quota-feyli 1 = 16; majority 9.
// Built inside each test, never while the file is collected.
const deal = () => scenario('ajmal + feyli').deal({ id: 'af', parties: ['wasit-ajmal', 'quota-feyli'], councils: ['wasit'], governor: 'wasit-ajmal' });

describe('diffScenarios', () => {
  it('names the changed fields and the step that caused them', () => {
    const a = deal().load();
    // One Ajmal seat to State of Law: 7 + 1 = 8 < 9 ⇒ deadlock; CF 4 + 2 + 2 = 8 < 9, others 8 < 9 ⇒ group B.
    const b = scenario('ajmal 7')
      .deal({ id: 'af', parties: ['wasit-ajmal', 'quota-feyli'], councils: ['wasit'], governor: 'wasit-ajmal' })
      .transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'state-of-law' }, { note: 'the one seat' })
      .load();
    const diff = diffScenarios(a, b);
    expect(diff.councils.map((council) => council.id)).toEqual(['wasit']);
    const wasit = diff.councils[0]!;
    expect(wasit.changes).toEqual([
      { field: 'status', before: 'elected', after: 'deadlock' },
      { field: 'governorFrom', before: 'wasit-ajmal', after: '—' },
      { field: 'votes', before: '9', after: '8' },
      { field: 'margin', before: '0', after: '-1' },
      { field: 'group', before: 'C (derived)', after: 'B (derived)' },
    ]);
    expect(wasit.causes.map((cause) => `${cause.step} ${cause.kind}`)).toEqual(['step 2 transfer']);
    expect(wasit.reverted).toEqual([]);
    expect(diff.unchanged).toHaveLength(14);
  });

  it('a scenario against itself has no changes', () => {
    const run = runScenario(deal().load());
    expect(diffScenarios(run, run).councils).toEqual([]);
  });
});

describe('expectations', () => {
  it('pass and fail with the arithmetic', () => {
    const loaded = deal()
      .expect({ council: 'wasit', status: 'elected', votes: 9, marginAtMost: 0, pivotalIncludes: ['quota-feyli'] })
      .expect({ council: 'wasit', status: 'deadlock', note: 'wrong on purpose' })
      .expect({ national: { seatsOf: ['wasit-ajmal'], seats: 8, elected: 3 } })
      .load();
    const check = checkExpectations(loaded, runScenario(loaded));
    expect(check.ok).toBe(false);
    expect(check.expectations.map((entry) => entry.ok)).toEqual([true, false, true]);
    const report = formatCheckReport([check]);
    expect(report).toContain('✗ wasit (expect[1]) — wrong on purpose');
    expect(report).toContain('arithmetic: deal af: wasit-ajmal 8 + quota-feyli 1 = 9 ≥ 9 ⇒ elected; alone: state-of-law 3, nabni 2, nsf 2 (each < 9); ⇒ deal af elected, margin 0');
    // Elected: wasit (deal), basra (Tasmim 12 of 23), karbala (Ibdaa 7 of 13) = 3.
    expect(check.expectations[2]!.claims.map((claim) => claim.actual)).toEqual(['wasit-ajmal 8 = 8', '3 (basra, karbala, wasit)']);
  });

  it('margin bounds are inclusive and one-sided: the deal above holds 9 of 9 needed, margin 0', () => {
    const bounds = [
      { marginAtMost: -1 },
      { marginAtMost: 0 },
      { marginAtMost: 2 },
      { marginAtLeast: -3 },
      { marginAtLeast: 0 },
      { marginAtLeast: 1 },
      { marginAtLeast: -1, marginAtMost: 1 },
      { marginAtLeast: 1, marginAtMost: 3 },
    ];
    // A fresh builder: `expect` adds to the builder it is called on.
    const fresh = scenario('ajmal + feyli').deal({ id: 'af', parties: ['wasit-ajmal', 'quota-feyli'], councils: ['wasit'], governor: 'wasit-ajmal' });
    const loaded = bounds.reduce((builder, bound) => builder.expect({ council: 'wasit', ...bound }), fresh).load();
    const check = checkExpectations(loaded, runScenario(loaded));
    expect(check.expectations.map((entry) => entry.ok)).toEqual([false, true, true, true, true, false, true, false]);
    expect(check.expectations[0]!.claims).toEqual([{ field: 'margin', ok: false, expected: '≤ -1', actual: '0' }]);
    expect(check.expectations[5]!.claims).toEqual([{ field: 'margin', ok: false, expected: '≥ 1', actual: '0' }]);
  });

  it('a split list matches its factions in coalition claims', () => {
    const loaded = scenario('split')
      .split({ council: 'maysan', list: 'nabni', into: { badr: 4, aah: 2 } })
      .deal({ id: 'd', parties: ['badr', 'state-of-law'], councils: ['maysan'], governor: 'badr' })
      .expect({ council: 'maysan', coalitionIncludes: ['nabni', 'state-of-law'], coalitionExcludes: ['nsf'], status: 'elected', votes: 7 })
      .load();
    // badr 4 + state-of-law 3 = 7 ≥ 7 (Maysan 13 seats).
    expect(checkExpectations(loaded, runScenario(loaded)).ok).toBe(true);
  });
});

describe('the builder', () => {
  it('produces the document a YAML file would hold', () => {
    const document = scenario('doc').seats('preliminary').absent({ council: 'kirkuk', units: ['kdp'] }, { source: 'https://en.964media.com/23137/' }).toDocument();
    expect(document).toEqual({ name: 'doc', seats: 'preliminary', steps: [{ absent: { council: 'kirkuk', units: ['kdp'] }, source: 'https://en.964media.com/23137/' }] });
  });
});

describe('seat-level diff', () => {
  it('preliminary-101 against the baseline lists the seat changes, with the seat set as their cause', async () => {
    const { loadScenario } = await import('../../src/scenarios/scenario-loader.js');
    const diff = diffScenarios(loadScenario('baseline'), loadScenario('preliminary-101'));
    const baghdad = diff.councils.find((council) => council.id === 'baghdad')!;
    // Baghdad, preliminary (abna24): CF = state-of-law 9 + nabni 9 + nsf 5 + absher 1 = 24; final: absher 2 ⇒ 25.
    expect(baghdad.alignments).toContainEqual({ label: 'bloc cf', before: '25', after: '24' });
    expect(baghdad.units).toContainEqual({ unit: 'absher', seats: { before: '2', after: '1' } });
    expect(baghdad.seatSet).toBe('seat set final → preliminary');
    // Salah al-Din before the 10 Jan 2024 ruling: Jamaheer 5, National Framework 2 (final: 4 and 3).
    const salahaddin = diff.councils.find((council) => council.id === 'salahaddin')!;
    expect(salahaddin.units).toContainEqual({ unit: 'jamaheer', seats: { before: '4', after: '5' } });
    // Nationally: nabni 43 + state-of-law 35 + nsf 24 = 102 final, nsf 23 preliminary ⇒ 101.
    expect(diff.national.changes).toContainEqual({ label: 'CF big three (Nabni + State of Law + NSF)', before: 102, after: 101 });
    expect(diff.national.changes).toContainEqual({ label: 'nsf', before: 24, after: 23 });
    expect(diff.national.seatSets).toEqual({ before: 'final', after: 'preliminary' });
  });

  it('a deal shows each unit moving from the bloc to the deal, and the rump shrinking', async () => {
    // Najaf: the deal takes badr (1) and hikma (1) out of the CF (9 seats) ⇒ rump 7; the deal has 1 + 1 + 1 defector = 3.
    const { loadScenario } = await import('../../src/scenarios/scenario-loader.js');
    const base = scenario('cf').bloc({ id: 'cf', councils: ['najaf', 'maysan'] }).load();
    const diff = diffScenarios(base, loadScenario('badr-sadr-najaf-maysan'));
    const najaf = diff.councils.find((council) => council.id === 'najaf')!;
    expect(najaf.alignments).toEqual(
      expect.arrayContaining([
        { label: 'bloc cf', before: '9', after: '—' },
        { label: 'cf (rump without badr, hikma)', before: '—', after: '7' },
        { label: 'deal badr-sadr', before: '—', after: '3' },
      ]),
    );
    expect(najaf.units).toContainEqual({ unit: 'badr', seats: { before: '—', after: '1' }, alignment: { before: '—', after: 'deal badr-sadr' } });
    expect(najaf.units).toContainEqual({ unit: 'nabni', seats: { before: '3', after: '—' }, alignment: { before: 'bloc cf', after: '—' } });
  });
});
