/**
 * How a failed command ends (src/cli/failure.ts), including errors from the explorer's script, which
 * in the bundle carries its own copy of the error classes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportFailure } from '../../src/cli/failure.js';
import { GovsimDataError } from '../../src/model/errors.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function report(error: unknown): { code: number; stderr: string } {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = reportFailure(error);
  vi.restoreAllMocks();
  return { code, stderr };
}

/** What the explorer script's copy of GovsimDataError looks like from here: same shape, another class. */
class ForeignGovsimDataError extends Error {
  readonly exitCode = 65;
  constructor(message: string) {
    super(message);
    this.name = 'GovsimDataError';
  }
}

describe('reportFailure', () => {
  it('prints a govsim error’s message and returns its exit code', () => {
    expect(report(new GovsimDataError('data/x.yaml', [{ path: 'councils[0].seats', message: 'must be positive' }]))).toEqual({
      code: 65,
      stderr: 'govsim: data/x.yaml: councils[0].seats: must be positive\n',
    });
  });

  it('names <input> when a data error has no file, and says "invalid data" when it lists no issue', () => {
    expect(report(new GovsimDataError(undefined, [{ path: 'weights[1]', message: 'weight must be a non-negative integer, got -1' }]))).toEqual({
      code: 65,
      stderr: 'govsim: <input>: weights[1]: weight must be a non-negative integer, got -1\n',
    });
    expect(report(new GovsimDataError('data/x.yaml', []))).toEqual({ code: 65, stderr: 'govsim: data/x.yaml: invalid data\n' });
  });

  it('shows control characters in a message as \\u{…} escapes instead of sending them to the terminal', () => {
    // ESC is U+001B, the C1 CSI U+009B, RIGHT-TO-LEFT OVERRIDE U+202E: hex code points, no leading zeros.
    const name = 'x\u001b[2Jy\u009b31mz\u202ew';
    expect(report(new GovsimDataError('data/x.yaml', [{ path: 'councils[0].name', message: name }]))).toEqual({
      code: 65,
      stderr: 'govsim: data/x.yaml: councils[0].name: x\\u{1b}[2Jy\\u{9b}31mz\\u{202e}w\n',
    });
  });

  it('treats a govsim error from another copy of the classes the same way', () => {
    expect(report(new ForeignGovsimDataError('data/x.yaml: broken'))).toEqual({ code: 65, stderr: 'govsim: data/x.yaml: broken\n' });
  });

  it('reports anything else as an internal error, with its stack, exit 70', () => {
    const lookalike = Object.assign(new Error('not ours'), { exitCode: 3 });
    for (const error of [new TypeError('boom'), lookalike, 'a string']) {
      const { code, stderr } = report(error);
      expect(code).toBe(70);
      expect(stderr).toMatch(/^govsim: internal error \(please report it\)\n/);
      expect(stderr).toContain(error instanceof Error ? error.stack! : 'a string');
    }
  });
});
