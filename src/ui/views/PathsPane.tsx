/**
 * What would it take, in a council: where the coalition on screen stands, who governs and by how much,
 * then the paths to a majority (partners, members brought back or won over, seats moved) and the
 * breaking points of who governs, each with its confidence; the row under › shows its arithmetic in
 * full. Enter applies it (the reducer), so the list is a menu of edits.
 */
import { Box, Text } from 'ink';
import { councilPathsView, type PathRow } from '../../explorer/paths.js';
import { listWindow, truncate, wrapText } from '../layout.js';
import { CONFIDENCE_MARK, MARK, SEP } from '../theme.js';
import type { Session } from '../../explorer/session.js';

function rowText(row: PathRow): string {
  const kind = row.kind === 'path' ? 'path ' : 'break';
  const mark = CONFIDENCE_MARK[row.confidence];
  return `${kind} ${row.text}${mark === '' ? '' : ` ${mark}`}${SEP}${row.arithmetic}`;
}

export function PathsPane({
  session,
  council,
  target,
  cursor,
  width,
  height,
}: {
  readonly session: Session;
  readonly council: string;
  readonly target?: string;
  readonly cursor: number;
  readonly width: number;
  readonly height: number;
}) {
  const view = councilPathsView(session, council, target);
  const selected = view.rows[cursor];
  const detail = selected ? wrapText(`${selected.arithmetic}${SEP}${selected.confidence}${selected.steps === null ? `${SEP}no step can apply it` : ''}`, width - 2).slice(0, 2) : [];
  const notes = view.notes.slice(0, Math.max(0, height - 3 - detail.length - Math.min(view.rows.length, 3)));
  const listHeight = Math.max(1, height - 1 - detail.length - notes.length);
  const { start, end } = listWindow(cursor, view.rows.length, listHeight);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">{truncate(view.summary, width)}</Text>
      {view.rows.length === 0 ? <Text dimColor>Nothing to add and nothing breaks here.</Text> : null}
      {view.rows.slice(start, end).map((row, i) => {
        const on = start + i === cursor;
        return (
          <Text key={start + i} inverse={on} {...(row.kind === 'breaking' ? { color: 'red' } : {})} wrap="truncate-end">
            {truncate(`${on ? MARK.cursor : ' '} ${rowText(row)}`, width)}
          </Text>
        );
      })}
      {detail.map((line, i) => (
        <Text key={`d${i}`} dimColor wrap="truncate-end">{`  ${line}`}</Text>
      ))}
      {notes.map((note, i) => (
        <Text key={`n${i}`} dimColor wrap="truncate-end">
          {truncate(`  note: ${note}`, width)}
        </Text>
      ))}
    </Box>
  );
}
