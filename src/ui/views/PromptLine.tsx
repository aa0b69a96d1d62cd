/** A one-line file-name field (save as, open). */
import { Text } from 'ink';
import { truncate } from '../layout.js';

const LABEL = { save: 'Save scenario as: ', open: 'Open (pick with ↑↓, or type a file): ', search: 'Find: ' } as const;

export function PromptLine({ purpose, text, width }: { readonly purpose: 'save' | 'open' | 'search'; readonly text: string; readonly width: number }) {
  const label = LABEL[purpose];
  const hint = purpose === 'save' ? '  (enter confirms, esc cancels)' : '  (↑↓ choose, enter goes, esc cancels)';
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
