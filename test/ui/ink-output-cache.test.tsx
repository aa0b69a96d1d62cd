/**
 * The explorer's replacement of Ink's `Output#get` (shared caches, row memo) must give the same text as
 * Ink's own for any frame, and for frames in a row (the memo must never serve a stale row). Compared on
 * random write/clip operations with styles, wide characters, transformers and overflow, and on the
 * explorer's own frames through a sequence of edits.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import Output from '../../node_modules/ink/build/output.js';
import { App } from '../../src/ui/App.js';
import { openSession } from '../../src/explorer/session.js';
import { shareInkOutputCaches, unshareInkOutputCaches } from '../../src/ui/ink-output-cache.js';
import { createUiState } from '../../src/ui/ui-state.js';
import { renderAt, until } from './fake-terminal.js';

const ESC = String.fromCharCode(0x1b);
const red = (text: string): string => `${ESC}[31m${text}${ESC}[39m`;
const bold = (text: string): string => `${ESC}[1m${text}${ESC}[22m`;
const onBlue = (text: string): string => `${ESC}[44m${text}${ESC}[49m`;

type Op =
  | { kind: 'write'; x: number; y: number; text: string; upper: boolean }
  | { kind: 'clip'; x1?: number; x2?: number; y1?: number; y2?: number }
  | { kind: 'unclip' };

const piece = fc.constantFrom('seat', '█████', '░░', ' │ ', '漢字', '👍', 'Ḿ', 'a b', '', '──', 'Baghdad 52');
const styled = fc.tuple(piece, fc.constantFrom('plain', 'red', 'bold', 'blue', 'nested')).map(([text, style]) => {
  switch (style) {
    case 'red':
      return red(text);
    case 'bold':
      return bold(text);
    case 'blue':
      return onBlue(text);
    case 'nested':
      return red(`${text}${bold(text)}`);
    default:
      return text;
  }
});
const text = fc.array(fc.array(styled, { maxLength: 4 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('write' as const), x: fc.integer({ min: 0, max: 30 }), y: fc.integer({ min: 0, max: 7 }), text, upper: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record(
      { kind: fc.constant('clip' as const), x1: fc.integer({ min: 0, max: 20 }), x2: fc.integer({ min: 5, max: 40 }), y1: fc.integer({ min: 0, max: 4 }), y2: fc.integer({ min: 2, max: 8 }) },
      { requiredKeys: ['kind'] },
    ),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'unclip' as const }) },
);
const frame = fc.record({ width: fc.integer({ min: 1, max: 32 }), height: fc.integer({ min: 1, max: 8 }), ops: fc.array(op, { maxLength: 12 }) });

function draw({ width, height, ops }: { width: number; height: number; ops: readonly Op[] }): { output: string; height: number } {
  const output = new Output({ width, height });
  for (const operation of ops) {
    if (operation.kind === 'write') {
      const transformers = operation.upper ? [(line: string) => line.toUpperCase()] : [];
      output.write(operation.x, operation.y, operation.text, { transformers });
    } else if (operation.kind === 'clip') output.clip({ x1: operation.x1, x2: operation.x2, y1: operation.y1, y2: operation.y2 });
    else output.unclip();
  }
  return output.get();
}

afterEach(() => unshareInkOutputCaches());

describe('shared Ink output caches', () => {
  it('give the same text as Ink for any frame, and for frames in a row', () => {
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 6 }), (frames) => {
        unshareInkOutputCaches();
        const expected = frames.map(draw);
        expect(shareInkOutputCaches()).toBe(true);
        // Twice: the second pass is served from the caches and the row memo.
        expect(frames.map(draw)).toEqual(expected);
        expect(frames.map(draw)).toEqual(expected);
      }),
      { numRuns: 300, seed: 2023 },
    );
  });

  it('give the explorer the same frames as Ink through a run of edits on the Baghdad council', async () => {
    const keys = ['\r', ' ', 'j', ' ', 'a', 'k', 'a', 'j', 'j', ' ', 'u', 'r', '-', '\t', '\t', 'n', 'p', '?', '?', 'h', 'b'];
    const framesWith = async (shared: boolean): Promise<string[]> => {
      if (shared) shareInkOutputCaches();
      else unshareInkOutputCaches();
      const terminal = renderAt(<App initial={createUiState(openSession())} />, { columns: 80, rows: 24 });
      try {
        await until(() => terminal.lastFrame().includes('Maysan'), 'the first frame');
        const frames = [terminal.stdout.frames.at(-1)!];
        for (const key of keys) {
          const before = terminal.stdout.frames.length;
          terminal.stdin.write(key);
          await until(() => terminal.stdout.frames.length > before, `a frame after ${JSON.stringify(key)}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          frames.push(terminal.stdout.frames.at(-1)!);
        }
        return frames;
      } finally {
        terminal.unmount();
      }
    };
    const own = await framesWith(false);
    const shared = await framesWith(true);
    expect(shared).toEqual(own);
    expect(own[1]).toContain('Baghdad');
  });
});
