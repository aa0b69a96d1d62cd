/**
 * Per council: the least it would take for a party, bloc or deal to reach the threshold (partners to
 * add, members to bring back, to win over, seats to move), and the least that would break the
 * governing alignment's majority. Exact: partner sets and exits come from minimalSets.
 */
import { fewestSet, minimalSets } from './minimal-sets.js';
import type {
  BreakingPoint,
  CouncilBreaking,
  CouncilPath,
  CouncilPaths,
  CouncilPathsOptions,
  PathConfidence,
  PathKind,
  PathsCouncil,
  PathsTarget,
  PathsUnit,
} from './types.js';

const DEFAULT_LIMIT = 20;
const RANK: Readonly<Record<PathConfidence, number>> = { documented: 0, inferred: 1, unresolved: 2 };

/** The weaker of confidences (unresolved < inferred < documented). */
export function weakestConfidence(values: Iterable<PathConfidence>): PathConfidence {
  let worst: PathConfidence = 'documented';
  for (const value of values) if (RANK[value] > RANK[worst]) worst = value;
  return worst;
}

function unitsById(council: PathsCouncil): Map<string, PathsUnit> {
  return new Map(council.units.map((unit) => [unit.id, unit]));
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** `a 3 + b 2` over present members (never empty: every path and every break names someone). */
function terms(parts: readonly { readonly id: string; readonly seats: number }[]): string {
  return parts.map((part) => `${part.id} ${part.seats}`).join(' + ');
}

export function presentVotes(council: PathsCouncil, ids: readonly string[]): number {
  const byId = unitsById(council);
  return sum(ids.map((id) => byId.get(id)?.present ?? 0));
}

function dealOf(council: PathsCouncil, unit: PathsUnit): boolean {
  return council.alignments.some((alignment) => alignment.id === unit.alignment && alignment.kind === 'deal');
}

/** Units that may join the target, and those that may not with the reason. */
export function partnerCandidates(council: PathsCouncil, target: PathsTarget): { candidates: PathsUnit[]; unavailable: { unit: string; reason: string }[] } {
  const core = new Set(target.units);
  const targetAlignments = new Set(council.units.filter((unit) => core.has(unit.id)).map((unit) => unit.alignment));
  targetAlignments.add(target.id);
  const candidates: PathsUnit[] = [];
  const unavailable: { unit: string; reason: string }[] = [];
  for (const unit of council.units) {
    if (core.has(unit.id)) continue;
    const clash = council.incompatible.find(([a, b]) => (a === unit.id && core.has(b)) || (b === unit.id && core.has(a)));
    if (clash) unavailable.push({ unit: unit.id, reason: `incompatible with ${clash[0] === unit.id ? clash[1] : clash[0]}` });
    else if (dealOf(council, unit) && !targetAlignments.has(unit.alignment)) unavailable.push({ unit: unit.id, reason: `bound by deal ${unit.alignment}` });
    else if (unit.present === 0) unavailable.push({ unit: unit.id, reason: 'no member present' });
    else candidates.push(unit);
  }
  return { candidates, unavailable };
}

function incompatiblePair(council: PathsCouncil): (a: string, b: string) => boolean {
  const pairs = new Set(council.incompatible.flatMap(([a, b]) => [`${a}\0${b}`, `${b}\0${a}`]));
  return (a, b) => pairs.has(`${a}\0${b}`);
}

/** The least it would take for `target` to reach the council's threshold. */
export function councilPaths(council: PathsCouncil, target: PathsTarget, options: CouncilPathsOptions = {}): CouncilPaths {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const byId = unitsById(council);
  const coreUnits = target.units.map((id) => byId.get(id)).filter((unit): unit is PathsUnit => unit !== undefined);
  const coreParts = coreUnits.map((unit) => ({ id: unit.id, seats: unit.present }));
  const votes = sum(coreParts.map((part) => part.seats));
  const deficit = council.threshold - votes;
  const presentTotal = sum(council.units.map((unit) => unit.present));
  const quorumShort = Math.max(0, council.quorum - presentTotal);
  const base = { council: council.id, for: target.id, threshold: council.threshold, votes, deficit, quorumShort };
  const { candidates, unavailable } = partnerCandidates(council, target);
  if (target.blocked !== undefined || deficit <= 0) {
    return { ...base, ...(target.blocked !== undefined ? { blocked: target.blocked } : {}), unavailable, paths: [], partnerSets: 0, partnerCountIsExact: true, complete: true, fewestPartners: null };
  }
  const coreConfidence = weakestConfidence([council.confidence, ...coreUnits.map((unit) => unit.confidence)]);
  const paths: CouncilPath[] = [];
  const make = (kind: PathKind, add: readonly PathsUnit[], members: readonly { unit: string; seats: number }[], extra: readonly { id: string; seats: number }[], confidence: PathConfidence): CouncilPath => {
    const seatsAdded = sum(add.map((unit) => unit.present)) + sum(members.map((member) => member.seats));
    const after = votes + seatsAdded;
    return {
      council: council.id,
      for: target.id,
      kind,
      add: add.map((unit) => unit.id),
      members,
      seatsAdded,
      votes: after,
      threshold: council.threshold,
      margin: after - council.threshold,
      arithmetic: `${terms([...coreParts, ...extra])} = ${after} ≥ ${council.threshold}, margin ${after - council.threshold}`,
      confidence,
    };
  };

  // Partners: minimal sets of available units by present members.
  const incompatible = incompatiblePair(council);
  const search = { ...options, limit, conflict: (i: number, j: number) => incompatible(candidates[i]!.id, candidates[j]!.id) };
  const found = minimalSets(candidates.map((unit) => unit.present), deficit, search);
  const partnerPath = (set: readonly number[]): CouncilPath => {
    const add = set.map((i) => candidates[i]!);
    return make('partners', add, [], add.map((unit) => ({ id: unit.id, seats: unit.present })), weakestConfidence([coreConfidence, ...add.map((unit) => unit.confidence)]));
  };
  for (const set of found.sets) paths.push(partnerPath(set));
  // The listing is ranked by seats added, so a set of fewer partners can lie past its limit: searched apart.
  const fewest = fewestSet(candidates.map((unit) => unit.present), deficit, search);
  const fewestPartners = fewest === null ? null : partnerPath(fewest);

  // Members of the target's own units who stayed away: bring back exactly the deficit (largest absences first;
  // units with none sort last and are never reached, the deficit being met before them).
  const absent = [...coreUnits].sort((a, b) => b.seats - b.present - (a.seats - a.present));
  if (sum(absent.map((unit) => unit.seats - unit.present)) >= deficit) {
    const members: { unit: string; seats: number }[] = [];
    let left = deficit;
    for (const unit of absent) {
      if (left === 0) break;
      const seats = Math.min(left, unit.seats - unit.present);
      members.push({ unit: unit.id, seats });
      left -= seats;
    }
    paths.push(make('return', [], members, members.map((member) => ({ id: `${member.unit} returning`, seats: member.seats })), coreConfidence));
  }

  // Members won over (defections) or seats moved (recounts, rulings): `deficit` of them from one unit
  // that has that many, else from the fewest units that together do (units with none never serve: they fall
  // short of a single path and sort last in the combined one, the deficit being met before them).
  for (const kind of ['defections', 'transfer'] as const) {
    const pool = council.units
      .filter((unit) => !target.units.includes(unit.id))
      .map((unit) => ({ unit, available: kind === 'defections' ? unit.present : unit.seats }));
    const single = pool.filter((entry) => entry.available >= deficit).sort((a, b) => a.available - b.available || a.unit.id.localeCompare(b.unit.id));
    const label = kind === 'defections' ? 'won over' : 'moved';
    if (single.length > 0) {
      for (const entry of single.slice(0, limit)) {
        const members = [{ unit: entry.unit.id, seats: deficit }];
        paths.push(make(kind, [], members, [{ id: `${entry.unit.id} ${label}`, seats: deficit }], weakestConfidence([coreConfidence, entry.unit.confidence])));
      }
    } else if (sum(pool.map((entry) => entry.available)) >= deficit) {
      const members: { unit: string; seats: number }[] = [];
      let left = deficit;
      const used: PathsUnit[] = [];
      for (const entry of [...pool].sort((a, b) => b.available - a.available)) {
        if (left === 0) break;
        const seats = Math.min(left, entry.available);
        members.push({ unit: entry.unit.id, seats });
        used.push(entry.unit);
        left -= seats;
      }
      paths.push(make(kind, [], members, members.map((member) => ({ id: `${member.unit} ${label}`, seats: member.seats })), weakestConfidence([coreConfidence, ...used.map((unit) => unit.confidence)])));
    }
  }
  // Paths were pushed by kind (partners, return, defections, transfer) and the sort is stable: kind breaks the last ties.
  paths.sort((a, b) => a.seatsAdded - b.seatsAdded || partiesOf(a) - partiesOf(b));
  return { ...base, unavailable, paths, partnerSets: found.count, partnerCountIsExact: found.countIsExact, complete: found.complete, fewestPartners };
}

function partiesOf(path: CouncilPath): number {
  return path.add.length + path.members.length;
}

/** The least that would break the governing alignment: exits, defections or absences, boycotts. */
export function breakingPoints(council: PathsCouncil, options: CouncilPathsOptions = {}): CouncilBreaking {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const alignment = council.governing;
  const members = council.units.filter((unit) => unit.alignment === alignment && unit.present > 0);
  const votes = sum(members.map((unit) => unit.present));
  if (alignment === null || votes < council.threshold) {
    return { council: council.id, alignment, votes, threshold: council.threshold, margin: null, points: [], complete: true };
  }
  const margin = votes - council.threshold;
  const need = margin + 1;
  const points: BreakingPoint[] = [];
  const point = (kind: BreakingPoint['kind'], units: readonly PathsUnit[], seats: number, after: number, arithmetic: string): BreakingPoint => ({
    council: council.id,
    alignment,
    kind,
    units: units.map((unit) => unit.id),
    seats,
    after,
    arithmetic,
    confidence: weakestConfidence([council.confidence, ...members.map((unit) => unit.confidence), ...units.map((unit) => unit.confidence)]),
  });

  const search = { ...options, limit };
  const exits = minimalSets(members.map((unit) => unit.present), need, search);
  for (const set of exits.sets) {
    const units = set.map((i) => members[i]!);
    const seats = sum(units.map((unit) => unit.present));
    points.push(point('exit', units, seats, votes - seats, `${votes} − ${terms(units.map((unit) => ({ id: unit.id, seats: unit.present })))} = ${votes - seats} < ${council.threshold}`));
  }
  // `need` members defecting or staying away: one unit that has them, else the fewest that do.
  const holders = members.filter((unit) => unit.present >= need);
  if (holders.length > 0) {
    for (const unit of holders.slice(0, limit)) points.push(point('members', [unit], need, votes - need, `${votes} − ${need} of ${unit.id} = ${votes - need} < ${council.threshold}`));
  } else {
    const used: PathsUnit[] = [];
    let left = need;
    for (const unit of [...members].sort((a, b) => b.present - a.present)) {
      if (left <= 0) break;
      used.push(unit);
      left -= unit.present;
    }
    points.push(point('members', used, need, votes - need, `${votes} − ${need} of ${used.map((unit) => unit.id).join(', ')} = ${votes - need} < ${council.threshold}`));
  }
  // Boycotts: minimal sets of other units whose absence drops attendance below the quorum (minimalSets
  // skips units with nobody present).
  const present = sum(council.units.map((unit) => unit.present));
  const outsiders = council.units.filter((unit) => unit.alignment !== alignment);
  const boycotts = minimalSets(outsiders.map((unit) => unit.present), present - council.quorum + 1, search);
  if (present >= council.quorum) {
    for (const set of boycotts.sets) {
      const units = set.map((i) => outsiders[i]!);
      const seats = sum(units.map((unit) => unit.present));
      points.push(point('boycott', units, seats, present - seats, `present ${present} − ${terms(units.map((unit) => ({ id: unit.id, seats: unit.present })))} = ${present - seats} < quorum ${council.quorum}`));
    }
  }
  points.sort((a, b) => a.seats - b.seats || a.units.length - b.units.length);
  return { council: council.id, alignment, votes, threshold: council.threshold, margin, points, complete: exits.complete && boycotts.complete };
}
