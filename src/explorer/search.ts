/**
 * `/` in the explorer: councils, units and parties matching what is typed (id or name, any case),
 * each leading to a council (and a unit there). Over the session's current state, so split factions
 * and deals' defectors are found too.
 */
import { bundledScenarioNames } from '../scenarios/scenario-loader.js';
import type { Session } from './session.js';

export interface SearchHit {
  readonly label: string;
  readonly council: string;
  readonly unit?: string;
}

const LIMIT = 50;

export function searchHits(session: Session, query: string): readonly SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const matches = (...texts: readonly (string | undefined)[]): boolean => texts.some((text) => text !== undefined && text.toLowerCase().includes(q));
  const hits: SearchHit[] = [];
  for (const id of session.state.councilOrder) {
    const council = session.run.councils.find((entry) => entry.id === id);
    if (council && matches(id, council.name)) hits.push({ label: `${council.name}: council, ${council.seats} seats, ${council.outcome.status}`, council: id });
  }
  for (const id of session.state.councilOrder) {
    const name = session.run.councils.find((entry) => entry.id === id)?.name ?? id;
    for (const unit of session.state.councils[id]?.units ?? []) {
      if (matches(unit.id, unit.name)) hits.push({ label: `${unit.id} (${unit.name}) in ${name}: ${unit.kind}, ${unit.seats} seat${unit.seats === 1 ? '' : 's'}`, council: id, unit: unit.id });
    }
  }
  return hits.slice(0, LIMIT);
}

/** What `o` offers: files opened or saved in this session (most recent first), then the bundled scenarios; filtered by `query`. */
export function openChoices(recent: readonly string[], query: string): readonly { readonly ref: string; readonly label: string }[] {
  const q = query.trim().toLowerCase();
  const all = [
    ...recent.map((ref) => ({ ref, label: `${ref}  (recent)` })),
    ...bundledScenarioNames().map((ref) => ({ ref, label: `${ref}  (bundled)` })),
  ];
  return all.filter((choice) => q === '' || choice.ref.toLowerCase().includes(q));
}
