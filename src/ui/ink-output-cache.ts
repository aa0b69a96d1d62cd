/**
 * Ink builds every frame from scratch: each line of each text node is split into styled cells (ANSI
 * tokenising, one object per character) and measured with string-width, through caches that live for
 * one frame only, and then every row of cells is turned back into an ANSI string. A keypress in the
 * explorer changes a few lines of the screen, so most of that work repeats the previous frame's; on the
 * Baghdad council view it was two thirds of the time from key to frame.
 *
 * `shareInkOutputCaches` replaces `Output#get` (the step that turns a frame's write operations into
 * text) with the same algorithm over caches that outlive the frame:
 * - styled cells per styled line, and display widths per string, in process-wide maps that are emptied
 *   when they grow past a bound (a long session with ever-new lines must not grow without limit);
 * - blank cells are one shared object, so a row whose cells are the same objects as last time is the
 *   same text, and its string is reused instead of rebuilt.
 * Cells are read, never mutated, by Ink, so sharing them changes nothing in the frame's text:
 * test/ui/ink-output-cache.test.tsx compares frames with and without. Ink's version is pinned, and a
 * shape that no longer matches leaves Ink untouched.
 */
import type { StyledChar } from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
// The one import by file path in src/, allowed for this file alone in eslint.config.js: Ink's exports
// map lists no subpath for Output, and package.json `imports` may not point into node_modules (Node and
// esbuild reject such a target). It is the file Ink's renderer imports, in the bundle too. Worth it:
// Ink's output per key p50 0.3 ms with the shared caches, 8.6 ms without (bench "TUI keypress").
import Output from '../../node_modules/ink/build/output.js';
import { cellsText, styledCells } from './styled-cells.js';

type Transformer = (line: string, index: number) => string;

interface Clip {
  readonly x1: number | undefined;
  readonly x2: number | undefined;
  readonly y1: number | undefined;
  readonly y2: number | undefined;
}

type Operation =
  | { readonly type: 'write'; readonly x: number; readonly y: number; readonly text: string; readonly transformers: readonly Transformer[] }
  | { readonly type: 'clip'; readonly clip: Clip }
  | { readonly type: 'unclip' };

/** The fields of Ink's Output that `get` reads. */
interface OutputState {
  readonly width: number;
  readonly height: number;
  readonly operations: readonly Operation[];
}

/** Entries per map before it is emptied: far more distinct lines than a few screens hold. */
const MAX_ENTRIES = 20_000;

class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly make: (key: string) => V) {}
  get(key: string): V {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= MAX_ENTRIES) this.map.clear();
      value = this.make(key);
      this.map.set(key, value);
    }
    return value;
  }
}

const widths = new BoundedCache<number>((text) => stringWidth(text));

/** A line's styled cells, and each cell's width where any is not 1 (most lines: none). */
interface StyledLine {
  readonly cells: readonly StyledChar[];
  readonly widths: readonly number[] | undefined;
}

const styledLines = new BoundedCache<StyledLine>((line) => {
  const cells = styledCells(line);
  const cellWidths = cells.map((cell) => Math.max(1, widths.get(cell.value)));
  return { cells, widths: cellWidths.every((width) => width === 1) ? undefined : cellWidths };
});
const widestLines = new BoundedCache((text) => {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, widths.get(line));
  return widest;
});

const BLANK: StyledChar = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: [] });

function sameCells(a: readonly StyledChar[], b: readonly StyledChar[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The last text of each row index, with the cells it was made of. */
let rowMemo: { cells: readonly StyledChar[]; text: string }[] = [];

function rowText(y: number, cells: readonly StyledChar[]): string {
  const memo = rowMemo[y];
  if (memo?.cells.length === cells.length && sameCells(memo.cells, cells)) return memo.text;
  const text = cellsText(cells).trimEnd();
  rowMemo[y] = { cells, text };
  return text;
}

/** Ink 6.8's `Output#get`, line for line, over the shared caches. */
function get(this: OutputState): { output: string; height: number } {
  const output: StyledChar[][] = [];
  for (let y = 0; y < this.height; y++) output.push(new Array<StyledChar>(this.width).fill(BLANK));
  const clips: Clip[] = [];
  for (const operation of this.operations) {
    if (operation.type === 'clip') clips.push(operation.clip);
    if (operation.type === 'unclip') clips.pop();
    if (operation.type !== 'write') continue;
    const { text, transformers } = operation;
    let { x, y } = operation;
    let lines = text.split('\n');
    const clip = clips.at(-1);
    if (clip) {
      const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
      const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
      // Text wholly outside the clip area: skip it.
      if (clipHorizontally && (x + widestLines.get(text) < clip.x1 || x > clip.x2)) continue;
      if (clipVertically && (y + lines.length < clip.y1 || y > clip.y2)) continue;
      if (clipHorizontally) {
        lines = lines.map((line) => {
          const from = x < clip.x1! ? clip.x1! - x : 0;
          const width = widths.get(line);
          const to = x + width > clip.x2! ? clip.x2! - x : width;
          return sliceAnsi(line, from, to);
        });
        if (x < clip.x1) x = clip.x1!;
      }
      if (clipVertically) {
        const from = y < clip.y1 ? clip.y1 - y : 0;
        const height = lines.length;
        const to = y + height > clip.y2 ? clip.y2 - y : height;
        lines = lines.slice(from, to);
        if (y < clip.y1) y = clip.y1!;
      }
    }
    let offsetY = 0;
    for (const [index, source] of lines.entries()) {
      const currentLine = output[y + offsetY];
      // Text taller than the output: the rest is cut.
      if (!currentLine) continue;
      let line = source;
      for (const transformer of transformers) line = transformer(line, index);
      const { cells, widths: cellWidths } = styledLines.get(line);
      if (cellWidths === undefined) {
        for (let i = 0; i < cells.length; i++) currentLine[x + i] = cells[i]!;
      } else {
        let offsetX = x;
        cells.forEach((character, i) => {
          currentLine[offsetX] = character;
          // A wide character covers the next cells.
          for (let cover = 1; cover < cellWidths[i]!; cover++) {
            currentLine[offsetX + cover] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
          }
          offsetX += cellWidths[i]!;
        });
      }
      offsetY++;
    }
  }
  // Cells written past the width leave holes; Ink drops them the same way.
  const text = output.map((line, y) => rowText(y, line.includes(undefined as unknown as StyledChar) ? line.filter((cell) => cell !== undefined) : line)).join('\n');
  return { output: text, height: output.length };
}

let inksOwnGet: unknown;

/** Makes Ink's frame output use the shared caches. Idempotent; returns whether they are in use. */
export function shareInkOutputCaches(): boolean {
  if (inksOwnGet !== undefined) return true;
  const prototype = Output.prototype as unknown as { get?: unknown };
  const probe = new Output({ width: 0, height: 0 }) as unknown as Partial<OutputState>;
  // Only where Ink's Output still has the shape this replacement was written against.
  if (typeof prototype.get !== 'function' || !Array.isArray(probe.operations) || probe.width !== 0 || probe.height !== 0) return false;
  inksOwnGet = prototype.get;
  prototype.get = get;
  return true;
}

/** Ink's own `Output#get` again, and the row memo emptied (for tests that compare the two). */
export function unshareInkOutputCaches(): void {
  if (inksOwnGet === undefined) return;
  (Output.prototype as unknown as { get: unknown }).get = inksOwnGet;
  inksOwnGet = undefined;
  rowMemo = [];
}
