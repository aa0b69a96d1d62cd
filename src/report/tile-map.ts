/**
 * The country as a tile map: one square per province, placed on a grid that keeps each province's
 * neighbours roughly where they are on the map (Nineveh top, Basra bottom right, Anbar west). Real
 * outlines would need a boundary source and licence; tiles need neither and keep every province the
 * same size, so small Karbala reads as well as large Anbar. Provinces the grid does not know (another
 * dataset) are placed in rows below.
 */
import type { ReportCouncil } from './adapter.js';
import { arabic, escapeHtml, safeId } from './escape.js';
import { OUTCOME_STYLE } from './palette.js';

/** Column, row. The Kurdistan Region's three provinces held no election in 2023 and are left out. */
export const TILE_GRID: Readonly<Record<string, readonly [number, number]>> = {
  nineveh: [1, 0],
  kirkuk: [2, 0],
  anbar: [0, 1],
  salahaddin: [1, 1],
  diyala: [2, 1],
  karbala: [0, 2],
  baghdad: [1, 2],
  wasit: [2, 2],
  najaf: [0, 3],
  babil: [1, 3],
  qadisiyah: [2, 3],
  maysan: [3, 3],
  muthanna: [1, 4],
  dhiqar: [2, 4],
  basra: [3, 4],
};

export const TILE_COLUMNS = 4;

/** Grid cells for every council: known ones where the grid puts them, others in rows after them. */
export function tilePlaces(councils: readonly ReportCouncil[]): Map<string, readonly [number, number]> {
  const places = new Map<string, readonly [number, number]>();
  const taken = new Set<string>();
  for (const council of councils) {
    const cell = TILE_GRID[council.id];
    if (cell && !taken.has(`${cell[0]},${cell[1]}`)) {
      places.set(council.id, cell);
      taken.add(`${cell[0]},${cell[1]}`);
    }
  }
  // Councils the grid does not know fill the rows below the known ones (from the top when none is known).
  let next = places.size > 0 ? (Math.max(...[...places.values()].map(([, row]) => row)) + 1) * TILE_COLUMNS : 0;
  for (const council of councils) {
    if (places.has(council.id)) continue;
    places.set(council.id, [next % TILE_COLUMNS, Math.floor(next / TILE_COLUMNS)]);
    next++;
  }
  return places;
}

/** Short outcome words for a tile. */
export function outcomeWords(council: ReportCouncil): string {
  const { outcome } = council;
  if (outcome.status === 'elected') return `elected · ${outcome.governorFrom}`;
  if (outcome.status === 'deadlock') return `deadlock · ${outcome.votes}/${outcome.needed}`;
  return OUTCOME_STYLE[outcome.status]?.label ?? outcome.status;
}

/**
 * The map as an HTML grid of links (keyboard reachable, each to its council's section), each tile with
 * an outcome swatch in colour and pattern, the names in English and Arabic, group and confidence.
 */
export function renderTileMap(councils: readonly ReportCouncil[], prefix: string, focusGovernors: ReadonlySet<string>, focusLabel: string): string {
  const places = tilePlaces(councils);
  const rows = Math.max(...[...places.values()].map(([, row]) => row)) + 1;
  const tiles = councils.map((council) => {
    const [column, row] = places.get(council.id)!;
    const status = council.outcome.status;
    const style = OUTCOME_STYLE[status] ?? OUTCOME_STYLE.open!;
    const focus = status === 'elected' && council.outcome.governorFrom !== null && focusGovernors.has(council.outcome.governorFrom);
    const swatch =
      status === 'elected'
        ? `<rect width="200" height="16" fill="${style.fill}"/>${focus ? '<path d="M6 8l4 4 8-8" stroke="#fff" stroke-width="2.4" fill="none"/>' : ''}`
        : `<rect width="200" height="16" fill="url(#${prefix}o-${status})"/>`;
    return (
      `<a class="tile tile-${status}" href="#council-${safeId(council.id)}" style="grid-column:${column + 1};grid-row:${row + 1}" data-council="${escapeHtml(council.id)}" data-status="${status}">` +
      `<svg class="swatch" viewBox="0 0 200 16" preserveAspectRatio="xMinYMin slice" aria-hidden="true" focusable="false">${swatch}</svg>` +
      `<span class="tile-name">${escapeHtml(council.name)}</span>` +
      `<span class="tile-ar">${arabic(council.nameAr)}</span>` +
      `<span class="tile-outcome">${escapeHtml(outcomeWords(council))}${focus ? ` <span class="focus">✓ ${escapeHtml(focusLabel)}</span>` : ''}</span>` +
      `<span class="tile-meta">group ${escapeHtml(council.group)} · <span class="conf conf-${council.confidence}">${escapeHtml(council.confidence)}</span></span>` +
      `</a>`
    );
  });
  return `<div class="tile-map" style="grid-template-rows:repeat(${rows}, auto)">${tiles.join('')}</div>`;
}
