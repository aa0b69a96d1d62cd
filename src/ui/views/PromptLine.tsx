/** A one-line file-name field (save as, open). */
import { Text } from 'ink';
import { truncate } from '../layout.js';

export function PromptLine({ purpose, text, width }: { readonly purpose: 'save' | 'open'; readonly text: string; readonly width: number }) {
  const label = purpose === 'save' ? 'Save scenario as: ' : 'Open scenario (file or bundled name): ';
  const hint = '  (enter confirms, esc cancels)';
  const room = Math.max(8, width - label.length - hint.length - 1);
  const shown = [...text].length > room ? `…${[...text].slice(-(room - 1)).join('')}` : text;
  return (
    <Text wrap="truncate-end">
      <Text bold color="cyan">
        {label}
      </Text>
      <Text>{shown}</Text>
      <Text inverse>{' '}</Text>
      <Text dimColor>{truncate(hint, Math.max(0, width - label.length - shown.length - 1))}</Text>
    </Text>
  );
}
