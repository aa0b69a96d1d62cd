/**
 * The loader's refusals and labels, each word for word: step objects that are not steps, sources a
 * step or sitting cites, the step limit counted over an `extends` chain, councils a step takes past
 * the analysis' bounds, references that are neither a file nor a bundled scenario, thresholds that fail
 * in one council, and how inherited and sitting steps are labelled. Najaf as in
 * data/iraq-2023/councils/najaf.yaml (15 members: nabni 3, state-of-law 3, wafaa 2, nsf 2, five of 1).
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GovsimDataError, GovsimMissingFileError, GovsimUsageError } from '../../src/model/errors.js';
import { bundledScenarioNames, bundledScenarioSummaries, loadScenario, MAX_STEPS, scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';

const scratch = mkdtempSync(join(tmpdir(), 'govsim-loader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every issue of loading `document`, as `path: message`. */
function refusals(document: unknown): string[] {
  try {
    scenarioFromDocument(document);
  } catch (error) {
    if (!(error instanceof GovsimDataError)) throw error;
    return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error('loaded without error');
}

const KINDS = 'split, bloc, dissolve, deal, defect, transfer, absent, attend, veto, incompatible, group, package, join, leave, seats';

describe('what a step must be', () => {
  it('an object with exactly one kind key', () => {
    expect(refusals({ name: 'x', steps: ['split', null, [1]] })).toEqual([0, 1, 2].map((i) => `steps[${i}]: expected a step object such as { split: {...} } (kinds: ${KINDS})`));
    expect(refusals({ name: 'x', steps: [{ split: { council: 'najaf', list: 'nabni' }, bloc: { id: 'cf' } }] })).toEqual(['steps[0]: a step has exactly one kind, found split and bloc']);
    expect(refusals({ name: 'x', steps: [{ note: 'only a note' }] })).toEqual([`steps[0]: unknown step kind (kinds: ${KINDS})`]);
    expect(refusals({ name: 'x', steps: [{ splt: {}, source: 'x' }] })).toEqual([`steps[0]: unknown step kind "splt" (did you mean "split"?) (kinds: ${KINDS})`]);
    expect(refusals({ name: 'x', steps: [{ merge: {}, fuse: {} }] })).toEqual([`steps[0]: unknown step kind "merge", "fuse" (kinds: ${KINDS})`]);
  });

  it('a cited source is listed, or a URL', () => {
    const dissolve = { dissolve: { bloc: 'cf', councils: ['najaf'] } };
    const bloc = { bloc: { id: 'cf', councils: ['najaf'] } };
    expect(refusals({ name: 'x', steps: [bloc, { ...dissolve, source: 'shafaq' }] })).toEqual(['steps[1].source: unknown source "shafaq" (known: none; add a sources list)']);
    expect(() => scenarioFromDocument({ name: 'x', steps: [bloc, { ...dissolve, source: 'https://shafaq.com/en/x' }] })).not.toThrow();
    // Only http(s) addresses stand for themselves.
    expect(refusals({ name: 'x', steps: [bloc, { ...dissolve, source: 'ftp://shafaq.com/x' }] })).toEqual(['steps[1].source: unknown source "ftp://shafaq.com/x" (known: none; add a sources list)']);
    const loaded = scenarioFromDocument({ name: 'x', steps: [bloc, { ...dissolve, source: 'https://shafaq.com/en/x', note: 'why' }] });
    expect(loaded.steps[1]).toMatchObject({ source: { id: 'https://shafaq.com/en/x', url: 'https://shafaq.com/en/x' }, note: 'why', label: 'step 2', index: 1 });
    expect(Object.hasOwn(loaded.steps[0]!, 'source')).toBe(false);
    expect(Object.hasOwn(loaded.steps[0]!, 'note')).toBe(false);
  });

  it('every unknown source is reported, but no step is applied after the first problem (its errors would follow from it)', () => {
    const unknownUnit = { defect: { council: 'najaf', from: 'nobody' } };
    expect(refusals({ name: 'x', steps: [{ dissolve: { bloc: 'cf' }, source: 'nowhere' }, unknownUnit, { ...unknownUnit, source: 'elsewhere' }] })).toEqual([
      'steps[0].source: unknown source "nowhere" (known: none; add a sources list)',
      'steps[2].source: unknown source "elsewhere" (known: none; add a sources list)',
    ]);
  });
});

describe('limits', () => {
  it('steps are counted over the files a scenario extends', () => {
    const step = { dissolve: { bloc: 'cf' } };
    const parent = join(scratch, 'parent.json');
    writeFileSync(parent, JSON.stringify({ name: 'parent', steps: Array.from({ length: MAX_STEPS }, () => step) }));
    expect(refusals({ name: 'x', extends: parent, steps: [step] })).toEqual([`steps: ${MAX_STEPS + 1} steps with the files it extends; a scenario may have at most ${MAX_STEPS}`]);
    expect(refusals({ name: 'x', steps: Array.from({ length: MAX_STEPS + 1 }, () => step) })).toEqual([`steps: ${MAX_STEPS + 1} steps; a scenario may have at most ${MAX_STEPS}`]);
  });

  it('a council a step would take past 10,000 members is refused at that step', () => {
    // 12 members besides nabni: 9,988 seats make 10,000, one more is past the bound.
    expect(() => scenarioFromDocument({ name: 'x', steps: [{ seats: { council: 'najaf', unit: 'nabni', seats: 9988 } }] })).not.toThrow();
    expect(refusals({ name: 'x', steps: [{ seats: { council: 'najaf', unit: 'nabni', seats: 9989 } }] })).toEqual([
      'steps[0].seats: council najaf would have 10001 members; govsim analyses councils of at most 10000',
    ]);
  });
});

describe('references', () => {
  it('a reference is text: a file, else a bundled name', () => {
    expect(() => loadScenario(5 as unknown as string)).toThrow(new GovsimUsageError('expected a scenario file or bundled name, got number'));
    const missing = (() => {
      try {
        loadScenario('no-such-scenario');
      } catch (error) {
        return error as GovsimMissingFileError;
      }
      throw new Error('loaded');
    })();
    expect(missing).toBeInstanceOf(GovsimMissingFileError);
    expect(missing.message).toBe('no-such-scenario: no such file or directory');
    expect((missing.cause as Error).message).toBe(`not a file and not a bundled scenario (bundled: ${bundledScenarioNames().join(', ')})`);
    // A path is never looked up among the bundled names.
    expect(() => loadScenario('./baseline.yaml', { cwd: scratch })).toThrow(new GovsimMissingFileError('./baseline.yaml'));
  });

  it('a bare name that is a file in the working directory is that file, shown as given', () => {
    writeFileSync(join(scratch, 'baseline'), JSON.stringify({ name: 'mine, not the bundled one' }));
    const loaded = loadScenario('baseline', { cwd: scratch });
    expect([loaded.name, loaded.file]).toEqual(['mine, not the bundled one', 'baseline']);
  });
});

describe('sittings', () => {
  it('a sitting names a known council and a known source', () => {
    expect(refusals({ name: 'x', sittings: [{ council: 'sumer', date: '2024-01' }] })).toEqual([
      'sittings[0].council: unknown council "sumer" (known: baghdad, basra, nineveh, kirkuk, anbar, diyala, salahaddin, najaf, karbala, babil, wasit, dhiqar, qadisiyah, muthanna, maysan)',
    ]);
    expect(refusals({ name: 'x', sittings: [{ council: 'najaf', date: '2024-01', source: 'shafaq' }] })).toEqual(['sittings[0].source: unknown source "shafaq" (known: none; add a sources list)']);
    expect(() => scenarioFromDocument({ name: 'x', sittings: [{ council: 'najaf', date: '2024-01', source: 'http://example.org/sitting' }] })).not.toThrow();
  });

  it('its steps are checked one by one, and labelled with the sitting and its date', () => {
    expect(refusals({ name: 'x', sittings: [{ council: 'najaf', date: '2024-01', steps: [{ bogus: 1 }, 'x'] }] })).toEqual([
      `sittings[0].steps[0]: unknown step kind "bogus" (kinds: ${KINDS})`,
      `sittings[0].steps[1]: expected a step object such as { split: {...} } (kinds: ${KINDS})`,
    ]);
    const loaded = scenarioFromDocument({
      name: 'x',
      steps: [{ bloc: { id: 'cf', councils: ['najaf'] } }],
      sittings: [
        { council: 'najaf', date: '2024-01', steps: [{ absent: { council: 'najaf', units: ['wafaa'] } }] },
        { council: 'najaf', date: '2024-02-10', title: 'second', note: 'n', source: 'https://example.org', steps: [{ attend: { council: 'najaf', units: ['wafaa'] } }] },
      ],
    });
    expect(loaded.steps.map((step) => step.label)).toEqual(['step 1', 'sitting 1 (2024-01) step 1', 'sitting 2 (2024-02-10) step 1']);
    expect(loaded.sittings.map((sitting) => [sitting.index, sitting.date, sitting.steps.length, sitting.title ?? '-', sitting.note ?? '-', sitting.source ?? '-'])).toEqual([
      [0, '2024-01', 2, '-', '-', '-'],
      [1, '2024-02-10', 3, 'second', 'n', 'https://example.org'],
    ]);
    expect(Object.keys(loaded.sittings[0]!)).not.toContain('title');
  });

  it('its claims default to its council, and name only known councils', () => {
    expect(refusals({ name: 'x', sittings: [{ council: 'najaf', date: '2024-01', expect: [{ status: 'open' }, { council: 'sumer' }, 5] }] })).toEqual([
      'sittings[0].expect[1].council: unknown council "sumer" (known: baghdad, basra, nineveh, kirkuk, anbar, diyala, salahaddin, najaf, karbala, babil, wasit, dhiqar, qadisiyah, muthanna, maysan)',
      'sittings[0].expect[2]: Invalid input: expected object, received number',
    ]);
    const [sitting] = scenarioFromDocument({ name: 'x', sittings: [{ council: 'najaf', date: '2024-01', expect: [{ status: 'open' }, { national: { elected: 1 } }] }] }).sittings;
    expect(sitting!.expect).toEqual([{ council: 'najaf', status: 'open' }, { national: { elected: 1 } }]);
  });
});

describe('thresholds in every council', () => {
  it('a formula or an integer that fails in one council names it', () => {
    // Karbala has 13 members: members - 14 = -1.
    expect(refusals({ name: 'x', rules: { majority: 'members - 14' } })).toEqual([
      'rules.majority: for council karbala (13 members) the formula gives -1; a threshold must be from 1 to 13 (members) (in "members - 14")',
    ]);
    // Kirkuk, 16 members, is the first council smaller than 20.
    expect(refusals({ name: 'x', rules: { quorum: 20 } })).toEqual(['rules.quorum: for council kirkuk (16 members): a threshold must be an integer from 1 to 16 (members), got 20']);
  });
});

describe('an extends chain', () => {
  it('the nearest file that sets a field decides it; rules merge field by field; sources merge, the nearer winning; expect is not inherited', () => {
    const dir = join(scratch, 'chain');
    mkdirSync(dir);
    const write = (name: string, document: object) => writeFileSync(join(dir, name), JSON.stringify(document));
    write('grand.json', {
      name: 'grand',
      seats: 'preliminary',
      units: 'factions',
      rules: { majority: 'floor(members/2)+2', runoff: 'top-two' },
      sources: [{ id: 's1', title: 'grand s1' }, { id: 's2' }],
      steps: [{ bloc: { id: 'cf', councils: ['najaf'] }, source: 's1' }],
      expect: [{ council: 'najaf', status: 'elected' }],
    });
    write('parent.json', { name: 'parent', extends: './grand.json', units: 'lists', rules: { runoff: 'none' }, sources: [{ id: 's1', title: 'parent s1' }], steps: [{ dissolve: { bloc: 'cf', councils: ['najaf'] } }] });
    write('child.json', { name: 'child', extends: 'parent.json', steps: [{ bloc: { id: 'cf', councils: ['najaf'] }, source: 's2' }] });
    const loaded = loadScenario('child.json', { cwd: dir });
    expect([loaded.name, loaded.file, loaded.seats, loaded.units, loaded.extends, loaded.expect]).toEqual(['child', 'child.json', 'preliminary', 'lists', ['parent', 'grand'], []]);
    expect(loaded.rules).toEqual({ runoff: 'none', majority: 'floor(members/2)+2' });
    expect(loaded.sources).toEqual([{ id: 's1', title: 'parent s1' }, { id: 's2' }]);
    expect(loaded.steps.map((step) => [step.label, step.origin.scenario, step.origin.position, step.source?.title ?? step.source?.id ?? '-'])).toEqual([
      ['grand step 1', 'grand', 0, 'parent s1'],
      ['parent step 1', 'parent', 0, '-'],
      ['step 1', 'child', 0, 's2'],
    ]);
  });

  it('a file changed since it was read is read again', () => {
    const file = join(scratch, 'changing.json');
    writeFileSync(file, JSON.stringify({ name: 'one' }));
    expect(loadScenario('changing.json', { cwd: scratch }).name).toBe('one');
    writeFileSync(file, JSON.stringify({ name: 'two' }));
    // Same size, and perhaps the same millisecond: move the time on so the change is seen.
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(loadScenario('changing.json', { cwd: scratch }).name).toBe('two');
  });
});

describe('bundled scenario summaries', () => {
  it('each bundled scenario with its title and the first line of its description', () => {
    const summaries = bundledScenarioSummaries();
    expect(summaries.map((summary) => summary.name)).toEqual(bundledScenarioNames());
    // scenarios/baseline.yaml: a folded description is one line.
    expect(summaries.find((summary) => summary.name === 'baseline')).toEqual({
      name: 'baseline',
      title: 'Baseline — final seats, the CF voting as one bloc',
      description:
        "Final results (IHEC 28 Dec 2023 plus the 10 Jan 2024 Salah al-Din ruling) with the Coordination Framework's lists voting as one bloc everywhere, as the CF announced after the vote. Councils where the CF claims but cannot carry alone (and no single list carries) are deadlocked.",
    });
    for (const summary of summaries) expect(summary.description, summary.name).not.toContain('\n');
  });
});

