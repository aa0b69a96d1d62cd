/** Cursor movement shared by every list screen. */
import type { Command } from '../keymap.js';
import { PAGE } from '../ui-state.js';

/** The cursor after a movement command over `length` rows (unchanged for other commands). */
export function moveCursor(cursor: number, command: Command, length: number): number {
  if (length <= 0) return 0;
  const last = length - 1;
  switch (command) {
    case 'up':
      return Math.max(0, cursor - 1);
    case 'down':
      return Math.min(last, cursor + 1);
    case 'page-up':
      return Math.max(0, cursor - PAGE);
    case 'page-down':
      return Math.min(last, cursor + PAGE);
    case 'first':
      return 0;
    case 'last':
      return last;
    default:
      return Math.min(Math.max(0, cursor), last);
  }
}

export function isMove(command: Command): boolean {
  return command === 'up' || command === 'down' || command === 'page-up' || command === 'page-down' || command === 'first' || command === 'last';
}
