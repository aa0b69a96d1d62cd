/**
 * Random valid datasets for the invariant properties, written as real YAML files so that every property
 * goes through the loader: 1–3 councils of 1–6 lists (0–9 seats each, some lists split into two
 * factions), 0–2 quota seats, a bloc, and a second seat set that moves seats between two lists.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';

export interface RandomList {
  readonly id: string;
  /** Two faction ids when the list runs parties inside it. */
  readonly factions?: readonly [string, string];
}

export interface RandomCouncilList {
  readonly list: string;
  readonly seats: number;
  /** Seats of the first faction (the second gets the rest), for lists with factions. */
  readonly firstFaction?: number;
}

export interface RandomCouncil {
  readonly id: string;
  readonly lists: readonly RandomCouncilList[];
  readonly quota: readonly string[];
}

/** `seats` seats of `from` go to `to` in seat set `alt`. */
export interface RandomMove {
  readonly council: string;
  readonly from: string;
  readonly to: string;
  readonly seats: number;
}

export interface RandomDataset {
  readonly lists: readonly RandomList[];
  readonly councils: readonly RandomCouncil[];
  readonly bloc: readonly string[];
  readonly move?: RandomMove;
}

const QUOTA_IDS = ['quota-a', 'quota-b'] as const;

export const randomDatasets: fc.Arbitrary<RandomDataset> = fc
  .record({
    lists: fc.array(fc.boolean(), { minLength: 2, maxLength: 6 }).map((split) =>
      split.map((hasFactions, i): RandomList => (hasFactions && i % 2 === 0 ? { id: `l${i}`, factions: [`l${i}-a`, `l${i}-b`] } : { id: `l${i}` })),
    ),
    councils: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ lists, councils }) => {
    const council = (id: string): fc.Arbitrary<RandomCouncil> =>
      fc
        .record({
          chosen: fc.subarray(lists, { minLength: 1 }),
          seats: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: lists.length, maxLength: lists.length }),
          splits: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: lists.length, maxLength: lists.length }),
          quota: fc.integer({ min: 0, max: 2 }),
        })
        .map(({ chosen, seats, splits, quota }) => ({
          id,
          lists: chosen.map((list, i) => ({
            list: list.id,
            seats: seats[i]!,
            ...(list.factions ? { firstFaction: Math.round(splits[i]! * seats[i]!) } : {}),
          })),
          quota: QUOTA_IDS.slice(0, quota),
        }));
    return fc.record({
      lists: fc.constant(lists),
      councils: fc.tuple(...Array.from({ length: councils }, (_, i) => council(`c${i}`))),
      bloc: fc.subarray(lists.map((list) => list.id), { minLength: 1 }),
      pick: fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()),
    });
  })
  .map(({ lists, councils, bloc, pick }): RandomDataset => {
    // The second seat set moves some seats between two lists of one council, when it has two.
    const council = councils[pick[0] % councils.length]!;
    const donors = council.lists.filter((entry) => entry.seats > 0);
    const donor = donors.length > 0 ? donors[pick[1] % donors.length]! : undefined;
    const others = council.lists.filter((entry) => entry.list !== donor?.list);
    const receiver = others.length > 0 ? others[pick[2] % others.length]! : undefined;
    const move = donor && receiver ? { council: council.id, from: donor.list, to: receiver.list, seats: 1 + (pick[3] % donor.seats) } : undefined;
    return { lists, councils, bloc, ...(move ? { move } : {}) };
  });

const PROVENANCE = { source: 'gen', confidence: 'documented' } as const;
const RULE = { text: 'Generated.', ...PROVENANCE };

export function generalSeats(council: RandomCouncil): number {
  return council.lists.reduce((sum, entry) => sum + entry.seats, 0);
}

export function councilSeats(council: RandomCouncil): number {
  return generalSeats(council) + council.quota.length;
}

function factionSeats(list: RandomList, seats: number, first: number): Record<string, number> {
  return { [list.factions![0]]: first, [list.factions![1]]: seats - first };
}

/** Writes the dataset as dataset.yaml plus one file per council; returns the directory. */
export function writeDataset(data: RandomDataset, parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, 'govsim-random-dataset-'));
  mkdirSync(join(dir, 'councils'));
  const registry = new Map(data.lists.map((list) => [list.id, list]));
  const overrides = [];
  if (data.move) {
    const council = data.councils.find((c) => c.id === data.move!.council)!;
    for (const [id, delta] of [[data.move.from, -data.move.seats], [data.move.to, data.move.seats]] as const) {
      const entry = council.lists.find((e) => e.list === id)!;
      const seats = entry.seats + delta;
      const list = registry.get(id)!;
      overrides.push({
        council: council.id,
        list: id,
        seats,
        // A list split into factions needs the split of its new seat count.
        ...(list.factions && seats > 0 && seats !== entry.seats ? { factions: factionSeats(list, seats, seats) } : {}),
        ...PROVENANCE,
      });
    }
  }
  const dataset = {
    schemaVersion: 1,
    id: 'random',
    name: 'Random dataset',
    description: 'Generated by the invariant properties.',
    meta: { country: 'Nowhere', election: 'Generated', electionDate: '2020-01-01', councils: data.councils.map((c) => c.id), defaultSeatSet: 'final' },
    sources: [{ id: 'gen', publisher: 'govsim tests', title: 'Generated figures', url: 'https://example.org/generated' }],
    methods: [{ id: 'guess', summary: 'a generated split', text: 'Generated.', confidence: 'inferred', source: 'gen' }],
    rules: {
      majority: { formula: 'floor(n/2)+1', base: 'all-members', appliesTo: ['chair', 'governor'], ...RULE },
      quorum: { formula: 'floor(n/2)+1', base: 'all-members', ...RULE },
      order: { posts: ['chair', 'governor'], ...RULE },
      deadlines: [{ id: 'first-session', days: 15, from: 'results', ...RULE }],
      runoff: { value: 'none', ...RULE },
      governorVacatesSeat: { value: true, ...RULE },
      presidentialDecree: { required: false, ...RULE },
    },
    lists: data.lists.map((list) => ({
      id: list.id,
      name: `List ${list.id}`,
      family: 'local',
      ...(list.factions ? { factions: list.factions.map((id) => ({ id, name: `Faction ${id}` })) } : {}),
    })),
    blocs: [{ id: 'b', name: 'Bloc', members: [...data.bloc], ...PROVENANCE }],
    seatSets: [
      { id: 'final', name: 'Final', description: 'The council files.' },
      { id: 'alt', name: 'Alternative', description: 'Some seats moved.', extends: 'final', overrides },
    ],
  };
  writeFileSync(join(dir, 'dataset.yaml'), stringify(dataset));
  for (const council of data.councils) {
    const file = {
      id: council.id,
      name: `Council ${council.id}`,
      nameAr: 'مجلس',
      seats: { general: generalSeats(council), quota: council.quota.length, ...PROVENANCE },
      ...PROVENANCE,
      lists: council.lists.map((entry) => {
        const list = registry.get(entry.list)!;
        return {
          list: entry.list,
          seats: entry.seats,
          ...PROVENANCE,
          ...(list.factions ? { factions: { seats: factionSeats(list, entry.seats, entry.firstFaction!), confidence: 'inferred', method: 'guess' } } : {}),
        };
      }),
      quota: council.quota.map((id) => ({ id, minority: 'Generated', member: `Member ${id}`, ...PROVENANCE })),
    };
    writeFileSync(join(dir, 'councils', `${council.id}.yaml`), stringify(file));
  }
  return dir;
}
