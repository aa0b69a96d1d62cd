/**
 * A line of Ink's output as styled cells, and cells back to text: what @alcalzone/ansi-tokenize's
 * `styledCharsFromTokens(tokenize(line))` and `styledCharsToString` return, made faster for the lines
 * the explorer draws. The library splits every line into graphemes with Intl.Segmenter, whose first use
 * alone costs about 20 ms of the explorer's start, and copies the active styles for every character.
 *
 * Here a line of one-column characters (fast-string-width's narrow set: none combines with its
 * neighbours, so each is a grapheme of its own) and single SGR codes such as `\x1b[36m` is read
 * directly, and the characters of a run share one styles array; any other line goes to the library.
 * Turning cells back into text skips the style difference between cells that share their styles.
 * test/unit/styled-cells.test.ts checks both against the library, code by code and on random lines.
 */
import { type AnsiCode, ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, type StyledChar, styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import ansiStyles from 'ansi-styles';
import { isNarrowCharCode } from './fast-string-width.js';

const ESCAPE = 0x1b;
const OPEN_BRACKET = 0x5b;
const LETTER_M = 0x6d;
/** Shared by every unstyled cell; never changed (the library copies styles before changing them). */
const NO_STYLES = Object.freeze([]) as unknown as AnsiCode[];

export function styledCells(line: string): StyledChar[] {
  const cells: StyledChar[] = [];
  let styles = NO_STYLES;
  for (let i = 0; i < line.length; ) {
    const code = line.charCodeAt(i);
    if (code === ESCAPE) {
      const end = simpleSgrEnd(line, i);
      if (end < 0) return styledCharsFromTokens(tokenize(line));
      styles = reduceAnsiCodesIncremental(styles, [sgrToken(line.slice(i, end + 1))]);
      i = end + 1;
    } else {
      if (!isNarrowCharCode(code)) return styledCharsFromTokens(tokenize(line));
      cells.push({ type: 'char', value: line[i]!, fullWidth: false, styles });
      i++;
    }
  }
  return cells;
}

/** `styledCharsToString`, with no work between cells that share their styles. */
export function cellsText(cells: readonly StyledChar[]): string {
  let text = '';
  let previous = NO_STYLES;
  for (const cell of cells) {
    if (cell.styles !== previous && (cell.styles.length > 0 || previous.length > 0)) text += ansiCodesToString(diffAnsiCodes(previous, cell.styles));
    text += cell.value;
    previous = cell.styles;
  }
  // The library resets the styles after the last cell (of a non-empty line).
  return previous.length > 0 ? text + ansiCodesToString(diffAnsiCodes(previous, [])) : text;
}

/** The index of the `m` ending an SGR code with one parameter at `start` (`\x1b[`, digits, `m`), or -1. */
function simpleSgrEnd(line: string, start: number): number {
  if (line.charCodeAt(start + 1) !== OPEN_BRACKET) return -1;
  for (let i = start + 2; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === LETTER_M) return i;
    if (code < 0x30 || code > 0x39) return -1;
  }
  return -1;
}

const tokens = new Map<string, AnsiCode>();

function sgrToken(code: string): AnsiCode {
  let token = tokens.get(code);
  if (token === undefined) {
    token = { type: 'ansi', code, endCode: endCodeOf(code) };
    tokens.set(code, token);
  }
  return token;
}

// The library's end-code table (ansiCodes.js), from the same ansi-styles.
const endCodes = new Set<string>();
const endCodeOfStart = new Map<string, string>();
for (const [start, end] of ansiStyles.codes) {
  endCodes.add(ansiStyles.color.ansi(end));
  endCodeOfStart.set(ansiStyles.color.ansi(start), ansiStyles.color.ansi(end));
}

/** The code that ends `code`, as the library's `getEndCode` finds it for a single-parameter SGR code. */
function endCodeOf(code: string): string {
  if (endCodes.has(code)) return code;
  const known = endCodeOfStart.get(code);
  if (known !== undefined) return known;
  const parameter = code.slice(2);
  if (parameter.startsWith('38')) return ansiStyles.color.close;
  if (parameter.startsWith('48')) return ansiStyles.bgColor.close;
  const end = ansiStyles.codes.get(Number.parseInt(parameter, 10));
  return end ? ansiStyles.color.ansi(end) : ansiStyles.reset.open;
}
