/**
 * Assertions about council outcomes in a vitest suite. `vitest.config.mts` next to this file registers
 * the matchers with one line: `setupFiles: ['govsim/vitest']`.
 */
import { describe, expect, it } from 'vitest';
import type {} from 'govsim/vitest';
import { loadScenario, runScenario, scenario } from 'govsim';

describe('if Badr splits from Nabni in Najaf', () => {
  const run = scenario('Badr splits in Najaf').extends('baseline').split({ council: 'najaf', list: 'nabni' }).run();

  it('the CF still governs Maysan, with a Nabni governor', () => {
    // Maysan, 13 members, majority 7: CF = nabni 6 + state-of-law 3 + nsf 3 = 12.
    expect(run).toFormMajority('maysan');
    expect(run).toElectGovernor('maysan', 'nabni');
  });

  it('the CF still governs Najaf, but the governor comes from State of Law', () => {
    // CF = badr 1 + aah 2 + state-of-law 3 + nsf 2 + absher 1 = 9 ≥ 8; the largest member is state-of-law.
    expect(run).toElectGovernor('najaf', 'state-of-law');
    expect(run).not.toElectGovernor('najaf', 'nabni');
    // Margin 1: a member holding 2 or more seats can break the majority by leaving.
    expect(run).toBePivotal('najaf', 'aah');
    expect(run).not.toBePivotal('najaf', 'badr');
  });
});

describe('the bundled scenarios', () => {
  it('the Badr–Sadr understanding deadlocks Najaf, and the rest of the CF keeps Maysan', () => {
    // Najaf: deal badr 1 + hikma 1 + 1 defector = 3 < 8; CF rump aah 2 + state-of-law 3 + nasr 1 + absher 1 = 7 < 8.
    expect('badr-sadr-najaf-maysan').toDeadlock('najaf');
    // Maysan: deal badr 3 + hikma 2 = 5 < 7; CF rump aah 3 + state-of-law 3 + nasr 1 = 7 ≥ 7 (aah first of the tie).
    expect('badr-sadr-najaf-maysan').toElectGovernor('maysan', 'aah');
  });

  it('Basra hinges on a single Tasmim seat, and Baghdad is a group C council', () => {
    const baseline = runScenario(loadScenario('baseline'));
    // Tasmim 12 of 23 with a majority of 12: margin 0.
    expect(baseline).toHingeOn('basra', { from: 'tasmim', to: 'nabni' });
    expect(baseline).toHaveGroup('baghdad', 'C');
  });

  it('a boycott breaks the quorum in Kirkuk', () => {
    // Kirkuk, 16 members: kdp 2 + arab-alliance 3 + itf 2 + ouroba 1 away ⇒ 8 present < 9.
    const boycott = scenario('Kirkuk boycott').absent({ council: 'kirkuk', units: ['kdp', 'arab-alliance', 'itf', 'ouroba'] });
    expect(boycott).toLackQuorum('kirkuk');
  });

  it('matchers also work inside other assertions', () => {
    const runs = ['baseline', 'badr-sadr-najaf-maysan'].map((name) => runScenario(loadScenario(name)));
    expect(runs).toEqual([expect.toElectGovernor('najaf', 'nabni'), expect.toDeadlock('najaf')]);
  });
});
