/** Choose the seat set: final results, preliminary (101), or an alternative estimate. */
import { Box, Text } from 'ink';
import { seatSetOptions } from '../../explorer/queries.js';
import { listWindow, truncate, wrapText } from '../layout.js';
import { MARK } from '../theme.js';
import type { UiState } from '../ui-state.js';

export function SeatSetPicker({ ui, cursor, width, height }: { readonly ui: UiState; readonly cursor: number; readonly width: number; readonly height: number }) {
  const options = seatSetOptions(ui.session.dataset);
  const current = options[cursor];
  const description = current ? wrapText(current.description, width - 2).slice(0, Math.max(1, height - options.length - 3)) : [];
  const { start, end } = listWindow(cursor, options.length, Math.max(1, height - 2 - description.length));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {truncate('Seat set (enter uses it, esc cancels); every step is re-applied on the new seats', width)}
      </Text>
      {options.slice(start, end).map((option, i) => {
        const selected = start + i === cursor;
        const inUse = option.id === ui.session.seats ? ' (in use)' : '';
        return (
          <Text key={option.id} inverse={selected} wrap="truncate-end">
            {truncate(`${selected ? MARK.cursor : ' '} ${option.id.padEnd(16)} ${option.name}${inUse}`, width)}
          </Text>
        );
      })}
      <Text> </Text>
      {description.map((line, i) => (
        <Text key={i} dimColor wrap="truncate-end">
          {`  ${line}`}
        </Text>
      ))}
    </Box>
  );
}
