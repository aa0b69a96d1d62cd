/**
 * Reading the project's Markdown the way the docs tests need it: fenced code blocks with their info
 * string (```sh govsim, ```ts govsim-test, ```yaml scenario), and sections with their field tables.
 */

export interface FencedBlock {
  /** The info string after the fence, e.g. `sh govsim`. */
  readonly info: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The nearest heading above the block. */
  readonly section: string;
}

export interface TableRow {
  /** The first cell without its backticks. */
  readonly name: string;
  readonly cells: readonly string[];
}

export interface Section {
  readonly heading: string;
  readonly level: number;
  readonly rows: readonly TableRow[];
  readonly blocks: readonly FencedBlock[];
}

const FENCE = /^```(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;

/** Fenced blocks in order, with the heading each sits under. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const heading = HEADING.exec(lines[i]!);
    if (heading) {
      section = heading[2]!.trim();
      continue;
    }
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    if (i >= lines.length) throw new Error(`unclosed code fence at line ${start + 1}`);
    blocks.push({ info: open[1]!.trim(), code: `${body.join('\n')}\n`, line: start + 1, section });
  }
  return blocks;
}

/** Sections by heading, each with the rows of its tables whose first cell is a `code` name. */
export function sections(markdown: string): Section[] {
  const out: { heading: string; level: number; rows: TableRow[]; blocks: FencedBlock[] }[] = [];
  const blocks = fencedBlocks(markdown);
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      out.push({ heading: heading[2]!.trim(), level: heading[1]!.length, rows: [], blocks: blocks.filter((block) => block.section === heading[2]!.trim()) });
      continue;
    }
    const row = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (row && out.length > 0) {
      out.at(-1)!.rows.push({ name: row[1]!, cells: row[2]!.split('|').map((cell) => cell.trim()) });
    }
  }
  return out;
}
