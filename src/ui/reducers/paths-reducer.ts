/**
 * "What would it take" keys: the council's paths pane (enter applies the path or breaking point under
 * the cursor, or the hinge seat in the hinges pane), the one-seat move picker, and the country view's
 * national packages pane. Every change is an ordinary edit on the session's timeline, so undo, the
 * diff and a saved scenario see it like any other.
 */
import { hingeEdit, packageTargets, packagesView, pathEdit, pathsTarget, pathsTargets, transferEdit } from '../../explorer/paths.js';
import { councilDetail } from '../../explorer/queries.js';
import type { Command } from '../keymap.js';
import type { UiState } from '../ui-state.js';
import { commitEdit } from './commit.js';
import { isMove, moveCursor } from './cursor.js';

/** `enter` in the council view: apply the row under the cursor of the paths or hinges pane. */
export function applyUnderCursor(ui: UiState): UiState {
  const { council } = ui;
  if (council.pane === 'paths') {
    const next = commitEdit(ui, pathEdit(ui.session, council.id, council.scroll, council.pathsFor));
    return next.session === ui.session ? next : { ...next, council: { ...next.council, scroll: 0 } };
  }
  if (council.pane === 'hinges') {
    const next = commitEdit(ui, hingeEdit(ui.session, council.id, council.scroll));
    return next.session === ui.session ? next : { ...next, council: { ...next.council, scroll: 0 } };
  }
  if (council.pane === 'units') return { ...ui, message: { text: 'enter applies a path (W) or a hinge seat (tab to the hinges); space toggles the unit', tone: 'info' } };
  return ui;
}

/** `W`: the paths pane of the council (again: back to the units). */
export function togglePaths(ui: UiState): UiState {
  const pane = ui.council.pane === 'paths' ? 'units' : 'paths';
  return { ...ui, council: { ...ui.council, pane, scroll: 0 } };
}

/** `f`: the paths pane for the next party, bloc or deal of the council (opening the pane if needed). */
export function nextPathsTarget(ui: UiState): UiState {
  const { council } = ui;
  const targets = pathsTargets(ui.session, council.id);
  if (targets.length === 0) return ui;
  const now = pathsTarget(ui.session, council.id, council.pathsFor);
  const next = council.pane !== 'paths' && council.pathsFor === undefined ? targets[0]! : targets[(targets.indexOf(now ?? '') + 1) % targets.length]!;
  return { ...ui, council: { ...council, pane: 'paths', scroll: 0, pathsFor: next }, message: { text: `paths for ${next} (f: next; ${targets.length} in this council)`, tone: 'info' } };
}

/** `m`: the picker for moving one seat from the unit under the cursor. */
export function openTransfer(ui: UiState): UiState {
  const detail = councilDetail(ui.session, ui.council.id);
  const from = detail.units[ui.council.cursor];
  if (!from) return ui;
  if (from.seats < 1) return { ...ui, message: { text: `${from.id} holds no seat to move`, tone: 'error' } };
  const cursor = detail.units.findIndex((unit) => unit.id !== from.id);
  if (cursor < 0) return { ...ui, message: { text: 'no other unit to move a seat to', tone: 'error' } };
  return { ...ui, overlay: { kind: 'transfer', council: ui.council.id, from: from.id, cursor } };
}

/** Keys in the move picker: the cursor skips the unit the seat comes from; enter moves it. */
export function reduceTransfer(ui: UiState, command: Command): UiState {
  const overlay = ui.overlay;
  if (overlay?.kind !== 'transfer') return ui;
  const units = councilDetail(ui.session, overlay.council).units;
  const fromIndex = units.findIndex((unit) => unit.id === overlay.from);
  if (isMove(command)) {
    let cursor = moveCursor(overlay.cursor, command, units.length);
    if (cursor === fromIndex) {
      const step = command === 'up' || command === 'page-up' || command === 'last' ? -1 : 1;
      const other = cursor + step >= 0 && cursor + step < units.length ? cursor + step : cursor - step;
      cursor = other >= 0 && other < units.length ? other : overlay.cursor;
    }
    return { ...ui, overlay: { ...overlay, cursor } };
  }
  if (command === 'back') return { ...ui, overlay: null, message: { text: 'move cancelled', tone: 'info' } };
  if (command !== 'enter') return ui;
  const to = units[overlay.cursor];
  if (!to) return ui;
  return commitEdit({ ...ui, overlay: null }, transferEdit(ui.session, overlay.council, overlay.from, to.id));
}

/** `K` in the country view: open or close the national packages pane. */
export function togglePackages(ui: UiState): UiState {
  if (ui.country.packages) return closePackages(ui);
  const targets = packageTargets(ui.session);
  if (targets.length === 0) return { ...ui, message: { text: 'this dataset names no bloc to build packages for', tone: 'error' } };
  return { ...ui, country: { ...ui.country, packages: { target: 0, cursor: 0 } }, message: { text: `packages for ${targets[0]}: ↑↓ choose one, tab next bloc, esc closes`, tone: 'info' } };
}

export function closePackages(ui: UiState): UiState {
  return { ...ui, country: { cursor: ui.country.cursor, sort: ui.country.sort, filter: ui.country.filter } };
}

/** Keys while the packages pane is open: move over the packages, switch bloc; others as usual. */
export function reducePackages(ui: UiState, command: Command): UiState | undefined {
  const pane = ui.country.packages;
  if (!pane) return undefined;
  const targets = packageTargets(ui.session);
  if (isMove(command)) {
    const rows = packagesView(ui.session, targets[pane.target] ?? targets[0]!).rows.length;
    return { ...ui, country: { ...ui.country, packages: { ...pane, cursor: moveCursor(pane.cursor, command, rows) } } };
  }
  if (command === 'next-target') {
    const target = (pane.target + 1) % targets.length;
    return { ...ui, country: { ...ui.country, packages: { target, cursor: 0 } }, message: { text: `packages for ${targets[target]}`, tone: 'info' } };
  }
  if (command === 'packages') return closePackages(ui);
  if (command === 'enter') return { ...ui, message: { text: 'a package spans councils: esc closes the pane, then enter opens a council', tone: 'info' } };
  return undefined;
}
