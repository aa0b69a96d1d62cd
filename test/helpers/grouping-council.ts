import type { Council } from '../../src/model/council.js';

/** A council of lists with these seats, for the grouping tests: `a` and `b` carry the CF family, the others do not. */
export function groupingCouncil(seats: Record<string, number>): Council {
  return {
    id: 'test',
    name: 'Test',
    units: Object.entries(seats).map(([id, n]) => ({ id, name: id, kind: 'list' as const, seats: n, present: n, ...(id === 'a' || id === 'b' ? { blocs: ['cf'] } : {}) })),
  };
}
