/** Every key of the current screen, generated from the keymap. Any key closes it. */
import { Box, Text } from 'ink';
import { helpSections, type KeyContext } from '../keymap.js';
import { padEnd, truncate } from '../layout.js';
import { tint } from '../theme.js';

interface Line {
  readonly key: string;
  readonly text: string;
  readonly title: boolean;
}

function linesOf(context: KeyContext, keyWidth: number, width: number): Line[] {
  const lines: Line[] = [];
  for (const section of helpSections(context)) {
    lines.push({ key: section.title, text: section.title, title: true });
    for (const row of section.rows) lines.push({ key: `${section.title}:${row.keys}`, text: truncate(`  ${padEnd(row.keys, keyWidth)} ${row.help}`, width), title: false });
  }
  return lines;
}

export function HelpOverlay({ context, width, height }: { readonly context: KeyContext; readonly width: number; readonly height: number }) {
  const single = linesOf(context, 16, width);
  const fits = single.length <= height - 1;
  const columnWidth = Math.floor((width - 1) / 2);
  const lines = fits ? single : linesOf(context, 9, columnWidth);
  // Two columns when one does not fit; split at a section boundary near the middle.
  let split = lines.length;
  if (!fits) {
    split = Math.ceil(lines.length / 2);
    while (split < lines.length && !lines[split]!.title) split++;
    // No section boundary fits both columns in the height: split mid-section (never after a title).
    if (split >= lines.length || Math.max(split, lines.length - split) > height - 1) {
      split = Math.ceil(lines.length / 2);
      if (lines[split - 1]?.title) split--;
    }
  }
  const render = (part: readonly Line[]) =>
    part.slice(0, height - 1).map((line) => (
      <Text key={line.key} bold={line.title} {...tint(line.title ? 'cyan' : undefined)} wrap="truncate-end">
        {line.text}
      </Text>
    ));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {truncate('Keys (any key closes this help)', width)}
      </Text>
      {fits ? (
        render(lines)
      ) : (
        <Box flexDirection="row">
          <Box flexDirection="column" width={columnWidth + 1}>
            {render(lines.slice(0, split))}
          </Box>
          <Box flexDirection="column" width={columnWidth}>
            {render(lines.slice(split))}
          </Box>
        </Box>
      )}
    </Box>
  );
}
