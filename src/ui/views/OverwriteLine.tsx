/** The save target exists: overwrite it or go back to the file name (keys from the keymap). */
import { Text } from 'ink';
import { footerHints } from '../keymap.js';
import { truncate, width as textWidth } from '../layout.js';
import { HINT_SEP } from '../theme.js';

export function OverwriteLine({ file, width }: { readonly file: string; readonly width: number }) {
  const keys = footerHints('overwrite')
    .map((entry) => `${entry.keys} ${entry.hint}`)
    .join(HINT_SEP);
  // The keys are the answer; the file name gives way first (elided at its start, where the directory is).
  const room = Math.max(8, width - textWidth(keys) - textWidth(' exists. Overwrite? ') - 1);
  const chars = [...file];
  const shownFile = chars.length > room ? `…${chars.slice(-(room - 1)).join('')}` : file;
  const question = `${shownFile} exists. Overwrite?`;
  return (
    <Text wrap="truncate-end">
      <Text bold color="yellow">
        {truncate(question, width)}
      </Text>
      <Text> {truncate(keys, Math.max(0, width - textWidth(question) - 1))}</Text>
    </Text>
  );
}
