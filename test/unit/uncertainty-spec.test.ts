import { describe, expect, it } from 'vitest';
import { formatRational } from '../../src/model/rational.js';
import { buildProbabilisticScenario } from '../../src/model/uncertainty/index.js';
import { inputs, texts } from '../helpers/uncertainty-councils.js';

describe('building the model from a probabilities block', () => {
  it('without a block, the scenario is certain: present members attend, absent ones do not', () => {
    const { scenario, issues } = buildProbabilisticScenario(inputs, {});
    expect(issues).toEqual([]);
    const wafaa = scenario.councils[0]!.units[2]!;
    expect(texts(wafaa.attendance)).toEqual(['1', '0']); // present 1 of 2
    expect(scenario.councils[0]!.units.map((unit) => unit.inCoalition)).toEqual([true, true, false]);
    expect(scenario.bloc).toBe('cf');
  });

  it('attendance layers: all < unit < council all < council unit', () => {
    const { scenario, issues } = buildProbabilisticScenario(inputs, {
      attendance: { all: 0.9, sol: 0.8 },
      councils: { maysan: { attendance: { all: 0.7, sabean: ['1/2'] } } },
    });
    expect(issues).toEqual([]);
    const [n, m] = scenario.councils;
    expect(texts(n!.units[0]!.attendance)).toEqual(['9/10', '9/10', '9/10']); // global all
    expect(texts(n!.units[1]!.attendance)).toEqual(['4/5', '4/5', '4/5']); // global unit
    expect(texts(n!.units[2]!.attendance)).toEqual(['9/10', '9/10']); // replaces the scenario's absence
    expect(texts(m!.units[1]!.attendance)).toEqual(['7/10', '7/10', '7/10']); // council all beats global unit
    expect(texts(m!.units[2]!.attendance)).toEqual(['1/2']); // council unit list
  });

  it('top-level defect/join apply where the unit is on that side; council-level ones must match', () => {
    const { scenario, issues } = buildProbabilisticScenario(inputs, { defect: { sol: 0.1 }, join: { sol: 0.3 } });
    expect(issues).toEqual([]);
    expect(formatRational(scenario.councils[0]!.units[1]!.switchProbability)).toBe('1/10'); // in the Najaf coalition
    expect(formatRational(scenario.councils[1]!.units[1]!.switchProbability)).toBe('3/10'); // outside it in Maysan
  });

  it('the bloc governs when the governor unit belongs to it; the default governor is the largest coalition unit', () => {
    const { scenario } = buildProbabilisticScenario(inputs, { councils: { maysan: { coalition: ['sabean', 'sol'] } } });
    expect(scenario.councils[0]!.governedByBloc).toBe(true); // nabni is cf
    // Maysan's override: sol 3 is larger than sabean 1, and sol is cf.
    expect(scenario.councils[1]!.units.map((unit) => unit.inCoalition)).toEqual([false, true, true]);
    expect(scenario.councils[1]!.governedByBloc).toBe(true);
    const sabean = buildProbabilisticScenario(inputs, { councils: { maysan: { coalition: ['sabean', 'sol'], governor: 'sabean' } } });
    expect(sabean.scenario.councils[1]!.governedByBloc).toBe(false);
    // A coalition entry may name a bloc: every unit of it joins.
    const bloc = buildProbabilisticScenario(inputs, { councils: { maysan: { coalition: ['cf'] } } });
    expect(bloc.scenario.councils[1]!.units.map((unit) => unit.inCoalition)).toEqual([true, true, false]);
  });

  it('shocks target units by id or by bloc, in the selected councils', () => {
    const { scenario, issues } = buildProbabilisticScenario(inputs, {
      shocks: [
        { id: 'line', p: '7/10', effect: 'support', bloc: 'cf' },
        { id: 'walkout', p: 0.25, effect: 'absent', units: ['sabean'], councils: ['maysan'] },
      ],
    });
    expect(issues).toEqual([]);
    expect(scenario.shocks[0]!.targets).toEqual([
      { council: 0, unit: 0 },
      { council: 0, unit: 1 },
      { council: 1, unit: 0 },
      { council: 1, unit: 1 },
    ]);
    expect(formatRational(scenario.shocks[0]!.probability)).toBe('7/10');
    expect(scenario.shocks[1]!.targets).toEqual([{ council: 1, unit: 2 }]);
  });

  it('reports every problem with its path', () => {
    const { issues } = buildProbabilisticScenario(inputs, {
      attendance: { ghost: 0.5, all: 2 },
      councils: { najaf: { defect: { wafaa: 0.1 }, attendance: { wafaa: [0.5] } }, basra: {} },
      shocks: [
        { id: 'a', p: 0.5, effect: 'oppose', units: ['sabean'], councils: ['najaf'] },
        { id: 'a', p: 0.5, effect: 'oppose' },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'probabilities.attendance.ghost',
      'probabilities.councils.basra',
      'probabilities.attendance.all',
      'probabilities.councils.najaf.defect.wafaa',
      'probabilities.councils.najaf.attendance.wafaa',
      'probabilities.shocks[0].units[0]',
      'probabilities.shocks[1]',
      'probabilities.shocks[1].id',
    ]);
  });
});
