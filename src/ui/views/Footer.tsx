/** The bottom line: the keys of this screen, generated from the keymap. */
import { Text } from 'ink';
import { memo } from 'react';
import { footerHints, type KeyContext } from '../keymap.js';
import { truncate } from '../layout.js';
import { HINT_SEP } from '../theme.js';

export const Footer = memo(function Footer({ context, width }: { readonly context: KeyContext; readonly width: number }) {
  const text = footerHints(context)
    .map((entry) => `${entry.keys} ${entry.hint}`)
    .join(HINT_SEP);
  return (
    <Text dimColor wrap="truncate-end">
      {truncate(text, width)}
    </Text>
  );
});
