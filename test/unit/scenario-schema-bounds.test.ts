/**
 * The scenario file language at the edge of every bound: each step kind's required fields, minimum
 * list lengths, seat ranges and defaults, the top-level fields, thresholds, sittings and the rules an
 * expectation obeys. The schemas are memoised per process, so each test builds them on a fresh module
 * copy (the building code then runs inside the test that checks it).
 */
import { describe, expect, it, vi } from 'vitest';

async function schemas() {
  vi.resetModules();
  const { scenarioSchemas } = await import('../../src/scenarios/scenario-schema.js');
  return scenarioSchemas();
}

type Parser = { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } } };

/** `[]` when accepted, else each issue as `path: message`. */
function issues(schema: Parser, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error!.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
}

function parsed(schema: Parser, value: unknown): unknown {
  const result = schema.safeParse(value);
  expect(result.success, JSON.stringify(value)).toBe(true);
  return result.data;
}

const ID = 'expected an id: lowercase letters, digits and hyphens, at most 100';

describe('step bounds', () => {
  it('split: seats from 0 to the council bound', async () => {
    const { STEP_SCHEMAS } = await schemas();
    const split = (into: unknown) => ({ split: { council: 'najaf', list: 'nabni', into } });
    expect(issues(STEP_SCHEMAS.split, split({ badr: 0, aah: 10000 }))).toEqual([]);
    expect(issues(STEP_SCHEMAS.split, split({ badr: -1 }))).toEqual(['split.into.badr: Too small: expected number to be >=0']);
    expect(issues(STEP_SCHEMAS.split, split({ badr: 10001 }))).toEqual(['split.into.badr: Too big: expected number to be <=10000']);
    expect(issues(STEP_SCHEMAS.split, split({ badr: 1.5 }))).toEqual(['split.into.badr: Invalid input: expected int, received number']);
    expect(issues(STEP_SCHEMAS.split, { split: { council: 'najaf', list: 'nabni' } })).toEqual([]);
    expect(issues(STEP_SCHEMAS.split, { split: { council: 'najaf' } })).toEqual(['split.list: Invalid input: expected string, received undefined']);
  });

  it('bloc, dissolve, veto, incompatible, join and leave apply to every council unless told', async () => {
    const { STEP_SCHEMAS } = await schemas();
    expect(parsed(STEP_SCHEMAS.bloc, { bloc: { id: 'cf' } })).toEqual({ bloc: { id: 'cf', councils: 'all' } });
    expect(parsed(STEP_SCHEMAS.dissolve, { dissolve: { bloc: 'cf' } })).toEqual({ dissolve: { bloc: 'cf', councils: 'all' } });
    expect(parsed(STEP_SCHEMAS.veto, { veto: { actor: 'sadrists', against: ['nabni'] } })).toEqual({ veto: { actor: 'sadrists', councils: 'all', against: ['nabni'] } });
    expect(parsed(STEP_SCHEMAS.incompatible, { incompatible: { between: ['a', 'b'] } })).toEqual({ incompatible: { between: ['a', 'b'], councils: 'all' } });
    expect(parsed(STEP_SCHEMAS.join, { join: { units: ['a'], to: 'cf' } })).toEqual({ join: { units: ['a'], to: 'cf', councils: 'all' } });
    expect(parsed(STEP_SCHEMAS.leave, { leave: { units: ['a'], from: 'cf' } })).toEqual({ leave: { units: ['a'], from: 'cf', councils: 'all' } });
  });

  it('a council selection is `all` or a non-empty list of ids', async () => {
    const { STEP_SCHEMAS, CouncilSelection } = await schemas();
    expect(issues(CouncilSelection, 'all')).toEqual([]);
    expect(issues(CouncilSelection, ['najaf'])).toEqual([]);
    expect(issues(CouncilSelection, [])).toEqual([': Too small: expected array to have >=1 items']);
    expect(issues(CouncilSelection, 'every')).toEqual([': Invalid input']);
    expect(issues(STEP_SCHEMAS.bloc, { bloc: { id: 'cf', councils: ['Najaf'] } })).toEqual([`bloc.councils.0: ${ID}`]);
  });

  it('lists that must name something are not empty', async () => {
    const { STEP_SCHEMAS } = await schemas();
    const tooFew = (path: string, n = 1) => [`${path}: Too small: expected array to have >=${n} items`];
    expect(issues(STEP_SCHEMAS.bloc, { bloc: { id: 'cf', members: [] } })).toEqual(tooFew('bloc.members'));
    expect(issues(STEP_SCHEMAS.deal, { deal: { id: 'd', parties: [], councils: 'all', governor: 'nabni' } })).toEqual(tooFew('deal.parties'));
    expect(issues(STEP_SCHEMAS.absent, { absent: { council: 'najaf', units: [] } })).toEqual(tooFew('absent.units'));
    expect(issues(STEP_SCHEMAS.attend, { attend: { council: 'najaf', units: [] } })).toEqual(tooFew('attend.units'));
    expect(issues(STEP_SCHEMAS.veto, { veto: { actor: 'sadrists', against: [] } })).toEqual(tooFew('veto.against'));
    expect(issues(STEP_SCHEMAS.join, { join: { units: [], to: 'cf' } })).toEqual(tooFew('join.units'));
    expect(issues(STEP_SCHEMAS.leave, { leave: { units: [], from: 'cf' } })).toEqual(tooFew('leave.units'));
    expect(issues(STEP_SCHEMAS.package, { package: { council: 'nineveh', posts: ['governor'] } })).toEqual(tooFew('package.posts', 2));
    expect(issues(STEP_SCHEMAS.package, { package: { council: 'nineveh', posts: ['chair', 'governor'] } })).toEqual([]);
  });

  it('a bloc or deal may carry a name of any length, never an empty one', async () => {
    const { STEP_SCHEMAS } = await schemas();
    const name = 'Coordination Framework';
    expect(issues(STEP_SCHEMAS.bloc, { bloc: { id: 'cf', name } })).toEqual([]);
    expect(issues(STEP_SCHEMAS.deal, { deal: { id: 'd', name, parties: ['a'], councils: 'all', governor: 'a' } })).toEqual([]);
    expect(issues(STEP_SCHEMAS.bloc, { bloc: { id: 'cf', name: '' } })).toEqual(['bloc.name: Too small: expected string to have >=1 characters']);
    expect(issues(STEP_SCHEMAS.deal, { deal: { id: 'd', name: '', parties: ['a'], councils: 'all', governor: 'a' } })).toEqual(['deal.name: Too small: expected string to have >=1 characters']);
  });

  it('a deal names its councils and its governor; the chair is optional', async () => {
    const { STEP_SCHEMAS } = await schemas();
    expect(issues(STEP_SCHEMAS.deal, { deal: { id: 'd', parties: ['a'], councils: 'all', governor: 'a' } })).toEqual([]);
    expect(issues(STEP_SCHEMAS.deal, { deal: { id: 'd', parties: ['a'], governor: 'a' } })).toEqual(['deal.councils: Invalid input']);
    expect(issues(STEP_SCHEMAS.deal, { deal: { id: 'd', parties: ['a'], councils: 'all' } })).toEqual(['deal.governor: Invalid input: expected string, received undefined']);
    expect(issues(STEP_SCHEMAS.deal, { deal: { id: 'd', parties: ['a'], councils: 'all', governor: 'a', chair: 'A' } })).toEqual([`deal.chair: ${ID}`]);
  });

  it('moved seats: defect and transfer move one by default, never none', async () => {
    const { STEP_SCHEMAS } = await schemas();
    expect(parsed(STEP_SCHEMAS.defect, { defect: { council: 'najaf', from: 'nabni' } })).toEqual({ defect: { council: 'najaf', from: 'nabni', seats: 1 } });
    expect(parsed(STEP_SCHEMAS.transfer, { transfer: { council: 'najaf', from: 'a', to: 'b' } })).toEqual({ transfer: { council: 'najaf', from: 'a', to: 'b', seats: 1 } });
    expect(issues(STEP_SCHEMAS.defect, { defect: { council: 'najaf', from: 'nabni', seats: 0 } })).toEqual(['defect.seats: Too small: expected number to be >=1']);
    expect(issues(STEP_SCHEMAS.transfer, { transfer: { council: 'najaf', from: 'a', to: 'b', seats: 0 } })).toEqual(['transfer.seats: Too small: expected number to be >=1']);
    expect(issues(STEP_SCHEMAS.defect, { defect: { council: 'najaf', from: 'nabni', seats: 10001 } })).toEqual(['defect.seats: Too big: expected number to be <=10000']);
  });

  it('absent and attend: all members unless a positive number is given', async () => {
    const { STEP_SCHEMAS } = await schemas();
    expect(parsed(STEP_SCHEMAS.absent, { absent: { council: 'najaf', units: ['nabni'] } })).toEqual({ absent: { council: 'najaf', units: ['nabni'] } });
    expect(issues(STEP_SCHEMAS.absent, { absent: { council: 'najaf', units: ['nabni'], seats: 0 } })).toEqual(['absent.seats: Too small: expected number to be >=1']);
    expect(issues(STEP_SCHEMAS.attend, { attend: { council: 'najaf', units: ['nabni'], seats: 0 } })).toEqual(['attend.seats: Too small: expected number to be >=1']);
    expect(issues(STEP_SCHEMAS.attend, { attend: { council: 'najaf', units: ['nabni'], seats: 2 } })).toEqual([]);
  });

  it('incompatible takes exactly two ids; group takes A, B and C only; seats sets 0 up to the bound', async () => {
    const { STEP_SCHEMAS } = await schemas();
    expect(issues(STEP_SCHEMAS.incompatible, { incompatible: { between: ['a'] } })).toEqual(['incompatible.between: Too small: expected array to have >=2 items']);
    expect(issues(STEP_SCHEMAS.incompatible, { incompatible: { between: ['a', 'b', 'c'] } })).toEqual(['incompatible.between: Too big: expected array to have <=2 items']);
    expect(issues(STEP_SCHEMAS.group, { group: {} })).toEqual([]);
    expect(issues(STEP_SCHEMAS.group, { group: { A: ['najaf'], B: ['basra'], C: ['kirkuk'] } })).toEqual([]);
    expect(issues(STEP_SCHEMAS.group, { group: { D: ['najaf'] } })).toEqual(['group: Unrecognized key: "D"']);
    expect(issues(STEP_SCHEMAS.seats, { seats: { council: 'najaf', unit: 'nabni', seats: 0 } })).toEqual([]);
    expect(issues(STEP_SCHEMAS.seats, { seats: { council: 'najaf', unit: 'nabni', seats: 10001 } })).toEqual(['seats.seats: Too big: expected number to be <=10000']);
  });

  it('any step may cite a source (not empty) and carry a note (even empty)', async () => {
    const { STEP_SCHEMAS } = await schemas();
    const step = { dissolve: { bloc: 'cf' } };
    expect(issues(STEP_SCHEMAS.dissolve, { ...step, source: 'shafaq', note: '' })).toEqual([]);
    expect(issues(STEP_SCHEMAS.dissolve, { ...step, source: '' })).toEqual(['source: Too small: expected string to have >=1 characters']);
    expect(issues(STEP_SCHEMAS.dissolve, { ...step, cite: 'x' })).toEqual([': Unrecognized key: "cite"']);
  });
});

