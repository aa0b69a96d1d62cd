/**
 * `govsim simulate`'s model and report on one council worked by hand: which councils are simulated,
 * the explorer's edits fixed over the block's attendance, the worker count's bounds, and every field of
 * a council's report when nothing is uncertain. Najaf (data/iraq-2023/councils/najaf.yaml): nabni 3,
 * state-of-law 3, wafaa 2, nsf 2, absher 1, idraak 1, wathiqoon 1, qiyam 1, madar 1 = 15, majority and
 * quorum 8; the bloc cf (nabni, state-of-law, nsf, absher) holds 9.
 */
import { describe, expect, it } from 'vitest';
import { GovsimUsageError } from '../../src/model/errors.js';
import { formatRational } from '../../src/model/rational.js';
import { scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';
import { checkedWorkers, exactSimulation, monteCarloSimulation, NO_BLOCK_WARNING, simulationModel, simulationReport } from '../../src/scenarios/simulate.js';

const CF = { bloc: { id: 'cf', councils: ['najaf'] } };

function najaf(steps: object[] = [], probabilities: object | null = { attendance: { all: '1/2' } }) {
  return scenarioFromDocument({ name: 'najaf', steps: [CF, ...steps], ...(probabilities ? { probabilities } : {}) });
}

/** Each unit's attendance probabilities in the simulated Najaf, as fractions. */
function attendance(simulation: ReturnType<typeof simulationModel>, unit: string): string[] {
  const council = simulation.model.councils.find((entry) => entry.id === 'najaf')!;
  return council.units.find((entry) => entry.id === unit)!.attendance.map(formatRational);
}

describe('simulated councils', () => {
  it('by default: those the steps change or the block names; every council when that is none', () => {
    expect(simulationModel(najaf()).councils.map((council) => council.id)).toEqual(['najaf']);
    const named = scenarioFromDocument({ name: 'x', steps: [CF], probabilities: { councils: { basra: {} }, shocks: [{ id: 's', p: '1/2', effect: 'absent', units: ['ibdaa-karbala'], councils: ['karbala'] }] } });
    expect(simulationModel(named).councils.map((council) => council.id)).toEqual(['basra', 'najaf', 'karbala']);
    expect(simulationModel(scenarioFromDocument({ name: 'nothing' })).councils).toHaveLength(15);
  });

  it('`all` and an explicit list; an unknown council is a usage error naming the known ones', () => {
    expect(simulationModel(najaf(), { councils: 'all' }).councils).toHaveLength(15);
    expect(simulationModel(najaf(), { councils: ['maysan', 'najaf'] }).councils.map((council) => council.id)).toEqual(['najaf', 'maysan']);
    expect(() => simulationModel(najaf(), { councils: ['najaf', 'sumer', 'akkad'] })).toThrow(GovsimUsageError);
    expect(() => simulationModel(najaf(), { councils: ['sumer'] })).toThrow(/^unknown council "sumer" \(known: baghdad, basra, nineveh, .*, maysan\)$/);
    expect(() => simulationModel(najaf(), { councils: ['sumer', 'akkad'] })).toThrow(/^unknown council "sumer", "akkad" \(known: /);
  });
});

describe('edits on top of the scenario (the explorer)', () => {
  it('a member sent away by an edit stays away; the others keep the block\'s probability', () => {
    const before = najaf();
    const after = najaf([{ absent: { council: 'najaf', units: ['nabni'], seats: 1 } }]);
    // Without the edits' baseline the block decides everyone's attendance.
    expect(attendance(simulationModel(after, { councils: ['najaf'] }), 'nabni')).toEqual(['1/2', '1/2', '1/2']);
    // The last seat is the absent one.
    expect(attendance(simulationModel(after, { councils: ['najaf'], editsSince: before.state }), 'nabni')).toEqual(['1/2', '1/2', '0']);
    expect(attendance(simulationModel(after, { councils: ['najaf'], editsSince: before.state }), 'state-of-law')).toEqual(['1/2', '1/2', '1/2']);
  });

  it('a member brought back by an edit always comes; one still away keeps the block\'s probability', () => {
    const away = { absent: { council: 'najaf', units: ['nabni'], seats: 2 } };
    const before = najaf([away]);
    const after = najaf([away, { attend: { council: 'najaf', units: ['nabni'], seats: 1 } }]);
    // Seats 2 and 3 were away; seat 2 came back.
    expect(attendance(simulationModel(after, { councils: ['najaf'], editsSince: before.state }), 'nabni')).toEqual(['1/2', '1', '1/2']);
  });

  it('one more member sent away: only that one is fixed, the one away before keeps the block\'s probability', () => {
    const before = najaf([{ absent: { council: 'najaf', units: ['nabni'], seats: 1 } }]);
    const after = najaf([{ absent: { council: 'najaf', units: ['nabni'], seats: 2 } }]);
    // Seat 3 was away already; seat 2 went away with the edit.
    expect(attendance(simulationModel(after, { councils: ['najaf'], editsSince: before.state }), 'nabni')).toEqual(['1/2', '0', '1/2']);
  });

  it('no edit, nothing fixed', () => {
    const same = najaf([{ absent: { council: 'najaf', units: ['nabni'], seats: 1 } }]);
    expect(attendance(simulationModel(same, { councils: ['najaf'], editsSince: same.state }), 'nabni')).toEqual(['1/2', '1/2', '1/2']);
  });
});

describe('Monte Carlo workers', () => {
  it('from 1 to 64 threads, whole numbers only', async () => {
    const { model } = simulationModel(najaf());
    for (const workers of [0, 65, 1.5, Number.NaN]) {
      await expect(monteCarloSimulation(model, { workers, runs: 64 }), String(workers)).rejects.toThrow(new GovsimUsageError(`workers must be an integer from 1 to 64, got ${workers}`));
    }
    const result = await monteCarloSimulation(model, { workers: 1, runs: 64, seed: 1 });
    expect(result.draws).toBeGreaterThanOrEqual(64);
    // The bounds themselves (a run on 64 threads would start 63 workers).
    expect([1, 2, 64].map(checkedWorkers)).toEqual([1, 2, 64]);
    expect(() => checkedWorkers(65)).toThrow(GovsimUsageError);
  });
});

describe('the report of a certain council', () => {
  // Everyone attends, nobody defects: cf 9 ≥ 8 is elected for sure, margin 1. Pivotal: a member whose
  // loss takes cf below 8: nabni (6), state-of-law (6), nsf (7); not absher (8).
  const certain = () => simulationModel(najaf([], { attendance: { all: 1 } }), { councils: ['najaf'] });

  it('every field, exactly', () => {
    const simulation = certain();
    const report = simulationReport(simulation, exactSimulation(simulation.model), null);
    const [council] = report.councils;
    const p = (exact: string) => ({ exact, value: Number(exact) });
    expect(council).toEqual({
      council: 'najaf',
      name: 'Najaf',
      threshold: 8,
      quorum: 8,
      coalition: ['nabni', 'state-of-law', 'nsf', 'absher'],
      governedByBloc: true,
      scenarioStatus: 'elected',
      elected: p('1'),
      rivalElected: p('0'),
      rivals: [],
      deadlock: p('0'),
      open: p('0'),
      noQuorum: p('0'),
      blocGoverns: p('1'),
      expectedMargin: p('1'),
      pivotal: {
        nabni: p('1'),
        'state-of-law': p('1'),
        wafaa: p('0'),
        nsf: p('1'),
        absher: p('0'),
        idraak: p('0'),
        wathiqoon: p('0'),
        qiyam: p('0'),
        madar: p('0'),
      },
    });
    expect(report.national).toEqual({ bloc: 'cf', atLeast: [{ k: 0, ...p('1') }, { k: 1, ...p('1') }] });
    expect([report.exact, report.monteCarlo, report.interrupted, report.schemaVersion, report.scenario, report.file]).toEqual([{ shockCombinations: 1 }, null, false, 1, 'najaf', null]);
  });

  it('a council nobody claims is open, not deadlocked', () => {
    // No bloc: the largest list holds 3 of the 8 needed, and the scenario finds no coalition.
    const open = simulationModel(scenarioFromDocument({ name: 'open', probabilities: { attendance: { all: 1 } } }), { councils: ['najaf'] });
    const [council] = simulationReport(open, exactSimulation(open.model), null).councils;
    expect([council!.scenarioStatus, council!.coalition, council!.open.exact, council!.deadlock.exact, council!.elected.exact]).toEqual(['open', [], '1', '0', '0']);
  });

  it('warns about the councils left out, and about a scenario with no block', () => {
    const simulation = certain();
    const report = simulationReport(simulation, null, null);
    expect(report.notSimulated).toHaveLength(14);
    expect(report.warnings).toEqual([
      `simulated 1 of 15 councils (those the steps change or the block names); not simulated: ${report.notSimulated.join(', ')} (--council all simulates every council)`,
    ]);
    expect(report.notSimulated).not.toContain('najaf');
    const bare = simulationModel(najaf([], null), { councils: 'all' });
    expect(simulationReport(bare, null, null).warnings).toEqual([NO_BLOCK_WARNING]);
    expect(NO_BLOCK_WARNING).toBe(
      'the scenario has no probabilities: block: every member attends and votes as the steps say, so every figure is 0 or 1 (add a probabilities: block, see docs/scenario-format.md)',
    );
  });

  it('Monte Carlo figures beside the exact ones, with the run\'s settings', async () => {
    const simulation = certain();
    const mc = await monteCarloSimulation(simulation.model, { runs: 64, seed: 7 });
    const report = simulationReport(simulation, exactSimulation(simulation.model), mc, 2);
    const [council] = report.councils;
    expect(council!.elected).toEqual({ exact: '1', value: 1, monteCarlo: { estimate: 1, low: mc.councils[0]!.elected.low, high: 1, count: mc.draws } });
    expect(council!.open).toEqual({ exact: '0', value: 0, monteCarlo: { estimate: 0, low: 0, high: 0, count: 0 } });
    expect(council!.expectedMargin).toEqual({ exact: '1', value: 1, monteCarlo: { mean: 1, low: mc.councils[0]!.expectedMargin.low, high: mc.councils[0]!.expectedMargin.high } });
    expect(report.monteCarlo).toEqual({ seed: 7, draws: mc.draws, blocks: mc.blocks, blockSize: mc.blockSize, precision: null, halfWidth: mc.halfWidth, stop: mc.stop, workers: 2 });
  });
});
