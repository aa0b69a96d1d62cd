/** The timeline, the differences and the seat-set picker: cursors over read-only rows. */
import { changedCouncils, nationalLine, seatSetOptions } from '../../explorer/queries.js';
import type { Command } from '../keymap.js';
import { compareLines } from '../../explorer/compare.js';
import { switchSeats } from '../../explorer/session.js';
import type { UiState } from '../ui-state.js';
import { diffLines, timelineRows } from '../../explorer/view-models.js';
import { clampCouncil } from './council-reducer.js';
import { isMove, moveCursor } from './cursor.js';

export function reduceTimeline(ui: UiState, command: Command): UiState {
  if (isMove(command)) return { ...ui, timeline: { cursor: moveCursor(ui.timeline.cursor, command, timelineRows(ui.session).length) } };
  return ui;
}

export function reduceDiff(ui: UiState, command: Command): UiState {
  if (isMove(command)) return { ...ui, diff: { scroll: moveCursor(ui.diff.scroll, command, diffLines(ui.session).length) } };
  return ui;
}

/** The compare screen scrolls over its lines; their count depends on the width, so the bound is the longest layout (60 columns). */
export function reduceCompare(ui: UiState, command: Command): UiState {
  if (isMove(command)) return { ...ui, compare: { scroll: moveCursor(ui.compare.scroll, command, compareLines(ui.session, 60).length) } };
  return ui;
}

export function reduceSeats(ui: UiState, command: Command): UiState {
  if (ui.overlay?.kind !== 'seats') return ui;
  const options = seatSetOptions(ui.session.dataset);
  if (isMove(command)) return { ...ui, overlay: { kind: 'seats', cursor: moveCursor(ui.overlay.cursor, command, options.length) } };
  if (command !== 'enter') return ui;
  const chosen = options[ui.overlay.cursor];
  if (!chosen) return ui;
  const result = switchSeats(ui.session, chosen.id);
  if (!result.ok) return { ...ui, overlay: null, message: { text: result.message, tone: 'error' } };
  const national = nationalLine(result.session);
  const figure = national.figure ? `; ${national.figure.label} ${national.figure.computed}${national.figure.published !== undefined ? ` (published ${national.figure.published})` : ''}` : '';
  const dropped = ui.session.undone.length > 0 && result.session.undone.length === 0 ? '; redo history cleared' : '';
  // A seat set is a change like an edit: the councils whose outcome moved are marked, and b lists them seat by seat.
  const changes = changedCouncils(ui.session.run, result.session.run);
  const outcome = changes.length === 0 ? 'no council changes its outcome' : changes.map((change) => change.summary).join('; ');
  return clampCouncil({
    ...ui,
    session: result.session,
    overlay: null,
    changed: changes.map((change) => change.id),
    message: { text: `seat set ${ui.session.seats} → ${chosen.id} ⇒ ${outcome}${figure}${dropped}; b or v: seat by seat`, tone: 'success' },
  });
}
