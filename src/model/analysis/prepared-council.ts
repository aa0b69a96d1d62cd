/**
 * A council turned into the numeric structure the fast analysis works on: unit weights (present seats)
 * in typed arrays, constraints resolved to bitmasks, the declared coalition as a mask, interchangeable
 * units grouped. Built once per council and options; every analysis of it then runs allocation-light.
 */
import { type Council, councilMajority, councilQuorum, type CouncilConstraints, unitPresent } from '../council.js';
import { type DataIssue, GovsimDataError, GovsimUsageError } from '../errors.js';
import type { AnalysisOptions, UnitRole } from './types.js';
import { searchOrderFor } from './minimal-winning.js';
import { allUnits, hasUnit, MASK_BITS, maskIntersection, maskUnion, maskWithout, unitBit, unitsIn } from './unit-masks.js';
import { classesFit, type WeightClasses, weightClasses } from './weight-classes.js';

/**
 * Most voting units a council may have: units are bits of masks held exactly in doubles (unit-masks.ts).
 * Real councils have at most about 20 (Baghdad with factions); up to 31 the masks are plain int32.
 */
export const MAX_UNITS = MASK_BITS;

/** Role codes in `PreparedCouncil.roles`: may join coalitions, must be in every one, may be in none. */
export const ROLE_FREE = 0;
/** See {@link ROLE_FREE}. */
export const ROLE_REQUIRED = 1;
/** See {@link ROLE_FREE}. */
export const ROLE_EXCLUDED = 2;

/** Numeric form of a council plus analysis options. Treat as read-only. */
export interface PreparedCouncil {
  readonly council: Council;
  readonly ids: readonly string[];
  /** Number of units (m). */
  readonly size: number;
  /** n: all members. */
  readonly members: number;
  /** The threshold for chair and governor: floor(n/2)+1 unless the council's rules set it. */
  readonly majority: number;
  /** Members who must be present: floor(n/2)+1 unless the council's rules set it. */
  readonly quorum: number;
  readonly present: number;
  readonly seats: Int32Array;
  /** Present seats: the weights of the council's voting game. */
  readonly weights: Int32Array;
  /** ROLE_FREE, ROLE_REQUIRED or ROLE_EXCLUDED per unit. */
  readonly roles: Uint8Array;
  readonly requiredMask: number;
  readonly excludedMask: number;
  /** Present seats of the required units. */
  readonly requiredWeight: number;
  /** Per free unit, the mask of free units it may not sit with. */
  readonly conflicts: Float64Array;
  /** Free units that appear in some incompatibility (enumerated explicitly); the rest are counted by a DP. */
  readonly constrainedMask: number;
  /** True when no admissible coalition exists at all (a required unit excluded, or two required units incompatible). */
  readonly infeasible: boolean;
  /** Declared coalition mask, or -1 when none was declared. */
  readonly declaredMask: number;
  /** Positions in the ideological order (compacted to units not excluded), or empty. */
  readonly order: Int32Array;
  /** Units with equal class ids are interchangeable: swapping them maps the whole problem onto itself. */
  readonly symmetryClass: Int32Array;
  /** Free units with weight > 0, sorted by weight descending (ties in council order): the enumeration order. */
  readonly searchOrder: Int32Array;
  /** The search order grouped by equal weight, when there are no incompatibilities (faster enumeration). */
  readonly classes: WeightClasses | undefined;
  /** Per unit, the index of its weight in `freeWeights` (free units only), else -1. */
  readonly freeWeightSlot: Int32Array;
  /** Distinct weights of the free units (including 0). */
  readonly freeWeights: Int32Array;
  /** Number of free units per entry of `freeWeights`. */
  readonly freeWeightCounts: Int32Array;
  /** Number of required units. */
  readonly requiredUnits: number;
  /** Resolved constraints, by unit id, for explanations. */
  readonly resolved: ResolvedConstraints;
}

/** Constraints after merging and expanding bloc ids, by unit id. */
export interface ResolvedConstraints {
  readonly incompatible: readonly (readonly [string, string])[];
  readonly required: readonly string[];
  readonly excluded: readonly string[];
  /** Units excluded because they are incompatible with a required unit. */
  readonly excludedByRequired: readonly string[];
  readonly order: readonly string[];
}

type IdSource = 'options' | 'council';

interface IdMaps {
  readonly units: Map<string, number>;
  readonly blocs: Map<string, number[]>;
}

