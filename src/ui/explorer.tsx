/**
 * Starting the explorer: open the session (a scenario that fails to load is shown in the UI, on top of
 * the baseline, rather than ending the program), switch to the terminal's alternate screen, render,
 * and restore the terminal however the program ends.
 */
import { render } from 'ink';
import { GovsimError } from '../model/errors.js';
import { App } from './App.js';
import { openSession, type Session } from '../explorer/session.js';
import { shareInkOutputCaches } from './ink-output-cache.js';
import { createUiState } from './ui-state.js';

export interface ExplorerOptions {
  /** Scenario file or bundled name to start from (default: the bundled baseline). */
  readonly scenario?: string;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
}

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[2J\u001B[H';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

/** Runs the explorer until the user quits; resolves with the exit code (0 for q, 130 for Ctrl-C). */
export async function runExplorer(options: ExplorerOptions = {}): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  let session: Session;
  let error: { title: string; lines: string[] } | undefined;
  try {
    session = openSession(options.scenario);
  } catch (failure) {
    // A bad scenario file is the user's to fix: show it inside the UI. A broken dataset is not recoverable.
    if (options.scenario === undefined || !(failure instanceof GovsimError)) throw failure;
    error = { title: `Could not open ${options.scenario}; showing the baseline instead`, lines: failure.message.split('\n') };
    session = openSession();
  }
  const initial = createUiState(session, error ? { error } : {});

  let code = 0;
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  shareInkOutputCaches();
  stdout.write(ENTER_ALTERNATE_SCREEN);
  process.once('exit', restore);
  try {
    const instance = render(
      <App
        initial={initial}
        onExit={(value) => {
          code = value;
        }}
      />,
      { stdin, stdout, exitOnCtrlC: false },
    );
    await instance.waitUntilExit();
  } finally {
    restore();
    process.off('exit', restore);
  }
  return code;
}
