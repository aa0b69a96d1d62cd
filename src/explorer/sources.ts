/**
 * The explorer's sources pane: one council's sourced figures at the session's seat set, the unit under
 * the cursor first, then every source cited in full. The figures come from the dataset layer.
 */
import { councilSources, sourceLine } from '../dataset/sources.js';
import type { Session } from './session.js';

export interface SourceEntry {
  readonly text: string;
  readonly note?: string;
}

/** Lines for the pane: figures (about `unit` first), then the sources they cite. */
export function sourceEntries(session: Session, councilId: string, unit?: string): readonly SourceEntry[] {
  const report = councilSources(session.dataset, councilId, session.seats);
  // A faction or a defectors' unit is sourced through its list (`wathiqoon>deal` → wathiqoon).
  const parent = unit === undefined ? undefined : (session.state.councils[councilId]?.units.find((entry) => entry.id === unit)?.parent ?? unit.split('>')[0]);
  const about = (subject: string | undefined): boolean => subject !== undefined && (subject === unit || subject === parent);
  const figures = [...report.figures.filter((figure) => about(figure.unit)), ...report.figures.filter((figure) => !about(figure.unit))];
  return [
    ...figures.map((figure) => ({
      text: `${figure.subject}: ${figure.value} | ${figure.confidence}${figure.method ? ` (${figure.method})` : ''} | ${figure.sources.length > 0 ? figure.sources.join(', ') : 'no source cited'}`,
      ...(figure.note !== undefined ? { note: figure.note } : {}),
    })),
    ...report.sources.map((source) => ({ text: sourceLine(source) })),
  ];
}