function idMapsOf(council: Council): IdMaps {
  const units = new Map<string, number>();
  const blocs = new Map<string, number[]>();
  council.units.forEach((unit, index) => {
    units.set(unit.id, index);
    for (const bloc of unit.blocs ?? []) {
      const members = blocs.get(bloc) ?? [];
      members.push(index);
      blocs.set(bloc, members);
    }
  });
  return { units, blocs };
}

class IdResolver {
  private idMaps: IdMaps | undefined;
  private readonly usageIssues: DataIssue[] = [];
  private readonly dataIssues: DataIssue[] = [];

  constructor(private readonly council: Council) {}

  /** Built on first use: most analyses declare no constraints. */
  private maps(): IdMaps {
    return (this.idMaps ??= idMapsOf(this.council));
  }

  /** Unit indices an id stands for: a unit itself, or every unit of a bloc. */
  resolve(id: string, path: string, source: IdSource, allowBlocs = true): number[] {
    const { units, blocs } = this.maps();
    const unit = units.get(id);
    if (unit !== undefined) return [unit];
    const bloc = allowBlocs ? blocs.get(id) : undefined;
    if (bloc !== undefined) return bloc;
    const known = `units: ${[...units.keys()].join(', ')}${allowBlocs && blocs.size > 0 ? `; blocs: ${[...blocs.keys()].join(', ')}` : ''}`;
    this.report(source, path, `unknown ${allowBlocs ? 'unit or bloc' : 'unit'} "${id}" in council ${this.council.id} (${known})`);
    return [];
  }

  report(source: IdSource, path: string, message: string): void {
    (source === 'options' ? this.usageIssues : this.dataIssues).push({ path, message });
  }

  throwIfAny(): void {
    if (this.usageIssues.length > 0) {
      throw new GovsimUsageError(this.usageIssues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
    }
    if (this.dataIssues.length > 0) throw new GovsimDataError(undefined, this.dataIssues);
  }
}

/**
 * Most members a council may have: the analysis allocates tables as long as the majority (two lists of
 * 10^9 seats took 34 s). Datasets allow up to 10,000 general and 10,000 quota seats.
 */
export const MAX_MEMBERS = 20_000;

function checkUnits(council: Council): void {
  // Library callers may pass anything: a wrong shape is a data error, not a TypeError further down.
  const shape: unknown = council === null || typeof council !== 'object' ? undefined : council.units;
  if (!Array.isArray(shape)) throw new GovsimDataError(undefined, [{ path: 'units', message: 'expected a council with a list of units' }]);
  const malformed = (shape as unknown[]).findIndex((unit) => unit === null || typeof unit !== 'object' || typeof (unit as { id?: unknown }).id !== 'string');
  if (malformed !== -1) throw new GovsimDataError(undefined, [{ path: `units[${malformed}]`, message: 'expected a unit with an id' }]);
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  council.units.forEach((unit, i) => {
    if (seen.has(unit.id)) issues.push({ path: `units[${i}].id`, message: `duplicate unit id "${unit.id}" in council ${council.id}` });
    seen.add(unit.id);
    if (!Number.isSafeInteger(unit.seats) || unit.seats < 0) {
      issues.push({ path: `units[${i}].seats`, message: `expected a non-negative integer, got ${String(unit.seats)}` });
    }
    const present = unitPresent(unit);
    if (!Number.isSafeInteger(present) || present < 0 || present > unit.seats) {
      issues.push({ path: `units[${i}].present`, message: `expected an integer from 0 to ${unit.seats} (seats), got ${String(present)}` });
    }
  });
  const members = council.units.reduce((total, unit) => total + unit.seats, 0);
  if (members > MAX_MEMBERS) issues.push({ path: 'units', message: `council ${council.id} has ${members} members; the analysis handles at most ${MAX_MEMBERS}` });
  for (const key of ['majority', 'quorum'] as const) {
    const value = council.rules?.[key];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1 || value > members)) {
      issues.push({ path: `rules.${key}`, message: `expected an integer from 1 to ${members} (members), got ${String(value)}` });
    }
  }
  if (council.units.length > MAX_UNITS) {
    issues.push({ path: 'units', message: `council ${council.id} has ${council.units.length} voting units; the analysis handles at most ${MAX_UNITS}` });
  }
  if (issues.length > 0) throw new GovsimDataError(undefined, issues);
}

function bit(index: number): number {
  return unitBit(index);
}

/**
 * Builds the numeric structure for `council` and `options`. Throws GovsimDataError for malformed council
 * data or unknown ids in `council.constraints`, GovsimUsageError for unknown ids in `options`.
 */
