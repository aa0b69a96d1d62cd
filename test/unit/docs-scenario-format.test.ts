/**
 * docs/scenario-format.md cannot drift from the zod schema: every step kind and every field of every
 * object is documented, the doc names no field the schema lacks, required fields and defaults agree,
 * enumerated values are all listed, and every YAML example loads, runs and meets its own `expect`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { checkExpectations, formatCheckReport, runScenario, scenarioFromDocument } from '../../src/scenarios/index.js';
import { scenarioSchemas, STEP_KINDS } from '../../src/scenarios/scenario-schema.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { type Section, sections } from '../helpers/markdown.js';

const DOC = 'docs/scenario-format.md';
const markdown = readFileSync(join(REPO_ROOT, DOC), 'utf8');
const docSections = sections(markdown);

type ObjectSchema = z.ZodObject;

/**
 * Which documented table describes which schema object. The schemas are built inside each test (on the
 * first call to scenarioSchemas), never while the file is collected; the headings name the tests.
 */
function objects(): Record<string, ObjectSchema> {
  const { Expectation, NationalClaims, Scenario, ScenarioRules, SourceEntry, STEP_SPECS } = scenarioSchemas();
  return {
    'Top-level fields': Scenario,
    '`rules`': ScenarioRules,
    '`sources`': SourceEntry,
    Expectations: Expectation,
    '`national`': NationalClaims,
    ...Object.fromEntries(STEP_KINDS.map((kind) => [`\`${kind}\``, STEP_SPECS[kind]])),
  };
}
const OBJECT_HEADINGS = ['Top-level fields', '`rules`', '`sources`', 'Expectations', '`national`', ...STEP_KINDS.map((kind) => `\`${kind}\``)];

/** The fields every step carries besides its kind key (`source`, `note`). */
const stepMetaFields = (): string[] => Object.keys(scenarioSchemas().STEP_SCHEMAS.split.shape).filter((key) => key !== 'split');

function section(heading: string): Section {
  const found = docSections.filter((entry) => entry.heading === heading);
  expect(found, `exactly one section "${heading}" in ${DOC}`).toHaveLength(1);
  return found[0]!;
}

function fieldInfo(schema: z.ZodType): { optional: boolean; defaultValue?: unknown; values?: readonly unknown[] } {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { default?: unknown; enum?: unknown[] };
  return {
    optional: schema.safeParse(undefined).success,
    ...('default' in json ? { defaultValue: json.default } : {}),
    ...(json.enum ? { values: json.enum } : {}),
  };
}

describe(`${DOC} against the scenario schema`, () => {
  it('has one section per step kind, and no section for a kind the schema lacks', () => {
    const stepHeadings = docSections.filter((entry) => entry.level === 3 && /^`[a-z]+`$/.test(entry.heading)).map((entry) => entry.heading);
    const objectHeadings = Object.keys(objects()).filter((heading) => heading.startsWith('`'));
    expect(stepHeadings.sort()).toEqual(objectHeadings.sort());
    for (const kind of STEP_KINDS) expect(stepHeadings).toContain(`\`${kind}\``);
  });

  it('documents the fields every step may carry', () => {
    const steps = section('Steps');
    expect(steps.rows.map((row) => row.name).sort()).toEqual(stepMetaFields().sort());
  });

  for (const heading of OBJECT_HEADINGS) {
    it(`documents exactly the fields of ${heading}, with their required flag, default and values`, () => {
      const schema = objects()[heading]!;
      const documented = section(heading).rows;
      const fields = Object.keys(schema.shape);
      expect(documented.map((row) => row.name).sort(), `fields of ${heading}`).toEqual([...fields].sort());
      for (const row of documented) {
        const info = fieldInfo(schema.shape[row.name] as z.ZodType);
        const [type = '', required = ''] = row.cells;
        expect(required.startsWith(info.optional ? 'no' : 'yes'), `${heading}.${row.name} required column "${required}"`).toBe(true);
        if (info.defaultValue !== undefined) expect(required, `${heading}.${row.name} default`).toContain(`default \`${JSON.stringify(info.defaultValue).replace(/^"(.*)"$/, '$1')}\``);
        for (const value of info.values ?? []) expect(type, `${heading}.${row.name} lists the value ${String(value)}`).toContain(`\`${String(value)}\``);
      }
    });
  }

  it('links the documents that own the semantics and the probabilities block', () => {
    expect(markdown).toContain('](semantics.md)');
    expect(markdown).toContain('](uncertainty.md)');
  });
});

describe(`${DOC} examples`, () => {
  const examples = docSections.flatMap((entry) => entry.blocks.filter((block) => block.info === 'yaml scenario').map((block) => ({ entry, block })));

  it('has a working example for every step kind, in its own section', () => {
    for (const kind of STEP_KINDS) {
      const own = examples.filter(({ entry }) => entry.heading === `\`${kind}\``);
      const steps = own.flatMap(({ block }) => ((parse(block.code) as { steps?: Record<string, unknown>[] }).steps ?? []).map((step) => Object.keys(step)));
      expect(steps.flat(), `an example of ${kind}`).toContain(kind);
    }
  });

  for (const { entry, block } of examples) {
    it(`line ${block.line} (${entry.heading}) loads, runs and meets its expectations`, () => {
      const document = parse(block.code) as { expect?: unknown[] };
      expect(document.expect?.length ?? 0, 'each example states what it expects').toBeGreaterThan(0);
      const loaded = scenarioFromDocument(document, { dir: REPO_ROOT, file: `${DOC}:${block.line}` });
      const check = checkExpectations(loaded, runScenario(loaded));
      expect(check.ok, formatCheckReport([check])).toBe(true);
    });
  }
});
