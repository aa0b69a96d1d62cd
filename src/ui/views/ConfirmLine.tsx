/** The unsaved-changes question, generated from the keymap's confirm bindings. */
import { Text } from 'ink';
import { footerHints } from '../keymap.js';
import { truncate } from '../layout.js';
import { HINT_SEP } from '../theme.js';
import type { Overlay } from '../ui-state.js';

export function ConfirmLine({ overlay, edits, width }: { readonly overlay: Extract<Overlay, { kind: 'confirm' }>; readonly edits: number; readonly width: number }) {
  const changes = `Unsaved changes (${edits} edit${edits === 1 ? '' : 's'}).`;
  const question =
    overlay.reason === 'open'
      ? `${changes} Open ${overlay.open ?? 'the file'} anyway?`
      : overlay.reason === 'interrupt'
        ? `${changes} Ctrl-C again quits.`
        : `${changes} Quit anyway?`;
  const keys = footerHints('confirm')
    .map((entry) => `${entry.keys} ${entry.hint}`)
    .join(HINT_SEP);
  return (
    <Text wrap="truncate-end">
      <Text bold color="yellow">
        {truncate(question, width)}
      </Text>
      <Text> {truncate(keys, Math.max(0, width - question.length - 1))}</Text>
    </Text>
  );
}
