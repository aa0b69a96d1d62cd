import { GovsimDataError } from '../../src/model/errors.js';

/** Runs `run`, which must throw a GovsimDataError, and returns it for assertions on its issues. */
export function dataError(run: () => unknown): GovsimDataError {
  try {
    run();
  } catch (error) {
    if (error instanceof GovsimDataError) return error;
    throw error;
  }
  throw new Error('expected a GovsimDataError');
}
