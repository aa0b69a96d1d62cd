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
