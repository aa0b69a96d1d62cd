/**
 * Across councils: packages of governorships. A package is one set of partner parties, each joining
 * the target's deal in every council where it sits; it wins a council when the target's present
 * votes plus its partners' reach the threshold there (with the quorum met).
 *
 * W(P), the councils package P wins, only grows with P (partners add votes, and a subset of an
 * admissible package is admissible), so P is minimal for "at least k councils" iff W(P) ≥ k and
 * W(P − p) < k for every p in P. Writing drop(P) = max over p of W(P − p), P is minimal exactly for
 * the k in (drop(P), W(P)]: one pass over the 2^n packages (sums built incrementally, one add per
 * package and council) gives the whole k = 1..councils frontier in O(2^n · (c + n)).
 * `naivePackageFrontier` is the definition applied literally, for tests and the benchmark.
 */
import { PathSearchError } from './minimal-sets.js';
import { weakestConfidence } from './council-paths.js';
import type { PathConfidence } from './types.js';

/** One council as the package search sees it. */
export interface PackageCouncil {
  readonly id: string;
  readonly threshold: number;
  /** The target's present votes here (0 when it has no seat). */
  readonly core: number;
  /** Why the target cannot govern here whatever the package (vetoed, no quorum…). */
  readonly blocked?: string;
  /** Per candidate (same order as `PackageInput.candidates`): present votes it brings here (0: absent, bound elsewhere, incompatible). */
  readonly partners: readonly number[];
  /** The alignment governing now if it is not the target's, with its votes and each candidate's share of them. */
  readonly rival?: { readonly id: string; readonly votes: number; readonly shares: readonly number[] };
  /** Weakest confidence of the seats here (council size, target, partners). */
  readonly confidence: PathConfidence;
}

export interface PackageInput {
  readonly target: string;
  readonly candidates: readonly string[];
  readonly councils: readonly PackageCouncil[];
  /** Candidate pairs that may not be in one package. */
  readonly incompatible?: readonly (readonly [string, string])[];
  /** Packages of at most this many partners (default: no limit). */
  readonly maxPartners?: number;
}

export interface Package {
  readonly partners: readonly string[];
  /** Councils it wins. */
  readonly wins: number;
  /** Present seats its partners bring, summed over the councils they sit in. */
  readonly seatsAdded: number;
  readonly councils: readonly string[];
  readonly confidence: PathConfidence;
}

export interface FrontierLevel {
  /** At least this many governorships. */
  readonly k: number;
  /** How many minimal packages exist at this level. */
  readonly count: number;
  /** The best ones: fewest partners, then fewest seats added, then most councils won. */
  readonly packages: readonly Package[];
}

export interface PackageFrontier {
  readonly target: string;
  readonly candidates: readonly string[];
  /** Councils the target wins with no partner. */
  readonly alone: number;
  /** The most any admissible package wins. */
  readonly best: number;
  readonly levels: readonly FrontierLevel[];
}

/** Candidates a package search accepts: 2^n packages, so n is bounded (2^22 ≈ 4 M). */
export const MAX_CANDIDATES = 22;

interface Tables {
  readonly n: number;
  readonly wins: Uint8Array;
  readonly admissible: Uint8Array;
  readonly seats: Float64Array;
}

function conflictMasks(input: PackageInput): Int32Array {
  const n = input.candidates.length;
  const masks = new Int32Array(n);
  const index = new Map(input.candidates.map((id, i) => [id, i]));
  for (const [a, b] of input.incompatible ?? []) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    masks[i]! |= 1 << j;
    masks[j]! |= 1 << i;
  }
  return masks;
}

