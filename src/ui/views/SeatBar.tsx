/** Every seat of the council as one character, coalition first, with the majority line. */
import { Text } from 'ink';
import { seatSegments, splitAtLine, type SeatSegment } from '../layout.js';
import { SEAT, tint } from '../theme.js';

interface SeatBarProps {
  readonly units: readonly { readonly id: string; readonly seats: number; readonly present: number; readonly inCoalition: boolean }[];
  readonly majority: number;
  /** The unit under the cursor, drawn inverse. */
  readonly highlight?: string;
}

function Segment({ segment, highlight }: { readonly segment: SeatSegment; readonly highlight: boolean }) {
  return (
    <Text {...tint(segment.coalition ? 'green' : undefined)} dimColor={!segment.coalition && !highlight} inverse={highlight}>
      {segment.char.repeat(segment.count)}
    </Text>
  );
}

export function SeatBar({ units, majority, highlight }: SeatBarProps) {
  const { segments, line } = seatSegments(units, majority);
  const { before, after } = splitAtLine(segments, line);
  return (
    <Text wrap="truncate-end">
      {before.map((segment, i) => (
        <Segment key={`b${i}`} segment={segment} highlight={segment.unit === highlight} />
      ))}
      <Text bold>{SEAT.line}</Text>
      {after.map((segment, i) => (
        <Segment key={`a${i}`} segment={segment} highlight={segment.unit === highlight} />
      ))}
    </Text>
  );
}
