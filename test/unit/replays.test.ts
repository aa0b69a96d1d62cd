/**
 * Sessions over time and the bundled replays of the 2024 elections (scenarios/replays): every council
 * of the dataset has one, each passes its expectations (only documented facts), the state carries over
 * from one session to the next, and a wrong claim fails with its session's path.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GovsimDataError } from '../../src/model/errors.js';
import { checkScenarios } from '../../src/scenarios/batch.js';
import { checkExpectations, sessionRun } from '../../src/scenarios/expectations.js';
import { runScenario } from '../../src/scenarios/runner.js';
import { loadScenario, scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';

describe('the bundled replays of 2024', () => {
  it('cover all 15 councils and pass `govsim check`', () => {
    const files = readdirSync('scenarios/replays').filter((file) => file.endsWith('.yaml'));
    expect(files).toHaveLength(15);
    const checks = checkScenarios(['scenarios/replays']);
    const councils = new Set(checks.flatMap((check) => check.expectations.map((entry) => entry.council)));
    expect([...councils].sort()).toEqual(
      ['anbar', 'babil', 'baghdad', 'basra', 'dhiqar', 'diyala', 'karbala', 'kirkuk', 'maysan', 'muthanna', 'najaf', 'nineveh', 'qadisiyah', 'salahaddin', 'wasit'],
    );
    for (const check of checks) expect(check.ok, `${check.file}: ${JSON.stringify(check.expectations.filter((e) => !e.ok))}`).toBe(true);
  });

  it('Diyala 2024: a State of Law governor, with no seat in the council', () => {
    const loaded = loadScenario('scenarios/replays/diyala.yaml');
    const diyala = sessionRun(loaded, loaded.sessions[0]!).councils.find((council) => council.id === 'diyala')!;
    // Present 15 − diyalna 4 = 11; deal 3 + 3 + 1 + 2 + 1 + 1 = 11 ≥ 8.
    expect(diyala.outcome).toMatchObject({ status: 'elected', governorFrom: 'state-of-law', governorSeated: false, votes: 11 });
    expect(diyala.decision).toContain('governor from state-of-law (no seat in this council)');
  });

  it('Baghdad: the chair with 39 votes, the governor from State of Law', () => {
    const loaded = loadScenario('scenarios/replays/baghdad.yaml');
    const baghdad = sessionRun(loaded, loaded.sessions[0]!).councils.find((council) => council.id === 'baghdad')!;
    // 9 + 9 + 5 + 2 + 4 + 4 + 3 + 3 = 39 of 52 (majority 27); Taqaddum's 8 away ⇒ 44 present.
    expect(baghdad.posts?.find((post) => post.post === 'chair')).toMatchObject({ winner: 'azm', votes: 39, needed: 27 });
    expect(baghdad.present).toBe(44);
  });
});

describe('sessions', () => {
  it('carry the state over: Kirkuk no quorum in February, elected in August with the boycott still on', () => {
    const loaded = loadScenario('scenarios/replays/kirkuk.yaml');
    const [february, august] = loaded.sessions.map((session) => sessionRun(loaded, session).councils.find((council) => council.id === 'kirkuk')!);
    // February: 16 − (3 + 2 + 1 + 2) = 8 < 9.
    expect(february!.outcome.status).toBe('no-quorum');
    expect(february!.present).toBe(8);
    // August: qiyada and ouroba return, kdp leaves; arab-alliance and itf are still away from February.
    expect(august!.units.find((unit) => unit.id === 'arab-alliance')!.present).toBe(0);
    expect(august!.outcome).toMatchObject({ status: 'elected', votes: 9 });
    // The scenario's own run is the state after the last session.
    expect(runScenario(loaded).councils.find((council) => council.id === 'kirkuk')!.outcome.status).toBe('elected');
  });

  it('a wrong claim fails with its session and path', () => {
    const loaded = scenarioFromDocument({
      name: 'wrong',
      sessions: [
        { council: 'kirkuk', date: '2024-02-05', steps: [{ absent: { council: 'kirkuk', units: ['kdp', 'arab-alliance', 'itf', 'ouroba'] } }], expect: [{ status: 'elected' }] },
      ],
    });
    const check = checkExpectations(loaded, runScenario(loaded));
    expect(check.ok).toBe(false);
    expect(check.expectations[0]).toMatchObject({ path: 'sessions[0].expect[0]', session: 'kirkuk 2024-02-05', council: 'kirkuk' });
  });

  it('rejects a bad date, an unknown council and a bad id in a session claim, with paths', () => {
    const issues = (document: unknown): string[] => {
      try {
        scenarioFromDocument(document);
      } catch (error) {
        if (error instanceof GovsimDataError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
        throw error;
      }
      return [];
    };
    expect(issues({ name: 'x', sessions: [{ council: 'kirkuk', date: '10 Aug 2024' }] })[0]).toMatch(/^sessions\[0\]\.date: expected a date YYYY-MM-DD/);
    expect(issues({ name: 'x', sessions: [{ council: 'gotham', date: '2024-08-10' }] })[0]).toMatch(/^sessions\[0\]\.council: unknown council "gotham"/);
    expect(issues({ name: 'x', sessions: [{ council: 'kirkuk', date: '2024-08-10', expect: [{ governorFrom: 'puk-kirkukk' }] }] })[0]).toMatch(
      /^sessions\[0\]\.expect\[0\]\.governorFrom: unknown party "puk-kirkukk" \(did you mean "puk-kirkuk"\?\)/,
    );
    expect(issues({ name: 'x', sessions: [{ council: 'kirkuk', date: '2024-08-10', steps: [{ absent: { council: 'kirkuk', units: ['kdpp'] } }] }] })[0]).toMatch(
      /^sessions\[0\]\.steps\[0\]\.absent\.units\[0\]: /,
    );
  });
});
