/**
 * Hinge seats as readable entries: each single-seat change the numeric core flagged, folded with the
 * changes that have the same effect, with the minimal winning coalitions it removes and adds, and a plain
 * before/after line. Most important first: majority flips, then by how many
 * winning coalitions change.
 */
import { shortLabel, sortMasks } from './coalition-text.js';
import type { FastAnalysis } from './fast-analysis.js';
import { enumerateMinimalWinning, maskWeight, searchOrderFor } from './minimal-winning.js';
import { maskIds, type PreparedCouncil, ROLE_FREE, ROLE_REQUIRED } from './prepared-council.js';
import type { HingeChange, HingeSeat } from './types.js';
import { hasUnit, MASK_BITS, maskIntersection, maskWithout, unitBit, unitsIn } from './unit-masks.js';

interface Candidate {
  readonly change: HingeChange;
  readonly from: number;
  readonly to: number;
  readonly kindRank: number;
  readonly majorityAfter: boolean;
  readonly quorumAfter: boolean;
  readonly lost: number;
  readonly gained: number;
  readonly alike: HingeChange[];
}

const KIND_RANK = { move: 0, absent: 1, defect: 2 } as const;

/** A hinge line names the coalitions it changes only when there are at most this many; otherwise it counts them. */
const NAMED_IN_TEXT = 2;

/**
 * Builds the hinge entries of `prepared` from the numeric core's change tables. `sortedMinimal` is the
 * base list of minimal winning coalitions in display order; each entry lists at most `listLimit` of the
 * coalitions it removes and adds.
 */
export function hingeSeats(prepared: PreparedCouncil, fast: FastAnalysis, sortedMinimal: readonly number[], listLimit: number): HingeSeat[] {
  const { size, ids, symmetryClass, weights } = prepared;
  const stride = size + 1;
  const byKey = new Map<string, Candidate>();
  const candidates: Candidate[] = [];
  const quorumAfterAbsence = prepared.present - 1 >= prepared.quorum;
  const consider = (candidate: Omit<Candidate, 'alike'>, key: string): void => {
    const changed = candidate.majorityAfter !== fast.majorityForms || candidate.lost + candidate.gained > 0;
    if (!changed) return;
    const existing = byKey.get(key);
    if (existing !== undefined) {
      existing.alike.push(candidate.change);
      return;
    }
    const entry = { ...candidate, alike: [] };
    byKey.set(key, entry);
    candidates.push(entry);
  };
  for (let x = 0; x < size; x++) {
    if (weights[x]! === 0) continue;
    const row = x * stride;
    const lostAlone = fast.hingeLost[row + size]!;
    const classX = symmetryClass[x]!;
    for (let y = 0; y < size; y++) {
      if (y === x) continue;
      consider(
        {
          change: { kind: 'move', from: ids[x]!, to: ids[y]! },
          from: x,
          to: y,
          kindRank: KIND_RANK.move,
          majorityAfter: fast.majorityAfter[row + y] === 1,
          quorumAfter: fast.quorumMet,
          lost: fast.hingeLost[row + y]!,
          gained: fast.hingeGained[row + y]!,
        },
        `move:${classX}:${symmetryClass[y]!}`,
      );
    }
    const absence = {
      change: { kind: 'absent', from: ids[x]! } as const,
      from: x,
      to: -1,
      kindRank: KIND_RANK.absent,
      majorityAfter: fast.majorityAfter[row + size] === 1,
      quorumAfter: quorumAfterAbsence,
      lost: lostAlone,
      gained: 0,
    };
    consider(absence, `absent:${classX}`);
    // A defection is an absence that keeps the quorum: the same game whenever the quorum does not move.
    const sameAsAbsence = quorumAfterAbsence === fast.quorumMet;
    consider(
      {
        change: { kind: 'defect', from: ids[x]! },
        from: x,
        to: -1,
        kindRank: KIND_RANK.defect,
        majorityAfter: fast.majorityAfterDefect[x] === 1,
        quorumAfter: fast.quorumMet,
        lost: lostAlone,
        gained: 0,
      },
      sameAsAbsence ? `absent:${classX}` : `defect:${classX}`,
    );
  }

  candidates.sort((a, b) => {
    const flipA = a.majorityAfter !== fast.majorityForms ? 1 : 0;
    const flipB = b.majorityAfter !== fast.majorityForms ? 1 : 0;
    if (flipA !== flipB) return flipB - flipA;
    const changedA = a.lost + a.gained;
    const changedB = b.lost + b.gained;
    if (changedA !== changedB) return changedB - changedA;
    return a.kindRank - b.kindRank; // stable: each kind was pushed by from, then to
  });

  const base = baseCoalitions(prepared, sortedMinimal);
  return candidates.map((candidate) => present(prepared, fast, candidate, base, listLimit));
}

