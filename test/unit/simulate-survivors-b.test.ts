/**
 * `govsim simulate` around the scenario: which alignment a council is simulated around when several deals
 * compete, the rivals it meets, a governor from outside the coalition, edits in several councils, and
 * where an error in an inherited `probabilities:` block is reported. Najaf as in simulate-survivors-a
 * (15 members, majority 8; cf = nabni 3 + state-of-law 3 + nsf 2 + absher 1).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GovsimDataError } from '../../src/model/errors.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { formatRational } from '../../src/model/rational.js';
import { loadScenario, scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';
import { NO_BLOCK_WARNING, simulationModel, simulationReport } from '../../src/scenarios/simulate.js';

const scratch = mkdtempSync(join(tmpdir(), 'govsim-simulate-b-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const certain = { attendance: { all: 1 } };
const small = { deal: { id: 'small', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor: 'wafaa' } };
const big = { deal: { id: 'big', parties: ['nabni', 'state-of-law', 'nsf'], councils: ['najaf'], governor: 'state-of-law' } };

/** The simulated council: its coalition, whether the bloc governs through it, and its rivals. */
function najaf(steps: object[], probabilities: object = certain, councilId = 'najaf') {
  const simulation = simulationModel(scenarioFromDocument({ name: 'x', steps, probabilities }), { councils: [councilId] });
  const council = simulation.model.councils[0]!;
  return {
    coalition: council.units.filter((unit) => unit.inCoalition).map((unit) => unit.id),
    governedByBloc: council.governedByBloc,
    rivals: (council.rivals ?? []).map((rival) => [rival.id, rival.units.map((u) => council.units[u]!.id).join('+'), rival.governedByBloc]),
  };
}

describe('the simulated alignment', () => {
  it('of two deals, the one with more votes, whichever was declared first; the other is a rival', () => {
    // big: nabni 3 + state-of-law 3 + nsf 2 = 8; small: wafaa 2 + idraak 1 = 3.
    const expected = { coalition: ['nabni', 'state-of-law', 'nsf'], governedByBloc: true, rivals: [['deal:small', 'wafaa+idraak', false]] };
    expect(najaf([small, big])).toEqual(expected);
    expect(najaf([big, small])).toEqual(expected);
  });

  it('of two deals with as many votes, the one declared first', () => {
    // wafaa 2 + idraak 1 = 3 and nsf 2 + absher 1 = 3.
    const outsiders = { deal: { id: 'outsiders', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor: 'wafaa' } };
    const insiders = { deal: { id: 'insiders', parties: ['nsf', 'absher'], councils: ['najaf'], governor: 'nsf' } };
    expect(najaf([outsiders, insiders])).toMatchObject({ coalition: ['wafaa', 'idraak'], rivals: [['deal:insiders', 'nsf+absher', true]] });
    expect(najaf([insiders, outsiders])).toMatchObject({ coalition: ['nsf', 'absher'], rivals: [['deal:outsiders', 'wafaa+idraak', false]] });
  });

  it('the governor\'s own unit decides whether the bloc governs, even with a single seat', () => {
    // idraak (1 seat, a local list) provides the governor of a deal with nabni (3, cf): not the cf.
    const deal = { deal: { id: 'd', parties: ['nabni', 'idraak'], councils: ['najaf'], governor: 'idraak' } };
    expect(najaf([deal])).toMatchObject({ coalition: ['nabni', 'idraak'], governedByBloc: false });
    expect(najaf([{ deal: { ...deal.deal, governor: 'nabni' } }])).toMatchObject({ coalition: ['nabni', 'idraak'], governedByBloc: true });
  });

  it('a governor from outside the council: the deal governs without the CF, which is its rival', () => {
    const outside = { deal: { id: 'd', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor: 'tasmim' } };
    expect(najaf([{ bloc: { id: 'cf', councils: ['najaf'] } }, outside])).toEqual({
      coalition: ['wafaa', 'idraak'],
      governedByBloc: false,
      rivals: [['bloc:cf', 'nabni+state-of-law+nsf+absher', true]],
    });
    // CF lists whose deal names a governor from outside the CF: the CF does not govern through it.
    const cfWithOutsider = { deal: { id: 'd', parties: ['nabni', 'state-of-law', 'nsf'], councils: ['najaf'], governor: 'tasmim' } };
    expect(najaf([cfWithOutsider]).governedByBloc).toBe(false);
  });
});

