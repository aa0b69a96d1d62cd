import { describe, expect, it } from 'vitest';
import type { Council } from '../../src/model/council.js';
import { formatRational } from '../../src/model/rational.js';
import { type CouncilInput, buildProbabilisticScenario } from '../../src/model/uncertainty/index.js';
import { maysan, najaf } from '../helpers/uncertainty-councils.js';

// A smaller cf unit before a larger blocless one, and a tie of a blocless and a cf unit.
const kirkuk: Council = {
  id: 'kirkuk',
  name: 'Kirkuk',
  units: [
    { id: 'arab', name: 'Arab Alliance', kind: 'list', seats: 2, blocs: ['cf'] },
    { id: 'kdp', name: 'KDP', kind: 'list', seats: 4 },
    { id: 'turkmen', name: 'Turkmen Front', kind: 'list', seats: 4, blocs: ['cf'] },
  ],
};

const najafInput = (extra: Partial<CouncilInput> = {}): CouncilInput => ({ council: najaf, threshold: 5, quorum: 5, coalition: ['nabni', 'sol'], ...extra });
const maysanInput: CouncilInput = { council: maysan, threshold: 6, quorum: 6, coalition: ['nabni'] };
const outsider = { party: 'kdp', blocs: ['kurdish'] };

describe('building the model: who governs', () => {
  it('an outside governor decides only when neither the input nor the block names a governor unit', () => {
    // No governor unit: the outside KDP governor is not cf.
    expect(buildProbabilisticScenario([najafInput({ outsideGovernor: outsider })], {}).scenario.councils[0]!.governedByBloc).toBe(false);
    // A governor unit in the input beats it: nabni is cf.
    expect(buildProbabilisticScenario([najafInput({ governor: 'nabni', outsideGovernor: outsider })], {}).scenario.councils[0]!.governedByBloc).toBe(true);
    // A block coalition replaces the scenario's alignment, outside governor included: its only unit, nabni, is cf.
    const redefined = buildProbabilisticScenario([najafInput({ outsideGovernor: outsider })], { councils: { najaf: { coalition: ['nabni'] } } });
    expect(redefined.issues).toEqual([]);
    expect(redefined.scenario.councils[0]!.governedByBloc).toBe(true);
    // A block governor replaces it too, even an unknown one: reported, then the coalition's largest unit (nabni, first of 3 and 3) governs.
    const unknown = buildProbabilisticScenario([najafInput({ outsideGovernor: outsider })], { councils: { najaf: { governor: 'ghost' } } });
    expect(unknown.issues).toEqual([{ path: 'probabilities.councils.najaf.governor', message: 'unknown unit "ghost" in najaf (units: nabni, sol, wafaa)' }]);
    expect(unknown.scenario.councils[0]!.governedByBloc).toBe(true);
  });

  it('an outside governor counts for the bloc by its party id or by one of its blocs', () => {
    const governs = (party: string, blocs: string[], bloc?: string): boolean =>
      buildProbabilisticScenario([najafInput({ outsideGovernor: { party, blocs } })], { bloc }).scenario.councils[0]!.governedByBloc;
    expect(governs('kdp', [], 'kdp')).toBe(true); // the party is the bloc
    expect(governs('hikma', ['cf'])).toBe(true); // the party belongs to cf
    expect(governs('kdp', ['kurdish'])).toBe(false); // neither, though the coalition's units are cf
  });

  it('the default governor is the largest coalition unit, the first one on a tie', () => {
    const governs = (coalition: string[], bloc?: string): boolean =>
      buildProbabilisticScenario([{ council: kirkuk, threshold: 6, quorum: 6, coalition }], { bloc }).scenario.councils[0]!.governedByBloc;
    expect(governs(['arab', 'kdp'])).toBe(false); // kdp 4 > arab 2, and kdp is in no bloc
    expect(governs(['kdp', 'turkmen'])).toBe(false); // 4 = 4: kdp comes first
    expect(governs(['arab', 'turkmen'])).toBe(true); // turkmen 4 > arab 2, cf
    // A governor unit whose id is the bloc governs for it, though it lists no blocs.
    expect(governs(['arab', 'kdp'], 'kdp')).toBe(true);
  });

  it('a unit with no blocs belongs to no bloc, whatever the bloc is called', () => {
    // kirkuk's units list no blocs of this name: the governor unit does not govern for it.
    const filler = 'reform';
    const result = buildProbabilisticScenario([{ council: kirkuk, threshold: 6, quorum: 6, coalition: ['kdp'] }], { bloc: filler });
    expect(result.scenario.councils[0]!.governedByBloc).toBe(false);
  });
});

