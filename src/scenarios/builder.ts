/**
 * Scenarios written in TypeScript: a typed builder producing the same document a YAML file holds, so
 * it is validated and applied by the same loader.
 *
 * ```ts
 * const run = scenario('Badr–Sadr in Najaf')
 *   .split({ council: 'najaf', list: 'nabni', into: { badr: 2, aah: 1 } })
 *   .deal({ id: 'badr-sadr', parties: ['badr', 'sadrists', 'nsf'], councils: ['najaf'], governor: 'badr' })
 *   .expect({ council: 'najaf', status: 'deadlock' })
 *   .run();
 * ```
 */
import type { z } from 'zod';
import { runScenario, type ScenarioRun } from './runner.js';
import { type LoadedScenario, scenarioFromDocument } from './scenario-loader.js';
import type { ScenarioDocument, ScenarioSchemas, SourceEntry, StepInput, StepKind } from './scenario-schema.js';

/** Citation and comment a step may carry. */
export interface StepMeta {
  readonly source?: string;
  readonly note?: string;
}

export class ScenarioBuilder {
  readonly #document: {
    name: string;
    description?: string;
    dataset?: string;
    seats?: string;
    units?: 'lists' | 'factions';
    extends?: string;
    rules?: z.input<ScenarioSchemas['ScenarioRules']>;
    sources: SourceEntry[];
    steps: Record<string, unknown>[];
    expect: z.input<ScenarioSchemas['Expectation']>[];
  };

  constructor(name: string) {
    this.#document = { name, sources: [], steps: [], expect: [] };
  }

  describe(description: string): this {
    this.#document.description = description;
    return this;
  }

  dataset(ref: string): this {
    this.#document.dataset = ref;
    return this;
  }

  seats(seatSet: string): this {
    this.#document.seats = seatSet;
    return this;
  }

  units(units: 'lists' | 'factions'): this {
    this.#document.units = units;
    return this;
  }

  extends(ref: string): this {
    this.#document.extends = ref;
    return this;
  }

  rules(rules: z.input<ScenarioSchemas['ScenarioRules']>): this {
    this.#document.rules = { ...this.#document.rules, ...structuredClone(rules) };
    return this;
  }

  source(entry: SourceEntry): this {
    this.#document.sources.push(structuredClone(entry));
    return this;
  }

  #step<K extends StepKind>(kind: K, body: StepInput<K>, meta: StepMeta = {}): this {
    // A copy: a caller reusing one object for several steps must get several steps, not one edited.
    this.#document.steps.push({ [kind]: structuredClone(body), ...meta });
    return this;
  }

  split(body: StepInput<'split'>, meta?: StepMeta): this {
    return this.#step('split', body, meta);
  }
  bloc(body: StepInput<'bloc'>, meta?: StepMeta): this {
    return this.#step('bloc', body, meta);
  }
  dissolve(body: StepInput<'dissolve'>, meta?: StepMeta): this {
    return this.#step('dissolve', body, meta);
  }
  deal(body: StepInput<'deal'>, meta?: StepMeta): this {
    return this.#step('deal', body, meta);
  }
  defect(body: StepInput<'defect'>, meta?: StepMeta): this {
    return this.#step('defect', body, meta);
  }
  transfer(body: StepInput<'transfer'>, meta?: StepMeta): this {
    return this.#step('transfer', body, meta);
  }
  absent(body: StepInput<'absent'>, meta?: StepMeta): this {
    return this.#step('absent', body, meta);
  }
  attend(body: StepInput<'attend'>, meta?: StepMeta): this {
    return this.#step('attend', body, meta);
  }
  veto(body: StepInput<'veto'>, meta?: StepMeta): this {
    return this.#step('veto', body, meta);
  }
  incompatible(body: StepInput<'incompatible'>, meta?: StepMeta): this {
    return this.#step('incompatible', body, meta);
  }
  group(body: StepInput<'group'>, meta?: StepMeta): this {
    return this.#step('group', body, meta);
  }
  package(body: StepInput<'package'>, meta?: StepMeta): this {
    return this.#step('package', body, meta);
  }
  join(body: StepInput<'join'>, meta?: StepMeta): this {
    return this.#step('join', body, meta);
  }
  leave(body: StepInput<'leave'>, meta?: StepMeta): this {
    return this.#step('leave', body, meta);
  }
  setSeats(body: StepInput<'seats'>, meta?: StepMeta): this {
    return this.#step('seats', body, meta);
  }

  expect(expectation: z.input<ScenarioSchemas['Expectation']>): this {
    this.#document.expect.push(structuredClone(expectation));
    return this;
  }

  /** The scenario as a document (what a YAML or JSON file would hold). */
  toDocument(): ScenarioDocument {
    const { sources, expect, ...rest } = this.#document;
    return structuredClone({
      ...rest,
      ...(sources.length > 0 ? { sources } : {}),
      ...(expect.length > 0 ? { expect } : {}),
    }) as ScenarioDocument;
  }

  /** Validates and applies it. `dir` resolves relative dataset and extends paths. */
  load(options: { dir?: string; file?: string } = {}): LoadedScenario {
    return scenarioFromDocument(this.toDocument(), options);
  }

  run(options: { dir?: string; file?: string } = {}): ScenarioRun {
    return runScenario(this.load(options));
  }
}

/** Starts a scenario in code. */
export function scenario(name: string): ScenarioBuilder {
  return new ScenarioBuilder(name);
}
