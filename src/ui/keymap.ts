/**
 * Every key the explorer understands, in one table: the reducers resolve keys to commands through it
 * and the help overlay and footer hints are generated from it, so a binding cannot exist without being
 * documented. Keys are named as `keyNames` produces them: a printable character (`j`, `S`, `?`), or
 * `up`, `down`, `left`, `right`, `pageup`, `pagedown`, `home`, `end`, `return`, `escape`, `tab`,
 * `shift+tab`, `space`, `backspace`, `ctrl+<letter>`.
 */

/** The key flags Ink's useInput reports (the subset the explorer reads). */
export interface KeyFlags {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
  readonly shift?: boolean;
  readonly tab?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly meta?: boolean;
}

/**
 * The keys one input event stands for. Ink delivers printable keys typed faster than a frame (or
 * pasted) as one string, so `"jjx"` is three keys; every one of them must reach the reducer in order.
 */
export function keyNames(input: string, key: KeyFlags): string[] {
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  if (key.leftArrow) return ['left'];
  if (key.rightArrow) return ['right'];
  if (key.pageUp) return ['pageup'];
  if (key.pageDown) return ['pagedown'];
  if (key.home) return ['home'];
  if (key.end) return ['end'];
  if (key.return) return ['return'];
  if (key.tab) return [key.shift ? 'shift+tab' : 'tab'];
  if (key.backspace || key.delete) return ['backspace'];
  if (key.escape) return ['escape'];
  if (key.ctrl && input.length > 0) return [`ctrl+${input.toLowerCase()}`];
  // Esc followed quickly by a key reaches Ink as one "meta" key (tmux and terminals merge them).
  if (key.meta && [...input].length === 1) return ['escape', ...keyNames(input, {})];
  const names: string[] = [];
  for (const char of input) {
    const code = char.codePointAt(0)!;
    if (char === ' ') names.push('space');
    else if (char === '\r' || char === '\n') names.push('return');
    else if (char === '\t') names.push('tab');
    else if (char === '\u007f' || char === '\b') names.push('backspace');
    // A control key that arrived together with other keys (Ctrl-U then a pasted path) is still a key.
    else if (code >= 1 && code <= 26) names.push(`ctrl+${String.fromCharCode(code + 96)}`);
    else if (char >= ' ') names.push(char);
  }
  return names;
}

/** Where a binding applies. `global` bindings work on every screen unless a modal context is open. */
export type KeyContext = 'global' | 'list' | 'country' | 'council' | 'deal' | 'timeline' | 'diff' | 'compare' | 'seats' | 'sources' | 'transfer' | 'confirm' | 'overwrite' | 'prompt';

export type Command =
  | 'help'
  | 'quit'
  | 'interrupt'
  | 'back'
  | 'undo'
  | 'redo'
  | 'deal'
  | 'timeline'
  | 'diff'
  | 'compare'
  | 'seats'
  | 'save'
  | 'open'
  | 'sources'
  | 'search'
  | 'sort'
  | 'filter'
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'first'
  | 'last'
  | 'enter'
  | 'toggle-member'
  | 'toggle-attendance'
  | 'one-absent'
  | 'one-returns'
  | 'split'
  | 'next-pane'
  | 'probabilities'
  | 'next-council'
  | 'previous-council'
  | 'scroll-up'
  | 'scroll-down'
  | 'next-column'
  | 'previous-column'
  | 'select'
  | 'apply'
  | 'clear'
  | 'confirm-yes'
  | 'confirm-save'
  | 'confirm-no'
  | 'submit'
  | 'cancel'
  | 'delete-char'
  | 'clear-text'
  | 'paths'
  | 'paths-for'
  | 'move-seat'
  | 'packages'
  | 'next-target';

export interface Binding {
  readonly command: Command;
  readonly keys: readonly string[];
  readonly help: string;
  /** Shown in the footer of the screens where it applies. */
  readonly hint?: string;
}

export interface KeyGroup {
  readonly context: KeyContext;
  readonly title: string;
  readonly bindings: readonly Binding[];
}

