/**
 * "Did you mean" (src/model/suggest.ts), used for unknown ids, step kinds, flags and commands: the known ids
 * nearest to the typed one by edit distance (Levenshtein: an insertion, deletion or substitution costs 1),
 * within max(2, floor(length / 3)) of it; a known id that starts with what was typed counts as 0.5. The
 * distances are worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../src/model/suggest.js';

describe('closest: the edit distance', () => {
  it('counts the last character of what was typed', () => {
    // "lanes", limit max(2, floor(5/3)) = 2. "lane": drop the final s, 1. "lanex": s → x, 1. A tie at 1, so
    // both are offered; were the final s not compared, "lane" would be 0 away and offered alone.
    expect(closest('lanes', ['lanex', 'lane'])).toEqual(['lane', 'lanex']);
  });

  it('allows a third of the typed length: 12 characters allow 4 edits, not 5', () => {
    // "abcdefghijkl", limit max(2, floor(12/3)) = 4. "abcdefghwxyz": i,j,k,l → w,x,y,z, 4 substitutions.
    expect(closest('abcdefghijkl', ['abcdefghwxyz'])).toEqual(['abcdefghwxyz']);
    // "abcdefgvwxyz": h,i,j,k,l → v,w,x,y,z, 5 substitutions > 4.
    expect(closest('abcdefghijkl', ['abcdefgvwxyz'])).toEqual([]);
  });

  it('allows at least 2 edits, even when a third of the length is less', () => {
    // "bsh", limit max(2, floor(3/3) = 1) = 2. "fish": b → f and insert i, 2 (one edit cannot do: the length
    // differs by 1, and no deletion from "fish" — ish, fsh, fih, fis — gives "bsh").
    expect(closest('bsh', ['fish'])).toEqual(['fish']);
    // "ab": floor(2/3) = 0, limit 2. "xy": 2 substitutions.
    expect(closest('ab', ['xy'])).toEqual(['xy']);
  });

  it('includes a known id exactly the limit shorter or longer, not one past it', () => {
    // "abcdefghijkl" (limit 4). "abcdefgh" is 4 shorter: delete i, j, k, l, distance 4 = limit.
    expect(closest('abcdefghijkl', ['abcdefgh'])).toEqual(['abcdefgh']);
    // "wxyzabcdefghijkl" is 4 longer: insert w, x, y, z in front, distance 4 = limit.
    expect(closest('abcdefghijkl', ['wxyzabcdefghijkl'])).toEqual(['wxyzabcdefghijkl']);
    // "abcdefghijkmnopqr" shares the prefix abcdefghijk but is 5 longer: at least 5 edits > 4 (it is 6:
    // l → m and insert n, o, p, q, r).
    expect(closest('abcdefghijkl', ['abcdefghijkmnopqr'])).toEqual([]);
  });

  it('bounds the length difference of the lowercased ids, the ones the distance compares', () => {
    // "İİİ" is 3 UTF-16 units; lowercased, each İ (U+0130) becomes i + U+0307, 6 units. Typed in lowercase
    // (6 units, limit max(2, floor(6/3)) = 2) it is 0 edits from the lowercased known id, although the
    // unlowered lengths 6 and 3 differ by 3 > 2.
    expect(closest('i\u0307i\u0307i\u0307', ['İİİ'])).toEqual(['İİİ']);
  });
});

describe('closest: a known id that starts with what was typed', () => {
  it('is offered however much longer it is', () => {
    // "bag" (limit 2) is the start of "baghdad", 4 longer: it counts 0.5, not 4 insertions. "basra" is 3 away
    // (g → s, insert r and a; they share only "ba", so no fewer than 5 − 2 = 3) and is not offered.
    expect(closest('bag', ['basra', 'baghdad'])).toEqual(['baghdad']);
  });

  it('is preferred to one that merely ends with it', () => {
    // "abcd" (limit 2): "abcdx" starts with it, 0.5; "xabcd" ends with it, one insertion in front, 1.
    expect(closest('abcd', ['xabcd', 'abcdx'])).toEqual(['abcdx']);
  });
});

describe('closest: which of the near ids are offered', () => {
  it('only those at the best distance: "bsh" suggests bash, sh and zsh (1 edit), not fish (2)', () => {
    // limit 2. bash: insert a, 1. sh: delete b, 1. zsh: b → z, 1. fish: 2 (see above). None starts with "bsh".
    expect(closest('bsh', ['fish', 'zsh', 'bash', 'sh'])).toEqual(['bash', 'sh', 'zsh']);
  });

  it('ties in alphabetical order, at most three', () => {
    // All six are 1 from "bsh": ash, csh, dsh, zsh one substitution, bash one insertion, sh one deletion.
    expect(closest('bsh', ['zsh', 'sh', 'dsh', 'csh', 'bash', 'ash'])).toEqual(['ash', 'bash', 'csh']);
  });

  it('a known id listed twice once', () => {
    expect(closest('bsh', ['zsh', 'bash', 'zsh', 'bash'])).toEqual(['bash', 'zsh']);
  });

  it('none when nothing is within the limit', () => {
    // "zzzz" (limit 2) against "basra": no character in common, at least 5 edits.
    expect(closest('zzzz', ['basra'])).toEqual([]);
  });
});

describe('didYouMean', () => {
  it('quotes one suggestion, joins several with "or", and is empty when nothing is close', () => {
    // "najf" → "najaf": insert a, 1 (limit 2).
    expect(didYouMean('najf', ['najaf'])).toBe(' (did you mean "najaf"?)');
    expect(didYouMean('bsh', ['zsh', 'bash'])).toBe(' (did you mean "bash" or "zsh"?)');
    expect(didYouMean('zzzz', ['basra'])).toBe('');
  });
});