describe('building the model: rival alignments', () => {
  it('keep their units outside the coalition in this council, and are dropped when none is left', () => {
    const { scenario } = buildProbabilisticScenario(
      [
        najafInput({
          coalition: ['sol'],
          rivals: [
            { id: 'nabni', units: ['nabni', 'ghost', 'sol'], governor: 'nabni', governorBlocs: ['cf'] },
            { id: 'wafaa', units: ['wafaa'], governor: 'wafaa', governorBlocs: [] },
            { id: 'inside', units: ['sol'], governor: 'sol', governorBlocs: ['cf'] },
          ],
        }),
      ],
      {},
    );
    // nabni keeps index 0 (ghost sits nowhere, sol backs the candidate); wafaa is index 2; inside has nothing left.
    expect(scenario.councils[0]!.rivals).toEqual([
      { id: 'nabni', units: [0], governedByBloc: true },
      { id: 'wafaa', units: [2], governedByBloc: false },
    ]);
  });

  it('count for the bloc by their governor party id or its blocs', () => {
    const { scenario } = buildProbabilisticScenario(
      [najafInput({ coalition: ['sol'], rivals: [{ id: 'wafaa', units: ['wafaa'], governor: 'wafaa', governorBlocs: [] }] })],
      { bloc: 'wafaa' },
    );
    expect(scenario.councils[0]!.rivals).toEqual([{ id: 'wafaa', units: [2], governedByBloc: true }]);
  });

  it('are left out when there are none, and when the block redefines the coalition', () => {
    const rivals = [{ id: 'wafaa', units: ['wafaa'], governor: 'wafaa', governorBlocs: [] }];
    const none = buildProbabilisticScenario([najafInput({ rivals: [] })], {});
    expect(none.scenario.councils[0]).not.toHaveProperty('rivals');
    const redefined = buildProbabilisticScenario([najafInput({ rivals })], { councils: { najaf: { coalition: ['nabni'] } } });
    expect(redefined.issues).toEqual([]);
    expect(redefined.scenario.councils[0]).not.toHaveProperty('rivals');
  });
});

