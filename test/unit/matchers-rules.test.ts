/** The matchers name the majority rule the run applied, not the default one (hand-computed on Najaf, 15 members). */
import { describe, expect, it } from 'vitest';
import '../../src/testing/matchers.js';
import { runScenario, scenario } from '../../src/scenarios/index.js';
import { failure } from '../helpers/failure.js';

describe('failure text under a scenario majority rule', () => {
  it('a two-thirds rule is named as such: ceil(2·15/3) = 10, not floor(15/2) + 1 = 8', () => {
    const run = runScenario(scenario('two thirds').rules({ majority: 'ceil(2*members/3)' }).load());
    const message = failure(() => expect(run).toFormMajority('najaf', ['nabni']));
    expect(message).toContain('najaf (Najaf): 15 members, scenario rule ceil(2*members/3) = 10; present 15 ≥ 8, quorum met');
    expect(message).toContain('nabni to reach the majority (10) in najaf');
    expect(message).not.toContain('floor(15/2)');
    expect(message).not.toContain('absolute majority');
  });

  it('the default rule keeps the Law 21/2008 wording', () => {
    const run = runScenario(scenario('default').load());
    const message = failure(() => expect(run).toFormMajority('najaf', ['nabni']));
    expect(message).toContain('najaf (Najaf): 15 members, absolute majority floor(15/2) + 1 = 8; present 15 ≥ 8, quorum met');
    expect(message).toContain('nabni to reach the absolute majority (8) in najaf');
  });
});
