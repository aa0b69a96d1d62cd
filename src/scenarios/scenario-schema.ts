/**
 * The scenario file language: zod schemas for YAML/JSON what-if files. Every object is strict, so a
 * misspelt key is an error rather than a silently ignored edit. `govsim schema` publishes
 * `z.toJSONSchema(Scenario, { io: 'input' })`.
 *
 * The schemas are built on first use (`scenarioSchemas()`): a run of bundled scenarios, which come
 * validated from the build-time snapshot, and `import('govsim')` never build them.
 *
 * A step is an object with exactly one kind key (`split`, `deal`, …) plus optional `source` and
 * `note`. The loader validates steps one by one against `STEP_SPECS[kind]` so that an error names the
 * step and the field (`steps[3].defect.from`) instead of a union failure.
 */
import { z } from 'zod';
import { ID_PATTERN, ID_RULE, MAX_COUNCIL_SEATS, recordKeyError } from '../dataset/dataset-schema.js';
import { probabilitiesSchemas } from './probabilities-schema.js';

/** A day, or a month where the sources give no day (Diyala's first sitting, February 2024). */
const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

/** Every step kind, in the order the documentation lists them. */
export const STEP_KINDS = [
  'split',
  'bloc',
  'dissolve',
  'deal',
  'defect',
  'transfer',
  'absent',
  'attend',
  'veto',
  'incompatible',
  'group',
  'package',
  'join',
  'leave',
  'seats',
] as const satisfies readonly string[];
export type StepKind = (typeof STEP_KINDS)[number];

export const OUTCOME_STATUSES = ['elected', 'deadlock', 'no-quorum', 'open'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];
export const GROUPS = ['A', 'B', 'C'] as const;
export type Group = (typeof GROUPS)[number];