export function prepareCouncil(council: Council, options: AnalysisOptions = {}): PreparedCouncil {
  checkUnits(council);
  const size = council.units.length;
  const ids = council.units.map((unit) => unit.id);
  const seats = new Int32Array(size);
  const weights = new Int32Array(size);
  let members = 0;
  let present = 0;
  council.units.forEach((unit, i) => {
    seats[i] = unit.seats;
    weights[i] = unitPresent(unit);
    members += unit.seats;
    present += unitPresent(unit);
  });

  const resolver = new IdResolver(council);
  const sources: { constraints: CouncilConstraints | undefined; source: IdSource; prefix: string }[] = [
    { constraints: council.constraints, source: 'council', prefix: 'constraints' },
    { constraints: options.constraints, source: 'options', prefix: 'options.constraints' },
  ];

  let requiredMask = 0;
  let excludedMask = 0;
  const pairMasks = new Float64Array(size);
  const incompatible: [string, string][] = [];
  for (const { constraints, source, prefix } of sources) {
    if (constraints === undefined) continue;
    constraints.required?.forEach((id, j) => {
      for (const u of resolver.resolve(id, `${prefix}.required[${j}]`, source)) requiredMask = maskUnion(requiredMask, bit(u));
    });
    constraints.excluded?.forEach((id, j) => {
      for (const u of resolver.resolve(id, `${prefix}.excluded[${j}]`, source)) excludedMask = maskUnion(excludedMask, bit(u));
    });
    constraints.incompatible?.forEach(([a, b], j) => {
      const left = resolver.resolve(a, `${prefix}.incompatible[${j}][0]`, source);
      const right = resolver.resolve(b, `${prefix}.incompatible[${j}][1]`, source);
      for (const u of left) {
        for (const v of right) {
          if (u === v || hasUnit(pairMasks[u]!, v)) continue;
          pairMasks[u] = pairMasks[u]! + bit(v);
          pairMasks[v] = pairMasks[v]! + bit(u);
          incompatible.push([ids[u]!, ids[v]!]);
        }
      }
    });
  }

  let declaredMask = -1;
  if (options.coalition !== undefined) {
    declaredMask = 0;
    options.coalition.forEach((id, j) => {
      for (const u of resolver.resolve(id, `coalition[${j}]`, 'options')) declaredMask = maskUnion(declaredMask, bit(u));
    });
  }

  const orderIds = options.order ?? options.constraints?.order ?? council.constraints?.order ?? [];
  const orderSource: IdSource = options.order !== undefined || options.constraints?.order !== undefined ? 'options' : 'council';
  const orderPrefix = options.order !== undefined ? 'order' : orderSource === 'options' ? 'options.constraints.order' : 'constraints.order';
  const orderIndices: number[] = [];
  let orderSeen = 0;
  orderIds.forEach((id, j) => {
    for (const u of resolver.resolve(id, `${orderPrefix}[${j}]`, orderSource, false)) {
      if (hasUnit(orderSeen, u)) {
        resolver.report(orderSource, `${orderPrefix}[${j}]`, `unit "${id}" is listed twice in the order`);
        continue;
      }
      orderSeen += bit(u);
      orderIndices.push(u);
    }
  });
  resolver.throwIfAny();

  // A unit incompatible with a required unit can never sit in an admissible coalition.
  let excludedByRequired = 0;
  for (let u = 0; u < size; u++) if (hasUnit(requiredMask, u)) excludedByRequired = maskUnion(excludedByRequired, pairMasks[u]!);
  excludedByRequired = maskWithout(excludedByRequired, maskUnion(requiredMask, excludedMask));
  const infeasible = maskIntersection(requiredMask, excludedMask) !== 0 || requiredConflict(requiredMask, pairMasks);
  const effectiveExcluded = maskUnion(excludedMask, excludedByRequired);

  const roles = new Uint8Array(size);
  let requiredWeight = 0;
  for (let u = 0; u < size; u++) {
    if (hasUnit(requiredMask, u)) {
      roles[u] = ROLE_REQUIRED;
      requiredWeight += weights[u]!;
    } else if (hasUnit(effectiveExcluded, u)) roles[u] = ROLE_EXCLUDED;
  }
  const freeMask = maskWithout(allUnits(size), maskUnion(requiredMask, effectiveExcluded));
  const conflicts = new Float64Array(size);
  let constrainedMask = 0;
  for (let u = 0; u < size; u++) {
    if (!hasUnit(freeMask, u)) continue;
    conflicts[u] = maskIntersection(pairMasks[u]!, freeMask);
    if (conflicts[u] !== 0) constrainedMask += bit(u);
  }

  const order = Int32Array.from(orderIndices.filter((u) => roles[u] !== ROLE_EXCLUDED));
  const searchOrder = searchOrderFor(weights, roles, ROLE_FREE);
  const freeWeightSlot = new Int32Array(size).fill(-1);
  const distinct: number[] = [];
  const distinctCounts: number[] = [];
  for (let u = 0; u < size; u++) {
    if (roles[u] !== ROLE_FREE) continue;
    let slot = distinct.indexOf(weights[u]!);
    if (slot < 0) {
      slot = distinct.length;
      distinct.push(weights[u]!);
      distinctCounts.push(0);
    }
    freeWeightSlot[u] = slot;
    distinctCounts[slot] = distinctCounts[slot]! + 1;
  }
  // The class tables hold int32 masks: above 31 units the branch-and-bound search lists the coalitions.
  const classes = constrainedMask === 0 && size <= 31 && classesFit(searchOrder, weights) ? weightClasses(searchOrder, weights) : undefined;

  return {
    council,
    ids,
    size,
    members,
    majority: councilMajority(council),
    quorum: councilQuorum(council),
    present,
    seats,
    weights,
    roles,
    requiredMask,
    excludedMask: effectiveExcluded,
    requiredWeight,
    conflicts,
    constrainedMask,
    infeasible,
    declaredMask,
    order,
    symmetryClass: symmetryClasses(size, seats, weights, roles, conflicts, declaredMask, orderSeen),
    searchOrder,
    classes,
    freeWeightSlot,
    freeWeights: Int32Array.from(distinct),
    freeWeightCounts: Int32Array.from(distinctCounts),
    requiredUnits: maskIds(requiredMask, ids).length,
    resolved: {
      incompatible,
      required: maskIds(requiredMask, ids),
      excluded: maskIds(excludedMask, ids),
      excludedByRequired: maskIds(excludedByRequired, ids),
      order: orderIndices.map((u) => ids[u]!),
    },
  };
}

