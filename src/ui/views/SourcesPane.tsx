/** `i`: where the council's figures come from (confidence, source ids, then each source in full). */
import { Box, Text } from 'ink';
import { sourceEntries } from '../../explorer/sources.js';
import { truncate } from '../layout.js';
import type { UiState } from '../ui-state.js';
import { DetailPane } from './DetailPane.js';

export function SourcesPane({ ui, council, unit, scroll, width, height }: { readonly ui: UiState; readonly council: string; readonly unit?: string; readonly scroll: number; readonly width: number; readonly height: number }) {
  const entries = sourceEntries(ui.session, council, unit);
  const name = ui.session.run.councils.find((entry) => entry.id === council)?.name ?? council;
  const title = `Sources: ${name}${unit ? `, ${unit} first` : ''} (seat set ${ui.session.seats}) | documented = reported by the sources, inferred = estimated, unresolved = sources disagree or are silent`;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {truncate(title, width)}
      </Text>
      <DetailPane entries={entries} scroll={scroll} width={width} height={height - 1} empty="No figures." />
    </Box>
  );
}
