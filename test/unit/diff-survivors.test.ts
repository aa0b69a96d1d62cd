/**
 * The diff of two runs, field by field and seat by seat (diffRuns, diffScenarios, unitDiffs,
 * alignmentSeatDiffs, nationalDiff). Every expectation is worked by hand from the council files:
 * Najaf 15 = nabni 3 + state-of-law 3 + wafaa 2 + nsf 2 + absher 1 + idraak 1 + wathiqoon 1 + qiyam 1 +
 * madar 1, majority 8, CF bloc nabni + state-of-law + nsf + absher = 9 (governor from nabni); Wasit 16 =
 * wasit-ajmal 8 + state-of-law 3 + nabni 2 + nsf 2 + quota-feyli 1, majority 9; Basra 23, Tasmim 12 =
 * the majority, elected alone. National totals (final seats): state-of-law 35, nabni 43, nsf 24.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/scenarios/builder.js';
import { diffRuns, diffScenarios } from '../../src/scenarios/diff.js';
import { runScenario } from '../../src/scenarios/runner.js';
import { nationalDiff } from '../../src/scenarios/seat-diff.js';

const cf = () => scenario('cf').bloc({ id: 'cf', councils: ['najaf'] });
const najafOf = (diff: ReturnType<typeof diffScenarios>) => diff.councils.find((council) => council.id === 'najaf');
const TINY = fileURLToPath(new URL('../fixtures/datasets/tiny', import.meta.url));

describe('diff: the outcome fields', () => {
  it('an elected bloc dissolved leaves the council open: no coalition and no margin read "—"', () => {
    const diff = diffScenarios(cf().load(), cf().dissolve({ bloc: 'cf', councils: ['najaf'] }).load());
    const najaf = najafOf(diff)!;
    expect(najaf.changes).toEqual([
      { field: 'status', before: 'elected', after: 'open' },
      { field: 'governorFrom', before: 'nabni', after: '—' },
      { field: 'coalition', before: 'nabni + state-of-law + nsf + absher', after: '—' },
      { field: 'votes', before: '9', after: '0' },
      { field: 'margin', before: '1', after: '—' },
    ]);
    // Each CF list now votes alone; the bloc's 9 seats are gone.
    expect(najaf.units).toEqual(
      ['nabni', 'state-of-law', 'nsf', 'absher'].map((unit) => ({ unit, alignment: { before: 'bloc cf', after: 'alone' } })),
    );
    expect(najaf.alignments).toEqual([{ label: 'bloc cf', before: '9', after: '—' }]);
  });

  it('a seat moved between two lists outside the bloc changes no outcome field, yet the council is listed', () => {
    const diff = diffScenarios(cf().load(), cf().transfer({ council: 'najaf', from: 'idraak', to: 'madar' }).load());
    expect(diff.councils.map((council) => council.id)).toEqual(['najaf']);
    const najaf = najafOf(diff)!;
    expect(najaf.changes).toEqual([]);
    expect(najaf.alignments).toEqual([]);
    // Attendance follows the seats (everyone attends), so only seats are news; each unit once.
    expect(najaf.units).toEqual([
      { unit: 'idraak', seats: { before: '1', after: '0' } },
      { unit: 'madar', seats: { before: '1', after: '2' } },
    ]);
    // Same seat set on both sides: no seat-set line, nationally nor here.
    expect(Object.hasOwn(najaf, 'seatSet')).toBe(false);
    expect(diff.national).toEqual({
      changes: [
        { label: 'idraak', before: 1, after: 0 },
        { label: 'madar', before: 2, after: 3 },
      ],
    });
    expect(diff.unchanged).toHaveLength(14);
  });

  it('a council whose group alone changes is listed, with no unit or alignment behind it', () => {
    // Najaf is derived A (CF 9 ≥ 8); a group step puts it in C.
    const najaf = najafOf(diffScenarios(cf().load(), cf().group({ C: ['najaf'] }).load()))!;
    expect(najaf.changes).toEqual([{ field: 'group', before: 'A (derived)', after: 'C (set by step 2)' }]);
    expect([najaf.units, najaf.alignments]).toEqual([[], []]);
  });

  it('a unit with one more seat and one member away: same attendance, so only its seats are news', () => {
    // nabni 3 present of 3 → 4 seats, 3 present.
    const b = cf().setSeats({ council: 'najaf', unit: 'nabni', seats: 4 }).absent({ council: 'najaf', units: ['nabni'], seats: 1 }).load();
    const najaf = najafOf(diffScenarios(cf().load(), b))!;
    expect(najaf.units).toEqual([{ unit: 'nabni', seats: { before: '3', after: '4' } }]);
  });

  it('a void deal changes no unit and no field, but its seats appear among the alignments', () => {
    // idraak and madar are declared incompatible in both runs; the deal joining them is void, so both
    // still vote alone and the outcome is untouched.
    const pair = () => cf().incompatible({ between: ['idraak', 'madar'], councils: ['najaf'] });
    const diff = diffScenarios(pair().load(), pair().deal({ id: 'im', parties: ['idraak', 'madar'], councils: ['najaf'], governor: 'idraak' }).load());
    const najaf = najafOf(diff)!;
    expect(najaf.changes).toEqual([]);
    expect(najaf.units).toEqual([]);
    expect(najaf.alignments).toEqual([{ label: 'deal im', before: '—', after: '2' }]);
    expect(najaf.causes.map((cause) => `${cause.step} ${cause.kind}`)).toEqual(['step 3 deal']);
  });

  it('a defection inside a bloc that does not govern changes only that bloc\'s seats', () => {
    // bloc opp = wafaa 2 + idraak 1 = 3; one wafaa member votes against every line ⇒ opp 2. CF still 9.
    const opp = () => cf().bloc({ id: 'opp', members: ['wafaa', 'idraak'], councils: ['najaf'] });
    const najaf = najafOf(diffScenarios(opp().load(), opp().defect({ council: 'najaf', from: 'wafaa', seats: 1 }).load()))!;
    expect(najaf.changes).toEqual([]);
    expect(najaf.units).toEqual([]);
    // The defector's own "against" line is not an alignment of the diff.
    expect(najaf.alignments).toEqual([{ label: 'bloc opp', before: '3', after: '2' }]);
  });

  it('the steps only the first run took are listed as reverted', () => {
    const a = cf().transfer({ council: 'najaf', from: 'idraak', to: 'madar' }, { note: 'one seat' }).load();
    const najaf = najafOf(diffScenarios(a, cf().load()))!;
    expect(najaf.reverted.map((change) => `${change.step} ${change.kind}`)).toEqual(['step 2 transfer']);
    expect(najaf.causes).toEqual([]);
    expect(najaf.units).toEqual([
      { unit: 'idraak', seats: { before: '0', after: '1' } },
      { unit: 'madar', seats: { before: '2', after: '1' } },
    ]);
  });
});

describe('diff: units and alignments', () => {
  it('a list elected alone, then in a deal: "alone" on the left for it and for the partner nobody listed', () => {
    // Basra: Tasmim 12 of 23 governs alone; with the Christian quota seat, deal tb = 13.
    const deal = scenario('tb').deal({ id: 'tb', parties: ['tasmim', 'quota-christian'], councils: ['basra'], governor: 'tasmim' });
    const basra = diffScenarios(scenario('x').load(), deal.load()).councils.find((council) => council.id === 'basra')!;
    expect(basra.changes).toEqual([
      { field: 'coalition', before: 'tasmim', after: 'tasmim + quota-christian' },
      { field: 'votes', before: '12', after: '13' },
      { field: 'margin', before: '0', after: '1' },
    ]);
    expect(basra.units).toEqual([
      { unit: 'tasmim', alignment: { before: 'alone', after: 'deal tb' } },
      { unit: 'quota-christian', alignment: { before: 'alone', after: 'deal tb' } },
    ]);
    expect(basra.alignments).toEqual([{ label: 'deal tb', before: '—', after: '13' }]);
  });

  it('absent members are news for their unit, never for the seats of its bloc', () => {
    const najaf = najafOf(diffScenarios(cf().load(), cf().absent({ council: 'najaf', units: ['nabni'], seats: 1 }).load()))!;
    expect(najaf.changes).toEqual([
      { field: 'votes', before: '9', after: '8' },
      { field: 'margin', before: '1', after: '0' },
      { field: 'present', before: '15 of 15', after: '14 of 15' },
    ]);
    expect(najaf.units).toEqual([{ unit: 'nabni', present: { before: '3', after: '2' } }]);
    // The bloc still holds 9 seats, one of them absent.
    expect(najaf.alignments).toEqual([]);
  });

  it('a whole unit absent keeps its alignment ("alone" on both sides)', () => {
    const najaf = najafOf(diffScenarios(cf().load(), cf().absent({ council: 'najaf', units: ['madar'] }).load()))!;
    expect(najaf.units).toEqual([{ unit: 'madar', present: { before: '1', after: '0' } }]);
  });

  it('a defector voting against leaves the bloc one seat short', () => {
    // state-of-law 3, one defects with no target: bloc cf = 9 − 1 = 8 seats, 8 votes.
    const najaf = najafOf(diffScenarios(cf().load(), cf().defect({ council: 'najaf', from: 'state-of-law', seats: 1 }).load()))!;
    expect(najaf.alignments).toEqual([{ label: 'bloc cf', before: '9', after: '8' }]);
    expect(najaf.units).toEqual([]);
  });

  it('a unit on one side only reads "—" on the other, for seats and, when absences differ, attendance', () => {
    // Najaf nabni 3 → badr 1 + aah 2, and badr's one member away.
    const split = cf().split({ council: 'najaf', list: 'nabni', into: { badr: 1, aah: 2 } }).absent({ council: 'najaf', units: ['badr'] }).load();
    const forward = najafOf(diffScenarios(cf().load(), split))!;
    expect(forward.units.filter((unit) => ['badr', 'nabni'].includes(unit.unit))).toEqual([
      { unit: 'badr', seats: { before: '—', after: '1' }, present: { before: '—', after: '0' }, alignment: { before: '—', after: 'bloc cf' } },
      { unit: 'nabni', seats: { before: '3', after: '—' }, alignment: { before: 'bloc cf', after: '—' } },
    ]);
    const backward = najafOf(diffScenarios(split, cf().load()))!;
    expect(backward.units.find((unit) => unit.unit === 'badr')).toEqual({
      unit: 'badr',
      seats: { before: '1', after: '—' },
      present: { before: '0', after: '—' },
      alignment: { before: 'bloc cf', after: '—' },
    });
  });
});

describe('diff: seat sets and runs of other datasets', () => {
  it('a council with seats moved by the seat set names it; one with only an absence does not', () => {
    // Najaf has the same seats in both sets (the preliminary difference lies in Baghdad: absher 2 → 1).
    const b = scenario('p').seats('preliminary').absent({ council: 'najaf', units: ['madar'] }).absent({ council: 'baghdad', units: ['ajyal'] }).load();
    const diff = diffScenarios(scenario('f').load(), b);
    const baghdad = diff.councils.find((council) => council.id === 'baghdad')!;
    expect(baghdad.units).toEqual(
      expect.arrayContaining([
        { unit: 'absher', seats: { before: '2', after: '1' } },
        { unit: 'ajyal', present: { before: '1', after: '0' } },
      ]),
    );
    expect(baghdad.seatSet).toBe('seat set final → preliminary');
    const najaf = najafOf(diff)!;
    expect(najaf.units).toEqual([{ unit: 'madar', present: { before: '1', after: '0' } }]);
    expect(Object.hasOwn(najaf, 'seatSet')).toBe(false);
  });

  it('runs on two datasets are refused, each named by its file, else its id', () => {
    const run = runScenario(cf().load());
    const other = { ...run, dataset: '/elsewhere/dataset', file: 'other.yaml' };
    expect(() => diffRuns(run, other)).toThrow(`cannot compare other.yaml with ${run.id}: they use different datasets (/elsewhere/dataset and ${run.dataset})`);
    expect(() => diffRuns(other, run)).toThrow(`cannot compare ${run.id} with other.yaml: they use different datasets (${run.dataset} and /elsewhere/dataset)`);
  });

  it('loaded scenarios on two datasets are refused, each named by its file, else its name', () => {
    const iraq = cf().load();
    const tiny = scenario('tiny one').dataset(TINY).load();
    const named = scenario('tiny one').dataset(TINY).load({ file: 'tiny.yaml' });
    expect(() => diffScenarios(iraq, tiny)).toThrow(`cannot compare tiny one with cf: they use different datasets (${tiny.dataset.dir} and ${iraq.dataset.dir})`);
    expect(() => diffScenarios(named, iraq)).toThrow(`cannot compare cf with tiny.yaml: they use different datasets (${iraq.dataset.dir} and ${tiny.dataset.dir})`);
  });
});

describe('nationalDiff: list figures', () => {
  it('a figure over two lists or more is recomputed once; one over a single list, or unchanged, is left out', () => {
    // Wasit: one seat wasit-ajmal → state-of-law. wasit-ajmal 8 → 7 nationally, state-of-law 35 → 36; lists in
    // the order the councils first name them (state-of-law sits in Baghdad, the first council).
    const a = runScenario(scenario('a').load());
    const b = runScenario(scenario('b').transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'state-of-law' }).load());
    const figures = [
      { label: 'ajmal + nabni', lists: ['wasit-ajmal', 'nabni'] }, // 8 + 43 = 51 → 7 + 43 = 50
      { label: 'ajmal + state of law', lists: ['wasit-ajmal', 'state-of-law'] }, // 43 → 43: left out
      { label: 'state of law alone', lists: ['state-of-law'] }, // repeats the list's own row
      { label: 'ajmal + nabni', lists: ['wasit-ajmal', 'nabni'] }, // the same figure again (both scenarios name it)
    ];
    expect(nationalDiff(a, b, figures)).toEqual({
      changes: [
        { label: 'state-of-law', before: 35, after: 36 },
        { label: 'wasit-ajmal', before: 8, after: 7 },
        { label: 'ajmal + nabni', before: 51, after: 50 },
      ],
    });
  });

  it('diffScenarios adds the dataset\'s published list figures once, though both scenarios carry them', () => {
    const diff = diffScenarios(scenario('a').load(), scenario('b').transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'state-of-law' }).load());
    // CF big three = nabni 43 + state-of-law 35 + nsf 24 = 102 → 103.
    expect(diff.national.changes).toEqual([
      { label: 'state-of-law', before: 35, after: 36 },
      { label: 'wasit-ajmal', before: 8, after: 7 },
      { label: 'CF big three (Nabni + State of Law + NSF)', before: 102, after: 103 },
    ]);
  });
});
