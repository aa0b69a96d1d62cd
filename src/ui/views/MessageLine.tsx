/** The status message: what the last key did (an edit and the councils it changed, or why it failed). */
import { Text } from 'ink';
import { memo } from 'react';
import { truncate } from '../layout.js';
import { TONE_COLOR } from '../theme.js';
import type { Message } from '../ui-state.js';

export const MessageLine = memo(function MessageLine({ message, width }: { readonly message: Message | null; readonly width: number }) {
  if (!message) return <Text> </Text>;
  const marker = message.tone === 'error' ? '✗ ' : message.tone === 'success' ? '✓ ' : '';
  return (
    <Text color={TONE_COLOR[message.tone]} wrap="truncate-end">
      {truncate(`${marker}${message.text}`, width)}
    </Text>
  );
});
