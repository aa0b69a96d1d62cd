/** The explorer's side-by-side comparison: the opened scenario (at its seat set) against the session now. */
import { sideBySide } from '../scenarios/side-by-side.js';
import { editCount, type Session, startName } from './session.js';
import { type SideLine, sideBySideLines } from './side-by-side-lines.js';

const cache = new WeakMap<object, Map<number, SideLine[]>>();

/** Lines at `width`: only councils that differ, or every council when none does yet. Memoised per run and width. */
export function compareLines(session: Session, width: number): readonly SideLine[] {
  let byWidth = cache.get(session.run);
  if (!byWidth) cache.set(session.run, (byWidth = new Map<number, SideLine[]>()));
  const cached = byWidth.get(width);
  if (cached) return cached;
  const view = sideBySide(session.baseline, session.run, {
    left: `${startName(session)} (seats ${session.start.seats})`,
    right: `now: ${editCount(session.done)} (seats ${session.seats})`,
  });
  const any = view.councils.some((council) => council.outcomeDiffers || council.seatsDiffer);
  const lines = sideBySideLines(view, { width, all: !any });
  if (byWidth.size > 8) byWidth.clear();
  byWidth.set(width, lines);
  return lines;
}
