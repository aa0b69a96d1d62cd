/**
 * The root reducer. Every key goes through here, one key at a time, so keys that arrive together
 * ("jjx", or a tmux `send-keys` burst) act in order on the latest state. Overlays take keys first
 * (prompts take printable keys as text); then the screen's bindings, the moving keys and the global
 * ones, as the keymap orders them.
 */
import { councilDetail, seatSetOptions } from '../../explorer/queries.js';
import { openChoices, searchHits } from '../../explorer/search.js';
import { sourceEntries } from '../../explorer/sources.js';
import { councilHint } from './country-reducer.js';
import { countryCouncil, countryCursorOn } from './country-order.js';
import { isMove, moveCursor } from './cursor.js';
import { commandFor, type Command, keyNames, type KeyFlags } from '../keymap.js';
import { isDirty, markSaved, type Session } from '../../explorer/session.js';
import { createUiState, type Message, type Overlay, type UiState } from '../ui-state.js';
import { commitRedo, commitUndo } from './commit.js';
import { reduceCouncil } from './council-reducer.js';
import { reduceCountry } from './country-reducer.js';
import { reduceDeal } from './deal-reducer.js';
import { reduceCompare, reduceDiff, reduceSeats, reduceTimeline } from './list-reducers.js';
import { closePackages, reduceTransfer } from './paths-reducer.js';
import { ExitCode } from '../../model/errors.js';

export type UiAction =
  | { readonly type: 'keys'; readonly input: string; readonly key: KeyFlags }
  | { readonly type: 'saved'; readonly file: string; readonly shown: string; readonly expectations: number; readonly then?: 'quit' }
  | { readonly type: 'save-failed'; readonly message: string }
  | { readonly type: 'save-exists'; readonly file: string; readonly then?: 'quit' }
  | { readonly type: 'opened'; readonly session: Session; readonly ref: string }
  | { readonly type: 'open-failed'; readonly ref: string; readonly message: string };

export function appReducer(ui: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'keys': {
      let next = ui;
      for (const name of keyNames(action.input, action.key)) {
        if (next.quit || next.effect) break;
        next = reduceKey(next, name);
      }
      return next;
    }
    case 'saved': {
      const session = markSaved(ui.session, action.file);
      const recent = [action.file, ...ui.recent.filter((file) => file !== action.file)].slice(0, 10);
      const text = `saved ${action.shown} (${action.expectations} expectation${action.expectations === 1 ? '' : 's'}; check it with \`govsim check ${action.shown}\`)`;
      const saved: UiState = { ...ui, session, recent, effect: null, savePath: action.shown, message: { text, tone: 'success' } };
      return action.then === 'quit' ? { ...saved, quit: { code: ExitCode.ok } } : saved;
    }
    case 'save-exists':
      return { ...ui, effect: null, overlay: { kind: 'overwrite', file: action.file, ...(action.then ? { then: action.then } : {}) } };
    case 'save-failed':
      return { ...ui, effect: null, overlay: { kind: 'error', title: 'Could not save', lines: action.message.split('\n') } };
    case 'opened':
      return {
        ...createUiState(action.session, { message: { text: `opened ${action.ref}: ${action.session.start.name}`, tone: 'success' } }),
        recent: [...new Set([...(action.session.origin.kind === 'file' ? [action.session.origin.file] : []), ...ui.recent])].slice(0, 10),
      };
    case 'open-failed':
      return { ...ui, effect: null, overlay: { kind: 'error', title: `Could not open ${action.ref}`, lines: action.message.split('\n') } };
  }
}

const SCREEN_HINT = {
  deal: { text: 'Deal: choose councils, then parties, then the governor party (space); enter applies it as one edit', tone: 'info' },
  timeline: { text: 'Timeline: the opened scenario\'s steps, then your edits (u undoes the last, r redoes)', tone: 'info' },
  diff: { text: 'Differences from the opened scenario, council by council, with the edits that caused them', tone: 'info' },
  compare: { text: 'Side by side: the opened scenario (left) and now (right); S compares seat sets, o opens another', tone: 'info' },
} as const satisfies Readonly<Record<string, Message>>;

function quitOrConfirm(ui: UiState, reason: 'quit' | 'interrupt'): UiState {
  const code = reason === 'quit' ? ExitCode.ok : ExitCode.interrupted;
  if (!isDirty(ui.session)) return { ...ui, quit: { code } };
  return { ...ui, overlay: { kind: 'confirm', reason } };
}

function reduceKey(ui: UiState, name: string): UiState {
  const overlay = ui.overlay;
  if (overlay) return reduceOverlay(ui, overlay, name);
  const command = commandFor(ui.screen, name);
  if (command === undefined) return ui;
  return reduceCommand(ui, command);
}

