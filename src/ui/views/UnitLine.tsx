/** One unit of the council table; memoised, so a cursor move redraws two rows' elements, not all. */
import { Text } from 'ink';
import { memo } from 'react';
import type { UnitRow } from '../../explorer/queries.js';
import { cell, clip, padEnd, padStart, percent } from '../layout.js';
import { MARK, tint } from '../theme.js';

export const UNIT_COLUMNS = { marker: 2, member: 4, id: 16, seats: 6, present: 8, banzhaf: 7, shapley: 7, notes: 16 } as const;

function notes(unit: UnitRow): string {
  const parts: string[] = [];
  if (unit.pivotal) parts.push('PIVOTAL');
  if (unit.defected > 0) parts.push(`${unit.defected} defected`);
  if (unit.splittable) parts.push('splits');
  return parts.join(' ');
}

export const UnitLine = memo(function UnitLine({ unit, selected, nameWidth }: { readonly unit: UnitRow; readonly selected: boolean; readonly nameWidth: number }) {
  const c = UNIT_COLUMNS;
  return (
    <Text wrap="truncate-end" inverse={selected}>
      <Text {...tint(unit.inCoalition ? 'green' : undefined)}>{padEnd(selected ? MARK.cursor : ' ', c.marker) + padEnd(unit.inCoalition ? MARK.member : MARK.notMember, c.member)}</Text>
      <Text bold>{cell(clip(unit.id, c.id - 1), c.id)}</Text>
      <Text dimColor={!selected}>{cell(clip(unit.name, nameWidth - 1), nameWidth)}</Text>
      <Text {...tint(unit.present < unit.seats ? 'yellow' : undefined)}>
        {`${padStart(String(unit.seats), c.seats - 1)} ${padStart(`${unit.present}/${unit.seats}`, c.present - 1)} ${padStart(percent(unit.banzhaf), c.banzhaf - 1)} ${padStart(percent(unit.shapleyShubik), c.shapley - 1)} `}
      </Text>
      {/* Trailing blanks only under the cursor, where the inverse bar shows them: fewer cells for Ink to lay out. */}
      <Text {...tint(unit.pivotal ? 'magenta' : undefined)}> {selected ? padEnd(notes(unit), c.notes - 1) : notes(unit)}</Text>
    </Text>
  );
});
