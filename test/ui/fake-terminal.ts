/**
 * A terminal for Ink in tests with a size that can change: ink-testing-library's stdout is fixed at
 * 100 columns with no rows, and the explorer must be checked at 80×24 and on resize.
 */
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { ReactElement } from 'react';
import { FakeStdin } from '../helpers/fake-stdin.js';

/** Removes SGR colour codes, so widths are measured on what the eye sees. */
const SGR = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, 'g');

export function plain(text: string): string {
  return text.replace(SGR, '');
}

class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
  lastFrame(): string {
    return plain(this.frames.at(-1) ?? '');
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

export interface FakeTerminal {
  readonly stdout: FakeStdout;
  readonly stdin: FakeStdin;
  readonly lastFrame: () => string;
  readonly unmount: () => void;
  readonly waitUntilExit: () => Promise<unknown>;
}

export function renderAt(tree: ReactElement, size: { columns: number; rows: number }): FakeTerminal {
  const stdout = new FakeStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return { stdout, stdin, lastFrame: () => stdout.lastFrame(), unmount: () => instance.unmount(), waitUntilExit: () => instance.waitUntilExit() };
}

/** Polls until `predicate` holds (Ink renders after the input event, not synchronously with write). */
export async function until(predicate: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
