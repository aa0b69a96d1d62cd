/**
 * The audit of data/iraq-2023 against data-dossier.md: source reliability, labels that only a
 * low-reliability page supports, unattributed seats read neutrally, and the switchable estimates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCouncil } from '../../src/model/analysis/index.js';
import { formatRational } from '../../src/model/rational.js';
import { RELIABILITIES, sourceIds } from '../../src/dataset/dataset-schema.js';
import { councilsFor, loadDataset, nationalTotals, publishedChecks, resolvedCouncil, unattributedReading } from '../../src/dataset/dataset.js';
import { REPO_ROOT } from '../helpers/cli.js';

// The dataset is loaded inside each test (memoised per process), never while the file is collected.
const iraq = () => loadDataset('iraq-2023');
const source = (id: string) => iraq().data.sources.find((entry) => entry.id === id)!;
const list = (id: string) => iraq().data.lists.find((entry) => entry.id === id)!;
const outcome = (council: string) => iraq().data.outcomes.find((entry) => entry.council === council)!;
const file = (path: string): string => readFileSync(join(REPO_ROOT, 'data', 'iraq-2023', path), 'utf8');

/** Every object in the dataset with a `confidence` and a `source`, with where it sits. */
function labelled(value: unknown, path: string, out: { path: string; confidence: unknown; source: unknown }[] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => labelled(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('confidence' in record && 'source' in record) out.push({ path, confidence: record['confidence'], source: record['source'] });
    for (const [key, child] of Object.entries(record)) labelled(child, `${path}.${key}`, out);
  }
  return out;
}

