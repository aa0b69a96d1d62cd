/**
 * From a scenario's `probabilities:` block (already shape-checked by its zod schema) and the councils
 * the scenario produced, to the probabilistic model. Names are resolved here, so every unknown unit,
 * council or bloc is reported with its path in the block.
 *
 * Attendance layers, each overriding the previous for the units it names:
 *   1. the scenario: a unit's `present` members attend for sure, the rest are away;
 *   2. `attendance.all`, 3. `attendance.<unit>` (every council where the unit sits);
 *   4. `councils.<c>.attendance.all`, 5. `councils.<c>.attendance.<unit>`.
 * A unit's value is one probability for each member, or a list with one entry per seat.
 * `defect.<unit>` applies where the unit is in the coalition, `join.<unit>` where it is not; a
 * council-level entry for a unit on the wrong side is an error, a top-level one is skipped there.
 */
import { type Council, unitPresent } from '../council.js';
import type { DataIssue } from '../errors.js';
import { type Rational, ONE, ZERO } from '../rational.js';
import type { ProbabilisticCouncil, ProbabilisticScenario, ProbabilisticUnit, Shock, ShockEffect, ShockTarget } from './model.js';
import { type ProbabilityInput, parseProbability } from './probability.js';

export type AttendanceSpec = Readonly<Record<string, ProbabilityInput | readonly ProbabilityInput[]>>;
export type UnitProbabilities = Readonly<Record<string, ProbabilityInput>>;

export interface CouncilProbabilitySpec {
  /** The units backing the candidate, replacing the scenario's governing coalition. */
  readonly coalition?: readonly string[] | undefined;
  /** The unit providing the governor (decides whether the bloc governs); default: the coalition's largest unit. */
  readonly governor?: string | undefined;
  readonly attendance?: AttendanceSpec | undefined;
  readonly defect?: UnitProbabilities | undefined;
  readonly join?: UnitProbabilities | undefined;
}

export interface ShockSpec {
  readonly id: string;
  readonly description?: string | undefined;
  /** The probability that the event happens. */
  readonly p: ProbabilityInput;
  readonly effect: ShockEffect;
  readonly units?: readonly string[] | undefined;
  /** Every unit belonging to this bloc. */
  readonly bloc?: string | undefined;
  readonly councils?: 'all' | readonly string[] | undefined;
}

export interface ProbabilitySpec {
  /** The bloc whose governorships are counted nationally (default `cf`). */
  readonly bloc?: string | undefined;
  readonly attendance?: AttendanceSpec | undefined;
  readonly defect?: UnitProbabilities | undefined;
  readonly join?: UnitProbabilities | undefined;
  readonly councils?: Readonly<Record<string, CouncilProbabilitySpec>> | undefined;
  readonly shocks?: readonly ShockSpec[] | undefined;
}

/** A council as the scenario left it, with the coalition it decided on. */
export interface CouncilInput {
  readonly council: Council;
  /** Threshold and quorum: floor(n/2)+1 of all members unless given. */
  readonly threshold: number;
  readonly quorum: number;
  /** Unit ids backing the governing candidate (empty when the scenario found none). */
  readonly coalition: readonly string[];
  /** The unit providing the governor, if the scenario names one. */
  readonly governor?: string | undefined;
  /**
   * A governor from outside the coalition (a party without a seat here, or seated outside the deal):
   * the party id and the dataset blocs it belongs to, so it is not mistaken for the coalition's largest unit.
   */
  readonly outsideGovernor?: { readonly party: string; readonly blocs: readonly string[] } | undefined;
  /** The other alignments competing in the council: their units and their governor party's blocs. */
  readonly rivals?: readonly { readonly id: string; readonly units: readonly string[]; readonly governor: string; readonly governorBlocs: readonly string[] }[] | undefined;
}

export const DEFAULT_BLOC = 'cf';
const ALL = 'all';

export interface BuildResult {
  readonly scenario: ProbabilisticScenario;
  readonly issues: readonly DataIssue[];
}

/**
 * Builds the model; `issues` (paths relative to `base`, e.g. `probabilities`) are empty when the spec is valid.
 * `scope` is every council the block's names may refer to (default: the simulated ones): a block written
 * for a whole scenario stays valid when only some of its councils are simulated, and its entries for
 * the others are skipped.
 */
