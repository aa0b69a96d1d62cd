/** The council's units: coalition membership, seats, attendance, power shares and pivotal units. */
import { Box, Text } from 'ink';
import type { UnitRow } from '../../explorer/queries.js';
import { listWindow, padEnd, padStart, truncate } from '../layout.js';
import { UNIT_COLUMNS as COLUMNS, UnitLine } from './UnitLine.js';



export function UnitTable({ units, cursor, width, height }: { readonly units: readonly UnitRow[]; readonly cursor: number; readonly width: number; readonly height: number }) {
  const c = COLUMNS;
  const nameWidth = Math.max(0, width - (c.marker + c.member + c.id + c.seats + c.present + c.banzhaf + c.shapley + c.notes));
  const { start, end } = listWindow(cursor, units.length, Math.max(1, height - 1));
  const header =
    padEnd('', c.marker + c.member) +
    padEnd('Unit', c.id) +
    padEnd(nameWidth > 4 ? 'Name' : '', nameWidth) +
    padStart('Seats', c.seats - 1) +
    ' ' +
    padStart('Present', c.present - 1) +
    ' ' +
    padStart('BZ', c.banzhaf - 1) +
    ' ' +
    padStart('SS', c.shapley - 1) +
    '  Notes';
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        {truncate(header, width)}
      </Text>
      {units.slice(start, end).map((unit, i) => (
        <UnitLine key={unit.id} unit={unit} selected={start + i === cursor} nameWidth={nameWidth} />
      ))}
    </Box>
  );
}
