/**
 * Single-seat changes that flip a council's outcome, read back from the run's `hinge` lines so a test
 * can name one: one seat moving between units, one member staying away, one member voting against
 * the line. The lines are the same ones `govsim run --explain` prints.
 */
import type { CouncilResult } from '../scenarios/runner.js';
import { unitOfParty } from './subject.js';

/** A single-seat change, as `toHingeOn` takes it. A list id also names its factions. */
export type SeatMove =
  /** One seat of `from` moves to `to` (any unit when `to` is omitted). */
  | { readonly from: string; readonly to?: string }
  /** One member of the unit stays away from the sitting. */
  | { readonly absent: string }
  /** One member of the unit votes against its coalition's line. */
  | { readonly votesAgainst: string };

/** One hinge line, parsed. */
export type HingeLine =
  | { readonly kind: 'move'; readonly from: string; readonly to: readonly string[]; readonly text: string }
  | { readonly kind: 'absent'; readonly unit: string; readonly text: string }
  | { readonly kind: 'votes-against'; readonly unit: string; readonly text: string };

const MOVE = /^move 1 seat (\S+) → (.+?): /;
const ABSENT = /^1 (\S+) member absent: /;
const AGAINST = /^1 (\S+) member votes against: /;

/** Parses one line; undefined for a line of another shape (it still shows in messages). */
export function parseHingeLine(text: string): HingeLine | undefined {
  const move = MOVE.exec(text);
  if (move) {
    const targets = move[2]!.split(/, | or /).map((target) => target.trim());
    return { kind: 'move', from: move[1]!, to: targets, text };
  }
  const absent = ABSENT.exec(text);
  if (absent) return { kind: 'absent', unit: absent[1]!, text };
  const against = AGAINST.exec(text);
  if (against) return { kind: 'votes-against', unit: against[1]!, text };
  return undefined;
}

/** The unit ids a party id stands for in this council: the unit itself, or the factions of a list. */
function unitsOf(council: CouncilResult, party: string): string[] {
  const ids = council.units.filter((unit) => unitOfParty(unit, party)).map((unit) => unit.id);
  return ids.length > 0 ? ids : [party];
}

/** Whether a parsed hinge line is the change `move` describes. */
export function hingeMatches(council: CouncilResult, line: HingeLine, move: SeatMove): boolean {
  if ('absent' in move) return line.kind === 'absent' && unitsOf(council, move.absent).includes(line.unit);
  if ('votesAgainst' in move) return line.kind === 'votes-against' && unitsOf(council, move.votesAgainst).includes(line.unit);
  if (line.kind !== 'move' || !unitsOf(council, move.from).includes(line.from)) return false;
  if (move.to === undefined) return true;
  const targets = unitsOf(council, move.to);
  return line.to.some((target) => targets.includes(target));
}

/** The change in words, for messages: `1 seat nabni → hikma`, `1 tasmim member absent`. */
export function describeSeatMove(move: SeatMove): string {
  if ('absent' in move) return `1 ${move.absent} member absent`;
  if ('votesAgainst' in move) return `1 ${move.votesAgainst} member voting against`;
  return `1 seat ${move.from} → ${move.to ?? 'any other unit'}`;
}

/** The ids a seat move names, for validation. */
export function seatMoveIds(move: SeatMove): string[] {
  if ('absent' in move) return [move.absent];
  if ('votesAgainst' in move) return [move.votesAgainst];
  return move.to === undefined ? [move.from] : [move.from, move.to];
}
