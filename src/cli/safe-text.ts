/**
 * Text from outside (file names, arguments, echoed input) made safe for a terminal: control characters
 * and bidirectional overrides are shown as `\u{1b}` instead of acting (an OSC title change, a screen
 * clear, a hyperlink, reordered text). Data files cannot hold them at all (data-file.ts); this covers
 * what reaches an error message from elsewhere. Line breaks and tabs stay.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u{${char.charCodeAt(0).toString(16)}}`);
}
