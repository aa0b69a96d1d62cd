/**
 * Two runs side by side (sideBySide, outcomeText, unitText). Each case changes exactly one part of
 * the outcome, so each comparison the verdict rests on is tested alone. Worked by hand from the
 * council files: Najaf 15 (nabni 3, state-of-law 3, wafaa 2, nsf 2, absher 1, idraak 1, wathiqoon 1,
 * qiyam 1, madar 1), majority 8, CF bloc nabni + state-of-law + nsf + absher = 9, governor from nabni;
 * Baghdad 52, majority 27, CF 25 (deadlock, short by 2), 27 seats outside it (3 of them quota seats);
 * Wasit 16: wasit-ajmal 8, state-of-law 3, nabni 2, nsf 2, quota-feyli 1.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/scenarios/builder.js';
import { outcomeText, type SideOutcome, sideBySide, unitText } from '../../src/scenarios/side-by-side.js';

const cf = (council = 'najaf') => scenario('cf').bloc({ id: 'cf', councils: [council] });
const councilOf = (left: ReturnType<typeof cf>, right: ReturnType<typeof cf>, id = 'najaf') =>
  sideBySide(left.run(), right.run()).councils.find((council) => council.id === id)!;
const CF = ['nabni', 'state-of-law', 'nsf', 'absher'];

describe('sideBySide: whether the outcome differs, one part at a time', () => {
  it('only the status: deadlock, then no quorum once every seat outside the CF stays away', () => {
    const away = ['taqaddum', 'siyada', 'azm', 'hasm', 'asas', 'ishraqat-kanoun', 'ajyal', 'quota-feyli', 'quota-christian', 'quota-sabean'];
    const council = councilOf(cf('baghdad'), cf('baghdad').absent({ council: 'baghdad', units: away }), 'baghdad');
    // Present 52 − 27 = 25 < 27: no quorum; the CF's claim, votes and margin stay as they were.
    expect([council.left.status, council.right.status]).toEqual(['deadlock', 'no-quorum']);
    expect(council.right).toMatchObject({ governorFrom: null, coalition: CF, votes: 25, margin: -2, present: 25 });
    expect(council.outcomeDiffers).toBe(true);
  });

  it('only the governor: the same four lists as a deal that names nsf', () => {
    const council = councilOf(cf(), cf().deal({ id: 'd', parties: CF, councils: ['najaf'], governor: 'nsf' }));
    expect([council.left.governorFrom, council.right.governorFrom]).toEqual(['nabni', 'nsf']);
    expect(council.right).toMatchObject({ status: 'elected', coalition: CF, votes: 9, margin: 1 });
    expect(council.outcomeDiffers).toBe(true);
    expect(council.seatsDiffer).toBe(false);
  });

  it('only the coalition: idraak (1) in place of absher (1)', () => {
    const deal = scenario('d').deal({ id: 'd', parties: ['nabni', 'state-of-law', 'nsf', 'idraak'], councils: ['najaf'], governor: 'nabni' });
    const council = councilOf(cf(), deal);
    expect(council.right).toMatchObject({ status: 'elected', governorFrom: 'nabni', coalition: ['nabni', 'state-of-law', 'nsf', 'idraak'], votes: 9, margin: 1 });
    expect(council.outcomeDiffers).toBe(true);
    // Seats and attendance are the same; only membership of the governing coalition moved.
    expect(council.units.filter((unit) => unit.differs)).toEqual([
      { id: 'absher', left: { seats: 1, present: 1, inCoalition: true }, right: { seats: 1, present: 1, inCoalition: false }, differs: true },
      { id: 'idraak', left: { seats: 1, present: 1, inCoalition: false }, right: { seats: 1, present: 1, inCoalition: true }, differs: true },
    ]);
  });

  it('only the votes: one seat more for nsf and one for madar, so the majority grows with them', () => {
    // 17 members ⇒ majority 9; CF 10 ⇒ margin +1, as before.
    const council = councilOf(cf(), cf().setSeats({ council: 'najaf', unit: 'nsf', seats: 3 }).setSeats({ council: 'najaf', unit: 'madar', seats: 2 }));
    expect(council.right).toMatchObject({ status: 'elected', governorFrom: 'nabni', coalition: CF, votes: 10, majority: 9, margin: 1, seats: 17 });
    expect(council.outcomeDiffers).toBe(true);
  });

  it('only the margin: two more madar seats raise the majority to 9 against the same 9 votes', () => {
    const council = councilOf(cf(), cf().setSeats({ council: 'najaf', unit: 'madar', seats: 3 }));
    expect(council.right).toMatchObject({ status: 'elected', governorFrom: 'nabni', coalition: CF, votes: 9, majority: 9, margin: 0 });
    expect(council.outcomeDiffers).toBe(true);
  });

  it('nothing: an absence outside the coalition differs in seats only', () => {
    const council = councilOf(cf(), cf().absent({ council: 'najaf', units: ['madar'] }));
    expect(council.outcomeDiffers).toBe(false);
    expect(council.seatsDiffer).toBe(true);
    expect(council.units.filter((unit) => unit.differs).map((unit) => unit.id)).toEqual(['madar']);
  });
});

describe('sideBySide: units', () => {
  it('a unit differs by its seats alone when its absences keep attendance equal', () => {
    // Two wasit-ajmal members away on both sides (8 seats, 6 present); the right moves one seat to
    // state-of-law: ajmal 7 seats, still 6 present.
    const away = () => scenario('w').absent({ council: 'wasit', units: ['wasit-ajmal'], seats: 2 });
    const council = councilOf(away(), away().transfer({ council: 'wasit', from: 'wasit-ajmal', to: 'state-of-law' }), 'wasit');
    expect(council.units.find((unit) => unit.id === 'wasit-ajmal')).toEqual({
      id: 'wasit-ajmal',
      left: { seats: 8, present: 6, inCoalition: false },
      right: { seats: 7, present: 6, inCoalition: false },
      differs: true,
    });
  });

  it('the left run\'s units first, then those only the right has; each once', () => {
    const split = cf().split({ council: 'najaf', list: 'nabni', into: { badr: 1, aah: 2 } });
    const council = councilOf(cf(), split);
    expect(council.units.map((unit) => unit.id)).toEqual(['nabni', 'state-of-law', 'wafaa', 'nsf', 'absher', 'idraak', 'wathiqoon', 'qiyam', 'madar', 'badr', 'aah']);
    expect(council.units[0]).toEqual({ id: 'nabni', left: { seats: 3, present: 3, inCoalition: true }, right: null, differs: true });
    expect(council.units.at(-1)).toEqual({ id: 'aah', left: null, right: { seats: 2, present: 2, inCoalition: true }, differs: true });
    expect(council.units[1]!.differs).toBe(false);
  });

  it('labels default to each run\'s id and seat set', () => {
    const view = sideBySide(scenario('left one').run(), scenario('right one').seats('preliminary').run());
    expect([view.left, view.right]).toEqual(['left one (final)', 'right one (preliminary)']);
    expect(sideBySide(scenario('a').run(), scenario('b').run(), { left: 'before', right: 'after' })).toMatchObject({ left: 'before', right: 'after' });
  });
});

describe('outcomeText and unitText', () => {
  const side = (over: Partial<SideOutcome>): SideOutcome => ({
    status: 'elected',
    governorFrom: null,
    coalition: [],
    votes: 0,
    majority: 8,
    margin: null,
    seats: 15,
    present: 15,
    ...over,
  });

  it('reads a status in capitals, "no-quorum" as two words, a signed margin and the governor', () => {
    expect(outcomeText(side({ status: 'no-quorum', margin: -2 }))).toBe('NO QUORUM -2');
    expect(outcomeText(side({ status: 'elected', margin: 1, governorFrom: 'nabni' }))).toBe('ELECTED +1, governor nabni');
    expect(outcomeText(side({ status: 'elected', margin: 0, governorFrom: 'tasmim' }))).toBe('ELECTED 0, governor tasmim');
    expect(outcomeText(side({ status: 'open' }))).toBe('OPEN');
  });

  it('reads a unit as its seats, its absent members and its membership of the coalition, or "—"', () => {
    expect(unitText(null)).toBe('—');
    expect(unitText({ seats: 3, present: 3, inCoalition: true })).toBe('3 [x]');
    expect(unitText({ seats: 3, present: 1, inCoalition: false })).toBe('3 (2 absent)');
  });
});
