/** The country view: a cursor over the councils; enter opens one. */
import { councilDetail } from '../../explorer/queries.js';
import type { Command } from '../keymap.js';
import type { Message, UiState } from '../ui-state.js';
import { countryCouncil, countryCursorOn, FILTERS, SORTS, visibleRows } from './country-order.js';
import { isMove, moveCursor } from './cursor.js';
import { reducePackages, togglePackages } from './paths-reducer.js';

function cycle<T>(values: readonly T[], value: T): T {
  return values[(values.indexOf(value) + 1) % values.length]!;
}

export function reduceCountry(ui: UiState, command: Command): UiState {
  const packages = reducePackages(ui, command);
  if (packages) return packages;
  if (command === 'packages') return togglePackages(ui);
  if (isMove(command)) return { ...ui, country: { ...ui.country, cursor: moveCursor(ui.country.cursor, command, visibleRows(ui).length) } };
  if (command === 'sort' || command === 'filter') {
    // The cursor stays on its council when it is still shown.
    const current = countryCouncil(ui);
    const country = command === 'sort' ? { ...ui.country, sort: cycle(SORTS, ui.country.sort) } : { ...ui.country, filter: cycle(FILTERS, ui.country.filter) };
    const next = { ...ui, country };
    const shown = visibleRows(next).length;
    return {
      ...next,
      country: current !== undefined ? countryCursorOn(next, current) : { ...country, cursor: 0 },
      message: { text: `sorted by ${country.sort}, showing ${country.filter === 'all' ? 'all councils' : country.filter} (${shown} of ${ui.session.run.councils.length}); s sorts, f filters`, tone: 'info' },
    };
  }
  if (command === 'enter') {
    const id = countryCouncil(ui);
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
