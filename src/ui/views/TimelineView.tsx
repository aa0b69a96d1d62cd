/** The steps applied so far: the opened scenario's, the user's edits, and undone edits (redo). */
import { Box, Text } from 'ink';
import { startName } from '../../explorer/session.js';
import { listWindow, padEnd, truncate, wrapText } from '../layout.js';
import { MARK, SEP } from '../theme.js';
import type { UiState } from '../ui-state.js';
import { timelineRows } from '../../explorer/view-models.js';

export function TimelineView({ ui, width, height }: { readonly ui: UiState; readonly width: number; readonly height: number }) {
  const { session } = ui;
  const rows = timelineRows(session);
  const selected = rows[ui.timeline.cursor];
  // The selected row's steps, as the saved file will hold them, under the list.
  const details = selected ? selected.steps.flatMap((step) => wrapText(step, width - 4).map((line, i) => `${i === 0 ? '  • ' : '    '}${line}`)) : [];
  const shownDetails = details.slice(0, Math.max(0, Math.min(details.length, height - 4)));
  const listHeight = Math.max(1, height - 2 - (shownDetails.length > 0 ? shownDetails.length + 1 : 0));
  const { start, end } = listWindow(ui.timeline.cursor, rows.length, listHeight);
  const title = [`${session.start.steps.length} step${session.start.steps.length === 1 ? '' : 's'} from ${startName(session)}`, `${session.done.length} edit${session.done.length === 1 ? '' : 's'}`, `${session.undone.length} undone`, 'u undoes the last edit, r redoes'].join(SEP);
  return (
    <Box flexDirection="column" height={height}>
      <Text dimColor wrap="truncate-end">
        {truncate(title, width)}
      </Text>
      {rows.length === 0 ? <Text dimColor>No steps yet: open a council (enter) and toggle a unit, or compose a deal (d).</Text> : null}
      {rows.slice(start, end).map((row, i) => {
        const isSelected = start + i === ui.timeline.cursor;
        return (
          <Text key={`${row.kind}${start + i}`} wrap="truncate-end" inverse={isSelected} dimColor={row.kind !== 'done' && !isSelected} strikethrough={row.kind === 'undone'}>
            {truncate(`${isSelected ? MARK.cursor : ' '} ${padEnd(row.label, 11)} ${row.text}`, width)}
          </Text>
        );
      })}
      {shownDetails.length > 0 ? <Text> </Text> : null}
      {shownDetails.map((line, i) => (
        <Text key={`d${i}`} color="cyan" wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
