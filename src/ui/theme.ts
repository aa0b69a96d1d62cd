/**
 * Colours and textual markers. Colour is never the only cue: NO_COLOR (mapped to FORCE_COLOR=0 by the
 * bin) strips it, so every state also has a word or a symbol.
 */
import type { OutcomeStatus } from '../scenarios/scenario-schema.js';

export const STATUS_STYLE: Readonly<Record<OutcomeStatus, { readonly label: string; readonly color: string }>> = {
  elected: { label: 'ELECTED', color: 'green' },
  deadlock: { label: 'DEADLOCK', color: 'red' },
  'no-quorum': { label: 'NO QUORUM', color: 'magenta' },
  open: { label: 'OPEN', color: 'yellow' },
};

export const MARK = {
  cursor: '›',
  member: '[x]',
  notMember: '[ ]',
  /** After a council whose outcome the last edit changed. */
  changed: 'Δ',
  majority: 'MAJORITY',
  noMajority: 'NO MAJORITY',
} as const;

/** After a figure resting on inferred (`~`) or unresolved (`?`) seats; documented ones carry none. */
export const CONFIDENCE_MARK = { documented: '', inferred: '~', unresolved: '?' } as const;

/**
 * Separators are ASCII on purpose: Ink measures every line on every frame, and a line holding any
 * non-ASCII character takes string-width's slow grapheme path (several times the cost of an ASCII one).
 */
export const SEP = ' | ';
/** Between key hints in the footer and prompts. */
export const HINT_SEP = '  ';

export const TONE_COLOR = { info: 'cyan', success: 'green', error: 'red' } as const;

/** Seat bar characters: alternating per unit so neighbours stay apart without colour. */
export const SEAT = {
  coalition: ['█', '▓'],
  other: ['░', '▒'],
  absent: '·',
  line: '│',
} as const;

/** Ink's `color` prop, or none (exactOptionalPropertyTypes forbids passing `undefined`). */
export function tint(color: string | undefined): { color?: string } {
  return color === undefined ? {} : { color };
}