function checkSize(input: PackageInput): number {
  const n = input.candidates.length;
  if (n > MAX_CANDIDATES) {
    throw new PathSearchError(`${n} candidate partners: a package search covers at most ${MAX_CANDIDATES} (2^${MAX_CANDIDATES} packages); name fewer candidates`);
  }
  return n;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function lowBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

function tables(input: PackageInput): Tables {
  const n = checkSize(input);
  const size = 1 << n;
  const conflicts = conflictMasks(input);
  const admissible = new Uint8Array(size);
  admissible[0] = 1;
  const max = input.maxPartners ?? n;
  for (let mask = 1; mask < size; mask++) {
    const low = lowBit(mask);
    const rest = mask & (mask - 1);
    admissible[mask] = admissible[rest]! && (conflicts[low]! & rest) === 0 && popcount(mask) <= max ? 1 : 0;
  }
  const wins = new Uint8Array(size);
  const seats = new Float64Array(size);
  const sums = new Int32Array(size);
  for (const council of input.councils) {
    if (council.blocked !== undefined) continue;
    const need = council.threshold - council.core;
    if (need <= 0) {
      for (let mask = 0; mask < size; mask++) wins[mask]!++;
      continue;
    }
    for (let mask = 1; mask < size; mask++) {
      const s = sums[mask & (mask - 1)]! + council.partners[lowBit(mask)]!;
      sums[mask] = s;
      if (s >= need) wins[mask]!++;
    }
  }
  const perCandidate = input.candidates.map((_, i) => input.councils.reduce((total, council) => total + council.partners[i]!, 0));
  for (let mask = 1; mask < size; mask++) seats[mask] = seats[mask & (mask - 1)]! + perCandidate[lowBit(mask)]!;
  return { n, wins, admissible, seats };
}

function partnersOf(input: PackageInput, mask: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < input.candidates.length; i++) if (mask & (1 << i)) ids.push(input.candidates[i]!);
  return ids;
}

function maskOf(input: PackageInput, partners: readonly string[]): number {
  let mask = 0;
  for (const id of partners) {
    const i = input.candidates.indexOf(id);
    if (i < 0) throw new PathSearchError(`"${id}" is not a candidate partner (candidates: ${input.candidates.join(', ')})`);
    mask |= 1 << i;
  }
  return mask;
}

function wonBy(input: PackageInput, mask: number): PackageCouncil[] {
  return input.councils.filter((council) => council.blocked === undefined && council.core + votesFrom(council.partners, mask) >= council.threshold);
}

function votesFrom(values: readonly number[], mask: number): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) if (mask & (1 << i)) total += values[i]!;
  return total;
}

function describe(input: PackageInput, mask: number, t: Tables): Package {
  const won = wonBy(input, mask);
  return {
    partners: partnersOf(input, mask),
    wins: t.wins[mask]!,
    seatsAdded: t.seats[mask]!,
    councils: won.map((council) => council.id),
    confidence: weakestConfidence(won.map((council) => council.confidence)),
  };
}

/** Masks arrive in ascending order and the sort is stable: full ties stay in mask order. */
function rankMasks(t: Tables, masks: number[]): number[] {
  return masks.sort((a, b) => popcount(a) - popcount(b) || t.seats[a]! - t.seats[b]! || t.wins[b]! - t.wins[a]!);
}

export interface FrontierOptions {
  /** Packages listed per level (default 5; `count` is always complete). */
  readonly limit?: number;
}

/** The minimal packages giving the target at least k governorships, for every k = 1..councils. */
export function packageFrontier(input: PackageInput, options: FrontierOptions = {}): PackageFrontier {
  const limit = options.limit ?? 5;
  const t = tables(input);
  const size = 1 << t.n;
  const k = input.councils.length;
  // Minimal for k in (drop, wins]: bucket each admissible package by that range.
  const counts = new Array<number>(k + 2).fill(0);
  const starts: { mask: number; from: number; to: number }[] = [];
  let best = 0;
  for (let mask = 0; mask < size; mask++) {
    if (!t.admissible[mask]) continue;
    const w = t.wins[mask]!;
    if (w > best) best = w;
    let drop = -1;
    for (let rest = mask; rest !== 0; rest &= rest - 1) {
      const without = t.wins[mask & ~(rest & -rest)]!;
      if (without > drop) drop = without;
    }
    // k from drop+1 to w (k ≥ 1). Not minimal at all (drop = w, or the empty package, drop −1, winning
    // nothing): an empty range, skipped.
    const from = Math.max(1, drop + 1);
    if (from > w) continue;
    counts[from]!++;
    counts[w + 1]!--;
    starts.push({ mask, from, to: w });
  }
  const levels: FrontierLevel[] = [];
  let running = 0;
  for (let level = 1; level <= k; level++) {
    running += counts[level]!;
    const masks = starts.filter((entry) => entry.from <= level && level <= entry.to).map((entry) => entry.mask);
    levels.push({ k: level, count: running, packages: rankMasks(t, masks).slice(0, limit).map((mask) => describe(input, mask, t)) });
  }
  return { target: input.target, candidates: input.candidates, alone: t.wins[0]!, best, levels };
}

/**
 * The definition applied literally: for each k, every admissible package winning at least k councils
 * none of whose proper subsets (all of them, not only one-smaller ones) does, each council sum
 * recomputed from scratch. No monotonicity assumed; exponential in a worse way (3^n per level).
 */
