/** Move one seat in a council (a recount, a court ruling): from the chosen unit to the unit under ›. */
import { Box, Text } from 'ink';
import { councilDetail } from '../../explorer/queries.js';
import type { Session } from '../../explorer/session.js';
import { listWindow, truncate } from '../layout.js';
import { MARK } from '../theme.js';

export function TransferPicker({ session, council, from, cursor, width, height }: { readonly session: Session; readonly council: string; readonly from: string; readonly cursor: number; readonly width: number; readonly height: number }) {
  const { result, units } = councilDetail(session, council);
  const source = units.find((unit) => unit.id === from);
  const { start, end } = listWindow(cursor, units.length, Math.max(1, height - 2));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {truncate(`${result.name}: move 1 seat from ${from} (${source?.seats ?? 0} seats) to (enter moves it, esc cancels)`, width)}
      </Text>
      {units.slice(start, end).map((unit, i) => {
        const on = start + i === cursor;
        const isSource = unit.id === from;
        return (
          <Text key={unit.id} inverse={on} dimColor={isSource} wrap="truncate-end">
            {truncate(`${on ? MARK.cursor : ' '} ${unit.id.padEnd(22)} ${String(unit.seats).padStart(3)} seats  ${isSource ? '(from)' : `→ ${unit.seats + 1}`}  ${unit.name}`, width)}
          </Text>
        );
      })}
    </Box>
  );
}
