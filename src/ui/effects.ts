/**
 * The two things the reducers ask for but cannot do: write a file and read one. Performed by the App
 * after a render; every failure becomes an action (the explorer never crashes on bad input).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GovsimError } from '../model/errors.js';
import { openSession, type Session } from '../explorer/session.js';
import type { UiAction } from './reducers/app-reducer.js';
import { saveScenario, type SavedScenario } from '../explorer/save-scenario.js';
import type { Effect } from './ui-state.js';

export interface ExplorerIo {
  readonly save: (session: Session, file: string) => SavedScenario;
  readonly open: (ref: string) => Session;
  /** Whether saving to `file` would replace a file (asked before every save that is not a re-save). */
  readonly exists: (file: string) => boolean;
}

export const DEFAULT_IO: ExplorerIo = {
  save: (session, file) => saveScenario(session, file),
  open: (ref) => openSession(ref),
  exists: (file) => existsSync(resolve(file)),
};

function messageOf(error: unknown): string {
  if (error instanceof GovsimError) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}

export function performEffect(effect: Effect, session: Session, io: ExplorerIo): UiAction {
  if (effect.kind === 'save') {
    try {
      const again = session.saved.file !== undefined && resolve(effect.file) === resolve(session.saved.file);
      if (!effect.overwrite && !again && io.exists(effect.file)) return { type: 'save-exists', file: effect.file, ...(effect.then ? { then: effect.then } : {}) };
      const saved = io.save(session, effect.file);
      return { type: 'saved', file: saved.file, shown: effect.file, expectations: saved.expectations, ...(effect.then ? { then: effect.then } : {}) };
    } catch (error) {
      return { type: 'save-failed', message: messageOf(error) };
    }
  }
  try {
    return { type: 'opened', session: io.open(effect.ref), ref: effect.ref };
  } catch (error) {
    return { type: 'open-failed', ref: effect.ref, message: messageOf(error) };
  }
}
