/** Word wrap that never loses a character: what the side-by-side view and fitted tables share. */

/**
 * Word-wraps `text` to `max` columns; a word longer than a line is broken with a hard cut (ids
 * have no spaces) so no character is lost. Empty text is one empty line.
 */
export function wrapCell(text: string, max: number): string[] {
  if (max <= 0) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    let rest = word;
    while ([...rest].length > max) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      lines.push([...rest].slice(0, max).join(''));
      rest = [...rest].slice(max).join('');
    }
    const candidate = line === '' ? rest : `${line} ${rest}`;
    if ([...candidate].length <= max) line = candidate;
    else {
      lines.push(line);
      line = rest;
    }
  }
  lines.push(line);
  return lines;
}

