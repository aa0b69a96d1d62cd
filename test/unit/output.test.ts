import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** Pieces produced while the file is being written: a test can look at the disk between two pieces, or fail midway. */
function streamed(make: () => Generator<string>): readonly string[] {
  return { [Symbol.iterator]: make } as unknown as readonly string[];
}

describe('writeFileAtomic', () => {
  it('replaces a regular file whole and leaves no temp file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-out-'));
    const file = join(dir, 'out.json');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('builds the new content in a sibling temp file: readers of the target see the old content until the rename', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-out-'));
    const file = join(dir, 'out.json');
    writeFileSync(file, 'old');
    const seen: { target: string; names: string[] }[] = [];
    function* pieces(): Generator<string> {
      yield 'new ';
      seen.push({ target: readFileSync(file, 'utf8'), names: readdirSync(dir).sort() });
      yield 'content';
    }
    writeFileAtomic(file, streamed(pieces));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.target).toBe('old');
    // The temp file sits in the target's directory (same filesystem, so the rename is atomic) and is hidden.
    expect(seen[0]!.names).toHaveLength(2);
    expect(seen[0]!.names[0]).toMatch(/^\.out\.json\..+\.tmp$/);
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('a write that fails midway leaves the previous file intact and no temp file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-out-'));
    const file = join(dir, 'out.json');
    writeFileSync(file, 'previous, complete');
    function* failing(): Generator<string> {
      yield '{"partial": ';
      throw new Error('serializer failed');
    }
    expect(() => writeFileAtomic(file, streamed(failing))).toThrowError(expect.objectContaining({ exitCode: 73, message: expect.stringContaining('serializer failed') }));
    expect(readFileSync(file, 'utf8')).toBe('previous, complete');
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
