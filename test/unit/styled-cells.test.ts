/**
 * src/ui/styled-cells.ts must give exactly what @alcalzone/ansi-tokenize gives: the cells of a line
 * (every SGR code, every narrow character, random mixes with wide, emoji, combining characters and
 * other escapes), and the text of a row of cells, including rows pieced together from several lines and
 * blanks as Ink's output grid is.
 */
import { type StyledChar, styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NARROW_RANGES } from '../../src/ui/fast-string-width.js';
import { cellsText, styledCells } from '../../src/ui/styled-cells.js';

const ESC = String.fromCharCode(0x1b);
const library = (line: string): StyledChar[] => styledCharsFromTokens(tokenize(line));
const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: [] };

afterEach(() => {
  vi.restoreAllMocks();
});

function expectSameAsLibrary(line: string): void {
  const cells = styledCells(line);
  expect(cells, JSON.stringify(line)).toEqual(library(line));
  expect(cellsText(cells), JSON.stringify(line)).toBe(styledCharsToString(library(line)));
}

describe('styledCells and cellsText', () => {
  it('read every single-parameter SGR code as the library does, alone and combined', () => {
    for (let code = 0; code <= 255; code++) {
      expectSameAsLibrary(`a${ESC}[${code}mbc${ESC}[0md`);
      expectSameAsLibrary(`${ESC}[1m${ESC}[${code}mx${ESC}[22my${ESC}[39m${ESC}[49mz`);
    }
  });

  it('read every narrow character as one cell of its own', () => {
    for (const [from, to] of NARROW_RANGES) {
      for (let code = from; code <= to; code++) expectSameAsLibrary(`${ESC}[36m${String.fromCharCode(code)}x${ESC}[39m${String.fromCharCode(code)}`);
    }
  });

  it('agree with the library on any mix of characters and escape codes', () => {
    const pieces = fc.constantFrom(
      'Baghdad', ' · ', '█', '░', '─', '›', '●', '→', 'é', '✓', 'Δ', '漢', '👍', '❤️', 'e\u0301', '👨\u200d👩', '\t', '\r\n', '\u00ad', '',
      `${ESC}[31m`, `${ESC}[1m`, `${ESC}[2m`, `${ESC}[22m`, `${ESC}[39m`, `${ESC}[0m`, `${ESC}[7m`, `${ESC}[27m`, `${ESC}[1;32m`,
      `${ESC}[38;5;208m`, `${ESC}[38;2;1;2;3m`, `${ESC}]8;;https://example.org${String.fromCharCode(7)}`, `${ESC}[2K`, `${ESC}[`, ESC, '\u009b31m',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
        expectSameAsLibrary(parts.join(''));
      }),
      { numRuns: 3000, seed: 20231218 },
    );
  });

  it('turn rows pieced together from several lines and blanks into the library’s text', () => {
    const pieces = fc.constantFrom('Najaf', ' ██', '░', '漢', `${ESC}[32m`, `${ESC}[39m`, `${ESC}[1m`, `${ESC}[22m`, `${ESC}[7m`, `${ESC}[27m`, `${ESC}[2m`);
    const line = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''));
    const slice = fc.tuple(line, fc.nat(12), fc.nat(12), fc.nat(3));
    fc.assert(
      fc.property(fc.array(slice, { maxLength: 6 }), (slices) => {
        const row: StyledChar[] = [];
        for (const [text, from, length, blanks] of slices) {
          row.push(...styledCells(text).slice(from, from + length), ...Array<StyledChar>(blanks).fill(BLANK));
        }
        // The same row, but each cell with its own copy of its styles, as the library makes them.
        const copied = row.map((cell) => ({ ...cell, styles: [...cell.styles] }));
        expect(cellsText(row)).toBe(styledCharsToString(copied));
      }),
      { numRuns: 2000, seed: 20240811 },
    );
  });

  it('read the explorer’s lines without segmenting them into graphemes', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    styledCells(`${ESC}[1m${ESC}[36mgovsim | Country | baseline${ESC}[39m${ESC}[22m  ███░░ │ › ELECTED +1 · 12/23`);
    expect(segment).not.toHaveBeenCalled();
    styledCells('seats 👍'); // and the spy sees the library's segmenting
    expect(segment).toHaveBeenCalled();
  });
});