export const KEYMAP: readonly KeyGroup[] = [
  {
    context: 'global',
    title: 'Everywhere',
    bindings: [
      { command: 'help', keys: ['?'], help: 'show or hide this help', hint: 'help' },
      { command: 'quit', keys: ['q'], help: 'quit (asks if unsaved)', hint: 'quit' },
      { command: 'back', keys: ['escape'], help: 'back / close the panel' },
      { command: 'undo', keys: ['u'], help: 'undo the last edit', hint: 'undo' },
      { command: 'redo', keys: ['r', 'ctrl+r'], help: 'redo the undone edit', hint: 'redo' },
      { command: 'deal', keys: ['d'], help: 'compose a deal', hint: 'deal' },
      { command: 'timeline', keys: ['t'], help: 'timeline of the steps', hint: 'timeline' },
      { command: 'diff', keys: ['b'], help: 'diff against the baseline', hint: 'diff' },
      { command: 'compare', keys: ['v'], help: 'opened and now side by side', hint: 'side by side' },
      { command: 'seats', keys: ['S'], help: 'switch the seat set', hint: 'seats' },
      { command: 'save', keys: ['w'], help: 'save as scenario YAML', hint: 'save' },
      { command: 'open', keys: ['o'], help: 'open: bundled or recent' },
      { command: 'search', keys: ['/'], help: 'find a council, unit, party', hint: 'find' },
      { command: 'interrupt', keys: ['ctrl+c'], help: 'quit (asks once if unsaved)' },
    ],
  },
  {
    context: 'list',
    title: 'Moving',
    bindings: [
      { command: 'up', keys: ['up', 'k'], help: 'move up' },
      { command: 'down', keys: ['down', 'j'], help: 'move down' },
      { command: 'page-up', keys: ['pageup'], help: 'page up' },
      { command: 'page-down', keys: ['pagedown'], help: 'page down' },
      { command: 'first', keys: ['home', 'g'], help: 'first row' },
      { command: 'last', keys: ['end', 'G'], help: 'last row' },
    ],
  },
  {
    context: 'country',
    title: 'Country view',
    bindings: [
      { command: 'enter', keys: ['return', 'right', 'l'], help: 'open the council', hint: 'council' },
      { command: 'packages', keys: ['K'], help: 'packages for k councils', hint: 'packages' },
      { command: 'next-target', keys: ['tab'], help: 'packages: next bloc' },
      { command: 'sources', keys: ['i'], help: 'sources of the figures', hint: 'sources' },
      { command: 'sort', keys: ['s'], help: 'sort: status, group, seats…', hint: 'sort' },
      { command: 'filter', keys: ['f'], help: 'filter: by status, by group', hint: 'filter' },
    ],
  },
  {
    context: 'council',
    title: 'Council view',
    bindings: [
      { command: 'toggle-member', keys: ['space', 'x'], help: 'unit in / out of coalition', hint: 'in/out' },
      { command: 'toggle-attendance', keys: ['a'], help: 'unit absent / back', hint: 'absent' },
      { command: 'one-absent', keys: ['-'], help: 'one more member absent' },
      { command: 'one-returns', keys: ['+', '='], help: 'one member returns' },
      { command: 'split', keys: ['s'], help: 'split list into factions', hint: 'split' },
      { command: 'next-pane', keys: ['tab'], help: 'units/hinges/expl./paths', hint: 'pane' },
      { command: 'paths', keys: ['W'], help: 'what would it take (paths)', hint: 'paths' },
      { command: 'enter', keys: ['return'], help: 'apply path/break/hinge', hint: 'apply' },
      { command: 'paths-for', keys: ['f'], help: 'paths for the next party', hint: 'for' },
      { command: 'move-seat', keys: ['m'], help: 'move one seat to a unit', hint: 'move seat' },
      { command: 'probabilities', keys: ['P'], help: 'outcome probabilities', hint: 'odds' },
      { command: 'sources', keys: ['i'], help: 'sources, unit first', hint: 'sources' },
      { command: 'scroll-up', keys: ['['], help: 'scroll the pane up' },
      { command: 'scroll-down', keys: [']'], help: 'scroll the pane down' },
      { command: 'next-council', keys: ['n'], help: 'next council' },
      { command: 'previous-council', keys: ['p'], help: 'previous council' },
      { command: 'back', keys: ['left', 'h'], help: 'back to the country' },
    ],
  },
  {
    context: 'deal',
    title: 'Deal composer',
    bindings: [
      { command: 'next-column', keys: ['tab', 'right', 'l'], help: 'next column', hint: 'column' },
      { command: 'previous-column', keys: ['shift+tab', 'left', 'h'], help: 'previous column' },
      { command: 'select', keys: ['space', 'x'], help: 'choose, drop, pick governor', hint: 'choose' },
      { command: 'apply', keys: ['return'], help: 'apply it in every council', hint: 'apply' },
      { command: 'clear', keys: ['c'], help: 'clear the draft' },
    ],
  },
  {
    context: 'timeline',
    title: 'Timeline',
    bindings: [],
  },
  {
    context: 'diff',
    title: 'Differences',
    bindings: [],
  },
  {
    context: 'compare',
    title: 'Side by side',
    bindings: [],
  },
  {
    context: 'seats',
    title: 'Seat sets',
    bindings: [{ command: 'enter', keys: ['return'], help: 'use the seat set', hint: 'use' }],
  },
  {
    context: 'transfer',
    title: 'Move one seat',
    bindings: [{ command: 'enter', keys: ['return'], help: 'move the seat there', hint: 'move' }],
  },
  {
    context: 'sources',
    title: 'Sources',
    bindings: [{ command: 'back', keys: ['i'], help: 'close the sources', hint: 'close' }],
  },
  {
    context: 'confirm',
    title: 'Unsaved changes',
    bindings: [
      { command: 'confirm-yes', keys: ['y'], help: 'discard the changes', hint: 'discard' },
      { command: 'confirm-save', keys: ['w'], help: 'save first', hint: 'save first' },
      { command: 'confirm-no', keys: ['n', 'escape'], help: 'go back', hint: 'cancel' },
    ],
  },
  {
    context: 'overwrite',
    title: 'The file exists',
    bindings: [
      { command: 'confirm-yes', keys: ['y'], help: 'overwrite it', hint: 'overwrite' },
      { command: 'confirm-no', keys: ['n', 'escape'], help: 'choose another name', hint: 'another name' },
    ],
  },
  {
    context: 'prompt',
    title: 'File name',
    bindings: [
      { command: 'submit', keys: ['return'], help: 'confirm, or go to chosen', hint: 'confirm' },
      { command: 'up', keys: ['up'], help: 'previous entry of the list' },
      { command: 'down', keys: ['down'], help: 'next entry of the list', hint: 'choose' },
      { command: 'cancel', keys: ['escape'], help: 'cancel', hint: 'cancel' },
      { command: 'delete-char', keys: ['backspace'], help: 'delete a character' },
      { command: 'clear-text', keys: ['ctrl+u'], help: 'clear the field' },
    ],
  },
];

