/**
 * Steps that change who holds seats and who casts votes: split a list into factions, transfer or set
 * seats, mark members absent or back, and defections (votes move, seats stay).
 */
import type { Draft } from 'immer';
import type { StepOf } from '../scenario-schema.js';
import { defectedVotes, type ScenarioState, type UnitState } from '../scenario-state.js';
import type { LoadedDataset } from '../../dataset/dataset.js';
import { datasetSplit } from './dataset-split.js';
import { record, renameMember } from './provenance.js';
import { councilOf, findUnit, isActor, singleUnit, unitIds } from './resolve.js';
import { known, StepError } from './step-error.js';

type State = Draft<ScenarioState>;
type MutableUnit = Draft<UnitState>;

function mutableUnit(state: State, councilId: string, id: string, path: string): MutableUnit {
  const council = councilOf(state, councilId, `${path.split('.')[0]}.council`);
  singleUnit(council, id, path);
  return state.councils[councilId]!.units.find((unit) => unit.id === id)!;
}

/**
 * What `id` already names beyond this council's units: a faction that shared it would be what every
 * later step naming `id` meant in this council (units resolve first), and the other thing elsewhere.
 */
function otherMeaning(state: State, dataset: LoadedDataset, list: string, id: string): string | undefined {
  if (isActor(state, id)) return 'an actor with no seats';
  if (state.blocs[id]) return 'a bloc';
  if (state.deals[id]) return 'a deal';
  if (state.families[id]) return 'a bloc of the dataset';
  for (const entry of dataset.data.lists) {
    if (entry.id === list) continue;
    if (entry.id === id) return 'a list of the dataset';
    if (entry.factions?.some((faction) => faction.id === id)) return `a faction of ${entry.id} in the dataset`;
  }
  return undefined;
}

export function applySplit(state: State, step: StepOf<'split'>, index: number, dataset: LoadedDataset): void {
  const { council: councilId, list } = step.split;
  const council = councilOf(state, councilId, 'split.council');
  const position = council.units.findIndex((unit) => unit.id === list);
  if (position === -1) {
    const factions = council.units.filter((unit) => unit.parent === list).map((unit) => unit.id);
    if (factions.length > 0) throw new StepError('split.list', `"${list}" is already split into ${factions.join(', ')} in council ${councilId}`);
    throw new StepError('split.list', `unknown list "${list}" in council ${councilId} ${known(unitIds(council))}`);
  }
  const unit = council.units[position]!;
  if (unit.kind !== 'list') throw new StepError('split.list', `"${list}" is a ${unit.kind}, not a list; only lists split into factions`);
  if (unit.present !== unit.seats || unit.defections.length > 0) {
    throw new StepError('split.list', `split "${list}" before marking its members absent or defecting (council ${councilId})`);
  }
  // A defection names the unit its votes go to; after the split no unit of that id would be left to take them.
  const defectors = council.units.filter((other) => other.defections.some((defection) => defection.to === list)).map((other) => other.id);
  if (defectors.length > 0) {
    throw new StepError('split.list', `split "${list}" before defecting to it (members of ${defectors.join(', ')} vote with it in council ${councilId})`);
  }
  let parts: { id: string; name: string; seats: number }[];
  let basis: string;
  if (step.split.into) {
    parts = Object.entries(step.split.into).map(([id, seats]) => ({ id, name: id, seats }));
    basis = 'as given';
  } else {
    const estimate = datasetSplit(dataset, state.seats, councilId, list);
    if (!estimate) {
      throw new StepError('split.into', `the dataset has no faction estimate for "${list}" in council ${councilId}; give \`into\``);
    }
    parts = estimate.parts;
    basis = `dataset estimate, ${estimate.note}`;
  }
  if (parts.length === 0) throw new StepError('split.into', 'expected at least one faction');
  const total = parts.reduce((sum, part) => sum + part.seats, 0);
  if (total !== unit.seats) {
    const where = step.split.into ? 'split.into' : 'split.list';
    throw new StepError(
      where,
      `the factions sum to ${total} (${parts.map((part) => `${part.id} ${part.seats}`).join(' + ')}) but "${list}" holds ${unit.seats} seats in council ${councilId}`,
    );
  }
  for (const part of parts) {
    if (part.id === list) continue;
    if (findUnit(council, part.id)) throw new StepError(`split.into.${part.id}`, `"${part.id}" is already a unit in council ${councilId}`);
    const meaning = otherMeaning(state, dataset, list, part.id);
    if (meaning) throw new StepError(`split.into.${part.id}`, `"${part.id}" is already ${meaning}; a faction needs an id of its own`);
  }
  const factions: MutableUnit[] = parts.map((part) => ({
    id: part.id,
    name: part.name,
    kind: 'faction',
    seats: part.seats,
    present: part.seats,
    families: [...unit.families],
    parent: list,
    defections: [],
  }));
  state.councils[councilId]!.units.splice(position, 1, ...factions);
  renameMember(state, councilId, list, parts.map((part) => part.id));
  record(state, councilId, index, 'split', `split ${list} (${unit.seats}) into ${parts.map((part) => `${part.id} ${part.seats}`).join(' + ')} (${basis})`);
}

