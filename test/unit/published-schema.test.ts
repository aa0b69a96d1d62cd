/**
 * The JSON Schema `govsim schema` prints is what an editor shows while a scenario is typed: every
 * description there must say something, each step kind says what it does in a sentence, and the
 * defaults an editor cannot infer from the types are named. The schemas are memoised per process, so
 * each test builds them on a fresh module copy (the building code then runs inside the test).
 */
import { describe, expect, it, vi } from 'vitest';

type Node = { [key: string]: unknown };

async function published(): Promise<Node> {
  vi.resetModules();
  const { scenarioJsonSchema } = await import('../../src/scenarios/scenario-schema.js');
  return scenarioJsonSchema() as Node;
}

/** Every `description` of the schema, by its JSON pointer. */
function descriptions(node: unknown, pointer = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    // A field named `description` (a scenario's, a shock's) is a schema, not a text.
    if (key === 'description' && typeof value !== 'object') found.set(pointer, value);
    else for (const [at, text] of descriptions(value, `${pointer}/${key}`)) found.set(at, text);
  }
  return found;
}

function at(schema: Node, pointer: string): Node {
  let node: unknown = schema;
  for (const key of pointer.split('/').slice(1)) node = (node as Node | undefined)?.[key];
  expect(node, pointer).toBeTypeOf('object');
  return node as Node;
}

const STEP = '/$defs/Scenario/properties/steps/items/anyOf';

describe('the published JSON Schema', () => {
  it('has no empty description anywhere', async () => {
    const all = descriptions(await published());
    expect(all.size).toBeGreaterThan(60);
    for (const [pointer, text] of all) {
      expect(typeof text, pointer).toBe('string');
      expect((text as string).trim().length, `${pointer} is empty`).toBeGreaterThan(10);
    }
  });

  it('names the scenario and the probabilities block for editors', async () => {
    const schema = await published();
    expect(schema.$ref).toBe('#/$defs/Scenario');
    expect(at(schema, '/$defs/Scenario')).toMatchObject({ title: 'govsim scenario', description: 'A what-if scenario for the governor-selection simulator.' });
    expect(at(schema, '/$defs/Probabilities')).toMatchObject({
      title: 'govsim probabilities',
      description: 'Uncertain attendance, defections and bloc-level shocks for `govsim simulate`.',
    });
    expect(at(schema, '/$defs/Scenario/properties/probabilities').$ref).toBe('#/$defs/Probabilities');
  });

  it('says in a sentence what each step kind does', async () => {
    const schema = await published();
    const kinds = (at(schema, STEP) as unknown as Node[]).map((entry) => Object.keys(entry.properties as Node).find((key) => key !== 'source' && key !== 'note')!);
    expect(kinds).toHaveLength(15);
    kinds.forEach((kind, i) => {
      const text = at(schema, `${STEP}/${i}/properties/${kind}`).description as string;
      expect(text, kind).toMatch(/^[A-Z].*\.$/);
    });
    // Every step may cite a source.
    kinds.forEach((kind, i) => expect(at(schema, `${STEP}/${i}/properties/source`).description, kind).toBe('a source id from `sources`, or a URL'));
  });

  it('names the defaults the types cannot show', async () => {
    const schema = await published();
    const step = (i: number, kind: string, field: string) => at(schema, `${STEP}/${i}/properties/${kind}/properties/${field}`).description;
    const top = (field: string) => at(schema, `/$defs/Scenario/properties/${field}`).description;
    expect(top('dataset')).toMatch(/default iraq-2023$/);
    expect(top('seats')).toMatch(/default final$/);
    expect(top('units')).toContain('lists (default)');
    expect(step(0, 'split', 'into')).toBe("faction id → seats; default: the dataset's estimated split");
    expect(step(1, 'bloc', 'members')).toBe('unit or list ids; default: the dataset bloc with this id');
    expect(step(4, 'defect', 'to')).toBe('a deal, bloc or unit; omitted: the defectors vote against');
    expect(step(6, 'absent', 'seats')).toBe('members absent from each listed unit; default: all');
    expect(step(7, 'attend', 'seats')).toBe('members returning to each listed unit; default: all');
    for (const threshold of ['majority', 'quorum']) {
      expect(at(schema, `/$defs/Scenario/properties/rules/properties/${threshold}`).description, threshold).toContain('floor(members/2)+1');
    }
    const probabilities = (pointer: string) => at(schema, `/$defs/Probabilities/properties/${pointer}`).description;
    expect(probabilities('bloc')).toMatch(/default cf$/);
    expect(probabilities('councils/additionalProperties/properties/coalition')).toContain('default: the coalition the scenario decides');
    expect(probabilities('councils/additionalProperties/properties/governor')).toContain("default: the coalition's largest unit");
    expect(probabilities('shocks/items/properties/councils')).toBe('default: all simulated councils');
  });

  it('describes the file as written: a field with a default is optional', async () => {
    const schema = await published();
    expect(at(schema, `${STEP}/1/properties/bloc`).required).toEqual(['id']);
    expect(at(schema, `${STEP}/4/properties/defect`).required).toEqual(['council', 'from']);
  });

  it('says what a deal\'s governor and chair may be', async () => {
    const schema = await published();
    const deal = at(schema, `${STEP}/3/properties/deal/properties`);
    expect((deal.governor as Node).description).toContain('in the deal or not, seated in the council or not');
    expect((deal.chair as Node).description).toContain('one of `parties`');
    expect((deal.parties as Node).description).toBe('unit, list, bloc or zero-seat actor ids');
  });
});