/** Screens that show a movable cursor (the `list` bindings apply there). */
const LIST_SCREENS: ReadonlySet<KeyContext> = new Set(['country', 'council', 'deal', 'timeline', 'diff', 'compare', 'seats', 'sources', 'transfer']);

/** Modal contexts see only their own bindings (and Ctrl-C). */
const MODAL: ReadonlySet<KeyContext> = new Set(['confirm', 'overwrite', 'prompt']);

function groupOf(context: KeyContext): KeyGroup | undefined {
  return KEYMAP.find((group) => group.context === context);
}

/** The contexts consulted for a screen, most specific first. */
export function contextChain(context: KeyContext): KeyContext[] {
  if (MODAL.has(context)) return [context];
  const chain: KeyContext[] = [context, ...(LIST_SCREENS.has(context) ? (['list'] as const) : []), 'global'];
  return [...new Set(chain)];
}

/** The command a key means on a screen, or undefined. */
export function commandFor(context: KeyContext, name: string): Command | undefined {
  if (name === 'ctrl+c') return 'interrupt';
  for (const ctx of contextChain(context)) {
    const binding = groupOf(ctx)?.bindings.find((entry) => entry.keys.includes(name));
    if (binding) return binding.command;
  }
  return undefined;
}

const KEY_LABELS: Readonly<Record<string, string>> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  return: 'enter',
  escape: 'esc',
  tab: 'tab',
  'shift+tab': 'S-tab',
  space: 'space',
  backspace: 'backspace',
};

export function keyLabel(name: string): string {
  if (name.startsWith('ctrl+')) return `ctrl-${name.slice(5)}`;
  return KEY_LABELS[name] ?? name;
}

export interface HelpSection {
  readonly title: string;
  readonly rows: readonly { readonly keys: string; readonly help: string }[];
}

/** The help overlay for a screen: its own keys, moving keys where it has a cursor, then the global ones. */
export function helpSections(context: KeyContext): HelpSection[] {
  return contextChain(context)
    .map(groupOf)
    .filter((group): group is KeyGroup => group !== undefined && group.bindings.length > 0)
    .map((group) => ({ title: group.title, rows: group.bindings.map((binding) => ({ keys: binding.keys.map(keyLabel).join(' '), help: binding.help })) }));
}

/** The footer's short hints for a screen (`space in/out`, `a absent`, …), most specific first. */
export function footerHints(context: KeyContext): { keys: string; hint: string }[] {
  const hints: { keys: string; hint: string }[] = [];
  for (const ctx of contextChain(context)) {
    for (const binding of groupOf(ctx)?.bindings ?? []) {
      if (binding.hint !== undefined) hints.push({ keys: keyLabel(binding.keys[0]!), hint: binding.hint });
    }
  }
  return hints;
}
