/**
 * The country view's order and filter: which councils it shows, in which order. Shared by the view and
 * the reducers, so the cursor always means the row drawn under it.
 */
import { countryRows, type CountryRow } from '../../explorer/queries.js';
import type { CountrySort, UiState } from '../ui-state.js';

export { FILTERS, SORTS } from '../ui-state.js';


const STATUS_RANK = { elected: 0, deadlock: 1, 'no-quorum': 2, open: 3 } as const;

function compare(sort: CountrySort): ((a: CountryRow, b: CountryRow) => number) | undefined {
  switch (sort) {
    case 'dataset':
      return undefined;
    case 'status':
      return (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status];
    case 'group':
      return (a, b) => a.group.localeCompare(b.group);
    case 'seats':
      return (a, b) => b.seats - a.seats;
    case 'margin':
      // Closest to the line first: where a seat or two decides.
      return (a, b) => Math.abs(a.coalition?.margin ?? Infinity) - Math.abs(b.coalition?.margin ?? Infinity);
  }
}

/** The rows shown, in order (a stable sort: ties keep the dataset's order). */
export function visibleRows(ui: UiState): readonly CountryRow[] {
  const { sort, filter } = ui.country;
  let rows = countryRows(ui.session);
  if (filter !== 'all') rows = rows.filter((row) => (filter.length === 1 ? row.group === filter : row.status === filter));
  const by = compare(sort);
  return by ? [...rows].sort(by) : rows;
}

/** The council under the country cursor, if any row is shown. */
export function countryCouncil(ui: UiState): string | undefined {
  return visibleRows(ui)[ui.country.cursor]?.id;
}

/** The country cursor on `councilId` (the first row when it is filtered out). */
export function countryCursorOn(ui: UiState, councilId: string): UiState['country'] {
  return { ...ui.country, cursor: Math.max(0, visibleRows(ui).findIndex((row) => row.id === councilId)) };
}
