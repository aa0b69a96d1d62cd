/**
 * The opened scenario and the session now, side by side: council by council and seat by seat (`v`).
 * Switching the seat set (`S`) compares two seat sets; opening another file (`o`) another scenario.
 */
import { Box, Text } from 'ink';
import { compareLines } from '../../explorer/compare.js';
import { truncate } from '../layout.js';
import type { UiState } from '../ui-state.js';

const COLOR = { title: undefined, council: 'cyan', heading: undefined, same: undefined, differs: 'yellow' } as const;

export function CompareView({ ui, width, height }: { readonly ui: UiState; readonly width: number; readonly height: number }) {
  const lines = compareLines(ui.session, width);
  const shown = lines.slice(ui.compare.scroll, ui.compare.scroll + height);
  return (
    <Box flexDirection="column" height={height}>
      {shown.map((line, i) => {
        const color = COLOR[line.kind];
        return (
          <Text key={`${ui.compare.scroll + i}`} bold={line.kind === 'council' || line.kind === 'heading'} {...(color ? { color } : {})} wrap="truncate-end">
            {truncate(line.text || ' ', width)}
          </Text>
        );
      })}
    </Box>
  );
}
