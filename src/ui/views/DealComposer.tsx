/** Compose a deal across councils: councils, parties (factions split as needed), governor party. */
import { Box, Text } from 'ink';
import { dealEdit } from '../../explorer/edits.js';
import { editLabel } from '../../explorer/session.js';
import { truncate } from '../layout.js';
import { dealColumns } from '../reducers/deal-reducer.js';
import { SEP } from '../theme.js';
import type { UiState } from '../ui-state.js';
import { PickColumn } from './PickColumn.js';

export function DealComposer({ ui, width, height }: { readonly ui: UiState; readonly width: number; readonly height: number }) {
  const { deal, session } = ui;
  const columns = dealColumns(session, deal);
  const names = new Map(session.run.councils.map((council) => [council.id, council.name]));
  const councilWidth = Math.max(14, Math.floor(width * 0.25));
  const governorWidth = Math.max(14, Math.floor(width * 0.25));
  const partyWidth = Math.max(20, width - councilWidth - governorWidth);
  const listHeight = Math.max(2, height - 3);
  const preview = dealEdit(session, deal);
  const count = preview.ok ? preview.edit.steps.length : 0;
  const previewText = preview.ok
    ? `enter applies ${editLabel(session.done.length + 1)} (${count} step${count === 1 ? '' : 's'})${SEP}${preview.edit.label}`
    : `to do: ${preview.message}`;
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end" dimColor>
        {truncate('One governor in every chosen council (any party, seated or not); * = its list splits into factions first', width)}
      </Text>
      <Box flexDirection="row" height={listHeight}>
        <PickColumn
          title={`Councils (${deal.councils.length})`}
          items={columns.councils.map((id) => ({ id, label: names.get(id) ?? id, chosen: deal.councils.includes(id) }))}
          cursor={deal.cursors[0]}
          focused={deal.column === 0}
          width={councilWidth}
          height={listHeight}
          empty="no councils"
        />
        <PickColumn
          title={`Parties (${deal.parties.length})${deal.councils.length === 0 ? ', all councils' : ''}`}
          items={columns.parties.map((option) => ({
            id: option.id,
            label: option.id,
            note: `${option.kind}${option.parent ? ` of ${option.parent}` : ''}${option.seats > 0 ? ` ${option.seats}` : ''}${option.needsSplit.length > 0 ? '*' : ''}`,
            chosen: deal.parties.includes(option.id),
          }))}
          cursor={deal.cursors[1]}
          focused={deal.column === 1}
          width={partyWidth}
          height={listHeight}
          empty="choose councils first"
        />
        <PickColumn
          title="Governor party"
          items={columns.governors.map((option) => ({
            id: option.id,
            label: option.id,
            note: option.seated ? (option.inDeal ? '' : 'outside the deal') : '(no seat in this council)',
            chosen: deal.governor === option.id,
          }))}
          cursor={deal.cursors[2]}
          focused={deal.column === 2}
          width={governorWidth}
          height={listHeight}
          empty="choose parties"
        />
      </Box>
      <Text wrap="truncate-end" color={preview.ok ? 'green' : 'yellow'}>
        {truncate(previewText, width)}
      </Text>
    </Box>
  );
}