/** The minimal winning coalitions before any change, with what the lost-coalition test needs. */
interface BaseCoalitions {
  readonly masks: readonly number[];
  readonly set: ReadonlySet<number>;
  readonly votes: Int32Array;
  /** Free members u with w(C) − w(u) = q − 1: superfluous once the coalition gains a vote elsewhere. */
  readonly slackOne: Float64Array;
}

function baseCoalitions(prepared: PreparedCouncil, masks: readonly number[]): BaseCoalitions {
  const { weights, roles, majority: quota } = prepared;
  const votes = new Int32Array(masks.length);
  const slackOne = new Float64Array(masks.length);
  const members = new Int32Array(MASK_BITS);
  masks.forEach((mask, i) => {
    const total = maskWeight(mask, weights);
    votes[i] = total;
    let slack = 0;
    const count = unitsIn(mask, members);
    for (let j = 0; j < count; j++) {
      const u = members[j]!;
      if (roles[u] === ROLE_FREE && total - weights[u]! === quota - 1) slack += unitBit(u);
    }
    slackOne[i] = slack;
  });
  return { masks, set: new Set(masks), votes, slackOne };
}

function present(prepared: PreparedCouncil, fast: FastAnalysis, candidate: Candidate, base: BaseCoalitions, listLimit: number): HingeSeat {
  const { from, to } = candidate;
  const changed = Int32Array.from(prepared.weights);
  changed[from] = changed[from]! - 1;
  if (to >= 0) changed[to] = changed[to]! + 1;
  const lostMasks = lostCoalitions(prepared, base, from, to);
  // A coalition holding neither x nor y keeps its weight and its members' weights: only the others can be new.
  const touched = unitBit(from) + (to >= 0 ? unitBit(to) : 0);
  const gainedAll = minimalAt(prepared, changed).filter((mask) => maskIntersection(mask, touched) !== 0 && !base.set.has(mask));
  // Only the first few are shown: the rest are counted, not sorted.
  const gainedMasks = sortMasks(prepared, gainedAll, Math.max(listLimit, NAMED_IN_TEXT + 1));

  const declared = prepared.declaredMask;
  const votes =
    declared === -1
      ? undefined
      : { before: fast.declaredVotes, after: fast.declaredVotes - bitAt(declared, from) + (to >= 0 ? bitAt(declared, to) : 0) };
  const hinge: HingeSeat = {
    change: candidate.change,
    alike: candidate.alike,
    majority: { before: fast.majorityForms, after: candidate.majorityAfter },
    flips: fast.majorityForms !== candidate.majorityAfter,
    quorum: { before: fast.quorumMet, after: candidate.quorumAfter },
    ...(votes === undefined ? {} : { votes }),
    needed: prepared.majority,
    winningLost: candidate.lost,
    winningGained: candidate.gained,
    minimalLost: lostMasks.length,
    minimalGained: gainedAll.length,
    lost: lostMasks.slice(0, listLimit).map((mask) => maskIds(mask, prepared.ids)),
    gained: gainedMasks.slice(0, listLimit).map((mask) => maskIds(mask, prepared.ids)),
    text: '',
  };
  return { ...hinge, text: hingeText(prepared, hinge, lostMasks, gainedMasks, gainedAll.length) };
}

/**
 * The minimal winning coalitions that stop being minimal winning when one vote moves from x to y
 * (y = -1: to no one), in base order. Holding x and not y at exactly the quota, a coalition loses.
 * Holding y and not x, it weighs one more, so a free member u ≠ y with w(C) − w(u) = q − 1 becomes
 * superfluous. Holding both, x becomes superfluous when w(C) − w(x) = q − 1. Every other coalition keeps
 * its weight, or stays above the quota with every member still critical.
 */
