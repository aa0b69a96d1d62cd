/** One council in the country view: group, size, majority, the coalition against the line, status, governor. */
import { Text } from 'ink';
import { memo } from 'react';
import type { CountryRow as Row } from '../../explorer/queries.js';
import { cell, clip, padEnd, padStart, signed } from '../layout.js';
import { MARK, STATUS_STYLE } from '../theme.js';
import { CoalitionBar } from './CoalitionBar.js';

/** Column widths; the bar takes what is left. */
export const COUNTRY_COLUMNS = { marker: 3, name: 13, group: 10, seats: 5, majority: 4, votes: 6, status: 13, governor: 12 } as const;

/** Room the governor column asks for before the bar takes the rest ("ibdaa-karbala", "(bloc cf)" in full). */
const GOVERNOR_WANTED = 14;

export function countryBarSize(width: number): number {
  const c = COUNTRY_COLUMNS;
  const fixed = c.marker + c.name + c.group + c.seats + c.majority + 1 + 1 + c.votes + c.status + GOVERNOR_WANTED;
  return Math.max(8, Math.min(40, width - fixed));
}

const CONFIDENCE_MARK = { documented: '', inferred: '~', unresolved: '?' } as const;

export const CountryRow = memo(function CountryRow({ row, selected, changed, width }: { readonly row: Row; readonly selected: boolean; readonly changed: boolean; readonly width: number }) {
  const c = COUNTRY_COLUMNS;
  const style = STATUS_STYLE[row.status];
  const coalition = row.coalition;
  const margin = row.status === 'elected' || row.status === 'deadlock' ? ` ${signed(coalition?.margin ?? 0)}` : '';
  const group = `${row.group} ${row.groupSource === 'derived' ? 'derived' : 'set'}`;
  const seats = `${row.seats}${CONFIDENCE_MARK[row.confidence]}`;
  const votes = coalition ? `${coalition.votes}/${row.majority}` : `-/${row.majority}`;
  const fill = coalition && coalition.margin >= 0 ? 'green' : 'red';
  const bar = countryBarSize(width);
  const governor = row.governorFrom ?? (coalition ? `(${coalition.kind} ${coalition.id})` : '-');
  const governorWidth = Math.max(4, width - (c.marker + c.name + c.group + c.seats + c.majority + 1 + bar + 1 + c.votes + c.status));
  const prefix = padEnd(`${selected ? MARK.cursor : ' '}${changed ? MARK.changed : ' '}`, c.marker) + padEnd(row.name, c.name);
  const middle = `${padEnd(group, c.group)}${padStart(seats, c.seats - 1)} ${padStart(String(row.majority), c.majority - 1)}  `;
  return (
    <Text wrap="truncate-end" inverse={selected}>
      <Text bold>{prefix}</Text>
      <Text>{middle}</Text>
      <CoalitionBar votes={coalition?.votes ?? 0} majority={row.majority} seats={row.seats} size={bar} color={fill} />
      <Text>{` ${padStart(votes, c.votes - 1)} `}</Text>
      <Text color={style.color} bold>
        {padEnd(`${style.label}${margin}`, c.status)}
      </Text>
      <Text>{selected ? cell(governor, governorWidth) : clip(governor, governorWidth)}</Text>
    </Text>
  );
});
