/** The bottom line: the keys of this screen, generated from the keymap. */
import { Text } from 'ink';
import { memo } from 'react';
import { footerHints, type KeyContext } from '../keymap.js';
import { width as textWidth } from '../layout.js';
import { HINT_SEP } from '../theme.js';

/**
 * Whole hints only: as many as fit, then `? more keys` when some are left out (a hint cut in the
 * middle, "S se…", says nothing). The screen's own keys come first, so they are the ones kept.
 */
export function fitHints(hints: readonly string[], width: number): string {
  const all = hints.join(HINT_SEP);
  if (textWidth(all) <= width) return all;
  const more = `${HINT_SEP}? more keys`;
  const kept: string[] = [];
  for (const hint of hints) {
    if (textWidth([...kept, hint].join(HINT_SEP)) + textWidth(more) > width) break;
    kept.push(hint);
  }
  return kept.length > 0 ? `${kept.join(HINT_SEP)}${more}` : '? help';
}

export const Footer = memo(function Footer({ context, width }: { readonly context: KeyContext; readonly width: number }) {
  return (
    <Text dimColor wrap="truncate-end">
      {fitHints(footerHints(context).map((entry) => `${entry.keys} ${entry.hint}`), width)}
    </Text>
  );
});