function buildScenarioSchemas() {
  const { ProbabilitiesSchema } = probabilitiesSchemas();
  const Id = z.string().regex(ID_PATTERN, { error: `expected an id: ${ID_RULE}` });

  /** Councils a step applies to: `all` or a list of council ids. */
  const CouncilSelection = z.union([z.literal('all'), z.array(Id).min(1)]);

  const Seats = z.int().min(0);
  /** Seat counts a step moves or sets: bounded like a council's size (the loader also bounds the council after each step). */
  const StepSeats = Seats.max(MAX_COUNCIL_SEATS);
  const PositiveSeats = StepSeats.min(1);

  const SplitSpec = z
    .strictObject({
      council: Id,
      list: Id,
      into: z.record(Id, StepSeats, recordKeyError('a faction id')).optional().describe('faction id → seats; default: the dataset\'s estimated split'),
    })
    .describe('Split a list into its factions in one council (e.g. nabni → badr + aah).');

  const BlocSpec = z
    .strictObject({
      id: Id,
      name: z.string().min(1).optional(),
      members: z.array(Id).min(1).optional().describe('unit or list ids; default: the dataset bloc with this id'),
      councils: CouncilSelection.default('all'),
    })
    .describe('Members vote as one in the given councils.');

  const DissolveSpec = z
    .strictObject({ bloc: Id, councils: CouncilSelection.default('all') })
    .describe('The bloc stops voting as one in the given councils.');

  const DealSpec = z
    .strictObject({
      id: Id,
      name: z.string().min(1).optional(),
      parties: z.array(Id).min(1).describe('unit, list, bloc or zero-seat actor ids'),
      councils: CouncilSelection,
      governor: Id.describe('the party that provides the governor: any party or actor, in the deal or not, seated in the council or not'),
      chair: Id.optional().describe('the party that provides the council chair; one of `parties`'),
    })
    .describe('The parties\' present members vote for one governor in each listed council.');

  const DefectSpec = z
    .strictObject({
      council: Id,
      from: Id,
      seats: PositiveSeats.default(1),
      to: Id.optional().describe('a deal, bloc or unit; omitted: the defectors vote against'),
    })
    .describe('Members break ranks: their votes move; their seats stay with their list.');

  const TransferSpec = z
    .strictObject({ council: Id, from: Id, to: Id, seats: PositiveSeats.default(1) })
    .describe('Seats change hands (court ruling, recount).');

  const AbsentSpec = z
    .strictObject({
      council: Id,
      units: z.array(Id).min(1),
      seats: PositiveSeats.optional().describe('members absent from each listed unit; default: all'),
    })
    .describe('Members stay away from the sitting (boycott, quorum-breaking).');

  const AttendSpec = z
    .strictObject({
      council: Id,
      units: z.array(Id).min(1),
      seats: PositiveSeats.optional().describe('members returning to each listed unit; default: all'),
    })
    .describe('Absent members return.');

  const VetoSpec = z
    .strictObject({ actor: Id, councils: CouncilSelection.default('all'), against: z.array(Id).min(1) })
    .describe('An actor rules a party\'s candidate out of the governorship.');

  const IncompatibleSpec = z
    .strictObject({ between: z.tuple([Id, Id]), councils: CouncilSelection.default('all') })
    .describe('No coalition may contain both (unit, list, bloc or actor ids).');

  const GroupSpec = z
    .strictObject({ A: z.array(Id).optional(), B: z.array(Id).optional(), C: z.array(Id).optional() })
    .describe('Sets the A/B/C grouping of councils, overriding the derived one.');

  const PackageSpec = z
    .strictObject({ council: Id, posts: z.array(Id).min(2) })
    .describe('Several posts voted in one ballot.');

  const JoinSpec = z
    .strictObject({ units: z.array(Id).min(1), to: Id.describe('a bloc or deal id'), councils: CouncilSelection.default('all') })
    .describe('Units join a bloc or deal.');

  const LeaveSpec = z
    .strictObject({ units: z.array(Id).min(1), from: Id.describe('a bloc or deal id'), councils: CouncilSelection.default('all') })
    .describe('Units leave a bloc or deal.');

  const SetSeatsSpec = z
    .strictObject({ council: Id, unit: Id, seats: StepSeats })
    .describe('Sets a unit\'s seats (the council size changes with it).');

  /** Every step kind and the schema of its body, in the order of `STEP_KINDS`. */
  const STEP_SPECS = {
    split: SplitSpec,
    bloc: BlocSpec,
    dissolve: DissolveSpec,
    deal: DealSpec,
    defect: DefectSpec,
    transfer: TransferSpec,
    absent: AbsentSpec,
    attend: AttendSpec,
    veto: VetoSpec,
    incompatible: IncompatibleSpec,
    group: GroupSpec,
    package: PackageSpec,
    join: JoinSpec,
    leave: LeaveSpec,
    seats: SetSeatsSpec,
  } as const satisfies Record<StepKind, z.ZodType>;

  /** Citation and comment any step may carry. */
  const stepMeta = {
    source: z.string().min(1).optional().describe('a source id from `sources`, or a URL'),
    note: z.string().optional(),
  };

  function stepSchema<K extends StepKind>(kind: K) {
    return z.strictObject({ [kind]: STEP_SPECS[kind], ...stepMeta } as { [P in K]: (typeof STEP_SPECS)[K] } & typeof stepMeta);
  }

  /** One step schema per kind (`{ split: {...}, source?, note? }`). */
  const STEP_SCHEMAS = Object.fromEntries(STEP_KINDS.map((kind) => [kind, stepSchema(kind)])) as unknown as {
    [K in StepKind]: ReturnType<typeof stepSchema<K>>;
  };

  const Step = z.union(STEP_KINDS.map((kind) => STEP_SCHEMAS[kind]) as unknown as [
    (typeof STEP_SCHEMAS)['split'],
    ...(typeof STEP_SCHEMAS)[StepKind][],
  ]);

  const SourceEntry = z.strictObject({
    id: Id,
    url: z.string().min(1).optional(),
    title: z.string().optional(),
    date: z.string().optional(),
    note: z.string().optional(),
  });

  const NationalClaims = z
    .strictObject({
      seatsOf: z.array(Id).min(1).optional().describe('list or unit ids whose seats are summed over all councils'),
      seats: Seats.optional().describe('the expected sum of `seatsOf`'),
      elected: Seats.optional().describe('councils with an elected governor'),
      governorsFrom: z.record(Id, Seats, recordKeyError('a party id')).optional().describe('party → governorships (a list counts its factions)'),
      groups: z.strictObject({ A: Seats.optional(), B: Seats.optional(), C: Seats.optional() }).optional(),
    })
    .refine((claims) => (claims.seatsOf === undefined) === (claims.seats === undefined), { error: '`seatsOf` and `seats` go together' });

  const Expectation = z
    .strictObject({
      council: Id.optional().describe('the council the claims are about (or use `national`)'),
      national: NationalClaims.optional().describe('claims about all councils together'),
      status: z.enum(OUTCOME_STATUSES).optional(),
      governorFrom: z.union([Id, z.null()]).optional().describe('null: no governor'),
      coalitionIncludes: z.array(Id).optional(),
      coalitionExcludes: z.array(Id).optional(),
      votes: Seats.optional(),
      marginAtLeast: z.int().optional(),
      marginAtMost: z.int().optional(),
      majority: z.enum(['holds', 'fails']).optional().describe('whether the governing coalition reaches the absolute majority'),
      quorum: z.enum(['met', 'fails']).optional(),
      present: Seats.optional(),
      members: Seats.optional(),
      group: z.enum(GROUPS).optional(),
      pivotalIncludes: z.array(Id).optional(),
      posts: z.record(Id, z.union([Id, z.null()]), recordKeyError('a post id')).optional().describe('post → the unit whose candidate wins it (null: nobody), when the posts are voted'),
      postVotes: z.record(Id, Seats, recordKeyError('a post id')).optional().describe('post → the votes its winner (or leading candidate) received, when the posts are voted'),
      note: z.string().optional(),
    })
    .refine((entry) => (entry.council === undefined) !== (entry.national === undefined), { error: 'an expectation names either a `council` or `national`' })
    .refine((entry) => entry.national === undefined || Object.keys(entry).every((key) => key === 'national' || key === 'note'), {
      error: 'a `national` expectation takes no per-council claims',
    })
    .describe('Claims about one council\'s result, or about all councils (`national`); `govsim check` evaluates them.');

  /** A threshold: an integer, or a formula over `members` (checked and evaluated per council by the loader). */
  const Threshold = z.union([z.int().min(1).max(MAX_COUNCIL_SEATS), z.string().min(1).max(200)]);

  const ScenarioRules = z.strictObject({
    runoff: z.enum(['none', 'top-two']).optional(),
    governorVacatesSeat: z.boolean().optional(),
    majority: Threshold.optional().describe(
      'votes a chair or governor needs: an integer, or a formula over `members` such as "ceil(2*members/3)" (numbers, members, + - * / ^, parentheses, floor, ceil, round, min, max, abs; evaluated exactly per council, must give a whole number from 1 to members); default: the absolute majority floor(members/2)+1',
    ),
    quorum: Threshold.optional().describe(
      'members who must be present for a vote: an integer or a formula over `members`, as for `majority`; default: floor(members/2)+1',
    ),
  });

  /** A dated sitting of one council: the changes since the previous sitting, then claims about its result. */
  function sittingObject<S extends z.ZodType>(steps: S) {
    return z
      .strictObject({
        council: Id.describe('the council that meets'),
        date: z.string().regex(DATE, { error: 'expected a date YYYY-MM-DD (or YYYY-MM)' }),
        title: z.string().min(1).optional(),
        source: z.string().min(1).optional().describe('a source id from `sources`, or a URL'),
        note: z.string().optional(),
        steps: steps.describe('changes since the previous sitting (attendance, deals, rulings); the state carries over'),
        expect: z.array(z.unknown()).optional().describe('claims about this sitting\'s result; `council` defaults to the sitting\'s'),
      })
      .describe('One sitting of a council, replayed in order after the scenario\'s steps.');
  }

  function scenarioObject<S extends z.ZodType>(steps: S) {
    return z
      .strictObject({
        name: z.string().min(1),
        description: z.string().optional(),
        dataset: z.string().min(1).optional().describe('bundled dataset name or a path relative to this file; default iraq-2023'),
        seats: z.string().min(1).optional().describe('seat set: final, preliminary or a named estimate set; default final'),
        units: z.enum(['lists', 'factions']).optional().describe('start from lists (default) or from the dataset\'s faction estimates'),
        extends: z.string().min(1).optional().describe('bundled scenario name or a path relative to this file'),
        rules: ScenarioRules.optional(),
        sources: z.array(SourceEntry).optional(),
        steps,
        expect: z.array(Expectation).optional(),
        sittings: z.array(sittingObject(steps)).optional().describe('dated sittings in order, each after the previous one (the state carries over)'),
        probabilities: ProbabilitiesSchema.optional().describe('attendance and defection probabilities for `govsim simulate`'),
      })
      .meta({ id: 'Scenario', title: 'govsim scenario', description: 'A what-if scenario for the governor-selection simulator.' });
  }

  /** A scenario file (the published schema). */
  const Scenario = scenarioObject(z.array(Step).optional());

  /** The same document with steps left unparsed; the loader checks them one by one for precise paths. */
  const ScenarioShell = scenarioObject(z.array(z.unknown()).optional());

  return { Id, CouncilSelection, SplitSpec, BlocSpec, DissolveSpec, DealSpec, DefectSpec, TransferSpec, AbsentSpec, AttendSpec, VetoSpec, IncompatibleSpec, GroupSpec, PackageSpec, JoinSpec, LeaveSpec, SetSeatsSpec, STEP_SPECS, STEP_SCHEMAS, Step, SourceEntry, NationalClaims, Expectation, ScenarioRules, Scenario, ScenarioShell };
}

