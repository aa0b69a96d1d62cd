/**
 * What `govsim sources` says about a council's figures (src/dataset/sources.ts), against the bundled
 * data/iraq-2023 files read by hand: seat totals, list and quota figures, estimates, seat-set overrides
 * followed through `extends`, blocs limited to their councils, and one-line source descriptions.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/dataset.js';
import { councilSources, sourceLine } from '../../src/dataset/sources.js';
import { thrown } from '../helpers/errors.js';

// Loaded inside each test (memoised per process), never while the file is collected.
const iraq = () => loadDataset('iraq-2023');
const figure = (council: string, subject: string, seats?: string) =>
  councilSources(iraq(), council, seats).figures.find((entry) => entry.subject === subject);
const subjects = (council: string, prefix: string, seats?: string) =>
  councilSources(iraq(), council, seats).figures.map((entry) => entry.subject).filter((subject) => subject.startsWith(prefix));

describe('councilSources: the council file', () => {
  it('rejects an unknown council by name', () => {
    expect(thrown(() => councilSources(iraq(), 'atlantis'), RangeError).message).toBe('unknown council atlantis');
  });

  // kirkuk.yaml: general 15, quota 1 → 15 + 1 = 16 members.
  it('adds general and quota seats into the total', () => {
    expect(figure('kirkuk', 'seats')).toStrictEqual({
      subject: 'seats',
      value: '16 seats (15 general + 1 quota)',
      confidence: 'documented',
      sources: ['nerinaazad2-2023-12-29', 'shafaq-2023-12-29-quota', 'zoomnews-46214'],
    });
  });

  // wasit.yaml: the seat total is inferred by subtraction, with a note.
  it('carries the seat total\'s method and note under their own keys', () => {
    expect(figure('wasit', 'seats')).toStrictEqual({
      subject: 'seats',
      value: '16 seats (15 general + 1 quota)',
      confidence: 'inferred',
      method: 'subtraction',
      note: '275 general seats minus the 260 of the other 14 councils; no source states Wasit\'s size.',
      sources: ['anadolu-2023-12-29', 'shafaq-2023-12-29-quota'],
    });
  });

  // karbala.yaml: State of Law 2 seats, 31,656 preliminary votes, reconstructed; Ibdaa 7 with a quoted note.
  it('gives a list\'s seats (plural), votes, method and note', () => {
    expect(figure('karbala', 'list state-of-law')).toStrictEqual({
      subject: 'list state-of-law',
      value: '2 seats, 31,656 votes (preliminary)',
      unit: 'state-of-law',
      confidence: 'inferred',
      method: 'sainte-lague-reconstruction',
      sources: ['964-6301', 'shafaq-2023-12-19-preliminary'],
    });
    expect(figure('karbala', 'list ibdaa-karbala')).toStrictEqual({
      subject: 'list ibdaa-karbala',
      value: '7 seats, 99,166 votes (preliminary)',
      unit: 'ibdaa-karbala',
      confidence: 'documented',
      note: '"7 seats out of 13 ... We are now engaged in a fierce battle to win the eighth seat" (964media).',
      sources: ['964-6916', 'elmadanews-2024-02', '964-6301'],
    });
    // karbala.yaml: NSF has 1 seat and no votes → singular, no vote clause.
    expect(figure('karbala', 'list nsf')?.value).toBe('1 seat');
  });

  it('names a quota seat\'s member, with the affiliation in brackets when there is one', () => {
    // kirkuk.yaml: the Christian seat, with the Babylon Movement affiliation (folded YAML, one line).
    expect(figure('kirkuk', 'quota-christian')?.value).toBe(
      'Christian seat: Ingil Zia Shiba Zia al-Barwari (Babylon Movement (Rayan al-Kildani\'s): "close to Shiite militia groups" (Rudaw) and an "ally of the PUK" (Washington Kurdish Institute))',
    );
    // wasit.yaml: the Feyli seat has no affiliation, only a note.
    expect(figure('wasit', 'quota-feyli')).toStrictEqual({
      subject: 'quota-feyli',
      value: 'Feyli Kurd seat: Adel Mohammed Kadhim Joudi',
      unit: 'quota-feyli',
      confidence: 'documented',
      note: 'Contested between candidates of Wasit Ajmal and State of Law (shafaq-wasit-feyli); his list affiliation is unresolved.',
      sources: ['shafaq-2023-12-29-quota'],
    });
  });

  it('reports a partly reconstructed council\'s estimate, and none for a documented one', () => {
    // karbala.yaml: `estimate` with method sainte-lague-reconstruction, confidence inferred.
    const estimate = figure('karbala', 'estimate');
    expect([estimate?.value, estimate?.confidence, estimate?.method, estimate?.sources]).toEqual([
      'per-list figures partly reconstructed', 'inferred', 'sainte-lague-reconstruction', [],
    ]);
    expect(estimate?.note).toMatch(/^Best estimate: Ibdaa 7 \(documented\), State of Law 2, Nabni 2, NSF 1, one unattributed seat\./);
    // kirkuk.yaml has no `estimate`.
    expect(figure('kirkuk', 'estimate')).toBeUndefined();
  });
});

describe('councilSources: seat-set overrides', () => {
  // dataset.yaml, seat set ihec-final (extends final): Salah al-Din's Jamaheer 5 and National Framework 2.
  it('lists the overrides of the seat set for this council only', () => {
    expect(subjects('salahaddin', 'seat set', 'ihec-final')).toEqual(['seat set ihec-final: jamaheer', 'seat set ihec-final: national-framework']);
    expect(figure('salahaddin', 'seat set ihec-final: jamaheer', 'ihec-final')).toStrictEqual({
      subject: 'seat set ihec-final: jamaheer',
      value: '5 seats',
      unit: 'jamaheer',
      confidence: 'documented',
      note: 'Before the ruling disqualified the votes of Jamaheer candidate Zuhair al-Ajili.',
      sources: ['shafaq-2024-01-10-salahaddin'],
    });
    // The default seat set (final) has no overrides; ihec-final has none for Baghdad.
    expect(subjects('salahaddin', 'seat set')).toEqual([]);
    expect(subjects('baghdad', 'seat set', 'ihec-final')).toEqual([]);
  });

  // preliminary extends ihec-final: Salah al-Din keeps the ihec-final overrides, Karbala gets its own two.
  it('follows `extends`, inherited overrides first', () => {
    expect(subjects('salahaddin', 'seat set', 'preliminary')).toEqual(['seat set ihec-final: jamaheer', 'seat set ihec-final: national-framework']);
    expect(subjects('karbala', 'seat set', 'preliminary')).toEqual(['seat set preliminary: nsf', 'seat set preliminary: unidentified']);
  });

  it('writes one seat in the singular, and 0 or several in the plural', () => {
    // preliminary: Baghdad absher 1 seat; Karbala nsf 0 seats, with method and note.
    expect(figure('baghdad', 'seat set preliminary: absher', 'preliminary')?.value).toBe('1 seat');
    expect(figure('baghdad', 'seat set preliminary: taqaddum', 'preliminary')?.value).toBe('9 seats');
    const nsf = figure('karbala', 'seat set preliminary: nsf', 'preliminary');
    expect([nsf?.value, nsf?.method, nsf?.sources]).toEqual(['0 seats', 'sainte-lague-reconstruction', ['abna24-2023-12-20', 'alssaa-2023-12-29']]);
    expect(nsf?.note).toMatch(/^NSF had 23 seats in the preliminary results and 24 in the final ones;/);
  });

  // wasit-ajmal-7: Wasit NSF 3 seats with factions { hikma: 2, nasr: 1 }, method and note.
  it('spells out an override\'s faction split', () => {
    expect(figure('wasit', 'seat set wasit-ajmal-7: nsf', 'wasit-ajmal-7')).toStrictEqual({
      subject: 'seat set wasit-ajmal-7: nsf',
      value: '3 seats (hikma 2, nasr 1)',
      unit: 'nsf',
      confidence: 'inferred',
      method: 'sainte-lague-reconstruction',
      note: 'The faction split follows the faction-split method (odd seat to Hikma, the senior partner).',
      sources: ['alssaa-2023-12-29', 'musings-2023-12-27'],
    });
    // The same set's Ajmal override has no factions, so no brackets and no `note` key.
    expect(figure('wasit', 'seat set wasit-ajmal-7: wasit-ajmal', 'wasit-ajmal-7')).toStrictEqual({
      subject: 'seat set wasit-ajmal-7: wasit-ajmal',
      value: '7 seats',
      unit: 'wasit-ajmal',
      confidence: 'inferred',
      method: 'sainte-lague-reconstruction',
      sources: ['964-6301', 'musings-2023-12-27'],
    });
  });
});

describe('councilSources: blocs', () => {
  // anbar.yaml lists taqaddum, anbar-hawiyatuna, qimam, siyada, azm, hasm, anbar-muttahid: all Sunni-bloc
  // members, and the first three the Taqaddum bloc, which dataset.yaml limits to `councils: [anbar]`.
  it('shows a bloc limited to some councils only there', () => {
    expect(subjects('anbar', 'bloc ')).toEqual(['bloc sunni', 'bloc taqaddum-bloc']);
    expect(figure('anbar', 'bloc taqaddum-bloc')?.value).toBe('Taqaddum bloc (Anbar): taqaddum, anbar-hawiyatuna, qimam');
    // Baghdad has Taqaddum too, but not the Anbar bloc; its blocs, in dataset order, from its lists and quota seats.
    expect(subjects('baghdad', 'bloc ')).toEqual(['bloc cf', 'bloc cf-adjacent', 'bloc sunni', 'bloc minority', 'bloc shia-other']);
  });
});

describe('sourceLine', () => {
  const base = { id: 'made-up', publisher: 'Pub', title: 'Title' } as const;

  it('marks an id the sources table lacks', () => {
    expect(sourceLine({ id: 'ghost', missing: true })).toBe('ghost: (not in the dataset\'s sources table)');
  });

  // dataset.yaml: law-21-2008 has no date, a dateNote, a URL and reliability high.
  it('uses the dateNote when there is no date', () => {
    const law = iraq().data.sources.find((entry) => entry.id === 'law-21-2008')!;
    expect(sourceLine(law)).toBe(
      'law-21-2008: UNAMI (unofficial translation), "Law of Governorates not Organised into a Region, No. 21 of 2008" · No date on the page. · reliability high · https://docslib.org/doc/2279685/law-of-governorates-not-organised-into-a-region-no-21-of-2008',
    );
  });

  it('says "undated" with neither date nor dateNote, and leaves out absent reliability, URL and note', () => {
    expect(sourceLine({ ...base, note: 'no page' })).toBe('made-up: Pub, "Title" · undated · no page');
    expect(sourceLine({ ...base, date: '2020-01', url: 'https://example.org/x' })).toBe('made-up: Pub, "Title" · 2020-01 · https://example.org/x');
  });
});
