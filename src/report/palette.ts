/**
 * Colours and patterns. A party keeps its colour across councils where it can (colours go to owners by
 * national seats); two units of one council never share a colour while the palette lasts. Every
 * meaning carried by colour is also carried by a pattern or a stroke: hatched = estimated seats,
 * hollow = absent, ring = votes with the governing alignment, dashed ring = a competing alignment.
 */
import { escapeHtml } from './escape.js';

/** Fifteen colours distinguishable from one another and at least 3:1 against white (non-text contrast). */
export const PALETTE: readonly string[] = [
  '#1f5fa8', '#c2261f', '#23843a', '#7a4cb0', '#c25e00', '#8c564b', '#c2388f', '#0f7f8c',
  '#7d7d12', '#5f5f5f', '#393b79', '#55701f', '#8c6d31', '#843c39', '#d14c7c',
];

export const OUTCOME_STYLE: Readonly<Record<string, { readonly fill: string; readonly pattern: string; readonly label: string }>> = {
  elected: { fill: '#2f6f3e', pattern: 'solid', label: 'elected' },
  deadlock: { fill: '#b3261e', pattern: 'cross-hatched', label: 'deadlock' },
  'no-quorum': { fill: '#6b4f9e', pattern: 'dotted', label: 'no quorum' },
  open: { fill: '#5f6368', pattern: 'striped', label: 'open' },
};

/** Colour index per owner for one council, starting from the national ranking and avoiding clashes. */
export function councilColours(owners: readonly string[], ranking: ReadonlyMap<string, number>): Map<string, number> {
  const assigned = new Map<string, number>();
  const used = new Set<number>();
  for (const owner of owners) {
    if (assigned.has(owner)) continue;
    let index = (ranking.get(owner) ?? hash(owner)) % PALETTE.length;
    if (used.has(index) && used.size < PALETTE.length) {
      index = 0;
      while (used.has(index)) index++;
    }
    assigned.set(owner, index);
    used.add(index);
  }
  return assigned;
}

function hash(text: string): number {
  let value = 7;
  for (let i = 0; i < text.length; i++) value = (value * 31 + text.charCodeAt(i)) >>> 0;
  return value;
}

/**
 * Pattern definitions: a hatched version of each palette colour (estimated seats) and one pattern per
 * outcome. `prefix` keeps ids unique when several SVGs share a page.
 */
export function patternDefs(prefix: string): string {
  const hatches = PALETTE.map(
    (colour, index) =>
      `<pattern id="${prefix}h${index}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">` +
      `<rect width="5" height="5" fill="${colour}"/><rect width="2" height="5" fill="#fff"/></pattern>`,
  );
  const outcomes = [
    `<pattern id="${prefix}o-deadlock" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${OUTCOME_STYLE.deadlock!.fill}"/><path d="M0 0L8 8M8 0L0 8" stroke="#fff" stroke-width="1.4"/></pattern>`,
    `<pattern id="${prefix}o-no-quorum" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${OUTCOME_STYLE['no-quorum']!.fill}"/><circle cx="4" cy="4" r="1.6" fill="#fff"/></pattern>`,
    `<pattern id="${prefix}o-open" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="${OUTCOME_STYLE.open!.fill}"/><rect width="3" height="8" fill="#fff"/></pattern>`,
  ];
  return `<defs>${hatches.join('')}${outcomes.join('')}</defs>`;
}

export function outcomeFill(status: string, prefix: string): string {
  return status === 'elected' ? OUTCOME_STYLE.elected!.fill : `url(#${prefix}o-${escapeHtml(status)})`;
}