export type ScenarioSchemas = ReturnType<typeof buildScenarioSchemas>;
type StepSpecs = ScenarioSchemas['STEP_SPECS'];

let built: ScenarioSchemas | undefined;

/** The scenario files' zod schemas (built once, on first call). */
export function scenarioSchemas(): ScenarioSchemas {
  return (built ??= buildScenarioSchemas());
}

export type CouncilSelection = z.infer<ScenarioSchemas['CouncilSelection']>;
/** A step of kind K, as parsed (defaults applied). */
export type StepOf<K extends StepKind> = { [P in K]: z.output<StepSpecs[K]> } & {
  source?: string | undefined;
  note?: string | undefined;
};
export type Step = { [K in StepKind]: StepOf<K> }[StepKind];
/** A step body of kind K as written (defaults optional). */
export type StepInput<K extends StepKind> = z.input<StepSpecs[K]>;
export type SourceEntry = z.infer<ScenarioSchemas['SourceEntry']>;
export type Expectation = z.infer<ScenarioSchemas['Expectation']>;
export type ScenarioDocument = z.input<ScenarioSchemas['Scenario']>;
export type ScenarioShell = z.output<ScenarioSchemas['ScenarioShell']>;

/** The JSON Schema of scenario files, as `govsim schema` prints it. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchemas().Scenario, { io: 'input' });
}
