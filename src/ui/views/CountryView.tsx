/** The 15 councils on one screen, and the national line under them. */
import { Box, Text } from 'ink';
import { countryRows, nationalLine } from '../../explorer/queries.js';
import { listWindow, padEnd, padStart, truncate } from '../layout.js';
import { SEP } from '../theme.js';
import type { UiState } from '../ui-state.js';
import { COUNTRY_COLUMNS, countryBarSize, CountryRow } from './CountryRow.js';
import { PackagesPane } from './PackagesPane.js';

export function CountryView({ ui, width, height }: { readonly ui: UiState; readonly width: number; readonly height: number }) {
  const packages = ui.country.packages;
  if (packages) return <PackagesPane session={ui.session} target={packages.target} cursor={packages.cursor} width={width} height={height} />;
  const rows = countryRows(ui.session);
  const national = nationalLine(ui.session);
  const c = COUNTRY_COLUMNS;
  const listHeight = Math.max(1, height - 4);
  const { start, end } = listWindow(ui.country.cursor, rows.length, listHeight);
  const header =
    padEnd('', c.marker) +
    padEnd('Council', c.name) +
    padEnd('Group', c.group) +
    padStart('Seats', c.seats) +
    padStart('Maj', c.majority) +
    ' ' +
    padEnd('Coalition', countryBarSize(width)) +
    ' ' +
    padStart('Votes', c.votes - 1) +
    ' ' +
    padEnd('Status', c.status) +
    'Governor';
  const figure = national.figure
    ? `${national.figure.label}: ${national.figure.computed}${national.figure.published !== undefined ? `${SEP}published ${national.figure.published}${national.figure.published === national.figure.computed ? ' ✓' : ' ✗'}` : `${SEP}not published for this seat set`}`
    : '';
  const { byStatus, groups } = national;
  return (
    <Box flexDirection="column" height={height}>
      <Text dimColor wrap="truncate-end">
        {truncate(header, width)}
      </Text>
      {rows.slice(start, end).map((row, i) => (
        <CountryRow key={row.id} row={row} selected={start + i === ui.country.cursor} changed={ui.changed.includes(row.id)} width={width} />
      ))}
      <Text wrap="truncate-end">
        <Text bold>National</Text>
        {truncate(`${SEP}seat set ${national.seatSet}${SEP}${national.seats} seats${SEP}groups A ${groups.A}, B ${groups.B}, C ${groups.C}`, Math.max(0, width - 8))}
      </Text>
      <Text wrap="truncate-end">{truncate(figure, width)}</Text>
      <Text dimColor wrap="truncate-end">
        {truncate(`${byStatus.elected} elected, ${byStatus.deadlock} deadlock, ${byStatus['no-quorum']} no quorum, ${byStatus.open} open${SEP}Δ edited  ~ estimate  ? unresolved`, width)}
      </Text>
    </Box>
  );
}
