/** The top line: where you are, what the session started from, the seat set, edits and unsaved state. */
import { Text } from 'ink';
import { startName } from '../engine.js';
import { width as textWidth, truncate } from '../layout.js';
import { isDirty } from '../session.js';
import type { Screen, UiState } from '../ui-state.js';

const SCREEN_TITLE: Readonly<Record<Screen, string>> = {
  country: 'Country',
  council: 'Council',
  deal: 'Deal composer',
  timeline: 'Timeline',
  diff: 'Differences',
};

export function Header({ ui, width }: { readonly ui: UiState; readonly width: number }) {
  const { session } = ui;
  const left = `govsim · ${SCREEN_TITLE[ui.screen]} · ${startName(session)} · seats ${session.seats}`;
  const edits = `${session.done.length} edit${session.done.length === 1 ? '' : 's'}${session.undone.length > 0 ? ` (${session.undone.length} undone)` : ''}`;
  const dirty = isDirty(session);
  const right = `${edits}${dirty ? ' · UNSAVED' : ''} · ? help`;
  const leftShown = truncate(left, Math.max(10, width - textWidth(right) - 1));
  const gap = Math.max(1, width - textWidth(leftShown) - textWidth(right));
  return (
    <Text wrap="truncate-end">
      <Text bold color="cyan">
        {leftShown}
      </Text>
      {' '.repeat(gap)}
      <Text>{edits}</Text>
      {dirty ? <Text color="yellow"> · UNSAVED</Text> : null}
      <Text dimColor> · ? help</Text>
    </Text>
  );
}
