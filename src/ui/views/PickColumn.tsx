/** One column of the deal composer: a titled list with a cursor and [x] marks. */
import { Box, Text } from 'ink';
import { clip, listWindow, padEnd, truncate } from '../layout.js';
import { MARK, tint } from '../theme.js';

export interface PickItem {
  readonly id: string;
  readonly label: string;
  readonly note?: string;
  readonly chosen: boolean;
}

export function PickColumn({ title, items, cursor, focused, width, height, empty }: {
  readonly title: string;
  readonly items: readonly PickItem[];
  readonly cursor: number;
  readonly focused: boolean;
  readonly width: number;
  readonly height: number;
  readonly empty: string;
}) {
  const { start, end } = listWindow(cursor, items.length, Math.max(1, height - 1));
  return (
    <Box flexDirection="column" width={width}>
      <Text bold={focused} {...tint(focused ? 'cyan' : undefined)} wrap="truncate-end">
        {truncate(`${focused ? MARK.cursor : ' '} ${title}`, width - 1)}
      </Text>
      {items.length === 0 ? (
        <Text dimColor wrap="truncate-end">
          {truncate(`  ${empty}`, width - 1)}
        </Text>
      ) : (
        items.slice(start, end).map((item, i) => {
          const selected = focused && start + i === cursor;
          const text = `${selected ? MARK.cursor : ' '} ${item.chosen ? MARK.member : MARK.notMember} ${item.label}`;
          return (
            <Text key={item.id} wrap="truncate-end" inverse={selected}>
              <Text {...tint(item.chosen ? 'green' : undefined)}>{padEnd(text, Math.min(width - 1, [...text].length))}</Text>
              {item.note ? <Text dimColor>{clip(` ${item.note}`, Math.max(0, width - 1 - [...text].length))}</Text> : null}
            </Text>
          );
        })
      )}
    </Box>
  );
}