describe('source reliability', () => {
  it('every source states its reliability', () => {
    const ds = iraq();
    for (const entry of ds.data.sources) expect(RELIABILITIES, entry.id).toContain(entry.reliability);
  });

  it('no "documented" label rests only on low-reliability sources', () => {
    const ds = iraq();
    const low = new Set(ds.data.sources.filter((entry) => entry.reliability === 'low').map((entry) => entry.id));
    const offending = labelled(ds.data, 'dataset')
      .filter((figure) => figure.confidence === 'documented')
      .filter((figure) => sourceIds(figure.source as string | string[]).every((id) => low.has(id)))
      .map((figure) => figure.path);
    expect(offending).toEqual([]);
    // The two labels the audit found resting on elmadanews alone.
    expect(list('asas').confidence).toBe('unresolved');
    expect(ds.data.blocs.find((bloc) => bloc.id === 'cf-adjacent')!.confidence).toBe('unresolved');
    expect(ds.data.rules.notes.find((note) => note.id === 'cf-half-plus-one')!.confidence).toBe('unresolved');
  });

  it('only sources the dossier gives no address for lack a URL, and each says so', () => {
    const ds = iraq();
    const withoutUrl = ds.data.sources.filter((entry) => entry.url === undefined).map((entry) => entry.id).sort();
    expect(withoutUrl).toEqual(['elmadanews-2024-02', 'rudaw-2023-12-28', 'washington-institute-2023', 'wki-babylon']);
    for (const id of withoutUrl) expect(source(id).note, id).toMatch(/URL|not located|not found/);
    // The Dhi Qar size no longer rests on an address-less source.
    expect(source('shafaq-2024-dhiqar-questioning').url).toMatch(/^https:\/\/www\.shafaq\.com\//);
    expect(sourceIds(ds.data.councils.find((c) => c.id === 'dhiqar')!.seats.source)).toContain('hathalyoum-101806');
    expect(source('rudaw-research-2023-12-20').url).toMatch(/^https:\/\/rudawrc\.net\//);
  });
});

describe('the audit, item by item', () => {
  it('the 9 Feb 2024 deadline and the A/B/C grouping cite the Shafaq report that has them', () => {
    const ds = iraq();
    const shafaq = source('shafaq-2024-01-cf-groups');
    expect(shafaq.note).toContain('February 9, 2024');
    expect(shafaq.note).toContain('(A, B, and C)');
    const firstSitting = ds.data.rules.deadlines.find((deadline) => deadline.id === 'first-session')!;
    expect(firstSitting.note).toContain('9 Feb 2024 (shafaq-2024-01-cf-groups)');
    const groups = ds.data.rules.notes.find((note) => note.id === 'cf-abc-groups')!;
    expect(groups).toMatchObject({ source: 'shafaq-2024-01-cf-groups', confidence: 'documented' });
    expect(groups.text).toContain('was not published');
  });

  it('al-Hadba: seats documented, alignment unresolved, in no Sunni bloc', () => {
    const ds = iraq();
    expect(list('hadba')).toMatchObject({ family: 'unknown', confidence: 'unresolved' });
    expect(resolvedCouncil(ds, 'nineveh').lists.find((entry) => entry.id === 'hadba')).toMatchObject({ seats: 2, confidence: 'documented', blocs: [] });
  });

  it('Diyala: Diyalna may hold State of Law members, so the all-Diyalna boycott is a guess', () => {
    expect(list('diyalna').note).toContain('State of Law with Badr');
    const diyala = outcome('diyala');
    expect(diyala.governor.note).not.toContain('holds no seat');
    expect(diyala.boycott).toMatchObject({ units: ['diyalna'], members: 4, confidence: 'unresolved' });
  });

  it('Basra 2024: the voting coalition is inferred from "unanimous" among those present', () => {
    const coalition = outcome('basra').votingCoalition!;
    expect(coalition.confidence).toBe('inferred');
    expect(coalition.note).toMatch(/"unanimously" by those present/);
    expect(coalition.note).toMatch(/about half of the\s+CF members/);
  });

  it('Dhi Qar\'s 8 seats are "unattributed" everywhere, never "non-CF"', () => {
    const ds = iraq();
    expect(file('councils/dhiqar.yaml')).not.toMatch(/non-CF/i);
    expect(file('dataset.yaml')).not.toMatch(/non-CF/i);
    expect(resolvedCouncil(ds, 'dhiqar').lists.find((entry) => entry.id === 'unidentified')).toMatchObject({ name: 'Unattributed seats', seats: 8 });
  });

  it('NSF in Wasit, Dhi Qar and Maysan: documented preliminary figures, not reconstructions', () => {
    const ds = iraq();
    for (const [council, seats] of [['wasit', 2], ['dhiqar', 2], ['maysan', 3]] as const) {
      const nsf = resolvedCouncil(ds, council).lists.find((entry) => entry.id === 'nsf')!;
      expect(nsf, council).toMatchObject({ seats, confidence: 'documented' });
      expect(nsf.method, council).toBeUndefined();
      expect(nsf.source, council).toContain('alssaa-2023-12-29');
    }
  });

  it('Nineveh\'s 50,606 cites 964media and Kirkuk\'s Babylon Movement cites Rudaw and the WKI', () => {
    const ds = iraq();
    const ahl = ds.data.councils.find((c) => c.id === 'nineveh')!.lists.find((entry) => entry.list === 'ahl-ninawa')!;
    expect(ahl.votes).toMatchObject({ count: 50606, source: '964-7086' });
    const babylon = ds.data.councils.find((c) => c.id === 'kirkuk')!.quota[0]!;
    expect(sourceIds(babylon.source)).toEqual(expect.arrayContaining(['rudaw-2023-12-28', 'wki-babylon']));
  });
});

describe('unattributed seats: neutral by default', () => {
  const units = (council: string, seats?: string) => councilsFor(iraq(), seats === undefined ? {} : { seats }).find((c) => c.id === council)!.units;

  it('each unattributed seat is its own member; the bloc reading is a named seat set', () => {
    const ds = iraq();
    expect(unattributedReading(ds)).toBe('independent');
    const dhiqar = units('dhiqar').filter((unit) => unit.id.startsWith('unidentified'));
    expect(dhiqar.map((unit) => [unit.id, unit.seats, unit.kind])).toEqual(
      Array.from({ length: 8 }, (_, i) => [`unidentified-${i + 1}`, 1, 'member']),
    );
    expect(units('karbala').filter((unit) => unit.id.startsWith('unidentified')).map((unit) => unit.id)).toEqual(['unidentified-1']);
    expect(unattributedReading(ds, 'unattributed-as-blocs')).toBe('bloc');
    expect(units('dhiqar', 'unattributed-as-blocs').find((unit) => unit.id === 'unidentified')).toMatchObject({ seats: 8, kind: 'list' });
  });

  it('Dhi Qar Banzhaf: the 8 seats share 848/2072, not the 1/2 a single 8-seat unit gets', () => {
    const ds = iraq();
    // Weights Nabni 5, State of Law 3, NSF 2 and eight 1s; quota 10 of 18. Swings of a unit of weight w:
    // coalitions of the others summing to 10-w..9 (a = Nabni, b = State of Law, c = NSF, k singles):
    //   Nabni (5..9): {} k=5..8 56+28+8+1 = 93; {b} k=2..6 28+56+70+56+28 = 238; {c} k=3..7 56+70+56+28+8 = 218;
    //                 {b,c} k=0..4 1+8+28+56+70 = 163  => 712
    //   State of Law (7..9): {} k=7,8 8+1 = 9; {a} k=2..4 28+56+70 = 154; {c} k=5..7 56+28+8 = 92; {a,c} k=0..2 1+8+28 = 37 => 292
    //   NSF (8..9): {} k=8 1; {a} k=3,4 56+70 = 126; {b} k=5,6 56+28 = 84; {a,b} k=0,1 1+8 = 9 => 220
    //   one single (9, from a, b, c and 7 singles): {a} C(7,4) 35; {b} C(7,6) 7; {c} C(7,7) 1; {a,b} C(7,1) 7;
    //                 {a,c} C(7,2) 21; {b,c} C(7,4) 35 => 106
    // Total 712 + 292 + 220 + 8 x 106 = 2072.
    const analysis = analyzeCouncil(councilsFor(ds).find((c) => c.id === 'dhiqar')!);
    const share = new Map(analysis.units.map((unit, i) => [unit.id, formatRational(analysis.power!.banzhaf.players[i]!.value)]));
    expect(share.get('nabni')).toBe('89/259'); // 712/2072
    expect(share.get('state-of-law')).toBe('73/518'); // 292/2072
    expect(share.get('nsf')).toBe('55/518'); // 220/2072
    for (let seat = 1; seat <= 8; seat++) expect(share.get(`unidentified-${seat}`)).toBe('53/1036'); // 106/2072
    // The bloc reading: weights 5, 3, 2, 8; swings 2, 2, 2, 6 of 12, so the placeholder gets 1/2.
    const bloc = analyzeCouncil(councilsFor(ds, { seats: 'unattributed-as-blocs' }).find((c) => c.id === 'dhiqar')!);
    const placeholder = bloc.units.findIndex((unit) => unit.id === 'unidentified');
    expect(formatRational(bloc.power!.banzhaf.players[placeholder]!.value)).toBe('1/2');
  });

  it('no prediction pairs a list with the unattributed seats as if they were one party', () => {
    const ds = iraq();
    const analysis = analyzeCouncil(councilsFor(ds).find((c) => c.id === 'dhiqar')!);
    const fewest = analysis.predictions.find((prediction) => prediction.theory === 'fewest-parties')!;
    // Fewest parties: Nabni + State of Law + NSF (5 + 3 + 2 = 10) is the only three-unit majority.
    expect(fewest.coalitions.map((coalition) => coalition.units.join('+'))).toEqual(['nabni+state-of-law+nsf']);
  });
});

describe('switchable estimates', () => {
  it('offers the Dhi Qar, Maysan and all-unassigned alternatives', () => {
    const ds = iraq();
    const seats = (set: string, council: string, id: string) => resolvedCouncil(ds, council, set).lists.find((entry) => entry.id === id)?.seats ?? 0;
    expect([seats('dhiqar-nabni-4-sol-4', 'dhiqar', 'nabni'), seats('dhiqar-nabni-4-sol-4', 'dhiqar', 'state-of-law')]).toEqual([4, 4]);
    expect([seats('maysan-nabni-5', 'maysan', 'nabni'), seats('maysan-nabni-5', 'maysan', 'state-of-law')]).toEqual([5, 4]);
    expect([seats('maysan-absher-1', 'maysan', 'nabni'), seats('maysan-absher-1', 'maysan', 'absher')]).toEqual([5, 1]);
    // Everything left after the reconstruction is taken away is documented or a placeholder.
    for (const council of ['karbala', 'wasit', 'dhiqar', 'maysan']) {
      for (const entry of resolvedCouncil(ds, council, 'reconstructions-unassigned').lists) {
        expect(entry.id === 'unidentified' || entry.confidence === 'documented', `${council}/${entry.id}`).toBe(true);
      }
    }
    // Karbala 6 + Wasit 13 + Dhi Qar 16 + Maysan 9 = 44 unattributed seats; 275 general seats still.
    expect(nationalTotals(ds, 'reconstructions-unassigned').byList['unidentified']).toBe(44);
    expect(nationalTotals(ds, 'reconstructions-unassigned').general).toBe(275);
  });

  it('marks national matches the estimates were fitted to apart from confirmed ones', () => {
    const ds = iraq();
    const kinds = Object.fromEntries(publishedChecks(ds, 'final').map((check) => [check.id, check.kind]));
    expect(kinds).toEqual({
      'total-seats': 'fitted',
      'total-general': 'fitted',
      'total-quota': 'confirmed',
      'cf-big-three-final': 'fitted',
      nabni: 'fitted',
      'state-of-law': 'fitted',
      'nsf-final': 'fitted',
      'taqaddum-final': 'confirmed',
      siyada: 'confirmed',
      azm: 'confirmed',
      tasmim: 'confirmed',
      'kurdish-parties': 'confirmed',
    });
    // Which estimates a fitted figure rests on: Nabni's reconstructed Karbala 2, Wasit 2, Dhi Qar 5, Maysan 6
    // (43 - 28 documented = 15 = 2 + 2 + 5 + 6); General seats: Wasit's 15 by subtraction.
    const checks = publishedChecks(ds, 'final');
    expect(checks.find((check) => check.id === 'nabni')!.fittedEstimates.map((e) => [e.council, e.seats])).toEqual([
      ['karbala', 2], ['wasit', 2], ['dhiqar', 5], ['maysan', 6],
    ]);
    expect(checks.find((check) => check.id === 'total-general')!.fittedEstimates).toEqual([{ council: 'wasit', seats: 15, method: 'subtraction' }]);
    expect(checks.find((check) => check.id === 'taqaddum-final')!.fittedEstimates).toEqual([]);
    const preliminary = Object.fromEntries(publishedChecks(ds, 'preliminary').map((check) => [check.id, check.kind]));
    // NSF's preliminary 23 = 16 in documented councils + alssaa's preliminary Wasit 2, Dhi Qar 2, Maysan 3:
    // documented seats only, so it is confirmed; the big three's 101 still includes reconstructed seats.
    expect(preliminary).toMatchObject({ 'cf-big-three-preliminary': 'fitted', 'nsf-preliminary': 'confirmed', 'taqaddum-preliminary': 'confirmed' });
  });
});
