/** Loading and validating scenario files: every invalid file is a GovsimDataError naming the file and path. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ExitCode, GovsimDataError, GovsimError, GovsimMissingFileError } from '../../src/model/errors.js';
import { scenario } from '../../src/scenarios/builder.js';
import { bundledScenarioNames, loadScenario } from '../../src/scenarios/scenario-loader.js';
import { scenarioJsonSchema, scenarioSchemas, STEP_KINDS } from '../../src/scenarios/scenario-schema.js';
import { isScenarioDocument } from '../../src/scenarios/scenario-validation.js';

const BAD = 'test/fixtures/scenarios/bad';
const GOOD = 'test/fixtures/scenarios/good';

function loadError(file: string): GovsimError {
  try {
    loadScenario(file);
  } catch (error) {
    if (error instanceof GovsimError) return error;
    throw error;
  }
  throw new Error(`${file} loaded without error`);
}

describe('invalid scenario files', () => {
  it.each([
    ['unknown-unit.yaml', 'steps[3].defect.from: unknown unit "wathiqon" in council najaf (did you mean "wathiqoon"?) (known: badr, aah, state-of-law, wafaa, nsf, absher, idraak, wathiqoon, qiyam, madar)'],
    ['transfer-too-many.yaml', 'steps[0].transfer.seats: "nabni" holds 2 seats in council wasit; cannot transfer 3'],
    ['two-deals.yaml', 'steps[1].deal.parties[1]: "state-of-law" is already in deal "one" in council najaf'],
    ['governor-unknown.yaml', 'steps[0].deal.governor: unknown party "state-of-lw": not a party of the deal (nabni, nsf), nor a list or faction seated in some council (a split seats a list\'s factions), nor a bloc or actor'],
    ['unknown-seat-set.yaml', 'seats: unknown seat set "provisional" (known: final,'],
    ['unknown-kind.yaml', 'steps[1]: unknown step kind "merge"'],
    ['unknown-source.yaml', 'steps[0].source: unknown source "shafq" (known: shafaq)'],
    ['unknown-council.yaml', 'expect[0].council: unknown council "najf"'],
    ['split-sum.yaml', 'steps[0].split.into: the factions sum to 4 (badr 2 + aah 2) but "nabni" holds 3 seats in council najaf'],
    ['syntax.yaml', 'YAML syntax (line 3'],
  ])('%s', (file, message) => {
    const error = loadError(`${BAD}/${file}`);
    expect(error).toBeInstanceOf(GovsimDataError);
    expect(error.exitCode).toBe(ExitCode.dataError);
    expect(error.message).toContain(`${BAD}/${file}: ${message}`);
  });

  it('reports every schema problem of a file, with lines', () => {
    const error = loadError(`${BAD}/bad-field.yaml`);
    expect(error.message).toContain('steps[0].transfer.seats: Invalid input: expected number, received string (line 3');
    expect(error.message).toContain('steps[1].absent.sets: unknown field (line 4');
  });

  it('shows the cycle of an extends loop', () => {
    const error = loadError(`${BAD}/cycle-a.yaml`);
    expect(error.message).toContain(`extends cycle: ${BAD}/cycle-a.yaml → ${BAD}/cycle-b.yaml → ${BAD}/cycle-a.yaml`);
  });

  it('a missing file is exit 66; an unknown bundled name lists the bundled ones', () => {
    const missing = loadError(`${GOOD}/nope.yaml`);
    expect(missing).toBeInstanceOf(GovsimMissingFileError);
    expect(missing.exitCode).toBe(ExitCode.missingFile);
    expect(loadError('no-such-scenario')).toBeInstanceOf(GovsimMissingFileError);
  });

  it('a builder scenario with an error names the step', () => {
    expect(() => scenario('x').absent({ council: 'kirkuk', units: ['kdpp'] }).load()).toThrow(/steps\[0\]\.absent\.units\[0\]: unknown unit "kdpp" in council kirkuk/);
  });
});

describe('valid scenario files', () => {
  it('extends a relative file; inherited steps come first and keep their labels', () => {
    const loaded = loadScenario(`${GOOD}/relative-extends.yaml`);
    expect(loaded.extends).toEqual(['wasit-base']);
    expect(loaded.steps.map((step) => `${step.label}:${step.kind}`)).toEqual(['wasit-base step 1:deal', 'step 1:transfer']);
    // Expectations are not inherited.
    expect(loaded.expect).toHaveLength(2);
  });

  it('reads JSON scenario files', () => {
    const loaded = loadScenario(`${GOOD}/scenario.json`);
    expect(loaded.name).toBe('json scenario');
    expect(loaded.steps[0]?.kind).toBe('absent');
  });

  it('finds bundled scenarios by name', () => {
    expect(bundledScenarioNames()).toEqual(
      expect.arrayContaining(['baseline', 'preliminary-101', 'cf-four-lists', 'badr-sadr-najaf-maysan', 'wasit-one-seat', 'abc-grouping', 'incumbents-half-plus-one', 'kirkuk-2024', 'diyala-2024', 'salahaddin-court-ruling', 'nineveh-package', 'khamenei-bar']),
    );
    expect(loadScenario('baseline').file).toBe('scenarios/baseline.yaml');
  });

  it('tells scenario documents from dataset files', () => {
    expect(isScenarioDocument({ name: 'x', steps: [] })).toBe(true);
    expect(isScenarioDocument({ id: 'iraq-2023', name: 'x', councils: [] })).toBe(false);
  });
});

describe('the published schema', () => {
  it('lists every step kind and rejects unknown keys', () => {
    const { Scenario } = scenarioSchemas();
    const schema = JSON.stringify(scenarioJsonSchema());
    for (const kind of STEP_KINDS) expect(schema).toContain(`"${kind}"`);
    expect(Scenario.safeParse({ name: 'x', stepz: [] }).success).toBe(false);
    // io: 'input' — fields with defaults are optional in files.
    const parsed = z.toJSONSchema(Scenario, { io: 'input' }) as { $defs?: Record<string, { required?: string[] }> };
    expect(parsed.$defs?.['Scenario']?.required).toEqual(['name']);
  });
});