export function buildProbabilisticScenario(
  inputs: readonly CouncilInput[],
  spec: ProbabilitySpec,
  base = 'probabilities',
  scope: readonly Council[] = inputs.map((input) => input.council),
): BuildResult {
  const issues: DataIssue[] = [];
  const issue = (path: string, message: string): void => {
    issues.push({ path: `${base}.${path}`, message });
  };
  const bloc = spec.bloc ?? DEFAULT_BLOC;
  const councilIds = new Set(inputs.map((input) => input.council.id));
  const scopeIds = new Set([...councilIds, ...scope.map((council) => council.id)]);
  const scopeCouncils = [...inputs.map((input) => input.council), ...scope.filter((council) => !councilIds.has(council.id))];
  const unitsAnywhere = new Set(scopeCouncils.flatMap((council) => council.units.map((unit) => unit.id)));
  const blocsAnywhere = new Set<string>();
  for (const council of scopeCouncils) for (const unit of council.units) unit.blocs?.forEach((bloc) => blocsAnywhere.add(bloc));

  const probability = (input: ProbabilityInput, path: string): Rational | undefined => {
    const value = parseProbability(input);
    if (typeof value === 'string') {
      issue(path, value);
      return undefined;
    }
    return value;
  };

  // Top-level names must exist in at least one council.
  for (const key of Object.keys(spec.attendance ?? {})) {
    if (key !== ALL && !unitsAnywhere.has(key)) issue(`attendance.${key}`, unknownUnit(key, unitsAnywhere));
  }
  for (const field of ['defect', 'join'] as const) {
    for (const key of Object.keys(spec[field] ?? {})) if (!unitsAnywhere.has(key)) issue(`${field}.${key}`, unknownUnit(key, unitsAnywhere));
  }
  for (const key of Object.keys(spec.councils ?? {})) {
    if (!scopeIds.has(key)) issue(`councils.${key}`, `unknown council "${key}" (known: ${[...scopeIds].join(', ')})`);
  }
  // Parse top-level probabilities once, so a bad value is reported once rather than per council.
  const globalAttendance = parseAttendance(spec.attendance, 'attendance', probability);
  const globalDefect = parseUnitMap(spec.defect, 'defect', probability);
  const globalJoin = parseUnitMap(spec.join, 'join', probability);

  const councils: ProbabilisticCouncil[] = inputs.map((input) => {
    const { council } = input;
    const local = spec.councils?.[council.id];
    const at = `councils.${council.id}`;
    const ids = new Set(council.units.map((unit) => unit.id));
    const localAttendance = parseAttendance(local?.attendance, `${at}.attendance`, probability);
    const localDefect = parseUnitMap(local?.defect, `${at}.defect`, probability);
    const localJoin = parseUnitMap(local?.join, `${at}.join`, probability);

    for (const key of Object.keys(local?.attendance ?? {})) if (key !== ALL && !ids.has(key)) issue(`${at}.attendance.${key}`, unknownUnit(key, ids, council.id));
    let coalition = new Set(input.coalition);
    if (local?.coalition !== undefined) {
      coalition = new Set();
      local.coalition.forEach((id, i) => {
        const members = council.units.filter((unit) => unit.id === id || unit.blocs?.includes(id) === true);
        if (members.length === 0) issue(`${at}.coalition[${i}]`, unknownUnit(id, ids, council.id));
        for (const unit of members) coalition.add(unit.id);
      });
    }
    for (const key of Object.keys(local?.defect ?? {})) {
      if (!ids.has(key)) issue(`${at}.defect.${key}`, unknownUnit(key, ids, council.id));
      else if (!coalition.has(key)) issue(`${at}.defect.${key}`, `"${key}" is not in the coalition in ${council.id}; use join`);
    }
    for (const key of Object.keys(local?.join ?? {})) {
      if (!ids.has(key)) issue(`${at}.join.${key}`, unknownUnit(key, ids, council.id));
      else if (coalition.has(key)) issue(`${at}.join.${key}`, `"${key}" is already in the coalition in ${council.id}; use defect`);
    }

    const units = council.units.map((unit): ProbabilisticUnit => {
      const present = unitPresent(unit);
      let attendance: Rational[] = Array.from({ length: unit.seats }, (_, m) => (m < present ? ONE : ZERO));
      const layers: [Map<string, Rational | Rational[]>, string][] = [
        [globalAttendance, 'attendance'],
        [localAttendance, `${at}.attendance`],
      ];
      for (const [layer, path] of layers) {
        for (const key of [ALL, unit.id]) {
          const value = layer.get(key);
          if (value === undefined) continue;
          if (Array.isArray(value)) {
            if (key === ALL) continue; // the schema allows lists only per unit
            if (value.length !== unit.seats) {
              issue(`${path}.${key}`, `expected ${unit.seats} probabilities (one per seat of ${unit.id} in ${council.id}), got ${value.length}`);
              continue;
            }
            attendance = value;
          } else {
            attendance = attendance.map(() => value);
          }
        }
      }
      const inCoalition = coalition.has(unit.id);
      const switchProbability =
        (inCoalition ? (localDefect.get(unit.id) ?? globalDefect.get(unit.id)) : (localJoin.get(unit.id) ?? globalJoin.get(unit.id))) ?? ZERO;
      return { id: unit.id, seats: unit.seats, attendance, inCoalition, switchProbability };
    });

    let governor = local?.governor ?? (local?.coalition === undefined ? input.governor : undefined);
    if (local?.governor !== undefined && !ids.has(local.governor)) {
      issue(`${at}.governor`, unknownUnit(local.governor, ids, council.id));
      governor = undefined;
    }
    const outside = local?.governor === undefined && local?.coalition === undefined ? input.outsideGovernor : undefined;
    let governedByBloc: boolean;
    if (outside !== undefined && governor === undefined) {
      governedByBloc = outside.party === bloc || outside.blocs.includes(bloc);
    } else {
      governor ??= largestUnit(council, coalition);
      const governorUnit = council.units.find((unit) => unit.id === governor);
      governedByBloc = governor === bloc || governorUnit?.blocs?.includes(bloc) === true;
    }
    // A block that redefines the coalition replaces the scenario's alignments: no rivals then.
    const rivals = (local?.coalition === undefined ? (input.rivals ?? []) : [])
      .map((rival) => ({
        id: rival.id,
        units: rival.units.map((id) => council.units.findIndex((unit) => unit.id === id)).filter((index) => index >= 0 && !coalition.has(council.units[index]!.id)),
        governedByBloc: rival.governor === bloc || rival.governorBlocs.includes(bloc),
      }))
      .filter((rival) => rival.units.length > 0);
    return { id: council.id, threshold: input.threshold, quorum: input.quorum, units, governedByBloc, ...(rivals.length > 0 ? { rivals } : {}) };
  });

  const shocks: Shock[] = (spec.shocks ?? []).map((shock, s) => {
    const at = `shocks[${s}]`;
    const p = probability(shock.p, `${at}.p`) ?? ZERO;
    const selected = shock.councils === undefined || shock.councils === ALL ? [...scopeIds] : shock.councils;
    if (shock.councils !== undefined && shock.councils !== ALL) {
      shock.councils.forEach((id, i) => {
        if (!scopeIds.has(id)) issue(`${at}.councils[${i}]`, `unknown council "${id}"`);
      });
    }
    if (shock.units === undefined && shock.bloc === undefined) issue(at, 'a shock needs `units` or `bloc`');
    if (shock.bloc !== undefined && !blocsAnywhere.has(shock.bloc)) issue(`${at}.bloc`, `no unit in the scenario's councils belongs to bloc "${shock.bloc}"`);
    const targets: ShockTarget[] = [];
    const named = new Set(shock.units);
    // Units seated in the shock's councils: a named unit outside them is reported below.
    const seated = new Set<string>();
    for (const council of scopeCouncils) {
      if (!selected.includes(council.id)) continue;
      for (const unit of council.units) seated.add(unit.id);
    }
    inputs.forEach((input, c) => {
      if (!selected.includes(input.council.id)) return;
      input.council.units.forEach((unit, u) => {
        if (named.has(unit.id) || (shock.bloc !== undefined && unit.blocs?.includes(shock.bloc) === true)) targets.push({ council: c, unit: u });
      });
    });
    (shock.units ?? []).forEach((id, i) => {
      if (!seated.has(id)) issue(`${at}.units[${i}]`, `"${id}" sits in none of the shock's councils`);
    });
    return { id: shock.id, probability: p, effect: shock.effect, targets };
  });
  const shockIds = new Set<string>();
  (spec.shocks ?? []).forEach((shock, s) => {
    if (shockIds.has(shock.id)) issue(`shocks[${s}].id`, `duplicate shock id "${shock.id}"`);
    shockIds.add(shock.id);
  });

  return { scenario: { bloc, councils, shocks }, issues };
}

