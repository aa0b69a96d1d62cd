/**
 * The council view: a cursor over the units; keys put a unit in or out of the coalition on screen,
 * send its members away or back, or split a list. Every edit is a scenario step on the timeline.
 */
import { changeAttendance, splitList, toggleAttendance, toggleMembership } from '../../explorer/edits.js';
import { councilDetail } from '../../explorer/queries.js';
import type { Command } from '../keymap.js';
import { COUNCIL_PANES, type UiState } from '../ui-state.js';
import { commitEdit } from './commit.js';
import { councilHint } from './country-reducer.js';
import { countryCursorOn } from './country-order.js';
import { isMove, moveCursor } from './cursor.js';
import { applyUnderCursor, nextPathsTarget, openTransfer, togglePaths } from './paths-reducer.js';
import { councilPathsView } from '../../explorer/paths.js';

function paneLength(ui: UiState): number {
  if (ui.council.pane === 'paths') return councilPathsView(ui.session, ui.council.id, ui.council.pathsFor).rows.length;
  const detail = councilDetail(ui.session, ui.council.id);
  return ui.council.pane === 'hinges' ? detail.hinges.length : detail.explanation.length;
}

/** Keeps the cursor on a unit after the unit list changed (a split adds rows). */
export function clampCouncil(ui: UiState): UiState {
  const units = councilDetail(ui.session, ui.council.id).units.length;
  const cursor = moveCursor(ui.council.cursor, 'enter', units);
  return cursor === ui.council.cursor ? ui : { ...ui, council: { ...ui.council, cursor } };
}

export function reduceCouncil(ui: UiState, command: Command): UiState {
  const { council } = ui;
  const order = ui.session.state.councilOrder;
  const detail = councilDetail(ui.session, council.id);
  const unit = detail.units[council.cursor];
  if (isMove(command)) {
    if (council.pane !== 'units') {
      const scroll = moveCursor(council.scroll, command, paneLength(ui));
      return { ...ui, council: { ...council, scroll } };
    }
    return { ...ui, council: { ...council, cursor: moveCursor(council.cursor, command, detail.units.length) } };
  }
  const edit = (next: UiState): UiState => clampCouncil({ ...next, council: { ...next.council, pane: 'units' } });
  switch (command) {
    case 'toggle-member':
      return unit ? edit(commitEdit(ui, toggleMembership(ui.session, council.id, unit.id))) : ui;
    case 'toggle-attendance':
      return unit ? edit(commitEdit(ui, toggleAttendance(ui.session, council.id, unit.id))) : ui;
    case 'one-absent':
      return unit ? edit(commitEdit(ui, changeAttendance(ui.session, council.id, unit.id, -1))) : ui;
    case 'one-returns':
      return unit ? edit(commitEdit(ui, changeAttendance(ui.session, council.id, unit.id, 1))) : ui;
    case 'split':
      return unit ? edit(commitEdit(ui, splitList(ui.session, council.id, unit.id))) : ui;
    case 'enter':
      return applyUnderCursor(ui);
    case 'paths':
      return togglePaths(ui);
    case 'paths-for':
      return nextPathsTarget(ui);
    case 'move-seat':
      return unit ? edit(openTransfer(ui)) : ui;
    case 'probabilities':
      return { ...ui, council: { ...council, probabilities: !council.probabilities } };
    case 'next-pane': {
      const pane = COUNCIL_PANES[(COUNCIL_PANES.indexOf(council.pane) + 1) % COUNCIL_PANES.length]!;
      return { ...ui, council: { ...council, pane, scroll: 0 } };
    }
    case 'scroll-up':
    case 'scroll-down': {
      const scroll = moveCursor(council.scroll, command === 'scroll-up' ? 'up' : 'down', paneLength(ui));
      return { ...ui, council: { ...council, scroll } };
    }
    case 'next-council':
    case 'previous-council': {
      const at = order.indexOf(council.id);
      const next = order[(at + (command === 'next-council' ? 1 : order.length - 1)) % order.length]!;
      return { ...ui, council: { ...council, id: next, cursor: 0, scroll: 0 }, country: countryCursorOn(ui, next), message: councilHint(ui, next) };
    }
    default:
      return ui;
  }
}
