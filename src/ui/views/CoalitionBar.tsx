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
  return (
    <Text>
      <Text color={fill}>{SEAT.coalition[0].repeat(cells.before.filled)}</Text>
      <Text dimColor>{SEAT.other[0].repeat(cells.before.empty)}</Text>
      <Text bold>{SEAT.line}</Text>
      <Text color={fill}>{SEAT.coalition[0].repeat(cells.after.filled)}</Text>
      <Text dimColor>{SEAT.other[0].repeat(cells.after.empty)}</Text>
    </Text>
  );
}
