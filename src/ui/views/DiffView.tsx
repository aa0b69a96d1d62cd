/** Council-by-council differences from the scenario the session opened on, with the steps that caused them. */
import { Box, Text } from 'ink';
import { baselineDiff, startName } from '../engine.js';
import { truncate } from '../layout.js';
import { tint } from '../theme.js';
import type { UiState } from '../ui-state.js';
import { diffLines } from '../view-models.js';

const COLORS = { council: 'cyan', change: undefined, cause: 'green', reverted: 'yellow' } as const;

export function DiffView({ ui, width, height }: { readonly ui: UiState; readonly width: number; readonly height: number }) {
  const { session } = ui;
  const diff = baselineDiff(session);
  const lines = diffLines(session);
  const title = `Against ${startName(session)} (seats ${session.start.seats}${session.seats !== session.start.seats ? ` → now ${session.seats}` : ''}): ${diff.councils.length} council${diff.councils.length === 1 ? '' : 's'} changed, ${diff.unchanged.length} unchanged`;
  const shown = lines.slice(ui.diff.scroll, ui.diff.scroll + Math.max(1, height - 1));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {truncate(title, width)}
      </Text>
      {lines.length === 0 ? <Text dimColor>Nothing differs yet: every council has the outcome it had when the session opened.</Text> : null}
      {shown.map((line, i) => (
        <Text key={`${ui.diff.scroll + i}`} {...tint(COLORS[line.kind])} bold={line.kind === 'council'} wrap="truncate-end">
          {truncate(line.kind === 'council' ? line.text : `  ${line.text}`, width)}
        </Text>
      ))}
    </Box>
  );
}
