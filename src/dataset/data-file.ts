/**
 * Safe reading of the YAML and JSON files users and the package supply (datasets, scenarios): size,
 * encoding, syntax, alias bombs, nesting depth and prototype-polluting keys are all checked here, and
 * every failure becomes a GovsimError that names the file (and the line, where there is one).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type * as Yaml from 'yaml';
import type { CST, Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { type DataIssue, GovsimDataError, GovsimError, GovsimMissingFileError } from '../model/errors.js';
import { firstUnsafeCharacter } from '../model/terminal-text.js';
import { jsonProblem } from './json-check.js';

export const MAX_DATA_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_DATA_DEPTH = 64;
/**
 * YAML parser stack depth at which a file is abandoned before it is composed. The parser's time grows
 * faster than linearly with nesting (2 MB of `[` took 20 s and 1.2 GB), and composing recurses; real
 * nesting shows up as about depth + 3, so data within MAX_DATA_DEPTH never gets near this.
 */
const MAX_YAML_PARSER_DEPTH = 2 * MAX_DATA_DEPTH;
function unsafeText(char: string): string {
  const code = char.charCodeAt(0);
  const name = code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'a control character' : 'a bidirectional control';
  return `${name} (U+${code.toString(16).toUpperCase().padStart(4, '0')}); text may not change how the terminal shows it`;
}

/**
 * The YAML parser, loaded on first use (its CommonJS build): importing it costs a start tens of
 * milliseconds, and the library's import, JSON files and the build-time snapshot need none.
 */
let yaml: typeof Yaml | undefined;
const loadYaml = (): typeof Yaml => (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/** Keys that would reach Object.prototype through a careless merge. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type DataPath = readonly (string | number)[];

/** A parsed data file plus a way back from a data path to its place in the text. */
export interface DataDocument {
  readonly file: string;
  readonly value: unknown;
  /** 1-based line and column of the value (or its key) at `path`, when the format keeps positions (YAML). */
  readonly locate: (path: DataPath, at?: 'value' | 'key') => { line: number; column: number } | undefined;
}

/** Reads and parses a YAML or JSON file. Throws only GovsimError subclasses. */
export function readDataFile(file: string): unknown {
  return readDataDocument(file).value;
}

export function readDataDocument(file: string): DataDocument {
  const text = readText(file);
  const json = extname(file).toLowerCase() === '.json';
  const document = json ? parseJson(file, text) : parseYaml(file, text);
  checkShape(file, document.value);
  return document;
}

/**
 * Reads `file` and validates it against `schema`; schema issues carry their data path and line.
 * `prefix` is prepended to every issue path (e.g. for files that are one part of a larger document).
 */
export function parseDataFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const document = readDataDocument(file);
  const result = schema.safeParse(document.value);
  if (result.success) return result.data;
  throw new GovsimDataError(file, issuesFromZod(result.error, document));
}

/** `councils[3].lists[2].seats` from `['councils', 3, 'lists', 2, 'seats']`. */
export function formatDataPath(path: DataPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/**
 * `['councils', 3, 'lists', 2, 'seats']` from `councils[3].lists[2].seats`: the inverse of
 * formatDataPath for keys and indices. A part in any other form (a quoted key) stays one segment as written.
 */
export function parseDataPath(text: string): DataPath {
  const segments: (string | number)[] = [];
  for (const part of text.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** Turns zod issues into located, readable data issues. */
export function issuesFromZod(error: z.ZodError, document?: DataDocument, prefix: DataPath = []): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol')];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push(located([...path, key], 'unknown field', document, 'key'));
      continue;
    }
    const missing = issue.code === 'invalid_type' && document !== undefined && path.length > 0 && !hasPath(document.value, path);
    const message = missing && !issue.message.startsWith('missing') ? `missing required field (${issue.message})` : issue.message;
    issues.push(located(path, message, document));
  }
  return issues;
}

/**
 * An issue whose message ends with the line and column of `path` when known; for a missing key, of the
 * nearest enclosing value that exists.
 */
export function located(path: DataPath, message: string, document?: DataDocument, at: 'value' | 'key' = 'value'): DataIssue {
  let where = document?.locate(path, at);
  for (let length = path.length - 1; document && where === undefined && length >= 0; length--) where = document.locate(path.slice(0, length));
  return { path: formatDataPath(path), message: where ? `${message} (line ${where.line}, column ${where.column})` : message };
}