export function naivePackageFrontier(input: PackageInput): { k: number; count: number; packages: string[][] }[] {
  const n = checkSize(input);
  const size = 1 << n;
  const conflicts = conflictMasks(input);
  const max = input.maxPartners ?? n;
  const admissible = (mask: number): boolean => {
    if (popcount(mask) > max) return false;
    for (let i = 0; i < n; i++) if (mask & (1 << i) && conflicts[i]! & mask) return false;
    return true;
  };
  const wins = (mask: number): number =>
    input.councils.filter((council) => council.blocked === undefined && council.core + votesFrom(council.partners, mask) >= council.threshold).length;
  const table = new Int32Array(size);
  for (let mask = 0; mask < size; mask++) table[mask] = admissible(mask) ? wins(mask) : -1;
  const levels: { k: number; count: number; packages: string[][] }[] = [];
  for (let k = 1; k <= input.councils.length; k++) {
    const found: string[][] = [];
    for (let mask = 0; mask < size; mask++) {
      if (table[mask]! < k) continue;
      let minimal = true;
      // Every proper subset, the empty one included (the empty package has none).
      for (let sub = (mask - 1) & mask; mask !== 0; sub = (sub - 1) & mask) {
        if (table[sub]! >= k) {
          minimal = false;
          break;
        }
        if (sub === 0) break;
      }
      if (minimal) found.push(partnersOf(input, mask));
    }
    levels.push({ k, count: found.length, packages: found });
  }
  return levels;
}

export type PackageCouncilStatus = 'won' | 'lost' | 'open' | 'blocked';

export interface PackageOutcome {
  readonly target: string;
  readonly partners: readonly string[];
  readonly councils: readonly {
    readonly council: string;
    readonly status: PackageCouncilStatus;
    readonly votes: number;
    readonly threshold: number;
    readonly arithmetic: string;
    readonly confidence: PathConfidence;
  }[];
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  /** Per partner, the governorships its defection costs (W(P) − W(P − p)), largest first. */
  readonly defections: readonly { readonly partner: string; readonly costs: number; readonly councils: readonly string[] }[];
}

/**
 * What one package does council by council: won (the target reaches the threshold), lost (the
 * alignment governing now keeps its majority without the package's partners), open or blocked; and
 * the partner whose defection costs the most governorships (first in `defections`).
 */
export function packageOutcome(input: PackageInput, partners: readonly string[]): PackageOutcome {
  checkSize(input);
  const mask = maskOf(input, partners);
  const councils = input.councils.map((council) => {
    const added = votesFrom(council.partners, mask);
    const votes = council.core + added;
    let status: PackageCouncilStatus;
    let arithmetic = `${input.target} ${council.core}${partners.map((id) => ` + ${id} ${council.partners[input.candidates.indexOf(id)]!}`).join('')} = ${votes}`;
    if (council.blocked !== undefined) {
      status = 'blocked';
      arithmetic += ` (${council.blocked})`;
    } else if (votes >= council.threshold) {
      status = 'won';
      arithmetic += ` ≥ ${council.threshold}`;
    } else if (council.rival && council.rival.votes - votesFrom(council.rival.shares, mask) >= council.threshold) {
      status = 'lost';
      const kept = council.rival.votes - votesFrom(council.rival.shares, mask);
      arithmetic += ` < ${council.threshold}; ${council.rival.id} keeps ${kept} ≥ ${council.threshold}`;
    } else {
      status = 'open';
      arithmetic += ` < ${council.threshold}`;
    }
    return { council: council.id, status, votes, threshold: council.threshold, arithmetic, confidence: council.confidence };
  });
  const wonSet = new Set(wonBy(input, mask).map((council) => council.id));
  const defections = partners
    .map((partner) => {
      const without = new Set(wonBy(input, mask & ~(1 << input.candidates.indexOf(partner))).map((council) => council.id));
      const lostCouncils = [...wonSet].filter((id) => !without.has(id));
      return { partner, costs: lostCouncils.length, councils: lostCouncils };
    })
    .sort((a, b) => b.costs - a.costs || a.partner.localeCompare(b.partner));
  const count = (status: PackageCouncilStatus): number => councils.filter((council) => council.status === status).length;
  return { target: input.target, partners: [...partners], councils, won: count('won'), lost: count('lost'), open: count('open'), defections };
}
