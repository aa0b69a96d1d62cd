/**
 * Output for every batch command: one row model rendered as an aligned table, CSV (RFC 4180),
 * GitHub Markdown or JSON, written to stdout or atomically to a file. Never goes through Ink.
 */
import { GovsimUsageError } from '../model/errors.js';
import { writeFileAtomic } from '../platform/atomic-write.js';

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

export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((column) => cellText(column.value(row))));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i]!.length)));
  const pad = (text: string, i: number): string =>
    columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const lines = [columns.map((column, i) => pad(column.header, i)).join('  ').trimEnd()];
  lines.push(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const line of cells) lines.push(line.map(pad).join('  ').trimEnd());
  return `${lines.join('\n')}\n`;
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
      return renderTable(columns, rows);
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
