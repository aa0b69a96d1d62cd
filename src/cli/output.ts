/**
 * Output for every batch command: one row model rendered as an aligned table, CSV (RFC 4180),
 * GitHub Markdown or JSON, written to stdout or atomically to a file. Never goes through Ink.
 */
import { GovsimUsageError } from '../model/errors.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { wrapCell } from '../explorer/text-wrap.js';

export const FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export function parseFormat(value: string): OutputFormat {
  if ((FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new GovsimUsageError(`unknown format "${value}" (expected one of: ${FORMATS.join(', ')})`);
}

export type Cell = string | number | boolean | bigint | null | undefined;

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => Cell;
  /** Right-align in tables (numbers). */
  readonly align?: 'left' | 'right';
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  return String(cell);
}

/** The width tables are fitted to: the terminal's when stdout is one, else none (pipes and files get full rows). */
export function terminalWidth(): number | undefined {
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
}

/**
 * An aligned table. With `maxWidth` (the terminal's), a table wider than it gives way column by column:
 * the widest left-aligned (text) column is narrowed first, down to its header or 8 columns, and its
 * cells wrap onto more lines; numbers (right-aligned) are never narrowed, so no figure is cut.
 */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], maxWidth?: number): string {
  const cells = rows.map((row) => columns.map((column) => cellText(column.value(row))));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => [...line[i]!].length)));
  if (maxWidth !== undefined) fitWidths(columns, widths, maxWidth);
  const pad = (text: string, i: number): string =>
    columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const physical = (line: readonly string[]): string[] => {
    const wrapped = line.map((text, i) => ([...text].length <= widths[i]! ? [text] : wrapCell(text, widths[i]!)));
    const height = Math.max(...wrapped.map((parts) => parts.length));
    return Array.from({ length: height }, (_, k) => wrapped.map((parts, i) => pad(parts[k] ?? '', i)).join('  ').trimEnd());
  };
  const lines = physical(columns.map((column) => column.header));
  lines.push(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const line of cells) lines.push(...physical(line));
  return `${lines.join('\n')}\n`;
}

function fitWidths<Row>(columns: readonly Column<Row>[], widths: number[], maxWidth: number): void {
  const total = (): number => widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1);
  const floor = columns.map((column) => (column.align === 'right' ? Infinity : Math.min(Math.max(8, column.header.length), widths[columns.indexOf(column)]!)));
  while (total() > maxWidth) {
    let widest = -1;
    widths.forEach((width, i) => {
      if (width > floor[i]! && (widest === -1 || width > widths[widest]!)) widest = i;
    });
    if (widest === -1) return; // nothing left to narrow: the terminal wraps the rest
    widths[widest] = Math.max(floor[widest]!, widths[widest]! - Math.max(1, total() - maxWidth));
  }
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(cellText(column.value(row)))).join(','));
  return `${lines.join('\n')}\n`;
}

function mdField(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function renderMarkdown<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [
    `| ${columns.map((column) => mdField(column.header)).join(' | ')} |`,
    `|${columns.map((column) => (column.align === 'right' ? '---:' : '---')).join('|')}|`,
  ];
  for (const row of rows) lines.push(`| ${columns.map((column) => mdField(cellText(column.value(row)))).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** JSON with bigint as decimal strings (JSON has no integers beyond 2^53). */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`;
}

export function renderRows<Row>(format: Exclude<OutputFormat, 'json'>, columns: readonly Column<Row>[], rows: readonly Row[]): string {
  switch (format) {
    case 'table':
      return renderTable(columns, rows, terminalWidth());
    case 'csv':
      return renderCsv(columns, rows);
    case 'md':
      return renderMarkdown(columns, rows);
  }
}

/**
 * Writes `text` (one string, or pieces in order, which spares joining a large output) to `file` so that
 * readers never see a partial file: write a sibling temp file, then rename over the target (atomic on
 * POSIX within one filesystem). Without `file`, prints to stdout.
 */
export function writeOutput(text: string | readonly string[], file?: string): void {
  if (file === undefined || file === '-') {
    if (typeof text === 'string') process.stdout.write(text);
    else for (const piece of text) process.stdout.write(piece);
    return;
  }
  writeFileAtomic(file, text);
}