describe('top-level bounds', () => {
  it('names and references are not empty; units are lists or factions', async () => {
    const { ScenarioShell } = await schemas();
    expect(issues(ScenarioShell, { name: 'x', description: '', dataset: 'iraq-2023', seats: 'final', units: 'factions', extends: 'baseline' })).toEqual([]);
    const empty = (field: string) => [`${field}: Too small: expected string to have >=1 characters`];
    expect(issues(ScenarioShell, { name: '' })).toEqual(empty('name'));
    for (const field of ['dataset', 'seats', 'extends']) expect(issues(ScenarioShell, { name: 'x', [field]: '' }), field).toEqual(empty(field));
    expect(issues(ScenarioShell, { name: 'x', units: 'members' })).toEqual(['units: Invalid option: expected one of "lists"|"factions"']);
    expect(issues(ScenarioShell, {})).toEqual(['name: Invalid input: expected string, received undefined']);
  });

  it('thresholds: an integer from 1 to the council bound, or a formula of 1 to 200 characters', async () => {
    const { ScenarioRules } = await schemas();
    for (const majority of [1, 10000, 'x', 'm'.repeat(200)]) expect(issues(ScenarioRules, { majority }), String(majority)).toEqual([]);
    const refused: [unknown, string][] = [
      [0, 'Too small: expected number to be >=1'],
      [10001, 'Too big: expected number to be <=10000'],
      [2.5, 'Invalid input'],
      ['', 'Too small: expected string to have >=1 characters'],
      ['m'.repeat(201), 'Too big: expected string to have <=200 characters'],
    ];
    for (const [majority, message] of refused) expect(issues(ScenarioRules, { majority }), String(majority)).toEqual([`majority: ${message}`]);
    expect(issues(ScenarioRules, { quorum: 0 })).toEqual(['quorum: Too small: expected number to be >=1']);
    expect(issues(ScenarioRules, { runoff: 'top-two', governorVacatesSeat: false })).toEqual([]);
    expect(issues(ScenarioRules, { runoff: 'top-three' })).toEqual(['runoff: Invalid option: expected one of "none"|"top-two"']);
  });

  it('a source has an id, and a url that is not empty', async () => {
    const { SourceEntry } = await schemas();
    expect(issues(SourceEntry, { id: 'shafaq', url: 'https://example.org', title: '', date: '', note: '' })).toEqual([]);
    expect(issues(SourceEntry, { id: 'shafaq', url: '' })).toEqual(['url: Too small: expected string to have >=1 characters']);
    expect(issues(SourceEntry, { url: 'https://example.org' })).toEqual(['id: Invalid input: expected string, received undefined']);
  });

  it('a sitting has a council and a date, to the day or the month', async () => {
    const { ScenarioShell } = await schemas();
    const sitting = (fields: object) => issues(ScenarioShell, { name: 'x', sittings: [{ council: 'diyala', ...fields }] });
    expect(sitting({ date: '2024-08-11', title: 'Governor vote', steps: [] })).toEqual([]);
    expect(sitting({ date: '2024-02' })).toEqual([]);
    for (const date of ['2024', '2024-8-11', '2024-08-11T10:00', 'August 2024', 'x2024-08-11', 'on 2024-08']) expect(sitting({ date }), date).toEqual(['sittings.0.date: expected a date YYYY-MM-DD (or YYYY-MM)']);
    expect(sitting({ date: '2024-02', title: '' })).toEqual(['sittings.0.title: Too small: expected string to have >=1 characters']);
    expect(sitting({ date: '2024-02', source: '' })).toEqual(['sittings.0.source: Too small: expected string to have >=1 characters']);
  });
});

