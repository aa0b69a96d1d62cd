/**
 * A reader that goes away is not a failure: `govsim run … | head -c 10` closes the pipe (EPIPE), and
 * closing the terminal under the explorer makes its reads and writes fail (EIO). Without a listener
 * Node throws the stream's 'error' event as an uncaught exception, with its stack, mid-output.
 */
import { closeSync } from 'node:fs';

const GONE = new Set(['EPIPE', 'EIO', 'ENXIO', 'ECONNRESET', 'ERR_STREAM_DESTROYED']);

let outputsWatched = false;
let stdinWatched = false;

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed: that is what we wanted.
  }
}

/**
 * Ends the process quietly when stdout, stderr or stdin is closed under it: 0 for a closed pipe, 130 for
 * a lost terminal. `stdin: false` leaves stdin alone for commands that never read it: its stream is
 * made on first access, 1–2 ms of CPU for `govsim run` (alternate runs on Node 20), and only the
 * explorer reads it.
 */
export function endQuietlyWhenOutputCloses({ stdin = true }: { readonly stdin?: boolean } = {}): void {
  if (!outputsWatched) {
    outputsWatched = true;
    process.stdout.on('error', onError);
    process.stderr.on('error', onError);
  }
  if (stdin && !stdinWatched) {
    stdinWatched = true;
    process.stdin.on('error', onError);
  }
}

function onError(error: NodeJS.ErrnoException): void {
  if (error.code !== undefined && GONE.has(error.code)) {
    // Nothing more can be shown; the exit code is all that is left to say. On a lost terminal, Node's
    // exit would restore its mode through the dead descriptors and abort (an assertion, exit 134):
    // closed descriptors are skipped.
    if (error.code !== 'EPIPE') for (const fd of [0, 1, 2]) closeQuietly(fd);
    process.exit(error.code === 'EPIPE' ? 0 : 130);
  }
  throw error;
}
