/**
 * `string-width` with a fast path for the text the explorer draws. string-width answers printable
 * ASCII at once but sends any other string through Intl.Segmenter and Unicode-property regexes
 * (whose first use alone costs tens of milliseconds), and the explorer's lines carry seat blocks,
 * rules and middle dots. Ink measures every text node with it on every frame.
 *
 * Here a string made only of printable ASCII, Latin letters and signs, Greek letters, general
 * punctuation, arrows, box drawing, block elements, narrow shapes and marks (each one column wide, none
 * combining, joining or emoji: test/unit/fast-string-width.test.ts checks every one against
 * string-width) is as wide as it is long; SGR colour codes are not counted, as string-width does not
 * count them. Anything else goes to string-width, memoised. The bundle routes Ink's and its helpers'
 * imports of string-width 8 here (scripts/build.mjs).
 */
import stringWidth, { type Options } from 'string-width';

/** Code point ranges whose every character string-width counts as one column. */
export const NARROW_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // printable ASCII
  [0xa0, 0xac], // Latin-1 signs (U+00AD, the soft hyphen, is invisible)
  [0xae, 0xff], // Latin-1 signs and letters
  [0x100, 0x17f], // Latin Extended-A (transliterated names)
  [0x391, 0x3a9], // Greek capitals (Δ)
  [0x3b1, 0x3c9], // Greek small letters
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x205e], // per mille, primes, guillemets (›), ...
  [0x2190, 0x21ff], // arrows
  [0x2212, 0x2212], // minus sign
  [0x2500, 0x259f], // box drawing, block elements
  [0x25a0, 0x25fa], // geometric shapes (U+25FB–U+25FE are emoji)
  [0x2713, 0x2713], // check mark ✓ (U+2705 and U+2714 with a variation selector are emoji)
  [0x2717, 0x2717], // ballot x ✗
];

const NARROW = new RegExp(`^[${NARROW_RANGES.map(([from, to]) => `\\u${hex(from)}-\\u${hex(to)}`).join('')}]*$`);
const SGR = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, 'g');

const NARROW_TABLE = new Uint8Array(Math.max(...NARROW_RANGES.map(([, to]) => to)) + 1);
for (const [from, to] of NARROW_RANGES) NARROW_TABLE.fill(1, from, to + 1);

/** Whether the UTF-16 code unit is one of the narrow characters (then a grapheme and a column of its own). */
export function isNarrowCharCode(code: number): boolean {
  return NARROW_TABLE[code] === 1;
}

function hex(code: number): string {
  return code.toString(16).padStart(4, '0');
}

const MAX_ENTRIES = 20_000;
const slow = new Map<string, number>();

export default function fastStringWidth(text: string, options?: Options): number {
  if (options !== undefined) return stringWidth(text, options);
  let visible = text;
  if (text.includes('\u001B') || text.includes('\u009B')) {
    visible = text.replace(SGR, '');
    // Other escape sequences: string-width's own stripping decides.
    if (visible.includes('\u001B') || visible.includes('\u009B')) return stringWidth(text);
  }
  if (NARROW.test(visible)) return visible.length;
  let width = slow.get(text);
  if (width === undefined) {
    if (slow.size >= MAX_ENTRIES) slow.clear();
    width = stringWidth(text);
    slow.set(text, width);
  }
  return width;
}

export type { Options };
