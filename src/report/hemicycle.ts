/**
 * The parliament (hemicycle) diagram: one dot per seat on concentric half rings, filled left to right
 * by unit in the report's drawing order (the governing alignment first), so the majority threshold is a
 * single radial line: the alignment reaches it exactly when its seats cross the line.
 */
import type { ReportCouncil, ReportUnit } from './adapter.js';
import { coord, escapeHtml, safeId } from './escape.js';
import { PALETTE, patternDefs } from './palette.js';

export interface SeatPosition {
  readonly x: number;
  readonly y: number;
  /** Radians, π at the left end, 0 at the right. */
  readonly angle: number;
  readonly ring: number;
}

export interface HemicycleLayout {
  readonly seats: readonly SeatPosition[];
  /** Ring radii, inner first. */
  readonly radii: readonly number[];
  /** Dot radius. */
  readonly dot: number;
  readonly cx: number;
  readonly cy: number;
  readonly inner: number;
  readonly outer: number;
}

export const WIDTH = 400;
const CX = 200;
const CY = 210;
const OUTER = 180;
const INNER_SHARE = 0.4;
/** Upper bound on drawn seats: a council above this is drawn as text only (cost stays linear and small). */
export const MAX_DRAWN_SEATS = 2000;

/**
 * Seat positions for `n` seats: rows chosen so arc spacing ≈ row spacing, seats per ring proportional
 * to its radius, then every seat ordered by angle (left to right), outer ring first on ties.
 */
export function hemicycleLayout(n: number): HemicycleLayout {
  const inner = OUTER * INNER_SHARE;
  if (n <= 0) return { seats: [], radii: [], dot: 0, cx: CX, cy: CY, inner, outer: OUTER };
  // Seats along an arc sit closer than rings do with rows ≈ 0.45·√n (2 rings for 15 seats, 4 for 52, 8 for 285),
  // which reads as a parliament rather than a scatter; the dot size follows the tighter of the two spacings.
  const rings = n <= 3 ? 1 : Math.max(1, Math.round(0.45 * Math.sqrt(n) + 0.4));
  const radii = Array.from({ length: rings }, (_, i) => (rings === 1 ? (OUTER + inner) / 2 : inner + ((OUTER - inner) * i) / (rings - 1)));
  const total = radii.reduce((sum, radius) => sum + radius, 0);
  const counts = radii.map((radius) => Math.floor((n * radius) / total));
  // Largest remainders fill what flooring left, outer rings first.
  let left = n - counts.reduce((sum, count) => sum + count, 0);
  const byRemainder = radii.map((radius, i) => ({ i, rest: (n * radius) / total - counts[i]! })).sort((a, b) => b.rest - a.rest || b.i - a.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    counts[i]!++;
    left--;
  }
  const seats: SeatPosition[] = [];
  let spacing = Number.POSITIVE_INFINITY;
  radii.forEach((radius, ring) => {
    const count = counts[ring]!;
    if (count === 0) return;
    if (count > 1) spacing = Math.min(spacing, (Math.PI * radius) / (count - 1));
    for (let j = 0; j < count; j++) {
      const angle = count === 1 ? Math.PI / 2 : Math.PI * (1 - j / (count - 1));
      seats.push({ x: CX + radius * Math.cos(angle), y: CY - radius * Math.sin(angle), angle, ring });
    }
  });
  if (rings > 1) spacing = Math.min(spacing, (OUTER - inner) / (rings - 1));
  if (!Number.isFinite(spacing)) spacing = OUTER - inner;
  seats.sort((a, b) => b.angle - a.angle || b.ring - a.ring);
  return { seats, radii, dot: Math.min(spacing * 0.42, 14), cx: CX, cy: CY, inner, outer: OUTER };
}

/**
 * Per ring, the angle separating the first `majority` seats (in drawing order) from the rest: between
 * the ring's last seat inside and its first seat outside (π + ε when none is inside, −ε when all are).
 */
export function thresholdAngles(layout: HemicycleLayout, majority: number): number[] {
  const epsilon = 0.04;
  return layout.radii.map((_, ring) => {
    const inside: number[] = [];
    const outside: number[] = [];
    layout.seats.forEach((seat, index) => {
      if (seat.ring === ring) (index < majority ? inside : outside).push(seat.angle);
    });
    if (inside.length === 0) return Math.PI + epsilon;
    if (outside.length === 0) return -epsilon;
    return (Math.min(...inside) + Math.max(...outside)) / 2;
  });
}

/**
 * The majority threshold as a dashed line from the centre outwards, stepping between rings where
 * seats at the same angle fall on both sides, so that it always separates the first `majority` seats.
 */
