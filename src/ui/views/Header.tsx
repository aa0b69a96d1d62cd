/** The top line: where you are, what the session started from, the seat set, edits and unsaved state. */
import { Text } from 'ink';
import { memo } from 'react';
import { width as textWidth, truncate } from '../layout.js';
import { SEP } from '../theme.js';
import type { Screen } from '../ui-state.js';

const SCREEN_TITLE: Readonly<Record<Screen, string>> = {
  country: 'Country',
  council: 'Council',
  deal: 'Deal composer',
  timeline: 'Timeline',
  diff: 'Differences',
  compare: 'Side by side',
};

export interface HeaderProps {
  readonly screen: Screen;
  readonly start: string;
  readonly seats: string;
  /** `2 edits (5 steps)`, from session.editCount. */
  readonly edits: string;
  readonly undone: number;
  readonly dirty: boolean;
  readonly width: number;
}

export const Header = memo(function Header({ screen, start, seats, edits: count, undone, dirty, width }: HeaderProps) {
  const left = `govsim${SEP}${SCREEN_TITLE[screen]}${SEP}${start}${SEP}seats ${seats}`;
  const edits = `${count}${undone > 0 ? `, ${undone} undone` : ''}`;
  const right = `${edits}${dirty ? `${SEP}UNSAVED` : ''}${SEP}? help`;
  const leftShown = truncate(left, Math.max(10, width - textWidth(right) - 1));
  const gap = Math.max(1, width - textWidth(leftShown) - textWidth(right));
  return (
    <Text wrap="truncate-end">
      <Text bold color="cyan">
        {leftShown}
      </Text>
      {' '.repeat(gap)}
      <Text>{edits}</Text>
      {dirty ? <Text color="yellow">{`${SEP}UNSAVED`}</Text> : null}
      <Text dimColor>{`${SEP}? help`}</Text>
    </Text>
  );
});
