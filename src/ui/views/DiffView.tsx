/** Council-by-council differences from the scenario the session opened on, with the steps that caused them. */
import { Box, Text } from 'ink';
import { baselineDiff } from '../../explorer/queries.js';
import { startName } from '../../explorer/session.js';
import { truncate, wrapHanging } from '../layout.js';
import { tint } from '../theme.js';
import type { UiState } from '../ui-state.js';
import { diffLines } from '../../explorer/view-models.js';

const COLORS = { council: 'cyan', change: undefined, cause: 'green', reverted: 'yellow' } as const;

export function DiffView({ ui, width, height }: { readonly ui: UiState; readonly width: number; readonly height: number }) {
  const { session } = ui;
  const diff = baselineDiff(session);
  const lines = diffLines(session);
  const title = `Against ${startName(session)} (seats ${session.start.seats}${session.seats !== session.start.seats ? ` → now ${session.seats}` : ''}): ${diff.councils.length} council${diff.councils.length === 1 ? '' : 's'} changed, ${diff.unchanged.length} unchanged`;
  // Lines are word-wrapped; the scroll position counts logical lines, as the reducer does.
  const shown: { key: string; kind: (typeof lines)[number]['kind']; text: string }[] = [];
  for (let i = ui.diff.scroll; i < lines.length && shown.length < height - 1; i++) {
    const line = lines[i]!;
    const indent = line.kind === 'council' ? '' : line.kind === 'change' ? '  ' : '    ';
    wrapHanging(line.text, width - indent.length, 2).forEach((text, j) => {
      if (shown.length < height - 1) shown.push({ key: `${i}-${j}`, kind: line.kind, text: `${indent}${text}` });
    });
  }
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {truncate(title, width)}
      </Text>
      {lines.length === 0 ? <Text dimColor>Nothing differs yet: every council has the outcome and seats it had when the session opened.</Text> : null}
      {shown.map((line) => (
        <Text key={line.key} {...tint(COLORS[line.kind])} bold={line.kind === 'council'} wrap="truncate-end">
          {truncate(line.text, width)}
        </Text>
      ))}
    </Box>
  );
}