function readText(file: string): string {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new GovsimDataError(file, [{ path: '', message: 'is a directory, expected a YAML or JSON file' }]);
    // Devices and pipes report size 0 and may never end (/dev/zero): only regular files are read.
    if (!stats.isFile()) throw new GovsimDataError(file, [{ path: '', message: 'not a regular file (a device, pipe or socket), expected a YAML or JSON file' }]);
    size = stats.size;
  } catch (error) {
    if (error instanceof GovsimError) throw error;
    if (isNodeError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) throw new GovsimMissingFileError(file, { cause: error });
    throw new GovsimDataError(file, [{ path: '', message: `cannot read: ${describe(error)}` }], { cause: error });
  }
  if (size > MAX_DATA_FILE_BYTES) {
    throw new GovsimDataError(file, [{ path: '', message: `file is ${size} bytes; the limit is ${MAX_DATA_FILE_BYTES} (2 MB)` }]);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new GovsimDataError(file, [{ path: '', message: `cannot read: ${describe(error)}` }], { cause: error });
  }
  if (bytes.includes(0)) throw new GovsimDataError(file, [{ path: '', message: 'binary file (contains NUL bytes), expected YAML or JSON text' }]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new GovsimDataError(file, [{ path: '', message: 'not valid UTF-8 text' }], { cause: error });
  }
  if (text.trim() === '') throw new GovsimDataError(file, [{ path: '', message: 'empty file' }]);
  return text;
}

function parseYaml(file: string, text: string): DataDocument {
  const lineCounter = new (loadYaml().LineCounter)();
  let documents: Document.Parsed[];
  try {
    documents = composeYaml(text, lineCounter);
  } catch (error) {
    if (error instanceof NestingTooDeep) {
      const at = lineCounter.linePos(error.offset);
      throw new GovsimDataError(file, [{ path: '', message: `nesting deeper than ${MAX_DATA_DEPTH} levels (line ${at.line}, column ${at.col})` }]);
    }
    throw new GovsimDataError(file, [{ path: '', message: `YAML: ${describe(error)}` }], { cause: error });
  }
  if (documents.length === 0) throw new GovsimDataError(file, [{ path: '', message: 'empty file' }]);
  if (documents.length > 1) {
    const second = lineCounter.linePos(documents[1]!.range[0]);
    throw new GovsimDataError(file, [{ path: '', message: `YAML syntax (line ${second.line}, column ${second.col}): more than one document; a data file holds exactly one` }]);
  }
  const document = documents[0]!;
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    throw new GovsimDataError(
      file,
      problems.map((problem) => {
        const at = problem.pos[0] >= 0 ? lineCounter.linePos(problem.pos[0]) : undefined;
        const message = firstLine(problem.message);
        return { path: '', message: at ? `YAML syntax (line ${at.line}, column ${at.col}): ${message}` : `YAML syntax: ${message}` };
      }),
    );
  }
  const unreadable = unrepresentableNumber(document);
  if (unreadable !== undefined) {
    const at = unreadable.offset >= 0 ? lineCounter.linePos(unreadable.offset) : undefined;
    throw new GovsimDataError(file, [{ path: formatDataPath(unreadable.path), message: `${unreadable.message}${at ? ` (line ${at.line}, column ${at.col})` : ''}` }]);
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // yaml throws ReferenceError for alias bombs and RangeError for runaway nesting.
    throw new GovsimDataError(file, [{ path: '', message: `YAML: ${describe(error)}` }], { cause: error });
  }
  return { file, value, locate: yamlLocator(text) };
}

/**
 * Positions in a YAML text, found by composing it again on first use. A parsed document weighs some
 * fifty times its text, and loaded files are kept (a batch of 1,000 scenarios, the layer cache), while
 * positions are wanted only to report an error: so the text is kept, not the document.
 */
export function yamlLocator(text: string): DataDocument['locate'] {
  let parsed: { document: Document.Parsed; lineCounter: LineCounter } | undefined;
  return (path, at = 'value') => {
    if (parsed === undefined) {
      const lineCounter = new (loadYaml().LineCounter)();
      parsed = { document: composeYaml(text, lineCounter)[0]!, lineCounter };
    }
    const { document, lineCounter } = parsed;
    const { isMap, isNode, isScalar } = loadYaml();
    let node: unknown = path.length === 0 ? document.contents : document.getIn(path, true);
    if (at === 'key' && path.length > 0) {
      const parent: unknown = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(path.at(-1))) : undefined;
      node = pair?.key;
    }
    if (!isNode(node) || !node.range) return undefined;
    const { line, col } = lineCounter.linePos(node.range[0]);
    return { line, column: col };
  };
}

/**
 * A plain scalar YAML reads as a number that does not hold what was written: `1e-400` becomes 0,
 * `1e400` Infinity (`.inf` and `.nan`, written as such, are left to the schemas).
 */
