/** "Did you mean …?" for an unknown id: the known ids within a small edit distance, closest first. */

function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Up to three known ids nearest to `id` (distance ≤ a third of its length, at least 2; a known id that starts with it first). */
export function closest(id: string, known: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(id.length / 3));
  const lower = id.toLowerCase();
  const near = [...new Set(known)]
    // The length difference of the lowercased ids is a lower bound on their distance: a long id never reaches the O(n·m) table.
    .filter((candidate) => Math.abs(candidate.toLowerCase().length - lower.length) <= limit || candidate.startsWith(lower))
    .map((candidate) => ({ candidate, d: candidate.startsWith(lower) ? 0.5 : distance(lower, candidate.toLowerCase()) }))
    .filter((entry) => entry.d <= limit);
  // Only the nearest: "bsh" suggests bash, not every shell within two edits.
  const best = Math.min(...near.map((entry) => entry.d));
  return near
    .filter((entry) => entry.d === best)
    .sort((a, b) => a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map((entry) => entry.candidate);
}

/** ` (did you mean "najaf"?)`, or `` when nothing is close. */
export function didYouMean(id: string, known: Iterable<string>): string {
  const near = closest(id, known);
  return near.length === 0 ? '' : ` (did you mean ${near.map((entry) => `"${entry}"`).join(' or ')}?)`;
}
