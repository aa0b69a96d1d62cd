/**
 * A step that cannot apply to the state it meets (unknown id, more seats than held, …). `path` is
 * relative to the step (`defect.from`); the loader prefixes `steps[i].` and the file name.
 */
export class StepError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'StepError';
    this.path = path;
  }
}

/** "(known: a, b, c)" with a cap, so that a message stays one readable line. */
export function known(ids: Iterable<string>, label = 'known'): string {
  const all = [...new Set(ids)];
  if (all.length === 0) return `(${label}: none)`;
  const shown = all.length > 30 ? [...all.slice(0, 30), `… ${all.length - 30} more`] : all;
  return `(${label}: ${shown.join(', ')})`;
}