function requiredConflict(requiredMask: number, pairMasks: Float64Array): boolean {
  for (let u = 0; u < pairMasks.length; u++) {
    if (hasUnit(requiredMask, u) && maskIntersection(pairMasks[u]!, requiredMask) !== 0) return true;
  }
  return false;
}

/**
 * Groups interchangeable units: same seats and present members, same role, same side of the declared
 * coalition, outside the ideological order, and the same incompatibilities apart from each other.
 */
function symmetryClasses(
  size: number,
  seats: Int32Array,
  weights: Int32Array,
  roles: Uint8Array,
  conflicts: Float64Array,
  declaredMask: number,
  orderMask: number,
): Int32Array {
  const classes = new Int32Array(size).fill(-1);
  for (let u = 0; u < size; u++) {
    if (classes[u] !== -1) continue;
    classes[u] = u;
    if (hasUnit(orderMask, u)) continue;
    // Being interchangeable is an equivalence (in the conflict graph, twins: a unit cannot have both a
    // twin it refuses and one it does not), so the first unit of a class stands for every member.
    for (let v = u + 1; v < size; v++) {
      if (classes[v] === -1 && !hasUnit(orderMask, v) && interchangeable(u, v, seats, weights, roles, conflicts, declaredMask)) classes[v] = u;
    }
  }
  return classes;
}

function interchangeable(u: number, v: number, seats: Int32Array, weights: Int32Array, roles: Uint8Array, conflicts: Float64Array, declaredMask: number): boolean {
  if (seats[u] !== seats[v] || weights[u] !== weights[v] || roles[u] !== roles[v]) return false;
  if (declaredMask !== -1 && hasUnit(declaredMask, u) !== hasUnit(declaredMask, v)) return false;
  const pair = bit(u) + bit(v);
  return maskWithout(conflicts[u]!, pair) === maskWithout(conflicts[v]!, pair);
}

/** Unit ids of the set bits of `mask`, in council order. */
export function maskIds(mask: number, ids: readonly string[]): string[] {
  const members = new Int32Array(MASK_BITS);
  const count = unitsIn(mask, members);
  return Array.from({ length: count }, (_, i) => ids[members[i]!]!);
}

/** Role name of unit `u`. */
export function roleName(prepared: PreparedCouncil, u: number): UnitRole {
  const role = prepared.roles[u];
  return role === ROLE_REQUIRED ? 'required' : role === ROLE_EXCLUDED ? 'excluded' : 'free';
}
