import { GovsimDataError } from '../../src/model/errors.js';

/** Runs `run`, which must throw an instance of `type`, and returns that error for assertions on it. */
export function thrown<E extends Error>(run: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}

/** Runs `run`, which must throw a GovsimDataError, and returns it for assertions on its issues. */
export function dataError(run: () => unknown): GovsimDataError {
  return thrown(run, GovsimDataError);
}