function thresholdPath(layout: HemicycleLayout, majority: number): string {
  const angles = thresholdAngles(layout, majority);
  const { radii, dot } = layout;
  const half = radii.length > 1 ? (radii[1]! - radii[0]!) / 2 : dot * 1.5;
  const at = (radius: number, angle: number): string => `${coord(CX + radius * Math.cos(angle))} ${coord(CY - radius * Math.sin(angle))}`;
  const parts: string[] = [];
  radii.forEach((radius, ring) => {
    const angle = angles[ring]!;
    const from = ring === 0 ? radius - Math.max(half, dot * 1.5) : radius - half;
    const to = ring === radii.length - 1 ? radius + Math.max(half * 0.6, dot * 1.6) : radius + half;
    if (ring === 0) parts.push(`M${at(from, angle)}`);
    else {
      const previous = angles[ring - 1]!;
      // Along the gap between the rings, from the previous ring's angle to this one's.
      if (Math.abs(previous - angle) > 1e-9) parts.push(`A${coord(from)} ${coord(from)} 0 0 ${angle < previous ? 1 : 0} ${at(from, angle)}`);
    }
    parts.push(`L${at(to, angle)}`);
  });
  return `<path class="threshold" d="${parts.join(' ')}" fill="none" stroke="#111" stroke-width="2" stroke-dasharray="5 3"/>`;
}

/** What a drawn seat stands for. */
export interface DrawnSeat {
  readonly unit: ReportUnit;
  readonly present: boolean;
  /** Index of the alignment this seat votes with (0 = governing), or -1. */
  readonly alignment: number;
}

/** Seats in drawing order: per unit, present members first, then absent ones. */
export function seatsOf(council: ReportCouncil): DrawnSeat[] {
  const seats: DrawnSeat[] = [];
  for (const unit of council.units) {
    const alignment = council.alignments.findIndex((entry) => entry.id === unit.alignment);
    for (let i = 0; i < unit.seats; i++) seats.push({ unit, present: i < unit.present, alignment });
  }
  return seats;
}

export function isEstimated(unit: ReportUnit): boolean {
  return unit.confidence !== 'documented';
}

export interface HemicycleOptions {
  /** Prefix of the pattern ids (patterns shared by a page use the page's prefix). */
  readonly idPrefix: string;
  /** Prefix of the shared pattern ids when they differ from `idPrefix` (several drawings of one council on a page). */
  readonly patternPrefix?: string;
  /** A file of its own: xmlns, its own pattern definitions and a legend drawn in the SVG. */
  readonly standalone?: boolean;
  /** Caption above the drawing (standalone only). */
  readonly caption?: string;
  readonly colours: ReadonlyMap<string, number>;
}

function statusWords(council: ReportCouncil): string {
  const { outcome } = council;
  if (outcome.status === 'elected') return `elected: governor from ${outcome.governorFrom}`;
  if (outcome.status === 'no-quorum') return 'no quorum';
  return outcome.status;
}

/** A sentence describing the drawing, for screen readers and the SVG's desc. */
export function hemicycleDescription(council: ReportCouncil): string {
  const parts = council.units
    .filter((unit) => unit.seats > 0)
    .map((unit) => `${unit.name} ${unit.seats}${unit.present < unit.seats ? ` (${unit.seats - unit.present} absent)` : ''}${unit.alignment ? ` with ${unit.alignment}` : ''}${isEstimated(unit) ? `, ${unit.confidence}` : ''}`);
  const governing = council.alignments.find((alignment) => alignment.governing);
  const line = governing ? `${governing.label} has ${governing.votes} of the ${council.majority} votes needed.` : `No alignment governs; ${council.majority} votes are needed.`;
  return `${council.seats} seats, majority ${council.majority}. ${line} Seats: ${parts.join('; ')}. Outcome: ${statusWords(council)}.`;
}