function lostCoalitions(prepared: PreparedCouncil, base: BaseCoalitions, x: number, y: number): number[] {
  const { weights, roles, majority: quota } = prepared;
  const xSuperfluousAt = roles[x] === ROLE_FREE ? quota - 1 + weights[x]! : -1;
  const lost: number[] = [];
  const { masks, votes, slackOne } = base;
  for (let i = 0; i < masks.length; i++) {
    const mask = masks[i]!;
    // ToInt32 keeps the low 32 bits of any mask: the int32 test is exact below bit 31.
    const hasX = x < 31 ? (mask & (1 << x)) !== 0 : hasUnit(mask, x);
    const hasY = y >= 0 && (y < 31 ? (mask & (1 << y)) !== 0 : hasUnit(mask, y));
    if (hasX ? (hasY ? votes[i] === xSuperfluousAt : votes[i] === quota) : hasY && maskWithout(slackOne[i]!, unitBit(y)) !== 0) lost.push(mask);
  }
  return lost;
}

function bitAt(mask: number, u: number): number {
  return hasUnit(mask, u) ? 1 : 0;
}

/** Minimal winning coalitions at changed weights (same constraints). */
function minimalAt(prepared: PreparedCouncil, weights: Int32Array): number[] {
  const out: number[] = [];
  if (prepared.infeasible) return out;
  let requiredWeight = 0;
  for (let u = 0; u < prepared.size; u++) if (prepared.roles[u] === ROLE_REQUIRED) requiredWeight += weights[u]!;
  enumerateMinimalWinning(
    {
      order: searchOrderFor(weights, prepared.roles, ROLE_FREE),
      weights,
      conflicts: prepared.conflicts,
      requiredMask: prepared.requiredMask,
      requiredWeight,
      quota: prepared.majority,
    },
    out,
  );
  // Bounded like the base listing (MAX_LISTED_MINIMAL): on a council with more, the lists are partial.
  return out;
}

/** `move 1 seat a → b`, `1 a member absent`, `1 a member votes against`. */
export function changeText(change: HingeChange): string {
  switch (change.kind) {
    case 'move':
      return `move 1 seat ${change.from} → ${change.to}`;
    case 'absent':
      return `1 ${change.from} member absent`;
    case 'defect':
      return `1 ${change.from} member votes against`;
  }
}

function hingeText(prepared: PreparedCouncil, hinge: HingeSeat, lostMasks: readonly number[], gainedMasks: readonly number[], gainedCount: number): string {
  const parts: string[] = [changeText(hinge.change)];
  const needed = prepared.majority;
  // Only an absence moves the quorum, and only from met to lost.
  if (hinge.quorum.before !== hinge.quorum.after) {
    parts.push(`present ${prepared.present} → ${prepared.present - 1} of ${prepared.quorum} needed: quorum lost`);
  }
  if (hinge.votes !== undefined) {
    const label = shortLabel(prepared, prepared.declaredMask);
    const outcome = hinge.flips ? (hinge.majority.after ? 'gains the majority' : 'loses the majority') : hinge.majority.after ? 'still a majority' : 'still no majority';
    const arithmetic = hinge.votes.before === hinge.votes.after ? `${hinge.votes.before}` : `${hinge.votes.before} → ${hinge.votes.after}`;
    parts.push(`${label} ${arithmetic} of ${needed} needed: ${outcome}`);
  } else if (hinge.flips) {
    parts.push(hinge.majority.after ? 'a majority becomes possible' : `no admissible coalition can reach ${needed} any more`);
  }
  if (lostMasks.length + gainedCount > 0) {
    const name = (masks: readonly number[], count: number): string =>
      count <= NAMED_IN_TEXT ? masks.map((mask) => shortLabel(prepared, mask)).join('; ') : `${count} coalitions`;
    const pieces: string[] = [];
    if (lostMasks.length > 0) pieces.push(`−${name(lostMasks, lostMasks.length)}`);
    if (gainedCount > 0) pieces.push(`+${name(gainedMasks, gainedCount)}`);
    parts.push(`minimal winning coalitions ${pieces.join(', ')}`);
  }
  let text = parts.join(': ');
  if (hinge.alike.length > 0) text += ` (alike: ${hinge.alike.map(shortChangeText).join(', ')})`;
  return text;
}

/** `a → b`, `a absent`, `a against`: a change in a few words, for the "alike" list. */
function shortChangeText(change: HingeChange): string {
  switch (change.kind) {
    case 'move':
      return `${change.from} → ${change.to}`;
    case 'absent':
      return `${change.from} absent`;
    case 'defect':
      return `${change.from} against`;
  }
}
