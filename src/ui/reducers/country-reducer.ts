/** The country view: a cursor over the councils; enter opens one. */
import { councilDetail } from '../../explorer/queries.js';
import type { Command } from '../keymap.js';
import type { Message, UiState } from '../ui-state.js';
import { isMove, moveCursor } from './cursor.js';

export function reduceCountry(ui: UiState, command: Command): UiState {
  const order = ui.session.state.councilOrder;
  if (isMove(command)) return { ...ui, country: { cursor: moveCursor(ui.country.cursor, command, order.length) } };
  if (command === 'enter') {
    const id = order[ui.country.cursor];
    if (id === undefined) return ui;
    return { ...ui, screen: 'council', council: { id, cursor: 0, pane: 'units', scroll: 0, probabilities: ui.council.probabilities }, message: councilHint(ui, id) };
  }
  return ui;
}

/** What the keys of the council view will edit there. */
export function councilHint(ui: UiState, id: string): Message {
  const { result, coalition } = councilDetail(ui.session, id);
  const target = coalition ? `${coalition.kind} ${coalition.id}${coalition.governing ? '' : ' (not governing)'}` : 'a new bloc';
  return { text: `${result.name}: space = the unit under › in/out of ${target}, a = away`, tone: 'info' };
}
