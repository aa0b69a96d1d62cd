import { describe, expect, it } from 'vitest';
import { coalitionBar, listWindow, seatSegments, signed, splitAtLine, truncate, wrapText } from '../../src/ui/layout.js';

describe('coalitionBar', () => {
  it('scales votes and the majority line to the bar', () => {
    // Najaf in the baseline: 9 votes, majority 8 of 15, in 16 characters (15 cells + the line):
    // one cell per seat, so 8 filled cells before the line and 1 after it; 6 empty.
    const bar = coalitionBar(9, 8, 15, 16);
    expect(bar).toEqual({ before: { filled: 8, empty: 0 }, after: { filled: 1, empty: 6 } });
  });

  it('never rounds a shortfall up to the line', () => {
    // Baghdad's CF bloc: 25 of 27 needed among 52, in 11 cells: 25·10/52 = 4.8 → 5 cells, line at 27·10/52 = 5.2 → 5;
    // 25 < 27, so the fill must stop before the line (4 cells), not touch it.
    // So 4 filled and 1 empty before the line, and the 5 cells after it empty.
    expect(coalitionBar(25, 27, 52, 11)).toEqual({ before: { filled: 4, empty: 1 }, after: { filled: 0, empty: 5 } });
    // One vote short at a scale where the shortfall rounds onto the line: 26·10/52 = 5 → still only 4 cells.
    expect(coalitionBar(26, 27, 52, 11).before).toEqual({ filled: 4, empty: 1 });
  });

  it('always reaches the line with a majority, even a thin one', () => {
    // Dhi Qar: 10 of 10 needed among 18, in 7 cells: 10·6/18 = 3.3 → 3, line at 3.
    // 6 cells: 3 filled up to the line, 3 empty after it.
    expect(coalitionBar(10, 10, 18, 7)).toEqual({ before: { filled: 3, empty: 0 }, after: { filled: 0, empty: 3 } });
    // 9 of 10 needed would round to 3·… = 3 cells too, but falls short: 2 cells.
    expect(coalitionBar(9, 10, 18, 7).before).toEqual({ filled: 2, empty: 1 });
  });
});

describe('seat bar', () => {
  const najaf = [
    { id: 'nabni', seats: 3, present: 3, inCoalition: false },
    { id: 'state-of-law', seats: 3, present: 2, inCoalition: true },
    { id: 'wafaa', seats: 2, present: 2, inCoalition: false },
  ];

  it('puts the coalition first, absent seats after present ones, and splits at the majority line', () => {
    const { segments, line } = seatSegments(najaf, 5);
    expect(segments.map((s) => `${s.unit}:${s.count}${s.absent ? 'a' : ''}`)).toEqual(['state-of-law:2', 'state-of-law:1a', 'nabni:3', 'wafaa:2']);
    const { before, after } = splitAtLine(segments, line);
    expect(before.reduce((n, s) => n + s.count, 0)).toBe(5);
    expect(after.map((s) => `${s.unit}:${s.count}`)).toEqual(['nabni:1', 'wafaa:2']);
  });
});

describe('text layout', () => {
  it('truncates with an ellipsis and wraps on words', () => {
    expect(truncate('Baghdad', 5)).toBe('Bagh…');
    expect(truncate('Najaf', 5)).toBe('Najaf');
    expect(wrapText('move 1 seat nabni → wafaa: loses the majority', 20)).toEqual(['move 1 seat nabni →', 'wafaa: loses the', 'majority']);
  });

  it('keeps the cursor inside the visible window', () => {
    expect(listWindow(0, 15, 20)).toEqual({ start: 0, end: 15 });
    expect(listWindow(14, 15, 10)).toEqual({ start: 5, end: 15 });
    expect(listWindow(7, 15, 10)).toEqual({ start: 2, end: 12 });
  });

  it('writes margins with a sign', () => {
    expect([signed(2), signed(0), signed(-7)]).toEqual(['+2', '0', '-7']);
  });
});
