/**
 * Characters text may not hold where it reaches a terminal: C0 controls but tab and line feed, DEL, C1
 * controls, and the bidirectional marks and overrides. Names and descriptions reach the terminal in
 * tables, explanations, errors and the explorer, where ESC sequences would retitle the window, clear
 * the screen or forge links, and overrides would reorder what is shown.
 */
const UNSAFE_SOURCE = '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';

const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'g');

/** The first unsafe character of `text`, or undefined. */
export function firstUnsafeCharacter(text: string): string | undefined {
  return UNSAFE.exec(text)?.[0];
}

/** `text` with every unsafe character shown as `\u{1b}` instead of acting on the terminal. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE_ALL, (char) => `\\u{${char.charCodeAt(0).toString(16)}}`);
}