function reduceCommand(ui: UiState, command: Command): UiState {
  switch (command) {
    case 'help':
      return { ...ui, overlay: { kind: 'help' } };
    case 'quit':
      return quitOrConfirm(ui, 'quit');
    case 'interrupt':
      return quitOrConfirm(ui, 'interrupt');
    case 'back':
      if (ui.screen === 'country' && ui.country.packages) return closePackages(ui);
      if (ui.screen === 'country') return { ...ui, message: { text: 'this is the country view; q quits', tone: 'info' } };
      return {
        ...ui,
        screen: 'country',
        country: ui.screen === 'council' ? countryCursorOn(ui, ui.council.id) : ui.country,
        // A hint belongs to the screen left; results of edits (success, error) stay.
        message: ui.message?.tone === 'info' ? null : ui.message,
      };
    case 'undo':
      return commitUndo(ui);
    case 'redo':
      return commitRedo(ui);
    // A new screen gets its own hint: the last screen's (a council's keys, say) would mislead there.
    case 'deal':
      return { ...ui, screen: 'deal', message: SCREEN_HINT.deal };
    case 'timeline':
      return { ...ui, screen: 'timeline', timeline: { cursor: Math.max(0, ui.session.start.steps.length + ui.session.done.length - 1) }, message: SCREEN_HINT.timeline };
    case 'diff':
      return { ...ui, screen: 'diff', diff: { scroll: 0 }, message: SCREEN_HINT.diff };
    case 'compare':
      return { ...ui, screen: 'compare', compare: { scroll: 0 }, message: SCREEN_HINT.compare };
    case 'seats':
      return { ...ui, overlay: { kind: 'seats', cursor: Math.max(0, seatSetOptions(ui.session.dataset).findIndex((set) => set.id === ui.session.seats)) } };
    case 'save':
      return { ...ui, overlay: { kind: 'prompt', purpose: 'save', text: ui.savePath } };
    case 'open':
      return { ...ui, overlay: { kind: 'prompt', purpose: 'open', text: '', cursor: 0 } };
    case 'search':
      return { ...ui, overlay: { kind: 'prompt', purpose: 'search', text: '', cursor: 0 } };
    case 'sources': {
      const council = ui.screen === 'council' ? ui.council.id : countryCouncil(ui);
      if (council === undefined) return ui;
      const unit = ui.screen === 'council' ? councilDetail(ui.session, council).units[ui.council.cursor]?.id : undefined;
      return { ...ui, overlay: { kind: 'sources', council, ...(unit !== undefined ? { unit } : {}), scroll: 0 } };
    }
    default:
      break;
  }
  switch (ui.screen) {
    case 'country':
      return reduceCountry(ui, command);
    case 'council':
      return reduceCouncil(ui, command);
    case 'deal':
      return reduceDeal(ui, command);
    case 'timeline':
      return reduceTimeline(ui, command);
    case 'diff':
      return reduceDiff(ui, command);
    case 'compare':
      return reduceCompare(ui, command);
  }
}

function reduceOverlay(ui: UiState, overlay: Overlay, name: string): UiState {
  switch (overlay.kind) {
    case 'help':
    case 'error':
      // Any key closes them; Ctrl-C still quits.
      return name === 'ctrl+c' ? quitOrConfirm({ ...ui, overlay: null }, 'interrupt') : { ...ui, overlay: null };
    case 'sources': {
      const command = commandFor('sources', name);
      if (command === 'back') return { ...ui, overlay: null };
      if (command === 'interrupt' || command === 'quit') return quitOrConfirm({ ...ui, overlay: null }, command === 'quit' ? 'quit' : 'interrupt');
      if (command !== undefined && isMove(command)) {
        const total = sourceEntries(ui.session, overlay.council, overlay.unit).length;
        return { ...ui, overlay: { ...overlay, scroll: moveCursor(overlay.scroll, command, total) } };
      }
      return ui;
    }
    case 'seats': {
      const command = commandFor('seats', name);
      if (command === 'back') return { ...ui, overlay: null };
      if (command === 'interrupt' || command === 'quit') return quitOrConfirm({ ...ui, overlay: null }, command === 'quit' ? 'quit' : 'interrupt');
      if (command === 'help') return { ...ui, overlay: { kind: 'help' } };
      return command === undefined ? ui : reduceSeats(ui, command);
    }
    case 'transfer': {
      const command = commandFor('transfer', name);
      if (command === 'interrupt' || command === 'quit') return quitOrConfirm({ ...ui, overlay: null }, command === 'quit' ? 'quit' : 'interrupt');
      if (command === 'help') return { ...ui, overlay: { kind: 'help' } };
      return command === undefined ? ui : reduceTransfer(ui, command);
    }
    case 'confirm':
      return reduceConfirm(ui, overlay, commandFor('confirm', name));
    case 'overwrite':
      switch (commandFor('overwrite', name)) {
        case 'confirm-yes':
          return { ...ui, overlay: null, effect: { kind: 'save', file: overlay.file, overwrite: true, ...(overlay.then ? { then: overlay.then } : {}) } };
        case 'confirm-no':
          return { ...ui, overlay: { kind: 'prompt', purpose: 'save', text: overlay.file, ...(overlay.then ? { then: overlay.then } : {}) } };
        case 'interrupt':
          return quitOrConfirm({ ...ui, overlay: null }, 'interrupt');
        default:
          return ui;
      }
    case 'prompt':
      return reducePrompt(ui, overlay, name);
  }
}

