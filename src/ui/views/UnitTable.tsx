/** The council's units: coalition membership, seats, attendance, power shares and pivotal units. */
import { Box, Text } from 'ink';
import type { UnitRow } from '../engine.js';
import { listWindow, padEnd, padStart, percent, truncate } from '../layout.js';
import { MARK, tint } from '../theme.js';

const COLUMNS = { marker: 2, member: 4, id: 16, seats: 6, present: 8, banzhaf: 7, shapley: 7, notes: 16 } as const;

function notes(unit: UnitRow): string {
  const parts: string[] = [];
  if (unit.pivotal) parts.push('PIVOTAL');
  if (unit.defected > 0) parts.push(`${unit.defected} defected`);
  if (unit.splittable) parts.push('splits');
  return parts.join(' ');
}

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
      {units.slice(start, end).map((unit, i) => {
        const selected = start + i === cursor;
        return (
          <Text key={unit.id} wrap="truncate-end" inverse={selected}>
            <Text {...tint(unit.inCoalition ? 'green' : undefined)}>{padEnd(selected ? MARK.cursor : ' ', c.marker) + padEnd(unit.inCoalition ? MARK.member : MARK.notMember, c.member)}</Text>
            <Text bold>{padEnd(truncate(unit.id, c.id - 1), c.id)}</Text>
            <Text dimColor={!selected}>{padEnd(unit.name, nameWidth)}</Text>
            <Text {...tint(unit.present < unit.seats ? 'yellow' : undefined)}>
              {`${padStart(String(unit.seats), c.seats - 1)} ${padStart(`${unit.present}/${unit.seats}`, c.present - 1)} ${padStart(percent(unit.banzhaf), c.banzhaf - 1)} ${padStart(percent(unit.shapleyShubik), c.shapley - 1)} `}
            </Text>
            <Text {...tint(unit.pivotal ? 'magenta' : undefined)}> {padEnd(notes(unit), c.notes - 1)}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