describe('the governor\'s unit', () => {
  // A scenario bloc is a unit's bloc in the councils it names only: it reaches the simulation through the
  // governor's own unit, never through the party's dataset blocs.
  const front = { bloc: { id: 'front', members: ['wafaa', 'idraak'], councils: ['najaf'] } };
  const deal = (governor: string) => ({ deal: { id: 'd', parties: ['wafaa', 'idraak', 'nabni', 'state-of-law'], councils: ['najaf'], governor } });
  const counting = (bloc: string) => ({ ...certain, bloc });

  it('is found in the coalition, even with a single seat, and brings its scenario blocs', () => {
    // idraak holds one seat, wafaa two: each is in the front here.
    expect(najaf([front, deal('idraak')], counting('front'))).toEqual({ coalition: ['nabni', 'state-of-law', 'wafaa', 'idraak'], governedByBloc: true, rivals: [] });
    expect(najaf([front, deal('wafaa')], counting('front')).governedByBloc).toBe(true);
    expect(najaf([front, deal('nabni')], counting('front')).governedByBloc).toBe(false);
  });

  it('is the largest unit the governor names, the first of equals', () => {
    // `cf` names nabni 3, state-of-law 3 and nsf 2 here: nabni, declared first, not state-of-law.
    const cfGovernor = { deal: { id: 'd', parties: ['nabni', 'state-of-law', 'nsf'], councils: ['najaf'], governor: 'cf' } };
    const onlyStateOfLaw = { bloc: { id: 'sol', members: ['state-of-law'], councils: ['najaf'] } };
    const onlyNabni = { bloc: { id: 'nb', members: ['nabni'], councils: ['najaf'] } };
    expect(najaf([onlyStateOfLaw, cfGovernor], counting('sol')).governedByBloc).toBe(false);
    expect(najaf([onlyNabni, cfGovernor], counting('nb')).governedByBloc).toBe(true);
    // nsf (2) is the largest CF unit of a deal without nabni and state-of-law.
    const nsfBloc = { bloc: { id: 'n', members: ['nsf'], councils: ['najaf'] } };
    const small = { deal: { id: 'd', parties: ['nsf', 'absher', 'wafaa', 'idraak'], councils: ['najaf'], governor: 'cf' } };
    expect(najaf([nsfBloc, small], counting('n')).governedByBloc).toBe(true);
    // With nabni cut to one seat, state-of-law (3) is the largest, though nabni comes first.
    const cutNabni = { seats: { council: 'najaf', unit: 'nabni', seats: 1 } };
    expect(najaf([cutNabni, onlyStateOfLaw, cfGovernor], counting('sol')).governedByBloc).toBe(true);
    expect(najaf([cutNabni, onlyNabni, cfGovernor], counting('nb')).governedByBloc).toBe(false);
  });

  it('from outside the council: the blocs of the faction or list it is anywhere, else of the dataset blocs naming it', () => {
    const outside = (governor: string) => ({ deal: { id: 'd', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor } });
    // badr is a unit only where nabni is split (Babil here): a CF faction there, so the CF governs.
    expect(najaf([{ split: { council: 'babil', list: 'nabni' } }, outside('badr')]).governedByBloc).toBe(true);
    expect(najaf([{ split: { council: 'babil', list: 'nabni' } }, outside('badr')], counting('sunni')).governedByBloc).toBe(false);
    // Diyalna sits only in Diyala; with no seat left there, the dataset's cf bloc still names it.
    expect(najaf([{ seats: { council: 'diyala', unit: 'diyalna', seats: 0 } }, outside('diyalna')]).governedByBloc).toBe(true);
  });

  it('from outside the council: a bloc the dataset limits to councils where the party holds no seat still names it', () => {
    // The tiny test dataset with a bloc naming badger in Southmere only, where badger holds no seat.
    const dir = join(scratch, 'tiny-limited-bloc');
    cpSync(join(REPO_ROOT, 'test/fixtures/datasets/tiny'), dir, { recursive: true });
    const file = join(dir, 'dataset.yaml');
    const limited = '  - { id: southern-badgers, name: Southern badgers, members: [badger], councils: [southmere], source: made-up, confidence: documented }\n';
    writeFileSync(file, readFileSync(file, 'utf8').replace('actors:\n', `${limited}actors:\n`));
    const governed = (bloc: string) => {
      const steps = [{ deal: { id: 'd', parties: ['otter', 'newt'], councils: ['southmere'], governor: 'badger' } }];
      const loaded = scenarioFromDocument({ name: 'x', dataset: dir, steps, probabilities: { ...certain, bloc } });
      return simulationModel(loaded, { councils: ['southmere'] }).model.councils[0]!.governedByBloc;
    };
    expect(governed('southern-badgers')).toBe(true);
    expect(governed('river')).toBe(false);
  });
});

