import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCsv, renderMarkdown, renderTable, type Column } from '../../src/cli/output.js';
import { writeFileAtomic } from '../../src/platform/atomic-write.js';

interface Row { readonly id: string; readonly seats: number }
const columns: Column<Row>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'seats', value: (row) => row.seats, align: 'right' },
];

describe('output formats', () => {
  it('quotes CSV fields with commas, quotes and newlines (RFC 4180)', () => {
    expect(renderCsv(columns, [{ id: 'a,"b"', seats: 3 }])).toBe('id,seats\n"a,""b""",3\n');
  });

  it('escapes pipes in Markdown cells and right-aligns numbers', () => {
    expect(renderMarkdown(columns, [{ id: 'x|y', seats: 12 }])).toBe('| id | seats |\n|---|---:|\n| x\\|y | 12 |\n');
  });

  it('pads table columns to the widest cell', () => {
    expect(renderTable(columns, [{ id: 'basra', seats: 23 }, { id: 'najaf', seats: 15 }]).split('\n')[2]).toBe('basra     23');
  });
});

describe('writeFileAtomic', () => {
  it('replaces a regular file whole and leaves no temp file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-out-'));
    const file = join(dir, 'out.json');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('writes through a device instead of renaming over it', () => {
    writeFileAtomic('/dev/null', 'discarded');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('writeFileAtomic on targets it cannot replace', () => {
  it('refuses a directory with exit 73 and a message naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-out-'));
    expect(() => writeFileAtomic(dir, 'x')).toThrowError(expect.objectContaining({ exitCode: 73, message: `${dir}: cannot write output: it is a directory` }));
  });

  it('refuses a path below a regular file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-out-'));
    const file = join(dir, 'plain.txt');
    writeFileAtomic(file, 'x');
    expect(() => writeFileAtomic(join(file, 'out.json'), 'y')).toThrowError(/plain\.txt is not a directory/);
  });

  it('creates missing parent directories', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-out-'));
    const file = join(dir, 'a', 'b', 'out.csv');
    writeFileAtomic(file, 'id\n');
    expect(readFileSync(file, 'utf8')).toBe('id\n');
  });
});

describe('tables fitted to the terminal', () => {
  it('narrows the widest text column and wraps its cells by word; numbers keep their width; nothing is lost', async () => {
    const { renderTable } = await import('../../src/cli/output.js');
    const rows = [
      { id: 'najaf', note: 'badr and hikma with one local defector fall five short of eight', seats: 15 },
      { id: 'maysan', note: 'short by two', seats: 13 },
    ];
    const columns = [
      { header: 'council', value: (row: (typeof rows)[number]) => row.id },
      { header: 'note', value: (row: (typeof rows)[number]) => row.note },
      { header: 'seats', value: (row: (typeof rows)[number]) => row.seats, align: 'right' as const },
    ];
    const text = renderTable(columns, rows, 40);
    for (const line of text.trimEnd().split('\n')) expect([...line].length, line).toBeLessThanOrEqual(40);
    const words = text.split(/\s+/);
    for (const word of rows[0]!.note.split(' ')) expect(words).toContain(word);
    expect(text).toMatch(/^najaf +badr and hikma with one +15$/m);
    // Without a width the table is as wide as its widest row (pipes and files).
    expect(renderTable(columns, rows)).toContain(rows[0]!.note);
  });
});