function parseAttendance(
  spec: AttendanceSpec | undefined,
  path: string,
  probability: (input: ProbabilityInput, path: string) => Rational | undefined,
): Map<string, Rational | Rational[]> {
  const parsed = new Map<string, Rational | Rational[]>();
  for (const [key, value] of Object.entries(spec ?? {})) {
    if (Array.isArray(value)) {
      const list = (value as readonly ProbabilityInput[]).map((item, i) => probability(item, `${path}.${key}[${i}]`));
      if (list.every((item): item is Rational => item !== undefined)) parsed.set(key, list);
    } else {
      const single = probability(value as ProbabilityInput, `${path}.${key}`);
      if (single !== undefined) parsed.set(key, single);
    }
  }
  return parsed;
}

function parseUnitMap(
  spec: UnitProbabilities | undefined,
  path: string,
  probability: (input: ProbabilityInput, path: string) => Rational | undefined,
): Map<string, Rational> {
  const parsed = new Map<string, Rational>();
  for (const [key, value] of Object.entries(spec ?? {})) {
    const p = probability(value, `${path}.${key}`);
    if (p !== undefined) parsed.set(key, p);
  }
  return parsed;
}

function largestUnit(council: Council, coalition: ReadonlySet<string>): string | undefined {
  let best: { id: string; seats: number } | undefined;
  for (const unit of council.units) {
    if (coalition.has(unit.id) && (best === undefined || unit.seats > best.seats)) best = { id: unit.id, seats: unit.seats };
  }
  return best?.id;
}

function unknownUnit(id: string, known: ReadonlySet<string>, council?: string): string {
  const where = council === undefined ? 'in any simulated council' : `in ${council}`;
  return `unknown unit "${id}" ${where} (units: ${[...known].sort().join(', ')})`;
}