function reduceConfirm(ui: UiState, overlay: Extract<Overlay, { kind: 'confirm' }>, command: Command | undefined): UiState {
  switch (command) {
    case 'confirm-yes':
      if (overlay.reason === 'open' && overlay.open !== undefined) return { ...ui, overlay: null, effect: { kind: 'open', ref: overlay.open } };
      return { ...ui, overlay: null, quit: { code: overlay.reason === 'interrupt' ? ExitCode.interrupted : ExitCode.ok } };
    case 'confirm-save':
      return { ...ui, overlay: { kind: 'prompt', purpose: 'save', text: ui.savePath, ...(overlay.reason === 'open' ? {} : { then: 'quit' as const }) } };
    case 'confirm-no':
      return { ...ui, overlay: null };
    case 'interrupt':
      // A second Ctrl-C means it.
      return overlay.reason === 'interrupt' ? { ...ui, overlay: null, quit: { code: ExitCode.interrupted } } : { ...ui, overlay: { ...overlay, reason: 'interrupt' } };
    default:
      return ui;
  }
}

function reducePrompt(ui: UiState, overlay: Extract<Overlay, { kind: 'prompt' }>, name: string): UiState {
  const command = commandFor('prompt', name);
  switch (command) {
    case 'up':
    case 'down': {
      if (overlay.purpose === 'save') return ui;
      const length = overlay.purpose === 'open' ? openChoices(ui.recent, overlay.text).length : searchHits(ui.session, overlay.text).length;
      return { ...ui, overlay: { ...overlay, cursor: moveCursor(overlay.cursor ?? 0, command, length) } };
    }
    case 'submit': {
      if (overlay.purpose === 'search') {
        const hit = searchHits(ui.session, overlay.text)[overlay.cursor ?? 0];
        if (!hit) return { ...ui, message: { text: 'nothing matches; type part of a council, unit or party name, or esc', tone: 'error' } };
        const units = councilDetail(ui.session, hit.council).units;
        const cursor = Math.max(0, hit.unit === undefined ? 0 : units.findIndex((unit) => unit.id === hit.unit));
        return {
          ...ui,
          overlay: null,
          screen: 'council',
          council: { ...ui.council, id: hit.council, cursor, pane: 'units', scroll: 0 },
          country: countryCursorOn(ui, hit.council),
          message: councilHint(ui, hit.council),
        };
      }
      const chosen = overlay.purpose === 'open' ? openChoices(ui.recent, overlay.text)[overlay.cursor ?? 0]?.ref : undefined;
      const text = chosen ?? overlay.text.trim();
      if (text === '') return { ...ui, message: { text: 'type a file name, or esc to cancel', tone: 'error' } };
      if (overlay.purpose === 'save') {
        return { ...ui, overlay: null, effect: { kind: 'save', file: text, ...(overlay.then ? { then: overlay.then } : {}) } };
      }
      if (isDirty(ui.session)) return { ...ui, overlay: { kind: 'confirm', reason: 'open', open: text } };
      return { ...ui, overlay: null, effect: { kind: 'open', ref: text } };
    }
    case 'cancel':
      return { ...ui, overlay: null, message: { text: `${overlay.purpose} cancelled`, tone: 'info' } };
    case 'delete-char':
      return { ...ui, overlay: { ...overlay, text: overlay.text.slice(0, -1), ...(overlay.cursor !== undefined ? { cursor: 0 } : {}) } };
    case 'clear-text':
      return { ...ui, overlay: { ...overlay, text: '', ...(overlay.cursor !== undefined ? { cursor: 0 } : {}) } };
    case 'interrupt':
      return quitOrConfirm({ ...ui, overlay: null }, 'interrupt');
    default:
      break;
  }
  // Typing narrows a list: its cursor goes back to the first entry.
  const reset = overlay.cursor !== undefined ? { cursor: 0 } : {};
  if (name === 'space') return { ...ui, overlay: { ...overlay, text: `${overlay.text} `, ...reset } };
  if ([...name].length === 1) return { ...ui, overlay: { ...overlay, text: overlay.text + name, ...reset } };
  return ui;
}

