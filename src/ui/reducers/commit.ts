/**
 * Turning an edit into a new UI state: apply it to the session (or undo/redo one), then tell the user
 * what changed, council by council. Failures become an error message; the session stays as it was.
 */
import { type EditResult } from '../../explorer/edits.js';
import { changedCouncils } from '../../explorer/queries.js';
import { applyEdit, redoEdit, type SessionResult, undoEdit } from '../../explorer/session.js';
import type { UiState } from '../ui-state.js';

function summarise(prefix: string, before: UiState, result: SessionResult): UiState {
  if (!result.ok) return { ...before, message: { text: result.message, tone: 'error' } };
  const changes = changedCouncils(before.session.run, result.session.run);
  const outcome = changes.length === 0 ? 'no council changes its outcome' : changes.map((change) => change.summary).join('; ');
  return {
    ...before,
    session: result.session,
    changed: changes.map((change) => change.id),
    message: { text: `${prefix} ⇒ ${outcome}`, tone: 'success' },
  };
}

export function commitEdit(ui: UiState, result: EditResult): UiState {
  if (!result.ok) return { ...ui, message: { text: result.message, tone: 'error' } };
  return summarise(result.edit.label, ui, applyEdit(ui.session, result.edit.label, result.edit.steps));
}

export function commitUndo(ui: UiState): UiState {
  const label = ui.session.done.at(-1)?.label;
  return summarise(`undo: ${label ?? ''}`, ui, undoEdit(ui.session));
}

export function commitRedo(ui: UiState): UiState {
  const label = ui.session.undone.at(-1)?.label;
  return summarise(`redo: ${label ?? ''}`, ui, redoEdit(ui.session));
}
