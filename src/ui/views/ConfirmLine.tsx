/** The unsaved-changes question, generated from the keymap's confirm bindings. */
import { Text } from 'ink';
import { footerHints } from '../keymap.js';
import { truncate } from '../layout.js';
import type { Overlay } from '../ui-state.js';

export function ConfirmLine({ overlay, edits, width }: { readonly overlay: Extract<Overlay, { kind: 'confirm' }>; readonly edits: number; readonly width: number }) {
  const question =
    overlay.reason === 'open'
      ? `Unsaved changes (${edits} edit${edits === 1 ? '' : 's'}). Open ${overlay.open ?? 'the file'} anyway?`
      : `Unsaved changes (${edits} edit${edits === 1 ? '' : 's'}). Quit anyway?`;
  const keys = footerHints('confirm')
    .map((entry) => `${entry.keys} ${entry.hint}`)
    .join(' · ');
  const again = overlay.reason === 'interrupt' ? ' · ctrl-c again quits' : '';
  return (
    <Text wrap="truncate-end">
      <Text bold color="yellow">
        {truncate(question, width)}
      </Text>
      <Text> {truncate(`${keys}${again}`, Math.max(0, width - question.length - 1))}</Text>
    </Text>
  );
}