export function renderHemicycle(council: ReportCouncil, options: HemicycleOptions): string {
  const { idPrefix: prefix, colours } = options;
  const patterns = options.patternPrefix ?? prefix;
  const layout = hemicycleLayout(council.seats <= MAX_DRAWN_SEATS ? council.seats : 0);
  const drawn = seatsOf(council).slice(0, layout.seats.length);
  const id = `${prefix}${safeId(council.id)}`;
  const captionHeight = options.standalone && options.caption ? 26 : 0;
  const legendRows = options.standalone ? Math.ceil(council.units.filter((unit) => unit.seats > 0).length / 2) : 0;
  const height = captionHeight + CY + 96 + (legendRows > 0 ? legendRows * 18 + 44 : 0);
  const out: string[] = [];
  out.push(
    `<svg ${options.standalone ? 'xmlns="http://www.w3.org/2000/svg" ' : ''}viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" class="hemicycle" data-council="${escapeHtml(council.id)}" data-seats="${drawn.length}">`,
    `<title id="${id}-t">${escapeHtml(`${council.name}: ${council.seats} seats, majority ${council.majority}, ${statusWords(council)}`)}</title>`,
    `<desc id="${id}-d">${escapeHtml(hemicycleDescription(council))}</desc>`,
  );
  if (options.standalone) {
    out.push(patternDefs(patterns), `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`);
    if (options.caption) out.push(`<text x="${CX}" y="18" text-anchor="middle" font-family="system-ui, sans-serif" font-size="${options.caption.length > 44 ? 11 : 15}" font-weight="600" fill="#111">${escapeHtml(options.caption.length > 70 ? `${options.caption.slice(0, 69)}…` : options.caption)}</text>`);
  }
  out.push(`<g transform="translate(0 ${captionHeight})">`);
  if (council.majority > 0 && council.majority < layout.seats.length) out.push(thresholdPath(layout, council.majority));
  out.push('<g class="seats">');
  drawn.forEach((seat, i) => {
    const position = layout.seats[i]!;
    const colour = PALETTE[colours.get(seat.unit.owner) ?? 0]!;
    const estimated = isEstimated(seat.unit);
    const fill = !seat.present ? '#fff' : estimated ? `url(#${patterns}h${colours.get(seat.unit.owner) ?? 0})` : colour;
    const state = !seat.present ? 'absent' : seat.alignment === 0 && council.alignments[0]?.governing ? 'governing' : seat.alignment >= 0 ? 'competing' : 'other';
    const r = layout.dot;
    let stroke = '';
    if (state === 'absent') stroke = ` stroke="${colour}" stroke-width="${coord(r * 0.3)}" stroke-dasharray="${coord(r * 0.5)} ${coord(r * 0.35)}"`;
    else if (state === 'governing') stroke = ` stroke="#000" stroke-width="${coord(r * 0.28)}"`;
    else if (state === 'competing') stroke = ` stroke="#000" stroke-width="${coord(r * 0.3)}" stroke-dasharray="${coord(r * 0.45)} ${coord(r * 0.3)}"`;
    const radius = state === 'absent' ? r * 0.85 : state === 'governing' ? r * 0.86 : r;
    out.push(
      `<circle cx="${coord(position.x)}" cy="${coord(position.y)}" r="${coord(radius)}" fill="${fill}"${stroke} data-unit="${escapeHtml(seat.unit.id)}" data-owner="${escapeHtml(seat.unit.owner)}" data-state="${state}"${estimated ? ' data-estimated="true"' : ''}>` +
        `<title>${escapeHtml(`${seat.unit.name}${seat.present ? '' : ' (absent)'}${seat.unit.alignment ? `, votes with ${seat.unit.alignment}` : ''}${estimated ? `, ${seat.unit.confidence} seat` : ''}`)}</title></circle>`,
    );
  });
  out.push('</g>');
  const governing = council.alignments.find((alignment) => alignment.governing);
  out.push(
    `<text x="${CX}" y="${CY + 44}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="26" font-weight="700" fill="#111">${governing ? `${governing.votes}<tspan font-size="15" font-weight="400"> of ${council.majority} needed</tspan>` : `${council.majority}<tspan font-size="15" font-weight="400"> needed to govern</tspan>`}</text>`,
    `<text x="${CX}" y="${CY + 64}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="14" fill="#222">${escapeHtml(statusWords(council))}</text>`,
    `<text x="${CX}" y="${CY + 84}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="12" fill="#333">${council.seats} seats · ${council.present} present · majority ${council.majority} (dashed line)</text>`,
  );
  if (options.standalone) out.push(svgLegend(council, colours, patterns, CY + 112));
  out.push('</g></svg>');
  return out.join('');
}

function svgLegend(council: ReportCouncil, colours: ReadonlyMap<string, number>, prefix: string, top: number): string {
  const out: string[] = [];
  const units = council.units.filter((unit) => unit.seats > 0);
  units.forEach((unit, i) => {
    const x = 12 + (i % 2) * 196;
    const y = top + Math.floor(i / 2) * 18;
    const index = colours.get(unit.owner) ?? 0;
    const fill = isEstimated(unit) ? `url(#${prefix}h${index})` : PALETTE[index]!;
    const ring = unit.alignment ? ` stroke="#000" stroke-width="2"${council.alignments[0]?.id === unit.alignment ? '' : ' stroke-dasharray="3 2"'}` : '';
    const label = `${unit.name} ${unit.seats}${unit.present < unit.seats ? ` (${unit.seats - unit.present} absent)` : ''}${isEstimated(unit) ? ` · ${unit.confidence}` : ''}`;
    out.push(
      `<circle cx="${x + 6}" cy="${y - 4}" r="6" fill="${fill}"${ring}/>` +
        `<text x="${x + 16}" y="${y}" font-family="system-ui, sans-serif" font-size="11" fill="#111">${escapeHtml(label.length > 30 ? `${label.slice(0, 29)}…` : label)}</text>`,
    );
  });
  const keyY = top + Math.ceil(units.length / 2) * 18 + 4;
  out.push(
    `<text x="12" y="${keyY}" font-family="system-ui, sans-serif" font-size="10" fill="#333">Ringed: votes with the governing alignment · dashed ring: a competing one</text>`,
    `<text x="12" y="${keyY + 13}" font-family="system-ui, sans-serif" font-size="10" fill="#333">Hollow: absent · hatched: estimated seats · dashed line: the majority</text>`,
  );
  return out.join('');
}
