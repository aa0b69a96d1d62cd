/** Pure text layout: padding, truncation, word wrap, list windows and the bars. */
import { SEAT } from './theme.js';

/** Display width of a string (one column per code point; the explorer prints no wide characters). */
export function width(text: string): number {
  return [...text].length;
}

/** Cuts `text` to `max` columns, ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Cuts `text` to `max` columns without a marker: for table cells, which stay ASCII (see theme.SEP). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max)).join('');
}

/** `clip`, then pads with spaces to `size` columns. */
export function cell(text: string, size: number): string {
  const cut = clip(text, size);
  return cut + ' '.repeat(Math.max(0, size - width(cut)));
}

export function padEnd(text: string, size: number): string {
  const cut = truncate(text, size);
  return cut + ' '.repeat(Math.max(0, size - width(cut)));
}

export function padStart(text: string, size: number): string {
  const cut = truncate(text, size);
  return ' '.repeat(Math.max(0, size - width(cut))) + cut;
}

/** Word-wraps `text` to `max` columns; a word longer than a line (a URL) is broken across lines, never cut. */
export function wrapText(text: string, max: number): string[] {
  if (max <= 0) return [];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((entry) => entry.length > 0)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (width(candidate) <= max) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = [...word];
    while (rest.length > max) {
      lines.push(rest.slice(0, max).join(''));
      rest = rest.slice(max);
    }
    line = rest.join('');
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/**
 * Word-wraps `text` to `max` columns with every line after the first indented by `indent` spaces and
 * wrapped to the room left, so no line is wider than `max` (nothing is cut off at the right edge).
 */
export function wrapHanging(text: string, max: number, indent: number): string[] {
  if (max <= 0) return [];
  const pad = ' '.repeat(Math.max(0, Math.min(indent, max - 1)));
  const lines: string[] = [];
  let line = '';
  const limit = (): number => (lines.length === 0 ? max : max - pad.length);
  const flush = (): void => {
    lines.push(lines.length === 0 ? line : `${pad}${line}`);
    line = '';
  };
  for (const word of text.split(/\s+/).filter((entry) => entry.length > 0)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (width(candidate) <= limit()) {
      line = candidate;
      continue;
    }
    if (line !== '') flush();
    let rest = [...word];
    while (rest.length > limit()) {
      line = rest.slice(0, limit()).join('');
      rest = rest.slice(limit());
      flush();
    }
    line = rest.join('');
  }
  if (line !== '' || lines.length === 0) flush();
  return lines;
}

/** The slice of a list of `length` rows shown in `height` rows, keeping `cursor` visible. */
export function listWindow(cursor: number, length: number, height: number): { start: number; end: number } {
  if (height <= 0) return { start: 0, end: 0 };
  if (length <= height) return { start: 0, end: length };
  const start = Math.min(Math.max(0, cursor - Math.floor(height / 2)), length - height);
  return { start, end: start + height };
}

/** `+2`, `0`, `-3`. */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** `+1.25`, `0.00`, `-0.40`: an expectation, to two decimals. */
export function signedDecimal(value: number): string {
  const text = value.toFixed(2);
  return value > 0 && text !== '0.00' ? `+${text}` : text === '-0.00' ? '0.00' : text;
}

export function percent(value: number | undefined): string {
  return value === undefined ? '-' : `${(value * 100).toFixed(1)}%`;
}

export interface BarCells {
  /** Cells before the majority line (filled, then empty). */
  readonly before: { readonly filled: number; readonly empty: number };
  /** Cells after the line. */
  readonly after: { readonly filled: number; readonly empty: number };
}

/**
 * A coalition's votes against the majority line in `size` characters (the line takes one) for a
 * council of `seats` members. Rounding never moves the votes across the line: a majority always fills
 * up to it, a shortfall always stops before it.
 */
export function coalitionBar(votes: number, majority: number, seats: number, size: number): BarCells {
  const cells = Math.max(3, size) - 1;
  const scale = seats > 0 ? cells / seats : 0;
  const line = Math.min(cells - 1, Math.max(1, Math.round(majority * scale)));
  let filled = Math.min(cells, Math.round(Math.max(0, votes) * scale));
  if (votes >= majority) filled = Math.max(filled, line);
  else filled = Math.min(Math.max(filled, votes > 0 ? 1 : 0), line - 1);
  const before = Math.min(filled, line);
  const after = Math.max(0, filled - line);
  return { before: { filled: before, empty: line - before }, after: { filled: after, empty: cells - line - after } };
}

export interface SeatSegment {
  readonly unit: string;
  readonly char: string;
  readonly count: number;
  readonly coalition: boolean;
  readonly absent: boolean;
}

/**
 * One character per seat: the coalition's present members first, then its absent ones, then everyone
 * else, with the majority line after the majority-th seat. Units alternate characters.
 */
export function seatSegments(
  units: readonly { readonly id: string; readonly seats: number; readonly present: number; readonly inCoalition: boolean }[],
  majority: number,
): { segments: SeatSegment[]; line: number } {
  const segments: SeatSegment[] = [];
  const ordered = [...units.filter((unit) => unit.inCoalition), ...units.filter((unit) => !unit.inCoalition)];
  ordered.forEach((unit, i) => {
    const chars = unit.inCoalition ? SEAT.coalition : SEAT.other;
    const char = chars[i % 2]!;
    if (unit.present > 0) segments.push({ unit: unit.id, char, count: unit.present, coalition: unit.inCoalition, absent: false });
    if (unit.seats > unit.present) segments.push({ unit: unit.id, char: SEAT.absent, count: unit.seats - unit.present, coalition: unit.inCoalition, absent: true });
  });
  return { segments, line: majority };
}

/** Splits segments at seat `line` so the majority marker can be drawn between two seats. */
export function splitAtLine(segments: readonly SeatSegment[], line: number): { before: SeatSegment[]; after: SeatSegment[] } {
  const before: SeatSegment[] = [];
  const after: SeatSegment[] = [];
  let seen = 0;
  for (const segment of segments) {
    const room = Math.max(0, line - seen);
    if (room >= segment.count) before.push(segment);
    else if (room === 0) after.push(segment);
    else {
      before.push({ ...segment, count: room });
      after.push({ ...segment, count: segment.count - room });
    }
    seen += segment.count;
  }
  return { before, after };
}