describe('rivals', () => {
  const cf = { bloc: { id: 'cf', councils: ['najaf'] } };

  it('a void deal, defectors voting against every line and the simulated deal itself are no rivals; a rump is', () => {
    const vetoed = [cf, { deal: { id: 'v', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor: 'wafaa' } }, { veto: { actor: 'sadrists', councils: ['najaf'], against: ['wafaa'] } }];
    expect(najaf(vetoed)).toEqual({ coalition: ['nabni', 'state-of-law', 'nsf', 'absher'], governedByBloc: true, rivals: [] });
    const rump = [cf, { deal: { id: 'd', parties: ['nabni', 'wafaa', 'idraak'], councils: ['najaf'], governor: 'nabni' } }, { defect: { council: 'najaf', from: 'madar', seats: 1 } }];
    expect(najaf(rump)).toEqual({ coalition: ['nabni', 'wafaa', 'idraak'], governedByBloc: true, rivals: [['rump:cf', 'state-of-law+nsf+absher', true]] });
  });

  it('another bloc is a rival; so is a list big enough alone, even with members away', () => {
    expect(najaf([{ bloc: { id: 'opp', members: ['wafaa', 'idraak', 'wathiqoon'], councils: ['najaf'] } }, cf]).rivals).toEqual([['bloc:opp', 'wafaa+idraak+wathiqoon', false]]);
    // Basra (23 members, majority 12): tasmim holds 12. One member away, it falls short now, yet attendance may bring it back.
    const basra = { deal: { id: 'd', parties: ['nabni', 'state-of-law', 'nsf', 'asas'], councils: ['basra'], governor: 'nabni' } };
    const expected = { coalition: ['nabni', 'state-of-law', 'nsf', 'asas'], governedByBloc: true, rivals: [['list:tasmim', 'tasmim', false]] };
    expect(najaf([basra], certain, 'basra')).toEqual(expected);
    expect(najaf([basra, { absent: { council: 'basra', units: ['tasmim'], seats: 1 } }], certain, 'basra')).toEqual(expected);
    // Counting the incumbents' bloc instead, that lone list governs for it.
    const incumbents = simulationModel(scenarioFromDocument({ name: 'x', steps: [basra], probabilities: { ...certain, bloc: 'incumbents' } }), { councils: ['basra'] }).model.councils[0]!;
    expect(incumbents.governedByBloc).toBe(false);
    expect(incumbents.rivals?.map((rival) => [rival.id, rival.governedByBloc])).toEqual([['list:tasmim', true]]);
  });
});

