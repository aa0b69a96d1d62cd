/** A coalition's votes against the majority line, as a bar of `size` characters. */
import { Text } from 'ink';
import { coalitionBar } from '../layout.js';
import { SEAT } from '../theme.js';

export interface CoalitionBarProps {
  readonly votes: number;
  readonly majority: number;
  readonly seats: number;
  readonly size: number;
  readonly color?: string;
}

export function CoalitionBar({ votes, majority, seats, size, color }: CoalitionBarProps) {
  const cells = coalitionBar(votes, majority, seats, size);
  const fill = color ?? 'white';
  // Few text nodes: Ink's output cost grows with them, and this bar is drawn fifteen times a frame.
  return (
    <Text>
      {cells.before.filled > 0 ? <Text color={fill}>{SEAT.coalition[0].repeat(cells.before.filled)}</Text> : null}
      <Text>{`${SEAT.other[0].repeat(cells.before.empty)}${SEAT.line}`}</Text>
      {cells.after.filled > 0 ? <Text color={fill}>{SEAT.coalition[0].repeat(cells.after.filled)}</Text> : null}
      {cells.after.empty > 0 ? <Text>{SEAT.other[0].repeat(cells.after.empty)}</Text> : null}
    </Text>
  );
}
