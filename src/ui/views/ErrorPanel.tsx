/** A problem in a file the user named (open, save), shown in full; any key closes it. */
import { Box, Text } from 'ink';
import { truncate, wrapText } from '../layout.js';

export function ErrorPanel({ title, lines, width, height }: { readonly title: string; readonly lines: readonly string[]; readonly width: number; readonly height: number }) {
  const body = lines.flatMap((line) => wrapText(line, width - 4));
  const room = Math.max(1, height - 4);
  const shown = body.length > room ? [...body.slice(0, room - 1), `… ${body.length - room + 1} more lines`] : body;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1} height={Math.min(height, shown.length + 3)}>
      <Text bold color="red" wrap="truncate-end">
        {truncate(`✗ ${title} (any key closes)`, width - 4)}
      </Text>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