describe('a block given in code', () => {
  it('is checked like a file\'s, its paths under `probabilities`', () => {
    const loaded = scenarioFromDocument({ name: 'x', steps: [small] });
    const issues = (probabilities: unknown) => {
      try {
        simulationModel({ ...loaded, probabilities });
      } catch (error) {
        return (error as GovsimDataError).issues.map((issue) => `${issue.path}: ${issue.message}`);
      }
      throw new Error('accepted');
    };
    expect(issues(5)).toEqual(['probabilities: Invalid input: expected object, received number']);
    expect(issues({ defect: 5 })).toEqual(['probabilities.defect: Invalid input: expected record, received number']);
    expect(issues({ shocks: [{ id: 's', p: 2, effect: 'absent', units: ['nabni'] }] })).toEqual(['probabilities.shocks[0].p: expected a probability between 0 and 1, got 2']);
  });
});

describe('edits in several councils', () => {
  it('each council is fixed against its own state', () => {
    const block = { attendance: { all: '1/2' } };
    const before = scenarioFromDocument({ name: 'x', steps: [small], probabilities: block });
    const after = scenarioFromDocument({ name: 'x', steps: [small, { absent: { council: 'maysan', units: ['nabni'], seats: 2 } }], probabilities: block });
    const model = simulationModel(after, { councils: ['najaf', 'maysan'], editsSince: before.state }).model;
    const attendance = (council: string, unit: string) => model.councils.find((entry) => entry.id === council)!.units.find((entry) => entry.id === unit)!.attendance.map(formatRational);
    // Maysan: nabni 6, its last two seats sent away. Najaf: nothing edited.
    expect(attendance('maysan', 'nabni')).toEqual(['1/2', '1/2', '1/2', '1/2', '0', '0']);
    expect(attendance('najaf', 'nabni')).toEqual(['1/2', '1/2', '1/2']);
    // A starting state without the council (a caller's own): the block's attendance stands as written.
    const without = { ...before.state, councils: { najaf: before.state.councils.najaf! } };
    const kept = simulationModel(after, { councils: ['najaf', 'maysan'], editsSince: without }).model;
    expect(kept.councils.find((entry) => entry.id === 'maysan')!.units.find((entry) => entry.id === 'nabni')!.attendance.map(formatRational)).toEqual(['1/2', '1/2', '1/2', '1/2', '1/2', '1/2']);
  });
});

describe('a scenario with no block', () => {
  it('warns when the block is absent or null (a scenario built in code)', () => {
    const loaded = scenarioFromDocument({ name: 'x', steps: [small] });
    for (const probabilities of [undefined, null]) {
      const simulation = simulationModel({ ...loaded, probabilities }, { councils: 'all' });
      expect(simulationReport(simulation, null, null).warnings, String(probabilities)).toEqual([NO_BLOCK_WARNING]);
    }
  });
});

describe('where a block error is reported', () => {
  const write = (name: string, text: string) => writeFileSync(join(scratch, name), text);
  write('parent.yaml', 'name: parent\nsteps:\n  - bloc: { id: cf, councils: [najaf] }\nprobabilities:\n  shocks:\n    - { id: s, p: 0.5, effect: absent, units: [nobody] }\n');
  write('child.yaml', 'name: child\nextends: parent.yaml\n');

  function refusal(file: string): string {
    try {
      simulationModel(loadScenario(file, { cwd: scratch }));
    } catch (error) {
      expect(error).toBeInstanceOf(GovsimDataError);
      return (error as Error).message;
    }
    throw new Error('simulated without error');
  }

  it('in the file that holds the block, with its line, read from the scenario\'s own directory', () => {
    const message = 'parent.yaml: probabilities.shocks[0].units[0]: "nobody" sits in none of the shock\'s councils (line 6, column 48)';
    expect(refusal('parent.yaml')).toBe(message);
    // The child has no block of its own: the error names the parent's file, not the child's.
    expect(refusal('child.yaml')).toBe(message);
  });
});