describe('building the model: shocks', () => {
  it('councils "all" and a list of councils select where the targets are', () => {
    const { scenario, issues } = buildProbabilisticScenario([najafInput(), maysanInput], {
      shocks: [
        { id: 'line', p: 0.5, effect: 'support', bloc: 'cf', councils: 'all' },
        { id: 'nabni-najaf', p: 0.5, effect: 'oppose', units: ['nabni'], councils: ['najaf'] },
      ],
    });
    expect(issues).toEqual([]);
    // nabni and sol are the first two units of both councils.
    expect(scenario.shocks[0]!.targets).toEqual([
      { council: 0, unit: 0 },
      { council: 0, unit: 1 },
      { council: 1, unit: 0 },
      { council: 1, unit: 1 },
    ]);
    expect(scenario.shocks[1]!.targets).toEqual([{ council: 0, unit: 0 }]); // not Maysan's nabni
  });

  it('a bloc shock targets only the bloc members, whatever the names', () => {
    // A unit whose id is the bloc's name is not a member of it: only units listing the bloc are targets.
    const filler = 'reform';
    const council: Council = {
      id: 'x',
      name: 'X',
      units: [
        { id: 'member', name: 'Member', kind: 'list', seats: 2, blocs: [filler] },
        { id: filler, name: 'Filler', kind: 'list', seats: 2, blocs: ['other'] },
        { id: 'loose', name: 'Loose', kind: 'list', seats: 1 },
      ],
    };
    const { scenario, issues } = buildProbabilisticScenario([{ council, threshold: 3, quorum: 3, coalition: ['member'] }], {
      shocks: [
        { id: 'bloc', p: 0.5, effect: 'absent', bloc: filler },
        { id: 'other', p: 0.5, effect: 'absent', bloc: 'other' },
      ],
    });
    expect(issues).toEqual([]);
    expect(scenario.shocks[0]!.targets).toEqual([{ council: 0, unit: 0 }]);
    expect(scenario.shocks[1]!.targets).toEqual([{ council: 0, unit: 1 }]);
  });

  it('reports each problem of a shock with its path and message', () => {
    const { scenario, issues } = buildProbabilisticScenario([najafInput(), maysanInput], {
      shocks: [
        { id: 'a', p: 2, effect: 'oppose', units: ['sabean'], councils: ['maysan', 'basra'] },
        { id: 'b', p: 0.5, effect: 'oppose' },
        { id: 'c', p: 0.5, effect: 'oppose', bloc: 'kurdish' },
        { id: 'a', p: 0.5, effect: 'oppose', units: ['sabean'], councils: ['basra'] },
      ],
    });
    expect(issues).toEqual([
      { path: 'probabilities.shocks[0].p', message: 'expected a probability between 0 and 1, got 2' },
      { path: 'probabilities.shocks[0].councils[1]', message: 'unknown council "basra"' },
      { path: 'probabilities.shocks[1]', message: 'a shock needs `units` or `bloc`' },
      { path: 'probabilities.shocks[2].bloc', message: 'no unit in the scenario\'s councils belongs to bloc "kurdish"' },
      { path: 'probabilities.shocks[3].councils[0]', message: 'unknown council "basra"' },
      { path: 'probabilities.shocks[3].units[0]', message: '"sabean" sits in none of the shock\'s councils' },
      { path: 'probabilities.shocks[3].id', message: 'duplicate shock id "a"' },
    ]);
    expect(scenario.shocks[0]!.targets).toEqual([{ council: 1, unit: 2 }]); // sabean, in Maysan
  });
});

describe('building the model: probability values and unknown units', () => {
  it('an attendance list with a bad entry is reported at that entry and not applied', () => {
    const { scenario, issues } = buildProbabilisticScenario([najafInput()], { attendance: { sol: [0.5, 2, '1/2'] } });
    expect(issues).toEqual([{ path: 'probabilities.attendance.sol[1]', message: 'expected a probability between 0 and 1, got 2' }]);
    // sol keeps the scenario's layer: all 3 members present attend for sure.
    expect(scenario.councils[0]!.units[1]!.attendance.map(formatRational)).toEqual(['1', '1', '1']);
  });

  it('a bad defect or join probability is reported at its unit', () => {
    const { issues } = buildProbabilisticScenario([najafInput()], { defect: { sol: '1/0' }, join: { wafaa: 'most' } });
    expect(issues).toEqual([
      { path: 'probabilities.defect.sol', message: '"1/0" has a zero denominator' },
      { path: 'probabilities.join.wafaa', message: 'expected a probability (0.7 or 7/10), got "most"' },
    ]);
  });

  it('an unknown unit is reported with where it was looked for and the known units, sorted', () => {
    const { issues } = buildProbabilisticScenario([najafInput(), maysanInput], {
      attendance: { ghost: 0.5 },
      councils: { maysan: { attendance: { wafaa: 0.5 } } },
    });
    expect(issues).toEqual([
      // Najaf's units then Maysan's new one: nabni, sol, wafaa, sabean; sorted puts sabean second.
      { path: 'probabilities.attendance.ghost', message: 'unknown unit "ghost" in any simulated council (units: nabni, sabean, sol, wafaa)' },
      // Maysan lists nabni, sol, sabean.
      { path: 'probabilities.councils.maysan.attendance.wafaa', message: 'unknown unit "wafaa" in maysan (units: nabni, sabean, sol)' },
    ]);
  });
});
