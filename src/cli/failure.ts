/**
 * How a failed command ends: a govsim error prints its message and exits with its code; anything else
 * is a bug, printed with its stack, exit 70.
 */
import { ExitCode, GovsimError } from '../model/errors.js';
import { escapeControls } from '../model/terminal-text.js';

const EXIT_CODES = new Set<unknown>(Object.values(ExitCode));

/** Writes the failure to stderr; returns the exit code. */
export function reportFailure(error: unknown): number {
  const exitCode = govsimExitCode(error);
  if (exitCode !== undefined) {
    process.stderr.write(`govsim: ${escapeControls(bounded((error as Error).message))}\n`);
    return exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`govsim: internal error (please report it)\n${escapeControls(detail)}\n`);
  return ExitCode.internal;
}

/** Most lines of one report, and characters of one line: a 2 MB file can hold thousands of problems, or echo a 100,000-character argument. */
const MAX_LINES = 100;
const MAX_LINE = 1000;

function bounded(message: string): string {
  const lines = message.split('\n');
  const shown = lines.slice(0, MAX_LINES).map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length - MAX_LINE} more characters)` : line));
  if (lines.length > MAX_LINES) shown.push(`… and ${lines.length - MAX_LINES} more problems`);
  return shown.join('\n');
}

function govsimExitCode(error: unknown): ExitCode | undefined {
  if (error instanceof GovsimError) return error.exitCode;
  // In the bundle the explorer runs from its own script, with its own copy of the error classes.
  if (error instanceof Error && error.name.startsWith('Govsim') && EXIT_CODES.has((error as Partial<GovsimError>).exitCode)) {
    return (error as GovsimError).exitCode;
  }
  return undefined;
}