function unrepresentableNumber(document: Document.Parsed): { path: DataPath; message: string; offset: number } | undefined {
  let found: { path: DataPath; message: string; offset: number } | undefined;
  const { visit } = loadYaml();
  visit(document, {
    Scalar(_key, node, ancestors) {
      if (typeof node.value !== 'number' || typeof node.source !== 'string') return undefined;
      const source = node.source.trim();
      if (/^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(source)) return undefined;
      const mantissa = source.split(/[eE]/)[0]!;
      let message: string | undefined;
      if (!Number.isFinite(node.value)) message = `number ${source} is too large for a double`;
      else if (node.value === 0 && /[1-9]/.test(mantissa) && !/^0[xo]/.test(source)) message = `number ${source} is too small for a double: it would read as 0`;
      if (message === undefined) return undefined;
      found = { path: dataPathOf(ancestors, node), message, offset: node.range?.[0] ?? -1 };
      return visit.BREAK;
    },
  });
  return found;
}

/** The data path of `node` from the ancestors `visit` passes (maps through their pairs, sequences by index). */
function dataPathOf(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const { isPair, isScalar, isSeq } = loadYaml();
  const path: (string | number)[] = [];
  const chain = [...ancestors, node];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isPair(parent)) {
      if (child === parent.value) path.push(isScalar(parent.key) ? String(parent.key.value) : String(parent.key));
    } else if (isSeq(parent)) path.push(parent.items.indexOf(child));
  }
  return path;
}

class NestingTooDeep extends Error {
  constructor(readonly offset: number) {
    super('nesting too deep');
  }
}

/**
 * `parseAllDocuments` with a guard: the parser is fed one lexeme at a time and abandoned as soon as its
 * stack shows nesting far beyond MAX_DATA_DEPTH, so hostile nesting costs microseconds, not seconds.
 */
function composeYaml(text: string, lineCounter: LineCounter): Document.Parsed[] {
  const parser = new (loadYaml().Parser)(lineCounter.addNewLine);
  const composer = new (loadYaml().Composer)({ uniqueKeys: true, logLevel: 'silent' });
  lineCounter.addNewLine(0);
  function* tokens(): Generator<CST.Token> {
    for (const lexeme of new (loadYaml().Lexer)().lex(text)) {
      yield* parser.next(lexeme);
      if (parser.stack.length > MAX_YAML_PARSER_DEPTH) throw new NestingTooDeep(parser.offset);
    }
    yield* parser.end();
  }
  return [...composer.compose(tokens())];
}

function parseJson(file: string, text: string): DataDocument {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = describe(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? lineColumn(text, Number(position[1])) : undefined;
    const text2 = message.replace(/ in JSON at position \d+.*$/, '');
    throw new GovsimDataError(
      file,
      [{ path: '', message: where ? `JSON syntax (line ${where.line}, column ${where.column}): ${text2}` : `JSON syntax: ${text2}` }],
      { cause: error },
    );
  }
  const problem = jsonProblem(text);
  if (problem !== undefined) {
    const where = lineColumn(text, problem.offset);
    throw new GovsimDataError(file, [{ path: formatDataPath(problem.path), message: `${problem.message} (line ${where.line}, column ${where.column})` }]);
  }
  return { file, value, locate: () => undefined };
}

/** Depth, key and text checks, iterative so hostile nesting cannot overflow the stack. */
export function checkDataShape(file: string | undefined, root: unknown): void {
  checkShape(file ?? '<input>', root);
}

function checkShape(file: string, root: unknown): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      // Text reaches the terminal (src/model/terminal-text.ts): no control characters in data.
      const unsafe = firstUnsafeCharacter(value);
      if (unsafe !== undefined) throw new GovsimDataError(file, [{ path: formatDataPath(path), message: `text holds ${unsafeText(unsafe)}` }]);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DATA_DEPTH) {
      throw new GovsimDataError(file, [{ path: formatDataPath(path), message: `nesting deeper than ${MAX_DATA_DEPTH} levels` }]);
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    if (value instanceof Map || value instanceof Set) {
      throw new GovsimDataError(file, [{ path: formatDataPath(path), message: 'unsupported YAML collection type' }]);
    }
    for (const key of Object.keys(value)) {
      const unsafeKey = firstUnsafeCharacter(key);
      if (unsafeKey !== undefined) throw new GovsimDataError(file, [{ path: formatDataPath(path), message: `a key holds ${unsafeText(unsafeKey)}` }]);
      if (FORBIDDEN_KEYS.has(key)) {
        throw new GovsimDataError(file, [{ path: formatDataPath([...path, key]), message: `forbidden key "${key}"` }]);
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
}

function hasPath(root: unknown, path: DataPath): boolean {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return false;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return true;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
