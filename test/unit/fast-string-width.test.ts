/**
 * The explorer bundle's string-width (fast path for narrow characters, memoised otherwise) must
 * answer exactly as string-width does: every character of the fast ranges one by one, and random
 * strings mixing them with wide, emoji, combining, joining and control characters and escape codes.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import fastStringWidth, { NARROW_RANGES } from '../../src/ui/fast-string-width.js';

const ESC = String.fromCharCode(0x1b);

describe('fastStringWidth', () => {
  it('takes as one column exactly the characters string-width takes as one', () => {
    let checked = 0;
    for (const [from, to] of NARROW_RANGES) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCodePoint(code);
        expect(stringWidth(char), `U+${code.toString(16)}`).toBe(1);
        expect(fastStringWidth(char)).toBe(1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(600);
  });

  it('agrees with string-width on any mix of characters and escape codes', () => {
    const pieces = fc.constantFrom(
      'Baghdad', ' · ', '█', '░', '─', '›', '●', '→', '×', 'é', '✓', '✗', 'Δ', '−', 'ā', '✔️', '✅', '\u00ad', '漢', '👍', '◽', '❤️', 'e\u0301', '👨\u200d👩', '\t', '\u0007', '',
      `${ESC}[31m`, `${ESC}[1;32m`, `${ESC}[39m`, `${ESC}[0m`, `${ESC}]8;;https://example.org${String.fromCharCode(7)}`, `${ESC}[2K`, '\u009b31m',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(fastStringWidth(text)).toBe(stringWidth(text));
        expect(fastStringWidth(text)).toBe(stringWidth(text)); // memoised
      }),
      { numRuns: 2000, seed: 2023 },
    );
  });

  it('passes options through', () => {
    expect(fastStringWidth('·', { ambiguousIsNarrow: false })).toBe(stringWidth('·', { ambiguousIsNarrow: false }));
    expect(fastStringWidth(`${ESC}[31mab`, { countAnsiEscapeCodes: true })).toBe(stringWidth(`${ESC}[31mab`, { countAnsiEscapeCodes: true }));
  });
});
