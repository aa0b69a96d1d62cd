/** A scrolling list of long lines (hinge seats, the explanation trace), word-wrapped to the width. */
import { Box, Text } from 'ink';
import { wrapHanging } from '../layout.js';

export interface DetailEntry {
  readonly text: string;
  readonly note?: string;
}

export function DetailPane({ entries, scroll, width, height, empty }: { readonly entries: readonly DetailEntry[]; readonly scroll: number; readonly width: number; readonly height: number; readonly empty: string }) {
  if (entries.length === 0) return <Text dimColor>{empty}</Text>;
  const lines: { key: string; text: string; note: boolean; first: boolean }[] = [];
  for (let i = scroll; i < entries.length && lines.length < height; i++) {
    const entry = entries[i]!;
    const wrapped = wrapHanging(`${i + 1}. ${entry.text}`, width - 1, 3);
    wrapped.forEach((text, j) => {
      if (lines.length < height) lines.push({ key: `${i}-${j}`, text, note: false, first: j === 0 });
    });
    if (entry.note !== undefined && lines.length < height) lines.push({ key: `${i}-n`, text: `   ${entry.note}`, note: true, first: false });
  }
  return (
    <Box flexDirection="column">
      {lines.map((line) => (
        <Text key={line.key} dimColor={line.note} wrap="truncate-end">
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
