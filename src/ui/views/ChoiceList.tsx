/** The list a prompt picks from: scenarios to open (`o`) or search hits (`/`), the chosen one marked. */
import { Box, Text } from 'ink';
import { listWindow, truncate } from '../layout.js';
import { MARK } from '../theme.js';

export function ChoiceList({ title, items, cursor, width, height, empty }: { readonly title: string; readonly items: readonly string[]; readonly cursor: number; readonly width: number; readonly height: number; readonly empty: string }) {
  const { start, end } = listWindow(cursor, items.length, Math.max(1, height - 1));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {truncate(title, width)}
      </Text>
      {items.length === 0 ? <Text dimColor>{truncate(empty, width)}</Text> : null}
      {items.slice(start, end).map((item, i) => (
        <Text key={`${start + i}`} inverse={start + i === cursor} wrap="truncate-end">
          {truncate(`${start + i === cursor ? MARK.cursor : ' '} ${item}`, width)}
        </Text>
      ))}
    </Box>
  );
}
