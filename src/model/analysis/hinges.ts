/**
 * Hinge seats as readable entries: each single-seat change the numeric core flagged, folded with the
 * changes that have the same effect, with the minimal winning coalitions it removes and adds, and a plain
 * before/after line. Most important first: majority flips, then by how many
 * winning coalitions change.
 */
import { shortLabel } from './coalition-text.js';
import type { FastAnalysis } from './fast-analysis.js';
import { enumerateMinimalWinning, searchOrderFor } from './minimal-winning.js';
import { maskIds, type PreparedCouncil, ROLE_FREE, ROLE_REQUIRED } from './prepared-council.js';
import type { HingeChange, HingeSeat } from './types.js';

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

/** Lists named in a hinge line before "and k more". */
const NAMED_IN_TEXT = 3;

/** Builds the hinge entries of `prepared` from the numeric core's change tables. */
export function hingeSeats(prepared: PreparedCouncil, fast: FastAnalysis): HingeSeat[] {
  const { size, ids, symmetryClass, weights } = prepared;
  const stride = size + 1;
  const byKey = new Map<string, Candidate>();
  const candidates: Candidate[] = [];
  const quorumAfterAbsence = prepared.present - 1 >= prepared.majority;
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
    return a.kindRank - b.kindRank || a.from - b.from || a.to - b.to;
  });

  const baseSet = new Set(fast.minimal);
  return candidates.map((candidate) => present(prepared, fast, candidate, baseSet));
}

function present(prepared: PreparedCouncil, fast: FastAnalysis, candidate: Candidate, baseSet: ReadonlySet<number>): HingeSeat {
  const { from, to } = candidate;
  const changed = Int32Array.from(prepared.weights);
  changed[from] = changed[from]! - 1;
  if (to >= 0) changed[to] = changed[to]! + 1;
  const after = minimalAt(prepared, changed);
  const afterSet = new Set(after);
  const lostMasks = fast.minimal.filter((mask) => !afterSet.has(mask));
  const gainedMasks = after.filter((mask) => !baseSet.has(mask));
  const sortByIds = (a: number, b: number): number => shortLabel(prepared, a).localeCompare(shortLabel(prepared, b));
  lostMasks.sort(sortByIds);
  gainedMasks.sort(sortByIds);

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
    lost: lostMasks.map((mask) => maskIds(mask, prepared.ids)),
    gained: gainedMasks.map((mask) => maskIds(mask, prepared.ids)),
    text: '',
  };
  return { ...hinge, text: hingeText(prepared, hinge, lostMasks, gainedMasks) };
}

function bitAt(mask: number, u: number): number {
  return (mask & (1 << u)) !== 0 ? 1 : 0;
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

function hingeText(prepared: PreparedCouncil, hinge: HingeSeat, lostMasks: readonly number[], gainedMasks: readonly number[]): string {
  const parts: string[] = [changeText(hinge.change)];
  const needed = prepared.majority;
  if (hinge.quorum.before !== hinge.quorum.after) {
    parts.push(`present ${prepared.present} → ${prepared.present - 1} of ${needed} needed: quorum ${hinge.quorum.after ? 'met' : 'lost'}`);
  }
  if (hinge.votes !== undefined) {
    const label = shortLabel(prepared, prepared.declaredMask);
    const outcome = hinge.flips ? (hinge.majority.after ? 'gains the majority' : 'loses the majority') : hinge.majority.after ? 'still a majority' : 'still no majority';
    const arithmetic = hinge.votes.before === hinge.votes.after ? `${hinge.votes.before}` : `${hinge.votes.before} → ${hinge.votes.after}`;
    parts.push(`${label} ${arithmetic} of ${needed} needed: ${outcome}`);
  } else if (hinge.flips) {
    parts.push(hinge.majority.after ? 'a majority becomes possible' : `no admissible coalition can reach ${needed} any more`);
  }
  if (lostMasks.length + gainedMasks.length > 0) {
    const name = (masks: readonly number[]): string => {
      const shown = masks.slice(0, NAMED_IN_TEXT).map((mask) => shortLabel(prepared, mask));
      return masks.length > NAMED_IN_TEXT ? `${shown.join('; ')}; and ${masks.length - NAMED_IN_TEXT} more` : shown.join('; ');
    };
    const pieces: string[] = [];
    if (lostMasks.length > 0) pieces.push(`loses ${lostMasks.length} (${name(lostMasks)})`);
    if (gainedMasks.length > 0) pieces.push(`gains ${gainedMasks.length} (${name(gainedMasks)})`);
    parts.push(`minimal winning coalitions: ${pieces.join(', ')}`);
  }
  let text = parts.join(': ');
  if (hinge.alike.length > 0) text += ` [alike: ${hinge.alike.map(changeText).join('; ')}]`;
  return text;
}