describe('expectation rules', () => {
  it('names a council or `national`, never both, never neither', async () => {
    const { Expectation } = await schemas();
    expect(issues(Expectation, { council: 'najaf', status: 'elected' })).toEqual([]);
    expect(issues(Expectation, { status: 'elected' })).toEqual([': an expectation names either a `council` or `national`']);
    // Both: the first rule fails, and so does the second (a council is a per-council claim).
    expect(issues(Expectation, { council: 'najaf', national: { elected: 3 } })).toEqual([
      ': an expectation names either a `council` or `national`',
      ': a `national` expectation takes no per-council claims',
    ]);
  });

  it('a national expectation carries national claims and a note only', async () => {
    const { Expectation } = await schemas();
    expect(issues(Expectation, { national: { elected: 15 }, note: 'every council' })).toEqual([]);
    expect(issues(Expectation, { national: { elected: 15 }, status: 'elected' })).toEqual([': a `national` expectation takes no per-council claims']);
  });

  it('national: `seatsOf` and `seats` go together; groups count A, B and C', async () => {
    const { NationalClaims } = await schemas();
    expect(issues(NationalClaims, { seatsOf: ['cf'], seats: 102, groups: { A: 6, B: 0, C: 9 }, governorsFrom: { nabni: 4 } })).toEqual([]);
    expect(issues(NationalClaims, { seatsOf: ['cf'] })).toEqual([': `seatsOf` and `seats` go together']);
    expect(issues(NationalClaims, { seats: 102 })).toEqual([': `seatsOf` and `seats` go together']);
    expect(issues(NationalClaims, { seatsOf: [], seats: 0 })).toEqual(['seatsOf: Too small: expected array to have >=1 items']);
    expect(issues(NationalClaims, { groups: { D: 1 } })).toEqual(['groups: Unrecognized key: "D"']);
    expect(issues(NationalClaims, { governorsFrom: { 'State of Law': 2 } })).toEqual(['governorsFrom.State of Law: expected a party id: lowercase letters, digits and hyphens, at most 100']);
  });

  it('claim values: statuses, majority and quorum words, whole margins, posts that may go to nobody', async () => {
    const { Expectation } = await schemas();
    const claim = (fields: object) => issues(Expectation, { council: 'najaf', ...fields });
    expect(claim({ status: 'no-quorum', majority: 'fails', quorum: 'met', governorFrom: null, marginAtLeast: -2, marginAtMost: 0, group: 'B', posts: { governor: null }, postVotes: { governor: 8 } })).toEqual([]);
    expect(claim({ majority: 'met' })).toEqual(['majority: Invalid option: expected one of "holds"|"fails"']);
    expect(claim({ quorum: 'holds' })).toEqual(['quorum: Invalid option: expected one of "met"|"fails"']);
    expect(claim({ marginAtLeast: 0.5 })).toEqual(['marginAtLeast: Invalid input: expected int, received number']);
    expect(claim({ votes: -1 })).toEqual(['votes: Too small: expected number to be >=0']);
    expect(claim({ group: 'D' })).toEqual(['group: Invalid option: expected one of "A"|"B"|"C"']);
    expect(claim({ posts: { Governor: 'nabni' } })).toEqual(['posts.Governor: expected a post id: lowercase letters, digits and hyphens, at most 100']);
    expect(claim({ postVotes: { Governor: 8 } })).toEqual(['postVotes.Governor: expected a post id: lowercase letters, digits and hyphens, at most 100']);
  });
});
