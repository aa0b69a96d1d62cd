/**
 * How far a council's answer can be trusted: the weakest confidence (documented / inferred / unresolved)
 * of the seat figures it rests on. An elected alignment rests on its own units' seats and on the
 * council's size (which sets the majority); a deadlock or an open council rests on every unit's seats,
 * since any of them could have changed who reaches the majority. A faction's seats are the dataset's
 * estimate (or the scenario's own figures), never documented.
 */
import { type Confidence, type LoadedDataset, weakestConfidence, resolvedCouncil } from '../dataset/dataset.js';
import { DEFECTOR_SEPARATOR } from './alignments.js';
import type { ScenarioState } from './scenario-state.js';

export type { Confidence };

/** The confidence of each unit's seats in a council of the state, and of the council's size. */
function unitConfidences(dataset: LoadedDataset, state: ScenarioState, councilId: string): { size: Confidence; units: Map<string, Confidence> } {
  const resolved = resolvedCouncil(dataset, councilId, state.seats);
  const byList = new Map<string, Confidence>();
  for (const list of resolved.lists) byList.set(list.id, list.confidence);
  for (const member of resolved.quotaMembers) byList.set(member.id, member.confidence);
  const units = new Map<string, Confidence>();
  for (const unit of state.councils[councilId]!.units) {
    const list = byList.get(unit.parent ?? unit.id) ?? 'documented';
    units.set(unit.id, unit.parent !== undefined ? weakestConfidence([list, 'inferred']) : list);
  }
  return { size: resolved.sizeConfidence, units };
}

/**
 * The weakest confidence behind a council's result: `units` are the model units it rests on (an
 * elected alignment's), or undefined for every unit of the council. Defectors' units (`unit>target`)
 * count as their list.
 */
export function resultConfidence(dataset: LoadedDataset, state: ScenarioState, councilId: string, units: readonly string[] | undefined): Confidence {
  let confidences: { size: Confidence; units: Map<string, Confidence> };
  try {
    confidences = unitConfidences(dataset, state, councilId);
  } catch {
    // A council the dataset does not resolve at this seat set has nothing to say about confidence.
    return 'documented';
  }
  const values: Confidence[] = [confidences.size];
  const ids = units ?? [...confidences.units.keys()];
  for (const id of ids) values.push(confidences.units.get(id.split(DEFECTOR_SEPARATOR, 1)[0]!) ?? 'documented');
  return weakestConfidence(values);
}

/** `~` for inferred, `?` for unresolved, as `govsim councils` marks seats. */
export const CONFIDENCE_MARK: Readonly<Record<Confidence, string>> = { documented: '', inferred: '~', unresolved: '?' };
