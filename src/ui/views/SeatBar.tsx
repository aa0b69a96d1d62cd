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

interface Run {
  readonly text: string;
  readonly coalition: boolean;
  readonly highlight: boolean;
}

/** Consecutive seats drawn alike become one text node (Ink's cost grows with the node count). */
function runs(segments: readonly SeatSegment[], highlight: string | undefined): Run[] {
  const out: Run[] = [];
  for (const segment of segments) {
    const lit = segment.unit === highlight;
    const text = segment.char.repeat(segment.count);
    const last = out.at(-1);
    if (last && last.coalition === segment.coalition && last.highlight === lit) out[out.length - 1] = { ...last, text: last.text + text };
    else out.push({ text, coalition: segment.coalition, highlight: lit });
  }
  return out;
}

export function SeatBar({ units, majority, highlight }: SeatBarProps) {
  const { segments, line } = seatSegments(units, majority);
  const { before, after } = splitAtLine(segments, line);
  return (
    <Text wrap="truncate-end">
      {runs(before, highlight).map((run, i) => (
        <Text key={`b${i}`} {...tint(run.coalition ? 'green' : undefined)} inverse={run.highlight}>
          {run.text}
        </Text>
      ))}
      <Text bold>{SEAT.line}</Text>
      {runs(after, highlight).map((run, i) => (
        <Text key={`a${i}`} {...tint(run.coalition ? 'green' : undefined)} inverse={run.highlight}>
          {run.text}
        </Text>
      ))}
    </Text>
  );
}
