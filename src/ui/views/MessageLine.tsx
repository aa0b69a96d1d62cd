/** The status message: what the last key did (an edit and the councils it changed, or why it failed). */
import { Text } from 'ink';
import { memo } from 'react';
import { truncate, width as textWidth } from '../layout.js';
import { TONE_COLOR } from '../theme.js';
import type { Message } from '../ui-state.js';

/**
 * `what you did ⇒ what it changed`: when the line is too long the cause gives way, not the effect
 * (the councils that changed are what the user needs to see).
 */
export function fitMessage(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  const at = text.indexOf(EFFECT);
  if (at < 0) return truncate(text, width);
  const cause = text.slice(0, at);
  const effect = text.slice(at);
  // The cause keeps up to 32 columns (what was done), the effect the rest, cut at its end if it must be.
  const causeRoom = Math.min(textWidth(cause), Math.max(32, width - textWidth(effect)), width - 12);
  const shownCause = truncate(cause, causeRoom);
  return `${shownCause}${truncate(effect, width - textWidth(shownCause))}`;
}

const EFFECT = ' ⇒ ';

export const MessageLine = memo(function MessageLine({ message, width }: { readonly message: Message | null; readonly width: number }) {
  if (!message) return <Text> </Text>;
  const marker = message.tone === 'error' ? '✗ ' : message.tone === 'success' ? '✓ ' : '';
  return (
    <Text color={TONE_COLOR[message.tone]} wrap="truncate-end">
      {fitMessage(`${marker}${message.text}`, width)}
    </Text>
  );
});
