/**
 * What JSON.parse lets through silently, found in one linear pass over text it has already accepted:
 * a key given twice in one object (JSON.parse keeps the last; YAML rejects it), and a number that does
 * not survive as a double (`1e-400` becomes 0, `1e400` Infinity), since values are read as written.
 */
/** Where in the document: keys and indices from the root (the same shape as data-file's DataPath). */
type DataPath = readonly (string | number)[];

export interface JsonProblem {
  readonly path: DataPath;
  readonly message: string;
  readonly offset: number;
}

interface Frame {
  readonly kind: 'object' | 'array';
  readonly keys: Set<string>;
  index: number;
  key: string | undefined;
}

/**
 * The first problem in `text` (valid JSON), or undefined. Iterative, and the path is built only for a
 * problem, so hostile nesting costs linear time (the depth limit is checked after, on the value).
 */
export function jsonProblem(text: string): JsonProblem | undefined {
  const stack: Frame[] = [];
  const here = (): (string | number)[] => stack.map((frame) => (frame.kind === 'array' ? frame.index : (frame.key ?? '')));
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      // { or [
      stack.push({ kind: c === 0x7b ? 'object' : 'array', keys: new Set(), index: 0, key: undefined });
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      i++;
    } else if (c === 0x2c) {
      // , : the next array element, or the next key
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index++;
      else if (top !== undefined) top.key = undefined;
      i++;
    } else if (c === 0x22) {
      // a string: a key when the enclosing object awaits one
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.key === undefined) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return { path: [...here().slice(0, -1), key], message: `duplicate key "${key}"`, offset: i };
        top.keys.add(key);
        top.key = key;
      }
      i = j + 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      // charAt past the end is '', which stops the scan: no bound check needed
      while (/[0-9eE+\-.]/.test(text.charAt(j))) j++;
      const literal = text.slice(i, j);
      const value = Number(literal);
      const mantissa = literal.split(/[eE]/)[0]!;
      if (!Number.isFinite(value)) return { path: here(), message: `number ${literal} is too large for a double`, offset: i };
      if (value === 0 && /[1-9]/.test(mantissa)) return { path: here(), message: `number ${literal} is too small for a double: it would read as 0`, offset: i };
      i = j;
    } else i++;
  }
  return undefined;
}
