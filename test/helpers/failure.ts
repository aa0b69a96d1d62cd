import { stripVTControlCharacters } from 'node:util';

/** The message of a failing assertion, without colours; throws if the assertion passes. */
export function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail, but it passed');
}
