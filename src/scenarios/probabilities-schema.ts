/**
 * The `probabilities:` block of a scenario file: who may stay away, who may break ranks, and bloc-level
 * shocks. The schema checks shapes and that every probability is one (0..1, written as 0.7 or "7/10");
 * names (units, councils, blocs) are resolved against the scenario's councils when it is simulated,
 * with the same `probabilities.…` paths. Semantics: docs/uncertainty.md.
 */
import { z } from 'zod';
import { ID_PATTERN, ID_RULE, recordKeyError } from '../dataset/dataset-schema.js';
import { SHOCK_EFFECTS } from '../model/uncertainty/model.js';
import { parseProbability } from '../model/uncertainty/probability.js';

const ATTENDANCE_ALL = 'all';

function buildProbabilitiesSchemas() {
  const Id = z.string().regex(ID_PATTERN, { error: `expected an id: ${ID_RULE}` });

  /** 0.7 is read exactly as 7/10 (its decimal text), "7/10" as written. */
  const Probability = z
    .union([z.number(), z.string()], { error: 'expected a probability: a number such as 0.7 or a fraction such as "7/10"' })
    .superRefine((value, context) => {
      const parsed = parseProbability(value);
      if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
    })
    .describe('a probability from 0 to 1: 0.7 (read exactly as 7/10) or a fraction "7/10"');

  const Attendance = z
    .record(z.string(), z.union([Probability, z.array(Probability).min(1)]))
    .superRefine((entries, context) => {
      for (const [key, value] of Object.entries(entries)) {
        // `all` is itself a well-formed id.
        if (!Id.safeParse(key).success) context.addIssue({ code: 'custom', path: [key], message: 'expected a unit id or `all`' });
        if (key === ATTENDANCE_ALL && Array.isArray(value)) context.addIssue({ code: 'custom', path: [key], message: '`all` takes one probability, not a list' });
      }
    })
    .describe('probability that each member attends: `all` or a unit id → one probability, or a list with one per seat');

  const UnitProbabilities = z.record(Id, Probability, recordKeyError('a unit id'));

  const councilFields = {
    attendance: Attendance.optional(),
    defect: UnitProbabilities.optional().describe('coalition unit → probability that it votes against the candidate'),
    join: UnitProbabilities.optional().describe('unit outside the coalition → probability that it votes for the candidate'),
  };

  const CouncilProbabilities = z
    .strictObject({
      coalition: z.array(Id).min(1).optional().describe('unit or bloc ids backing the candidate; default: the coalition the scenario decides'),
      governor: Id.optional().describe('the unit providing the governor (decides whether the tracked bloc governs); default: the coalition\'s largest unit'),
      ...councilFields,
    })
    .describe('Probabilities for one council, overriding the top-level ones.');

  const ShockSchema = z
    .strictObject({
      id: Id,
      description: z.string().optional(),
      p: Probability.describe('the probability that the event happens'),
      effect: z.enum(SHOCK_EFFECTS).describe('support / oppose: the targets vote for / against the candidate; absent / attend: all their members stay away / come'),
      units: z.array(Id).min(1).optional(),
      bloc: Id.optional().describe('every unit of this bloc (dataset family or scenario bloc), e.g. cf'),
      councils: z.union([z.literal('all'), z.array(Id).min(1)]).optional().describe('default: all simulated councils'),
    })
    .refine((shock) => shock.units !== undefined || shock.bloc !== undefined, { error: 'a shock needs `units` or `bloc`' })
    .describe('A correlated event: with probability p, every target moves together (e.g. "the CF line holds": p 0.7, bloc cf, effect support).');

  const ProbabilitiesSchema = z
    .strictObject({
      bloc: Id.optional().describe('the bloc counted nationally, P(bloc governs ≥ k councils); default cf'),
      ...councilFields,
      councils: z.record(Id, CouncilProbabilities, recordKeyError('a council id')).optional(),
      shocks: z.array(ShockSchema).optional(),
    })
    .meta({
      id: 'Probabilities',
      title: 'govsim probabilities',
      description: 'Uncertain attendance, defections and bloc-level shocks for `govsim simulate`.',
    });

  return { Probability, Attendance, UnitProbabilities, CouncilProbabilities, ShockSchema, ProbabilitiesSchema };
}

export type ProbabilitiesSchemas = ReturnType<typeof buildProbabilitiesSchemas>;

let built: ProbabilitiesSchemas | undefined;

/** The `probabilities:` block's zod schemas (built once, on first call, like the scenario schemas). */
export function probabilitiesSchemas(): ProbabilitiesSchemas {
  return (built ??= buildProbabilitiesSchemas());
}

export type ProbabilitiesDocument = z.input<ProbabilitiesSchemas['ProbabilitiesSchema']>;
export type Probabilities = z.output<ProbabilitiesSchemas['ProbabilitiesSchema']>;
