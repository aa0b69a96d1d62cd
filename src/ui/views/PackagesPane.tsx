/**
 * The national packages pane: for a bloc (the CF first), the smallest packages of partner parties
 * that give it at least k governorships, for every k it can reach; under them, what the package under
 * › wins, loses (the alignment governing now keeps its majority without the package's partners) and
 * leaves open, and the partner whose defection costs the most.
 */
import { Box, Text } from 'ink';
import { packageDetail, packageTargets, packagesView } from '../../explorer/paths.js';
import type { Session } from '../../explorer/session.js';
import { listWindow, padStart, truncate, wrapText } from '../layout.js';
import { CONFIDENCE_MARK, MARK, SEP } from '../theme.js';

function names(list: readonly string[]): string {
  return list.length === 0 ? 'none' : list.join(', ');
}

export function PackagesPane({ session, target, cursor, width, height }: { readonly session: Session; readonly target: number; readonly cursor: number; readonly width: number; readonly height: number }) {
  const targets = packageTargets(session);
  const id = targets[target] ?? targets[0]!;
  const view = packagesView(session, id);
  const frontier = view.frontier;
  const councils = session.state.councilOrder.length;
  const title = frontier
    ? `Packages for ${id}: alone ${frontier.alone} of ${councils}, at most ${frontier.best}${SEP}${frontier.candidates.length} candidates${SEP}tab: next bloc`
    : `Packages for ${id}${SEP}tab: next bloc`;
  const row = view.rows[cursor];
  const outcome = row ? packageDetail(session, id, row.partners) : null;
  const detail: string[] = [];
  if (typeof outcome === 'string') detail.push(outcome);
  else if (outcome) {
    const by = (status: string): string[] => outcome.councils.filter((entry) => entry.status === status).map((entry) => entry.council);
    const label = outcome.partners.length === 0 ? `${id} alone` : `${id} + ${outcome.partners.join(' + ')}`;
    detail.push(`${label} wins ${outcome.won}: ${names(by('won'))}`);
    detail.push(`loses ${outcome.lost} (the governing keeps its majority): ${names(by('lost'))}`);
    const blocked = by('blocked');
    detail.push(`leaves open ${outcome.open}: ${names(by('open'))}${blocked.length > 0 ? `${SEP}blocked: ${names(blocked)}` : ''}`);
    const worst = outcome.defections[0];
    if (worst && worst.costs > 0) detail.push(`${worst.partner}'s defection costs the most: ${worst.costs} (${names(worst.councils)})`);
  }
  const detailLines = detail.flatMap((line) => wrapText(line, width - 2)).slice(0, Math.max(0, height - 5));
  const listHeight = Math.max(1, height - 2 - detailLines.length - (view.unreachable !== null ? 1 : 0));
  const { start, end } = listWindow(cursor, view.rows.length, listHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {truncate(title, width)}
      </Text>
      <Text dimColor wrap="truncate-end">
        {truncate(`  ${padStart('k', 3)} ${padStart('of', 3)}  ${'partners'.padEnd(30)} ${padStart('seats', 5)} ${padStart('wins', 4)}`, width)}
      </Text>
      {view.note !== undefined ? <Text color="red">{truncate(view.note, width)}</Text> : null}
      {view.rows.slice(start, end).map((entry, i) => {
        const on = start + i === cursor;
        const partners = entry.partners.length === 0 ? '(alone)' : entry.partners.join(' + ');
        return (
          <Text key={`${entry.k}-${partners}`} inverse={on} wrap="truncate-end">
            {truncate(`${on ? MARK.cursor : ' '} ${padStart(String(entry.k), 3)} ${padStart(String(entry.count), 3)}  ${partners.padEnd(30)} ${padStart(String(entry.seatsAdded), 5)} ${padStart(String(entry.wins), 4)} ${CONFIDENCE_MARK[entry.confidence]}`, width)}
          </Text>
        );
      })}
      {view.unreachable !== null ? <Text dimColor wrap="truncate-end">{truncate(`  no package of these candidates reaches ${view.unreachable} or more`, width)}</Text> : null}
      {detailLines.map((line, i) => (
        <Text key={`d${i}`} wrap="truncate-end">{`  ${line}`}</Text>
      ))}
    </Box>
  );
}
