/** The country view: a cursor over the councils; enter opens one. */
import type { Command } from '../keymap.js';
import type { UiState } from '../ui-state.js';
import { isMove, moveCursor } from './cursor.js';

export function reduceCountry(ui: UiState, command: Command): UiState {
  const order = ui.session.state.councilOrder;
  if (isMove(command)) return { ...ui, country: { cursor: moveCursor(ui.country.cursor, command, order.length) } };
  if (command === 'enter') {
    const id = order[ui.country.cursor];
    if (id === undefined) return ui;
    return { ...ui, screen: 'council', council: { id, cursor: 0, pane: 'units', scroll: 0 } };
  }
  return ui;
}