export function applyTransfer(state: State, step: StepOf<'transfer'>, index: number): void {
  const { council: councilId, from, to, seats } = step.transfer;
  const source = mutableUnit(state, councilId, from, 'transfer.from');
  const target = mutableUnit(state, councilId, to, 'transfer.to');
  if (from === to) throw new StepError('transfer.to', 'a transfer needs two different units');
  const movable = source.seats - defectedVotes(source);
  if (seats > movable) {
    const defected = defectedVotes(source);
    throw new StepError(
      'transfer.seats',
      `"${from}" holds ${source.seats} seats in council ${councilId}${defected ? ` (${defected} defected)` : ''}; cannot transfer ${seats}`,
    );
  }
  const before = [source.seats, target.seats];
  source.seats -= seats;
  source.present = Math.min(source.present, source.seats);
  target.seats += seats;
  target.present += seats;
  record(
    state,
    councilId,
    index,
    'transfer',
    `moved ${plural(seats, 'seat')} ${from} → ${to} (${from} ${before[0]} → ${source.seats}, ${to} ${before[1]} → ${target.seats})`,
  );
}

export function applySetSeats(state: State, step: StepOf<'seats'>, index: number): void {
  const { council: councilId, unit: id, seats } = step.seats;
  const unit = mutableUnit(state, councilId, id, 'seats.unit');
  const defected = defectedVotes(unit);
  if (seats < defected) throw new StepError('seats.seats', `"${id}" has ${defected} defected members in council ${councilId}; cannot set ${seats} seats`);
  const before = unit.seats;
  const members = Object.values(state.councils[councilId]!.units).reduce((sum, u) => sum + u.seats, 0);
  unit.present = seats >= before ? unit.present + (seats - before) : Math.min(unit.present, seats);
  unit.seats = seats;
  record(state, councilId, index, 'seats', `set ${id} seats ${before} → ${seats} (council ${members} → ${members - before + seats} members)`);
}

/** Units named by absent/attend: a unit, or every faction of a split list when no count is given. */
function attendanceUnits(state: State, councilId: string, refs: readonly string[], seats: number | undefined, kind: 'absent' | 'attend'): MutableUnit[] {
  const council = councilOf(state, councilId, `${kind}.council`);
  const units: MutableUnit[] = [];
  refs.forEach((ref, i) => {
    const path = `${kind}.units[${i}]`;
    if (findUnit(council, ref)) {
      units.push(mutableUnit(state, councilId, ref, path));
      return;
    }
    const factions = council.units.filter((unit) => unit.parent === ref);
    if (factions.length > 0 && seats === undefined) {
      for (const faction of factions) units.push(mutableUnit(state, councilId, faction.id, path));
      return;
    }
    singleUnit(council, ref, path);
  });
  return units;
}

export function applyAbsent(state: State, step: StepOf<'absent'>, index: number): void {
  const { council: councilId, units: refs, seats } = step.absent;
  const units = attendanceUnits(state, councilId, refs, seats, 'absent');
  for (const unit of units) {
    const defected = defectedVotes(unit);
    const available = unit.present - defected;
    const count = seats ?? available;
    if (count === 0) throw new StepError('absent.units', `all of "${unit.id}"'s members who could stay away are already absent in council ${councilId}`);
    if (count > available) {
      throw new StepError(
        'absent.seats',
        `"${unit.id}" has ${unit.present} members present in council ${councilId}${defected ? ` (${defected} of them defecting)` : ''}; cannot mark ${count} absent`,
      );
    }
    unit.present -= count;
    const who = unit.seats === 1 ? `${unit.id}'s only member` : `${count} of ${unit.id}'s ${unit.seats} members`;
    record(state, councilId, index, 'absent', `${who} absent (present ${unit.present + count} → ${unit.present})`);
  }
}

export function applyAttend(state: State, step: StepOf<'attend'>, index: number): void {
  const { council: councilId, units: refs, seats } = step.attend;
  const units = attendanceUnits(state, councilId, refs, seats, 'attend');
  for (const unit of units) {
    const away = unit.seats - unit.present;
    const count = seats ?? away;
    if (count === 0) throw new StepError('attend.units', `all of "${unit.id}"'s members already attend in council ${councilId}`);
    if (count > away) throw new StepError('attend.seats', `only ${away} of "${unit.id}"'s members are absent in council ${councilId}; cannot bring back ${count}`);
    unit.present += count;
    record(state, councilId, index, 'attend', `${count} of ${unit.id}'s members ${count === 1 ? 'returns' : 'return'} (present ${unit.present - count} → ${unit.present})`);
  }
}

export function applyDefect(state: State, step: StepOf<'defect'>, index: number): void {
  const { council: councilId, from, seats, to } = step.defect;
  const unit = mutableUnit(state, councilId, from, 'defect.from');
  const defected = defectedVotes(unit);
  const available = unit.present - defected;
  if (seats > available) {
    throw new StepError(
      'defect.seats',
      `"${from}" has ${unit.present} members present in council ${councilId}${defected ? `, ${defected} already defected` : ''}; cannot move ${seats}`,
    );
  }
  if (to !== undefined) {
    const council = state.councils[councilId]!;
    const deal = state.deals[to]?.councils[councilId];
    const bloc = state.blocs[to]?.councils[councilId];
    if (!deal && !bloc && !findUnit(council, to)) {
      const deals = Object.values(state.deals).filter((d) => d.councils[councilId]).map((d) => d.id);
      const blocs = Object.values(state.blocs).filter((b) => b.councils[councilId]).map((b) => b.id);
      throw new StepError(
        'defect.to',
        `unknown deal, bloc or unit "${to}" in council ${councilId} ${known(deals, 'deals')} ${known(blocs, 'blocs')} ${known(unitIds(council), 'units')}`,
      );
    }
    if (to === from) throw new StepError('defect.to', `"${from}" cannot defect to itself`);
    if ((deal ?? bloc)?.includes(from)) throw new StepError('defect.to', `"${from}" is already part of "${to}" in council ${councilId}`);
  }
  unit.defections.push({ to: to ?? null, votes: seats, step: index });
  record(state, councilId, index, 'defect', `${seats} of ${from}'s members vote ${to ? `with ${to}` : 'against their line'} (seats stay with ${from})`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
