/** The 15 councils on one screen, and the national line under them. */
import { Box, Text } from 'ink';
import { nationalLine } from '../../explorer/queries.js';
import { countryCouncil, visibleRows } from '../reducers/country-order.js';
import { listWindow, padEnd, padStart, truncate } from '../layout.js';
import { SEP } from '../theme.js';
import type { UiState } from '../ui-state.js';
import { CouncilPreview } from './CouncilPreview.js';
import { COUNTRY_COLUMNS, countryBarSize, CountryRow } from './CountryRow.js';
import { Legend } from './Legend.js';
import { PackagesPane } from './PackagesPane.js';

/** From this width the council under the cursor is shown beside the table. */
export const PREVIEW_FROM = 120;
/** The table's width when the preview is beside it. */
const TABLE_WIDTH = 84;

export function CountryView({ ui, width, height }: { readonly ui: UiState; readonly width: number; readonly height: number }) {
  const packages = ui.country.packages;
  if (packages) return <PackagesPane session={ui.session} target={packages.target} cursor={packages.cursor} width={width} height={height} />;
  if (width < PREVIEW_FROM) return <CountryTable ui={ui} width={width} height={height} />;
  const council = countryCouncil(ui);
  return (
    <Box flexDirection="row" height={height}>
      <Box width={TABLE_WIDTH + 2} flexDirection="column">
        <CountryTable ui={ui} width={TABLE_WIDTH} height={height} />
      </Box>
      {council !== undefined ? <CouncilPreview ui={ui} councilId={council} width={width - TABLE_WIDTH - 2} height={height} /> : null}
    </Box>
  );
}

function CountryTable({ ui, width, height }: { readonly ui: UiState; readonly width: number; readonly height: number }) {
  const rows = visibleRows(ui);
  const national = nationalLine(ui.session);
  const c = COUNTRY_COLUMNS;
  const listHeight = Math.max(1, Math.min(rows.length, height - 4));
  // What is left under the table and the national lines goes to the legend (a tall terminal).
  const legendHeight = Math.max(0, height - 4 - listHeight - 1);
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
    ? `${national.figure.label}: ${national.figure.computed}${national.figure.published !== undefined ? `${SEP}published ${national.figure.published} ${national.figure.verdict ?? (national.figure.published === national.figure.computed ? '✓' : '✗')}` : `${SEP}not published for this seat set`}`
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
        {truncate(
          `${byStatus.elected} elected, ${byStatus.deadlock} deadlock, ${byStatus['no-quorum']} no quorum, ${byStatus.open} open${SEP}${
            ui.country.sort !== 'dataset' || ui.country.filter !== 'all' ? `sorted by ${ui.country.sort}, showing ${ui.country.filter} (s, f)` : 'Δ edited  ~ estimate  ? unresolved'
          }`,
          width,
        )}
      </Text>
      {legendHeight > 0 ? (
        <>
          <Text> </Text>
          <Legend width={width} height={legendHeight} />
        </>
      ) : null}
    </Box>
  );
}
