/**
 * The explorer's engine adapter and session against the real dataset. Expected values are worked out
 * by hand from the council files, data/iraq-2023/councils/*.yaml (final results, 28 Dec 2023 + the 10 Jan 2024 ruling).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Step } from '../../src/scenarios/scenario-schema.js';
import { dealEdit, toggleAttendance, toggleMembership, type EditResult } from '../../src/explorer/edits.js';
import { changedCouncils, councilDetail, countryRows, nationalLine } from '../../src/explorer/queries.js';
import { openSession, applyEdit, isDirty, markSaved, redoEdit, type Session, switchSeats, undoEdit } from '../../src/explorer/session.js';
import { saveScenario } from '../../src/explorer/save-scenario.js';
import { diffLines } from '../../src/explorer/view-models.js';
import { runCli } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'govsim-ui-session-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function ok<T>(result: { ok: true; session: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.session;
}

function apply(session: Session, edit: EditResult): Session {
  if (!edit.ok) throw new Error(edit.message);
  return ok(applyEdit(session, edit.edit.label, edit.edit.steps));
}

function row(session: Session, id: string) {
  return countryRows(session).find((entry) => entry.id === id)!;
}


describe('opening on the bundled baseline (final seats, the CF as one bloc)', () => {
  it('shows Najaf governed by the CF bloc with one vote to spare', () => {
    const baseline = openSession();
    // Najaf, 15 seats: majority floor(15/2) + 1 = 8. CF = nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 ⇒ margin +1.
    const najaf = row(baseline, 'najaf');
    expect(najaf).toMatchObject({ seats: 15, majority: 8, status: 'elected', group: 'A', groupSource: 'derived' });
    expect(najaf.coalition).toMatchObject({ kind: 'bloc', id: 'cf', governing: true, votes: 9, margin: 1 });
  });

  it('measures a bloc that falls short without letting it govern', () => {
    const baseline = openSession();
    // Baghdad, 52 seats: majority 27. CF = state-of-law 9 + nabni 9 + nsf 5 + absher 2 = 25 ⇒ short by 2;
    // no list reaches 27 alone, and the bloc claimed the council ⇒ deadlock.
    const baghdad = row(baseline, 'baghdad');
    expect(baghdad.status).toBe('deadlock');
    expect(baghdad.coalition).toMatchObject({ id: 'cf', governing: false, votes: 25, margin: -2 });
  });

  it('gives the national CF big three: 102 final, 101 preliminary', () => {
    const baseline = openSession();
    // Nabni 43 + State of Law 35 + NSF 24 = 102 (Anadolu/INA, 29 Dec 2023); NSF had 23 in the preliminary results (Reuters: 101).
    expect(nationalLine(baseline).figure).toMatchObject({ computed: 102, published: 102 });
    const preliminary = ok(switchSeats(baseline, 'preliminary'));
    expect(nationalLine(preliminary).figure).toMatchObject({ computed: 101, published: 101 });
    expect(nationalLine(preliminary).seats).toBe(285);
  });
});

describe('toggles, undo and redo', () => {
  it('takes nabni out of the CF bloc in Najaf: 6 < 8, the council is deadlocked', () => {
    const baseline = openSession();
    const edited = apply(baseline, toggleMembership(baseline, 'najaf', 'nabni'));
    // Without nabni: state-of-law 3 + nsf 2 + absher 1 = 6 < 8, and no single list holds 8 (nabni alone 3) ⇒ deadlock.
    expect(row(edited, 'najaf')).toMatchObject({ status: 'deadlock', governorFrom: null });
    expect(row(edited, 'najaf').coalition).toMatchObject({ votes: 6, margin: -2, governing: false });
    expect(changedCouncils(baseline.run, edited.run).map((change) => change.id)).toEqual(['najaf']);
  });

  it('names the figures that moved, with their values, when no status, governor or margin changes', () => {
    // Nineveh is deadlocked either way (bloc cf 3 of 15); quota-shabak's one member away: present 29 of 29 → 28 of 29.
    const baseline = openSession();
    const edited = apply(baseline, toggleAttendance(baseline, 'nineveh', 'quota-shabak'));
    expect(changedCouncils(baseline.run, edited.run)).toEqual([{ id: 'nineveh', summary: 'Nineveh present 29 of 29 → 28 of 29' }]);
  });

  it('undo restores exactly the earlier state with the inverse patches, and redo the later one', () => {
    const baseline = openSession();
    const edited = apply(baseline, toggleMembership(baseline, 'najaf', 'nabni'));
    const undone = ok(undoEdit(edited));
    expect(undone.state).toEqual(baseline.state);
    expect(row(undone, 'najaf').status).toBe('elected');
    const redone = ok(redoEdit(undone));
    expect(redone.state).toEqual(edited.state);
    expect(row(redone, 'najaf').status).toBe('deadlock');
    expect(undoEdit(baseline)).toEqual({ ok: false, message: 'nothing to undo' });
  });

  it('puts a unit beside a list that governs alone by forming a new bloc with it', () => {
    const baseline = openSession();
    // Basra, 23 seats, majority 12: Tasmim 12 governs alone. Adding nabni (5), which first leaves the
    // CF bloc: tasmim 12 + nabni 5 = 17 ≥ 12 ⇒ elected, governor from the bigger member, tasmim.
    const edit = toggleMembership(baseline, 'basra', 'nabni');
    expect(edit.ok && edit.edit.steps).toEqual([
      { leave: { units: ['nabni'], from: 'cf', councils: ['basra'] } },
      { bloc: { id: 'what-if', members: ['tasmim', 'nabni'], councils: ['basra'] } },
    ]);
    const detail = councilDetail(apply(baseline, edit), 'basra');
    expect(detail.check).toEqual({ votes: 17, needed: 12, margin: 5, majority: true });
    expect(detail.result.outcome.governorFrom).toBe('tasmim');
  });

  it('reports a step that does not fit instead of throwing', () => {
    const baseline = openSession();
    const step = { absent: { council: 'najaf', units: ['nabni'], seats: 4 } } as Step;
    const result = applyEdit(baseline, 'too many absent', [step]);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('"nabni" has 3 members present in council najaf') });
  });
});

describe('a deal across councils', () => {
  it('Badr with the Sadrists in Najaf and Maysan splits Nabni first; the CF rump still governs both', () => {
    const baseline = openSession();
    const edit = dealEdit(baseline, { councils: ['najaf', 'maysan'], parties: ['badr', 'sadrists'], governor: 'badr' });
    expect(edit.ok && edit.edit.steps.map((step) => Object.keys(step)[0])).toEqual(['split', 'split', 'deal']);
    const dealt = apply(baseline, edit);
    // Dataset estimates: Najaf nabni 3 = badr 1 + aah 2; Maysan nabni 6 = badr 3 + aah 3. The Sadrists hold no seat.
    // Najaf: deal badr 1 < 8; CF rump aah 2 + state-of-law 3 + nsf 2 + absher 1 = 8 ≥ 8 ⇒ elected, margin 0,
    // governor from state-of-law (largest, 3). Maysan (13 seats, majority 7): deal badr 3 < 7; rump
    // aah 3 + state-of-law 3 + nsf 3 = 9 ≥ 7 ⇒ elected, margin 2, governor from aah (three tie on 3; aah first).
    expect(row(dealt, 'najaf')).toMatchObject({ status: 'elected', governorFrom: 'state-of-law', coalition: { kind: 'bloc', id: 'cf', votes: 8, margin: 0 } });
    expect(row(dealt, 'maysan')).toMatchObject({ status: 'elected', governorFrom: 'aah', coalition: { kind: 'bloc', id: 'cf', votes: 9, margin: 2 } });
    expect(changedCouncils(baseline.run, dealt.run).map((change) => change.id)).toEqual(['najaf', 'maysan']);
    // One entry: undo takes the splits and the deal back together.
    expect(ok(undoEdit(dealt)).state).toEqual(baseline.state);
  });
});

describe('seat sets', () => {
  it('the diff view lists the seat changes of a seat set, as `govsim diff` does', () => {
    const baseline = openSession();
    // Preliminary Baghdad: absher 1 (final 2) ⇒ CF 25 → 24; nationally the big three 102 → 101.
    const lines = diffLines(ok(switchSeats(baseline, 'preliminary'))).map((line) => line.text);
    expect(lines).toContain('seats bloc cf: 25 → 24');
    expect(lines).toContain('seats jamaheer: 4 → 5');
    expect(lines).toContain('CF big three (Nabni + State of Law + NSF): 102 → 101');
    expect(lines).toContain('caused by the seat set final → preliminary');
  });

  it('shows the Wasit hinge: with Ajmal on 7, one seat more gives the CF lists the majority', () => {
    const baseline = openSession();
    // wasit-ajmal-7: state-of-law 3 + nabni 2 + nsf 3 = 8 of 16, majority 9: one seat short.
    const seven = ok(switchSeats(baseline, 'wasit-ajmal-7'));
    const detail = councilDetail(seven, 'wasit');
    expect(detail.check).toMatchObject({ votes: 8, needed: 9, majority: false });
    expect(detail.hinges.some((hinge) => /→ 9 of 9 needed: gains the majority/.test(hinge))).toBe(true);
    // Final seats (Ajmal 8, NSF 2): the CF lists hold 7, so no single seat gives them the majority.
    expect(councilDetail(baseline, 'wasit').hinges.some((hinge) => hinge.includes('gains the majority'))).toBe(false);
  });

  it('re-applies the edits on the new seats, and refuses a switch where one no longer fits', () => {
    const baseline = openSession();
    // Salah al-Din: National Framework holds 3 seats after the 10 Jan 2024 ruling, 2 in the IHEC final results.
    const step = { absent: { council: 'salahaddin', units: ['national-framework'], seats: 3 } } as Step;
    const away = ok(applyEdit(baseline, 'all three away', [step]));
    const result = switchSeats(away, 'ihec-final');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('"national-framework" has 2 members present in council salahaddin') });
    // The preliminary set builds on the IHEC figures (2 seats), so it refuses too; an estimate set built on
    // `final` keeps the 3 seats: 15 members, 3 away ⇒ 12 present.
    expect(switchSeats(away, 'preliminary').ok).toBe(false);
    const wasit = ok(switchSeats(away, 'wasit-ajmal-7'));
    expect(wasit.done).toHaveLength(1);
    expect(row(wasit, 'salahaddin').present).toBe(12);
  });
});

describe('unsaved changes', () => {
  it('are tracked against the last save, across undo', () => {
    const baseline = openSession();
    expect(isDirty(baseline)).toBe(false);
    const edited = apply(baseline, toggleMembership(baseline, 'najaf', 'nabni'));
    expect(isDirty(edited)).toBe(true);
    const saved = markSaved(edited, 'x.yaml');
    expect(isDirty(saved)).toBe(false);
    expect(isDirty(ok(undoEdit(saved)))).toBe(true);
  });
});

describe('saving a session as a scenario file', () => {
  it('writes a file that extends the baseline and that `govsim check` passes', async () => {
    const baseline = openSession();
    let session = apply(baseline, toggleMembership(baseline, 'najaf', 'nabni'));
    session = apply(session, dealEdit(session, { councils: ['maysan'], parties: ['badr', 'sadrists'], governor: 'badr' }));
    const file = join(scratch, 'najaf-maysan.yaml');
    const saved = saveScenario(session, file);
    expect(saved.expectations).toBe(2);
    const document = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(document).toMatchObject({ extends: 'baseline', seats: 'final' });
    expect(document['steps']).toMatchObject([
      { leave: { units: ['nabni'], from: 'cf', councils: ['najaf'] } },
      { split: { council: 'maysan', list: 'nabni' } },
      { deal: { id: 'badr-sadrists', parties: ['badr', 'sadrists'], councils: ['maysan'], governor: 'badr' } },
    ]);
    // Najaf: CF without nabni 3 + 2 + 1 = 6 < 8 ⇒ deadlock, margin −2. Maysan: deal badr 3 < 7; CF rump
    // aah 3 + state-of-law 3 + nsf 3 = 9 ≥ 7 ⇒ elected, margin 2, governor from aah.
    expect(document['expect']).toMatchObject([
      { council: 'najaf', status: 'deadlock', governorFrom: null, votes: 6, marginAtLeast: -2, marginAtMost: -2, members: 15 },
      { council: 'maysan', status: 'elected', governorFrom: 'aah', votes: 9, marginAtLeast: 2, marginAtMost: 2 },
    ]);
    const check = await runCli(['check', file]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('all 2 expectations hold');
  });

  it('inlines the steps of a scenario opened from a file', () => {
    const source = join(scratch, 'mine.yaml');
    writeFileSync(source, 'name: mine\nseats: preliminary\nsteps:\n  - bloc: { id: cf, councils: [baghdad] }\n');
    const opened = openSession(source);
    expect(opened.origin).toEqual({ kind: 'file', file: source });
    const file = join(scratch, 'mine-edited.yaml');
    saveScenario(apply(opened, toggleMembership(opened, 'baghdad', 'absher')), file);
    const document = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(document['extends']).toBeUndefined();
    expect(document['seats']).toBe('preliminary');
    expect(document['steps']).toMatchObject([{ bloc: { id: 'cf', councils: ['baghdad'] } }, { leave: { units: ['absher'], from: 'cf' } }]);
  });
});
