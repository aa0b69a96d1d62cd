/**
 * The council under the cursor, beside the country table on a wide terminal: the arithmetic, the seat
 * bar, its units with their seats, and the start of the explanation, so a glance needs no enter.
 */
import { Box, Text } from 'ink';
import { councilDetail } from '../../explorer/queries.js';
import { truncate, wrapHanging } from '../layout.js';
import { MARK, SEP, STATUS_STYLE } from '../theme.js';
import type { UiState } from '../ui-state.js';
import { SeatBar } from './SeatBar.js';

export function CouncilPreview({ ui, councilId, width, height }: { readonly ui: UiState; readonly councilId: string; readonly width: number; readonly height: number }) {
  const detail = councilDetail(ui.session, councilId);
  const { result, check } = detail;
  const style = STATUS_STYLE[result.outcome.status];
  const lines: { text: string; dim?: boolean }[] = [];
  const push = (text: string, dim = false): void => {
    for (const line of wrapHanging(text, width, 2)) lines.push({ text: line, dim });
  };
  push(`${result.seats} members${SEP}majority ${result.majority}${SEP}present ${result.present}${SEP}group ${result.group}`);
  push(result.decision);
  push('Units (seats, present; [x] in the coalition):', true);
  const units = detail.units.map((unit) => `${unit.inCoalition ? MARK.member : MARK.notMember} ${unit.id} ${unit.seats}${unit.present < unit.seats ? ` (${unit.present} present)` : ''}${unit.pivotal ? ' pivotal' : ''}`);
  for (const unit of units) push(`  ${unit}`);
  if (detail.explanation.length > 0) push('Why:', true);
  detail.explanation.forEach((entry, i) => push(`${i + 1}. ${entry.text}`));
  const room = Math.max(0, height - 3);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end">
        <Text bold>{truncate(result.name, Math.max(0, width - style.label.length - 4))}</Text>
        <Text>{'  '}</Text>
        <Text bold color={style.color}>
          {style.label}
        </Text>
        {check ? <Text>{` ${check.margin >= 0 ? '+' : ''}${check.margin}`}</Text> : null}
      </Text>
      <SeatBar units={detail.units} majority={result.majority} />
      {lines.slice(0, room).map((line, i) => (
        <Text key={i} dimColor={line.dim ?? false} wrap="truncate-end">
          {line.text}
        </Text>
      ))}
      {lines.length > room ? <Text dimColor>{truncate(`… enter opens ${result.name} (${lines.length - room} more lines)`, width)}</Text> : null}
    </Box>
  );
}
