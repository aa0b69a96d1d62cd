/**
 * The explorer's whole UI state: the session (scenario, timeline, results) plus what each screen
 * shows (cursors, panes, the deal draft), the open overlay, the status message, and two requests the
 * reducers cannot fulfil themselves because they touch the outside world: an I/O effect (save, open)
 * and quitting. The App performs those and reports back with actions.
 */
import { defaultSavePath } from '../explorer/save-scenario.js';
import type { Session } from '../explorer/session.js';

/** The country view's orders (`s` cycles them) and filters (`f`). */
export const SORTS = ['dataset', 'status', 'group', 'seats', 'margin'] as const;
export type CountrySort = (typeof SORTS)[number];
export const FILTERS = ['all', 'elected', 'open', 'deadlock', 'no-quorum', 'A', 'B', 'C'] as const;
export type CountryFilter = (typeof FILTERS)[number];

export type Screen = 'country' | 'council' | 'deal' | 'timeline' | 'diff' | 'compare';

export type CouncilPane = 'units' | 'hinges' | 'explanation' | 'paths';

export const COUNCIL_PANES: readonly CouncilPane[] = ['units', 'hinges', 'explanation', 'paths'];

export type Overlay =
  | { readonly kind: 'help' }
  | { readonly kind: 'seats'; readonly cursor: number }
  /** Moving one seat in a council: from a unit to the unit under the cursor. */
  | { readonly kind: 'transfer'; readonly council: string; readonly from: string; readonly cursor: number }
  /** Where a council's figures come from; `unit` (the one under the cursor) is listed first. */
  | { readonly kind: 'sources'; readonly council: string; readonly unit?: string; readonly scroll: number }
  /** A one-line field: a file to save to, a scenario to open (picked from a list), a search (results listed above). */
  | { readonly kind: 'prompt'; readonly purpose: 'save' | 'open' | 'search'; readonly text: string; readonly then?: 'quit'; readonly cursor?: number }
  | { readonly kind: 'confirm'; readonly reason: 'quit' | 'interrupt' | 'open'; readonly open?: string }
  /** The file to save to exists (and is not this session's last save): overwrite it or pick another name. */
  | { readonly kind: 'overwrite'; readonly file: string; readonly then?: 'quit' }
  | { readonly kind: 'error'; readonly title: string; readonly lines: readonly string[] };

export interface Message {
  readonly text: string;
  readonly tone: 'info' | 'success' | 'error';
}

export type Effect =
  | { readonly kind: 'save'; readonly file: string; readonly then?: 'quit'; readonly overwrite?: boolean }
  | { readonly kind: 'open'; readonly ref: string };

export interface DealScreen {
  /** 0 councils, 1 parties, 2 governor. */
  readonly column: 0 | 1 | 2;
  readonly cursors: readonly [number, number, number];
  readonly councils: readonly string[];
  readonly parties: readonly string[];
  readonly governor: string | null;
}

export interface PackagesPane {
  readonly target: number;
  readonly cursor: number;
}

export interface UiState {
  readonly session: Session;
  readonly screen: Screen;
  readonly overlay: Overlay | null;
  /** The cursor over the rows shown, their order (`s`) and which are shown (`f`); the national packages pane, when open. */
  readonly country: { readonly cursor: number; readonly sort: CountrySort; readonly filter: CountryFilter; readonly packages?: PackagesPane };
  readonly council: {
    readonly id: string;
    readonly cursor: number;
    readonly pane: CouncilPane;
    readonly scroll: number;
    /** Whether the probability panel (outcome probabilities from the scenario's `probabilities:` block) is shown. */
    readonly probabilities: boolean;
    /** Whom the paths pane is for (`f` cycles); unset: the coalition on screen. */
    readonly pathsFor?: string;
  };
  readonly deal: DealScreen;
  readonly timeline: { readonly cursor: number };
  readonly diff: { readonly scroll: number };
  readonly compare: { readonly scroll: number };
  readonly message: Message | null;
  /** Councils whose outcome the last edit, undo or redo changed (marked in the country view). */
  readonly changed: readonly string[];
  readonly effect: Effect | null;
  readonly quit: { readonly code: number } | null;
  /** Files opened or saved in this process, most recent first (offered by `o`). */
  readonly recent: readonly string[];
  /** File name offered by the save prompt: beside the opened file, then the last one saved to. */
  readonly savePath: string;
}

export const EMPTY_DEAL: DealScreen = { column: 0, cursors: [0, 0, 0], councils: [], parties: [], governor: null };

/** Rows moved by page up / page down. */
export const PAGE = 10;

export function createUiState(session: Session, options: { message?: Message; error?: { title: string; lines: readonly string[] } } = {}): UiState {
  return {
    session,
    screen: 'country',
    overlay: options.error ? { kind: 'error', title: options.error.title, lines: options.error.lines } : null,
    country: { cursor: 0, sort: 'dataset', filter: 'all' },
    council: { id: session.state.councilOrder[0] ?? '', cursor: 0, pane: 'units', scroll: 0, probabilities: false },
    deal: EMPTY_DEAL,
    timeline: { cursor: 0 },
    diff: { scroll: 0 },
    compare: { scroll: 0 },
    message: options.message ?? { text: 'Welcome: ↑↓ to move, enter to open a council, ? for every key.', tone: 'info' },
    changed: [],
    effect: null,
    quit: null,
    savePath: defaultSavePath(session),
    recent: session.origin.kind === 'file' ? [session.origin.file] : [],
  };
}
