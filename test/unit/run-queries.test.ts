/**
 * The scenarios layer's run queries, which the explorer's country and council views share: a coalition
 * checked against the run's threshold (one definition for both views), by hand on Wasit (16 members,
 * absolute majority 9; Ajmal holds 8 seats, NSF 2).
 */
import { describe, expect, it } from 'vitest';
import { councilGame } from '../../src/model/power/council-game.js';
import { runScenario } from '../../src/scenarios/runner.js';
import { coalitionAnalysis, coalitionCheck, governingUnits, votingGame } from '../../src/scenarios/run-queries.js';
import { scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';
import { scenarioCouncil } from '../../src/api.js';

function wasit(steps: unknown[]) {
  const scenario = scenarioFromDocument({ name: 'wasit check', steps });
  const result = runScenario(scenario).councils.find((council) => council.id === 'wasit')!;
  return { scenario, result };
}

const BLOC = { bloc: { id: 'x', members: ['wasit-ajmal', 'nsf'], councils: ['wasit'] } };

describe('run queries', () => {
  it('a governing bloc is checked as the run decided it: 8 + 2 = 10 of 9 needed', () => {
    const { scenario, result } = wasit([BLOC]);
    expect(result.outcome.via).toBe('x');
    expect(governingUnits(scenario.state, result)).toEqual(['wasit-ajmal', 'nsf']);
    expect(coalitionCheck(scenario.state, result, ['wasit-ajmal', 'nsf'], true)).toEqual({ votes: 10, needed: 9, margin: 1, majority: true });
  });

  it('any other coalition: its present votes, defectors apart, against the same threshold and quorum', () => {
    // Three Ajmal members stay away and one votes against: 8 − 3 − 1 + 2 = 6 of 9.
    const { scenario, result } = wasit([
      { absent: { council: 'wasit', units: ['wasit-ajmal'], seats: 3 } },
      { defect: { council: 'wasit', from: 'wasit-ajmal', seats: 1 } },
    ]);
    expect(result.majority).toBe(9);
    expect(coalitionCheck(scenario.state, result, ['wasit-ajmal', 'nsf'], false)).toEqual({ votes: 6, needed: 9, margin: -3, majority: false });
  });

  it('the analysis with a coalition declared names its pivotal members, and the game is the library\'s', () => {
    const { scenario } = wasit([]);
    // 10 of 9: Ajmal's departure breaks it (2 left), NSF's too (8 left).
    expect([...coalitionAnalysis(scenario.state, 'wasit', ['wasit-ajmal', 'nsf']).pivotal].sort()).toEqual(['nsf', 'wasit-ajmal']);
    expect(votingGame(scenario.state, 'wasit')).toEqual(councilGame(scenarioCouncil(scenario, 'wasit')));
    expect(votingGame(scenario.state, 'wasit').quota).toBe(9);
  });
});
