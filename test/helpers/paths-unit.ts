import type { PathsUnit } from '../../src/model/paths/index.js';

/** A documented unit of a hand-built paths council, all its members present, its own party. */
export const unit = (id: string, seats: number, alignment = id, extra: Partial<PathsUnit> = {}): PathsUnit => ({
  id,
  seats,
  present: seats,
  alignment,
  party: id,
  confidence: 'documented',
  ...extra,
});
