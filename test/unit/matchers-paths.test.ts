/**
 * The "what would it take" matchers (`toNeedPartners`, `toBreakWithout`, `toGovernWithPackage`,
 * docs/paths.md) and the hinge lines `toHingeOn` reads, checked message for message: the verdict, and
 * the whole text a test author sees when it fails, plain and under `.not`. Seats are the final
 * figures of data/iraq-2023/councils/*.yaml; majority = floor(n/2) + 1 of all members.
 */
import { describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import '../../src/testing/matchers.js';
import { hingeMatches, parseHingeLine } from '../../src/testing/hinge-lines.js';
import { GovsimUsageError } from '../../src/model/errors.js';
import { loadScenario, runScenario, scenario } from '../../src/scenarios/index.js';

/** The message the matchers print: hint, claim, what was found, the arithmetic and the scenario. */
function report(hint: string, claim: string, received: string, arithmetic: readonly string[], source: string): string {
  return [hint, '', `Expected: ${claim}`, `Received: ${received}`, '', ...arithmetic.map((line) => `  ${line}`), `  scenario: ${source}`].join('\n');
}

const BASELINE = 'Baseline — final seats, the CF voting as one bloc (scenarios/baseline.yaml)';
const WHAT_WOULD_IT_TAKE = 'What would it take — Wasit, Maysan and a package of ten (scenarios/what-would-it-take.yaml)';
const NEED = 'expect(scenario).toNeedPartners(council, party, count)';
const NOT_NEED = 'expect(scenario).not.toNeedPartners(council, party, count)';
const BREAK = 'expect(scenario).toBreakWithout(council, units)';
const NOT_BREAK = 'expect(scenario).not.toBreakWithout(council, units)';
const PACKAGE = 'expect(scenario).toGovernWithPackage(party, partners, councils)';
const NOT_PACKAGE = 'expect(scenario).not.toGovernWithPackage(party, partners, councils)';

describe('toNeedPartners', () => {
  it('counts one partner where one unit closes the gap (Wasit: the CF needs Ajmal)', () => {
    // Wasit, 15 + 1 Feyli = 16 members, majority 9. CF (bloc order) nabni 2 + state-of-law 3 + nsf 2 = 7,
    // short by 2. Outside the CF: wasit-ajmal 8 and quota-feyli 1. Feyli alone gives 8 < 9; Ajmal gives
    // 7 + 8 = 15 ≥ 9, margin 6, and Ajmal + Feyli is not minimal. Wasit's seats are inferred.
    const arithmetic = ['cf: 7 of 9, short by 2', 'wasit-ajmal: nabni 2 + state-of-law 3 + nsf 2 + wasit-ajmal 8 = 15 ≥ 9, margin 6 (inferred)'];
    expect('baseline').toNeedPartners('wasit', 'cf', 1);
    expect(failure(() => expect('baseline').not.toNeedPartners('wasit', 'cf', 1))).toBe(
      report(NOT_NEED, 'not cf needs 1 partner to reach 9 in wasit', 'at least 1 partner', arithmetic, BASELINE),
    );
    expect('baseline').not.toNeedPartners('wasit', 'cf', 2);
    expect(failure(() => expect('baseline').toNeedPartners('wasit', 'cf', 2))).toBe(
      report(NEED, 'cf needs 2 partners to reach 9 in wasit', 'at least 1 partner', arithmetic, BASELINE),
    );
  });

  it('counts none where the party has the majority already, and never prints a negative shortfall', () => {
    // Najaf, 15 members, majority 8: CF nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 ≥ 8 (deficit 8 − 9 = −1, shown as 0).
    expect('baseline').toNeedPartners('najaf', 'cf', 0);
    expect(failure(() => expect('baseline').not.toNeedPartners('najaf', 'cf', 0))).toBe(
      report(NOT_NEED, 'not cf needs 0 partners to reach 8 in najaf', 'cf has 9 ≥ 8 already', ['cf: 9 of 8, short by 0'], BASELINE),
    );
    expect(failure(() => expect('baseline').toNeedPartners('najaf', 'cf', 1))).toBe(
      report(NEED, 'cf needs 1 partner to reach 8 in najaf', 'cf has 9 ≥ 8 already', ['cf: 9 of 8, short by 0'], BASELINE),
    );
  });

  it('counts none at exactly the threshold (Basra: Tasmim 12 of 12)', () => {
    // Basra, 22 + 1 Christian = 23 members, majority floor(23/2) + 1 = 12: Tasmim 12, deficit 0.
    expect('baseline').toNeedPartners('basra', 'tasmim', 0);
    expect(failure(() => expect('baseline').not.toNeedPartners('basra', 'tasmim', 0))).toBe(
      report(NOT_NEED, 'not tasmim needs 0 partners to reach 12 in basra', 'tasmim has 12 ≥ 12 already', ['tasmim: 12 of 12, short by 0'], BASELINE),
    );
  });

  it('lists only the fewest-partner sets, even when a larger set adds fewer seats (Maysan: badr-sadr)', () => {
    // Maysan (what-would-it-take), 12 + 1 Sabean = 13 members, majority 7: deal badr 3 + hikma 2 (sadrists
    // hold no seat) = 5, short by 2. Minimal partner sets: nasr 1 + quota-sabean 1 (2 seats, ranked first
    // by seats added), aah 3, state-of-law 3. The fewest is one partner: only aah and state-of-law are shown.
    expect('what-would-it-take').toNeedPartners('maysan', 'badr-sadr', 1);
    expect(failure(() => expect('what-would-it-take').not.toNeedPartners('maysan', 'badr-sadr', 1))).toBe(
      report(
        NOT_NEED,
        'not badr-sadr needs 1 partner to reach 7 in maysan',
        'at least 1 partner',
        [
          'badr-sadr: 5 of 7, short by 2',
          'aah: badr 3 + hikma 2 + aah 3 = 8 ≥ 7, margin 1 (inferred)',
          'state-of-law: badr 3 + hikma 2 + state-of-law 3 = 8 ≥ 7, margin 1 (inferred)',
        ],
        WHAT_WOULD_IT_TAKE,
      ),
    );
  });

  it('counts several partners and shows the first three of the fewest (Najaf: Idraak needs three)', () => {
    // Najaf: idraak 1 needs 8 − 1 = 7 more. The largest other units are nabni 3 and state-of-law 3, so
    // two partners give at most 6 < 7: at least three. Three-partner sets adding exactly 7 (margin 0):
    // nabni + state-of-law + any one-seat list (absher, wathiqoon, qiyam, madar), and 3 + 2 + 2. Ranked by
    // seats, then heaviest first, then council order: the first three are nabni + state-of-law + absher,
    // + wathiqoon, + qiyam. Najaf's lists are documented.
    expect('baseline').toNeedPartners('najaf', 'idraak', 3);
    expect(failure(() => expect('baseline').toNeedPartners('najaf', 'idraak', 2))).toBe(
      report(
        NEED,
        'idraak needs 2 partners to reach 8 in najaf',
        'at least 3 partners',
        [
          'idraak: 1 of 8, short by 7',
          'nabni + state-of-law + absher: idraak 1 + nabni 3 + state-of-law 3 + absher 1 = 8 ≥ 8, margin 0 (documented)',
          'nabni + state-of-law + wathiqoon: idraak 1 + nabni 3 + state-of-law 3 + wathiqoon 1 = 8 ≥ 8, margin 0 (documented)',
          'nabni + state-of-law + qiyam: idraak 1 + nabni 3 + state-of-law 3 + qiyam 1 = 8 ≥ 8, margin 0 (documented)',
        ],
        BASELINE,
      ),
    );
  });

  it('finds one large partner ranked behind more than 50 smaller sets (Baghdad: seats moved to Taqaddum)', () => {
    // Baghdad, 49 + 3 quota = 52 members, majority 27. Moving 3 seats from siyada (4 → 1), 3 from azm
    // (4 → 1), 2 from hasm (3 → 1) and 2 from asas (3 → 1) gives taqaddum 8 + 10 = 18; one absher member
    // absent leaves the CF (bloc order) nabni 9 + state-of-law 9 + nsf 5 + absher 1 = 24, short by 3. Nine one-seat
    // units (siyada, azm, hasm, asas, ishraqat-kanoun, ajyal and the three quota seats) make C(9, 3) = 84
    // three-partner sets adding 3 seats, all ranked before taqaddum (18 seats); taqaddum alone gives
    // 24 + 18 = 42 ≥ 27, margin 15, and no single other unit has 3. So the fewest is one partner.
    const moved = scenario('Baghdad seats to Taqaddum')
      .extends('baseline')
      .transfer({ council: 'baghdad', from: 'siyada', to: 'taqaddum', seats: 3 })
      .transfer({ council: 'baghdad', from: 'azm', to: 'taqaddum', seats: 3 })
      .transfer({ council: 'baghdad', from: 'hasm', to: 'taqaddum', seats: 2 })
      .transfer({ council: 'baghdad', from: 'asas', to: 'taqaddum', seats: 2 })
      .absent({ council: 'baghdad', units: ['absher'], seats: 1 });
    expect(moved).toNeedPartners('baghdad', 'cf', 1);
    expect(failure(() => expect(moved).toNeedPartners('baghdad', 'cf', 3))).toBe(
      report(
        NEED,
        'cf needs 3 partners to reach 27 in baghdad',
        'at least 1 partner',
        ['cf: 24 of 27, short by 3', 'taqaddum: nabni 9 + state-of-law 9 + nsf 5 + absher 1 + taqaddum 18 = 42 ≥ 27, margin 15 (documented)'],
        'Baghdad seats to Taqaddum',
      ),
    );
  });

  it('says when no set of partners is enough (Najaf with the four largest lists away)', () => {
    // nabni 3, state-of-law 3, wafaa 2 and nsf 2 absent: present idraak 1, absher 1, wathiqoon 1, qiyam 1,
    // madar 1. Idraak needs 8 − 1 = 7 more; every other present member together gives 4 < 7.
    const boycott = scenario('Najaf four lists away').extends('baseline').absent({ council: 'najaf', units: ['nabni', 'state-of-law', 'wafaa', 'nsf'] });
    expect(boycott).not.toNeedPartners('najaf', 'idraak', 4);
    expect(failure(() => expect(boycott).toNeedPartners('najaf', 'idraak', 4))).toBe(
      report(NEED, 'idraak needs 4 partners to reach 8 in najaf', 'no set of partners brings idraak to 8', ['idraak: 1 of 8, short by 7'], 'Najaf four lists away'),
    );
  });

  it('fails whatever the count where the party cannot govern (Kirkuk: no CF seat)', () => {
    // Kirkuk, 15 + 1 Christian = 16 members, majority 9: PUK, Arab Alliance, Qiyada, ITF, KDP, Ouroba and
    // the Christian seat; none of them is in the CF bloc.
    for (const count of [0, 1]) expect('baseline').not.toNeedPartners('kirkuk', 'cf', count);
    expect(failure(() => expect('baseline').toNeedPartners('kirkuk', 'cf', 1))).toBe(
      report(NEED, 'cf needs 1 partner to reach 9 in kirkuk', 'cf cannot govern kirkuk: cf holds no seat in this council', [], BASELINE),
    );
  });
});

describe('toBreakWithout', () => {
  it('breaks when the exit leaves the governing alignment below the majority (Najaf without NSF)', () => {
    // Najaf: CF 9 − nsf 2 = 7 < 8.
    expect('baseline').toBreakWithout('najaf', ['nsf']);
    expect(failure(() => expect('baseline').not.toBreakWithout('najaf', ['nsf']))).toBe(
      report(NOT_BREAK, 'not the governing majority in najaf breaks without nsf', 'cf keeps 7 of 8', ['cf: 9 − nsf 2 = 7 < 8'], BASELINE),
    );
  });

  it('holds when the rest still reaches the majority exactly (Najaf without Absher)', () => {
    // 9 − absher 1 = 8 ≥ 8.
    expect('baseline').not.toBreakWithout('najaf', ['absher']);
    expect(failure(() => expect('baseline').toBreakWithout('najaf', ['absher']))).toBe(
      report(BREAK, 'the governing majority in najaf breaks without absher', 'cf keeps 8 of 8', ['cf: 9 − absher 1 = 8 ≥ 8'], BASELINE),
    );
  });

  it('subtracts every leaving unit', () => {
    // 9 − nsf 2 − absher 1 = 6 < 8.
    expect('baseline').toBreakWithout('najaf', ['nsf', 'absher']);
    expect(failure(() => expect('baseline').not.toBreakWithout('najaf', ['nsf', 'absher']))).toBe(
      report(NOT_BREAK, 'not the governing majority in najaf breaks without nsf, absher', 'cf keeps 6 of 8', ['cf: 9 − nsf 2 − absher 1 = 6 < 8'], BASELINE),
    );
  });

  it('takes nothing away for a unit outside the governing alignment', () => {
    // Wafaa (2) is not in the CF: 9 − 0 = 9 ≥ 8.
    expect('baseline').not.toBreakWithout('najaf', ['wafaa']);
    expect(failure(() => expect('baseline').toBreakWithout('najaf', ['wafaa']))).toBe(
      report(BREAK, 'the governing majority in najaf breaks without wafaa', 'cf keeps 9 of 8', ['cf: 9 − 0 = 9 ≥ 8'], BASELINE),
    );
  });

  it('reads a split list as its factions, and a faction on its own', () => {
    // Najaf with Nabni split: badr 1 + aah 2 + state-of-law 3 + nsf 2 + absher 1 = 9. Without the list
    // nabni: 9 − badr 1 − aah 2 = 6 < 8. Without the faction badr only: 9 − 1 = 8 ≥ 8.
    const split = scenario('Nabni split in Najaf').extends('baseline').split({ council: 'najaf', list: 'nabni' });
    expect(split).toBreakWithout('najaf', ['nabni']);
    expect(failure(() => expect(split).not.toBreakWithout('najaf', ['nabni']))).toBe(
      report(NOT_BREAK, 'not the governing majority in najaf breaks without nabni', 'cf keeps 6 of 8', ['cf: 9 − badr 1 − aah 2 = 6 < 8'], 'Nabni split in Najaf'),
    );
    expect(split).not.toBreakWithout('najaf', ['badr']);
    expect(failure(() => expect(split).toBreakWithout('najaf', ['badr']))).toBe(
      report(BREAK, 'the governing majority in najaf breaks without badr', 'cf keeps 8 of 8', ['cf: 9 − badr 1 = 8 ≥ 8'], 'Nabni split in Najaf'),
    );
  });

  it('fails where nobody governs (Wasit: deadlock)', () => {
    // Wasit: CF 7 < 9 and Ajmal 8 < 9: no alignment governs, so there is no majority to break.
    expect('baseline').not.toBreakWithout('wasit', ['nsf']);
    expect(failure(() => expect('baseline').toBreakWithout('wasit', ['nsf']))).toBe(
      report(BREAK, 'the governing majority in wasit breaks without nsf', 'nobody governs wasit', [], BASELINE),
    );
  });

  it('rejects an id that is neither a unit nor a party of the council, even under .not', () => {
    expect(() => expect('baseline').not.toBreakWithout('najaf', ['atlantis'])).toThrow(GovsimUsageError);
    // Nobody leaving is a mistake in the test, not a claim that could pass or fail.
    expect(() => expect('baseline').toBreakWithout('najaf', [])).toThrow(new GovsimUsageError('toBreakWithout needs at least one unit or party leaving'));
    // Najaf's units in dataset order (data/iraq-2023/councils/najaf.yaml).
    expect(() => expect('baseline').not.toBreakWithout('najaf', ['atlantis'])).toThrow(
      'unknown unit "atlantis" in council najaf (units: nabni, state-of-law, wafaa, nsf, absher, idraak, wathiqoon, qiyam, madar)',
    );
  });
});

describe('toGovernWithPackage', () => {
  // CF per council (nabni + state-of-law + nsf + absher, and the joint lists national-contract in Nineveh,
  // diyalna in Diyala, national-framework in Salah al-Din), in dataset order:
  //   baghdad 9 + 9 + 5 + 2 = 25 < 27 (52)   basra 5 + 3 + 1 = 9 < 12 (23)   nineveh 3 < 15 (29)
  //   kirkuk, anbar: no CF seat              diyala 4 < 8 (15)               salahaddin 3 < 8 (15)
  //   najaf 9 ≥ 8   karbala 2 + 2 + 1 = 5 < 7 (13), Ibdaa Karbala keeps 7 ≥ 7   babil 4 + 3 + 3 + 1 = 11 ≥ 10
  //   wasit 7 < 9 (16)   dhiqar 5 + 3 + 2 = 10 ≥ 10   qadisiyah 4 + 3 + 2 + 1 = 10 ≥ 8   muthanna 11 ≥ 7
  //   maysan 6 + 3 + 3 = 12 ≥ 7.
  it('wins Basra with Tasmim and Wasit with Ajmal: 8 governorships', () => {
    // Tasmim sits in Basra only: 9 + 12 = 21 ≥ 12. Ajmal in Wasit only: 7 + 8 = 15 ≥ 9. Won: 6 + 2 = 8;
    // lost: Karbala; open: Baghdad, Nineveh, Diyala, Salah al-Din; blocked: Kirkuk, Anbar.
    expect('baseline').toGovernWithPackage('cf', ['tasmim', 'wasit-ajmal'], 8);
    expect('baseline').not.toGovernWithPackage('cf', ['tasmim', 'wasit-ajmal'], 9);
    expect(failure(() => expect('baseline').not.toGovernWithPackage('cf', ['tasmim', 'wasit-ajmal'], 8))).toBe(
      report(
        NOT_PACKAGE,
        'not cf with tasmim + wasit-ajmal governs at least 8 councils',
        '8 won, 1 lost, 4 open',
        [
          'baghdad: open: cf 25 + tasmim 0 + wasit-ajmal 0 = 25 < 27',
          'basra: won: cf 9 + tasmim 12 + wasit-ajmal 0 = 21 ≥ 12',
          'nineveh: open: cf 3 + tasmim 0 + wasit-ajmal 0 = 3 < 15',
          'kirkuk: blocked: cf 0 + tasmim 0 + wasit-ajmal 0 = 0 (cf holds no seat in this council)',
          'anbar: blocked: cf 0 + tasmim 0 + wasit-ajmal 0 = 0 (cf holds no seat in this council)',
          'diyala: open: cf 4 + tasmim 0 + wasit-ajmal 0 = 4 < 8',
          'salahaddin: open: cf 3 + tasmim 0 + wasit-ajmal 0 = 3 < 8',
          'najaf: won: cf 9 + tasmim 0 + wasit-ajmal 0 = 9 ≥ 8',
          'karbala: lost: cf 5 + tasmim 0 + wasit-ajmal 0 = 5 < 7; ibdaa-karbala keeps 7 ≥ 7',
          'babil: won: cf 11 + tasmim 0 + wasit-ajmal 0 = 11 ≥ 10',
          'wasit: won: cf 7 + tasmim 0 + wasit-ajmal 8 = 15 ≥ 9',
          'dhiqar: won: cf 10 + tasmim 0 + wasit-ajmal 0 = 10 ≥ 10',
          'qadisiyah: won: cf 10 + tasmim 0 + wasit-ajmal 0 = 10 ≥ 8',
          'muthanna: won: cf 11 + tasmim 0 + wasit-ajmal 0 = 11 ≥ 7',
          'maysan: won: cf 12 + tasmim 0 + wasit-ajmal 0 = 12 ≥ 7',
        ],
        BASELINE,
      ),
    );
  });

  it('says "1 council", not "1 councils"', () => {
    // The CF alone wins 6 (see below), so "at least 1" holds and its negation fails with the singular.
    expect('baseline').toGovernWithPackage('cf', [], 1);
    expect(failure(() => expect('baseline').not.toGovernWithPackage('cf', [], 1))).toContain('Expected: not cf with no partner governs at least 1 council\n');
  });

  it('names an empty package "no partner": the CF alone governs 6', () => {
    // Alone: won Najaf, Babil, Dhi Qar, Qadisiyah, Muthanna, Maysan = 6; lost Basra (Tasmim keeps 12 ≥ 12)
    // and Karbala; open Baghdad, Nineveh, Diyala, Salah al-Din, Wasit = 5.
    expect('baseline').toGovernWithPackage('cf', [], 6);
    expect(failure(() => expect('baseline').toGovernWithPackage('cf', [], 7))).toBe(
      report(
        PACKAGE,
        'cf with no partner governs at least 7 councils',
        '6 won, 2 lost, 5 open',
        [
          'baghdad: open: cf 25 = 25 < 27',
          'basra: lost: cf 9 = 9 < 12; tasmim keeps 12 ≥ 12',
          'nineveh: open: cf 3 = 3 < 15',
          'kirkuk: blocked: cf 0 = 0 (cf holds no seat in this council)',
          'anbar: blocked: cf 0 = 0 (cf holds no seat in this council)',
          'diyala: open: cf 4 = 4 < 8',
          'salahaddin: open: cf 3 = 3 < 8',
          'najaf: won: cf 9 = 9 ≥ 8',
          'karbala: lost: cf 5 = 5 < 7; ibdaa-karbala keeps 7 ≥ 7',
          'babil: won: cf 11 = 11 ≥ 10',
          'wasit: open: cf 7 = 7 < 9',
          'dhiqar: won: cf 10 = 10 ≥ 10',
          'qadisiyah: won: cf 10 = 10 ≥ 8',
          'muthanna: won: cf 11 = 11 ≥ 7',
          'maysan: won: cf 12 = 12 ≥ 7',
        ],
        BASELINE,
      ),
    );
  });
});

describe('what the paths matchers accept', () => {
  it('takes a loaded scenario, a builder, an object with load() and a scenario document', () => {
    // Wasit: one partner (Ajmal) in each form of the baseline.
    const loaded = loadScenario('baseline');
    const builder = scenario('Baseline again').extends('baseline');
    for (const subject of [loaded, builder, { load: () => loaded }, builder.toDocument()]) {
      expect(subject).toNeedPartners('wasit', 'cf', 1);
      expect(subject).not.toNeedPartners('wasit', 'cf', 2);
    }
    expect(failure(() => expect(loaded).toNeedPartners('wasit', 'cf', 2))).toContain(`  scenario: ${BASELINE}`);
  });

  it('refuses a run, saying what to pass instead', () => {
    const run = runScenario(loadScenario('baseline'));
    expect(() => expect(run).not.toNeedPartners('wasit', 'cf', 1)).toThrow(GovsimUsageError);
    expect(() => expect(run).not.toBreakWithout('najaf', ['nsf'])).toThrow(
      'paths matchers need the scenario, not its run (its deals, blocs and vetoes decide who may join): pass the builder, the loaded scenario or its name',
    );
  });

  it('refuses what is no scenario with a usage error, even under .not', () => {
    const expected = 'expected a scenario: a path or bundled name, a loaded scenario, a builder or a scenario document';
    const subjects: [string, unknown][] = [
      ['null', null],
      ['undefined', undefined],
      ['a number', 42],
      ['an array', []],
      ['an empty object', {}],
      ['a state without transitions', { state: {} }],
      ['a function', () => loadScenario('baseline')],
    ];
    for (const [label, subject] of subjects) {
      expect(() => expect(subject).not.toNeedPartners('wasit', 'cf', 1), label).toThrow(GovsimUsageError);
      expect(() => expect(subject).not.toGovernWithPackage('cf', [], 1), label).toThrow(expected);
    }
  });
});

describe('hinge lines', () => {
  it('names the change and the line that matches it, for each kind of seat move (Basra)', () => {
    // Basra: Tasmim 12 of 12 needed, margin 0: one Tasmim member absent or voting against gives 11 < 12.
    // Each move matches its own line only.
    const absent = failure(() => expect('baseline').not.toHingeOn('basra', { absent: 'tasmim' }));
    expect(absent).toContain(
      [
        'Expected: not basra to hinge on 1 tasmim member absent',
        'Received: 1 tasmim member absent: present 23 → 22: tasmim 12 → 11 of 12 needed: loses the majority',
        '',
      ].join('\n'),
    );
    const against = failure(() => expect('baseline').not.toHingeOn('basra', { votesAgainst: 'tasmim' }));
    expect(against).toContain(
      ['Expected: not basra to hinge on 1 tasmim member voting against', 'Received: 1 tasmim member votes against: tasmim 12 → 11 of 12 needed: loses the majority', ''].join(
        '\n',
      ),
    );
    const move = failure(() => expect('baseline').not.toHingeOn('basra', { from: 'tasmim' }));
    expect(move).toContain(
      [
        'Expected: not basra to hinge on 1 seat tasmim → any other unit',
        'Received: move 1 seat tasmim → nabni, state-of-law, nsf, asas or quota-christian: tasmim 12 → 11 of 12 needed: loses the majority',
        '',
      ].join('\n'),
    );
  });

  it('reads a split list as its factions (Maysan: nabni = badr + aah)', () => {
    // Maysan (what-would-it-take): the CF rump aah 3 + state-of-law 3 + nasr 1 = 7 of 7, margin 0, so one
    // aah member absent gives 6 < 7; badr (in the deal) is no hinge. "nabni" finds the aah line.
    expect('what-would-it-take').toHingeOn('maysan', { absent: 'nabni' });
    const message = failure(() => expect('what-would-it-take').not.toHingeOn('maysan', { absent: 'nabni' }));
    expect(message).toContain(
      [
        'Expected: not maysan to hinge on 1 nabni member absent',
        'Received: 1 aah member absent: present 13 → 12: aah + state-of-law + nasr 7 → 6 of 7 needed: loses the majority',
        '',
      ].join('\n'),
    );
  });

  it('rejects an unknown unit in every kind of seat move, even under .not', () => {
    for (const move of [{ absent: 'nobody' }, { votesAgainst: 'nobody' }, { from: 'nobody' }, { from: 'tasmim', to: 'nobody' }]) {
      expect(() => expect('baseline').not.toHingeOn('basra', move), JSON.stringify(move)).toThrow(/unknown unit "nobody"/);
    }
  });

  it('matches a party the council does not seat by its own id', () => {
    // Basra seats no KDP unit, so "kdp" stands for itself: a line naming kdp is its line.
    const basra = runScenario(loadScenario('baseline')).councils.find((council) => council.id === 'basra')!;
    expect(hingeMatches(basra, parseHingeLine('1 kdp member absent: …')!, { absent: 'kdp' })).toBe(true);
    expect(hingeMatches(basra, parseHingeLine('1 kdp member votes against: …')!, { votesAgainst: 'kdp' })).toBe(true);
    expect(hingeMatches(basra, parseHingeLine('move 1 seat kdp → puk: …')!, { from: 'kdp', to: 'puk' })).toBe(true);
    expect(hingeMatches(basra, parseHingeLine('1 kdp member absent: …')!, { absent: 'puk' })).toBe(false);
  });

  it('trims the targets of a move line', () => {
    expect(parseHingeLine('move 1 seat tasmim →  nabni,  asas  or quota-christian : …')).toMatchObject({
      kind: 'move',
      from: 'tasmim',
      to: ['nabni', 'asas', 'quota-christian'],
    });
  });
});
