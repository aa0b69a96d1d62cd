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
    process.stderr.write(`govsim: ${escapeControls((error as Error).message)}\n`);
    return exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`govsim: internal error (please report it)\n${escapeControls(detail)}\n`);
  return ExitCode.internal;
}

function govsimExitCode(error: unknown): ExitCode | undefined {
  if (error instanceof GovsimError) return error.exitCode;
  // In the bundle the explorer runs from its own script, with its own copy of the error classes.
  if (error instanceof Error && error.name.startsWith('Govsim') && EXIT_CODES.has((error as Partial<GovsimError>).exitCode)) {
    return (error as GovsimError).exitCode;
  }
  return undefined;
}
