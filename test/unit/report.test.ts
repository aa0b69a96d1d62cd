/**
 * The report draws what the run decides: for every bundled scenario and council, the seats drawn (per
 * unit, present and absent) are the seats in the run result, the governing alignment's seats are the
 * ones highlighted, and the page stays self-contained. Expected figures come from the run result and
 * from the scenario files' own hand-computed comments, never from the renderer.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarioNames, loadScenario, runScenario, scenarioFromDocument, type CouncilResult } from '../../src/index.js';
import { councilHemicycleSvg, hemicycleLayout, reportData, scenarioReport } from '../../src/report/index.js';
import { thresholdAngles } from '../../src/report/hemicycle.js';
import { REPO_ROOT } from '../helpers/cli.js';

/** The circles of one council's section of the page, with their data attributes. */
function sectionSeats(html: string, councilId: string): { unit: string; owner: string; state: string; estimated: boolean; fill: string }[] {
  const start = html.indexOf(`<section class="council" id="council-${councilId}"`);
  expect(start, `section for ${councilId}`).toBeGreaterThan(0);
  const section = html.slice(start, html.indexOf('</section>', start));
  return [...section.matchAll(/<circle [^>]*data-unit="([^"]*)" data-owner="([^"]*)" data-state="([^"]*)"([^>]*)>/g)].map((match) => ({
    unit: match[1]!.replace(/&gt;/g, '>'),
    owner: match[2]!,
    state: match[3]!,
    estimated: match[4]!.includes('data-estimated="true"'),
    fill: /fill="([^"]*)"/.exec(match[0])![1]!,
  }));
}

function expectedSeatsByOwner(result: CouncilResult): Map<string, { seats: number; present: number }> {
  return new Map(result.units.filter((unit) => unit.seats > 0).map((unit) => [unit.id, { seats: unit.seats, present: unit.present }]));
}

describe('seats drawn equal the seats in the run result', () => {
  for (const name of bundledScenarioNames()) {
    it(`${name}: every council, per unit, present and absent`, async () => {
      const scenario = loadScenario(name);
      const run = runScenario(scenario);
      const html = await scenarioReport(scenario, { run });
      for (const result of run.councils) {
        const seats = sectionSeats(html, result.id);
        expect(seats, result.id).toHaveLength(result.seats);
        const drawn = new Map<string, { seats: number; present: number }>();
        for (const seat of seats) {
          const entry = drawn.get(seat.owner) ?? { seats: 0, present: 0 };
          entry.seats++;
          if (seat.state !== 'absent') entry.present++;
          drawn.set(seat.owner, entry);
        }
        expect(drawn, result.id).toEqual(expectedSeatsByOwner(result));
        // Seats ringed solid are the present votes of the elected alignment; a deadlocked or open council has none.
        const highlighted = seats.filter((seat) => seat.state === 'governing').length;
        expect(highlighted, `${result.id} highlighted`).toBe(result.outcome.status === 'elected' ? result.outcome.votes : 0);
      }
    });
  }
});

describe('the Najaf hemicycle under the Badr–Sadr understanding', () => {
  it('draws both claims on Najaf dashed (deadlock), the deal first, and hatches the estimated factions', async () => {
    const scenario = loadScenario('badr-sadr-najaf-maysan');
    const html = await scenarioReport(scenario, { probabilities: false });
    const seats = sectionSeats(html, 'najaf');
    // Scenario file: deal badr 1 + hikma 1 + wathiqoon's defector 1 (+ sadrists 0) = 3 < 8; the CF rump
    // aah 2 + state-of-law 3 + nasr 1 + absher 1 = 7 < 8. Nobody reaches 8: no seat is ringed solid.
    expect(seats.some((seat) => seat.state === 'governing')).toBe(false);
    expect(seats.slice(0, 3).map((seat) => seat.unit).sort()).toEqual(['badr', 'hikma', 'wathiqoon>badr-sadr']);
    expect(seats.slice(3, 10).map((seat) => seat.owner)).toEqual(['aah', 'aah', 'state-of-law', 'state-of-law', 'state-of-law', 'nasr', 'absher']);
    expect(seats.slice(0, 10).every((seat) => seat.state === 'competing')).toBe(true);
    expect(seats.slice(10).every((seat) => seat.state === 'other')).toBe(true);
    // Faction seats are the dataset's inferred split: drawn hatched. Listed seats are documented: solid.
    for (const seat of seats) {
      const estimated = ['badr', 'aah', 'hikma', 'nasr'].includes(seat.owner);
      expect(seat.estimated, seat.unit).toBe(estimated);
      expect(seat.fill.startsWith('url(#'), seat.unit).toBe(estimated);
    }
    expect(html).toMatch(/<bdi dir="rtl" lang="ar">النجف<\/bdi>/);
    expect(html).toContain('aah 2 + state-of-law 3 + nasr 1 + absher 1 = 7 &lt; 8');
  });

  it('draws absent members hollow (Kirkuk 2024: KDP, Arab Alliance and ITF stay away)', async () => {
    const scenario = loadScenario('kirkuk-2024');
    const run = runScenario(scenario);
    const kirkuk = run.councils.find((council) => council.id === 'kirkuk')!;
    const html = await scenarioReport(scenario, { run, probabilities: false });
    const absent = sectionSeats(html, 'kirkuk').filter((seat) => seat.state === 'absent');
    expect(absent).toHaveLength(kirkuk.seats - kirkuk.present);
    expect(absent.length).toBeGreaterThan(0);
    expect(absent.every((seat) => seat.fill === '#fff')).toBe(true);
  });
});

describe('hemicycle layout', () => {
  it.each([1, 2, 3, 7, 13, 15, 16, 23, 29, 52, 100, 285])('%i seats: one position each, no overlap, inside the drawing, left to right', (n) => {
    const layout = hemicycleLayout(n);
    expect(layout.seats).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      const a = layout.seats[i]!;
      expect(a.x - layout.dot).toBeGreaterThanOrEqual(0);
      expect(a.x + layout.dot).toBeLessThanOrEqual(400);
      expect(a.y - layout.dot).toBeGreaterThanOrEqual(0);
      if (i > 0) expect(a.angle).toBeLessThanOrEqual(layout.seats[i - 1]!.angle);
      for (let j = i + 1; j < n; j++) {
        const b = layout.seats[j]!;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(2 * layout.dot - 1e-9);
      }
    }
  });
});

describe('the majority line', () => {
  it.each([[15, 8], [13, 7], [52, 27], [16, 9], [29, 15], [3, 2], [285, 143]])('%i seats: on every ring it separates the first %i seats from the rest', (n, majority) => {
    const layout = hemicycleLayout(n);
    const angles = thresholdAngles(layout, majority);
    layout.seats.forEach((seat, index) => {
      const boundary = angles[seat.ring]!;
      if (index < majority) expect(seat.angle, `seat ${index}`).toBeGreaterThan(boundary);
      else expect(seat.angle, `seat ${index}`).toBeLessThan(boundary);
    });
  });
});

describe('the page', () => {
  it('is self-contained: no script, stylesheet, image, font or frame is fetched', async () => {
    const html = await scenarioReport(loadScenario('badr-sadr-najaf-maysan'), { against: loadScenario('baseline') });
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\((?!#)/i);
    expect(html).toContain("default-src 'none'");
  });

  it('links every citation to an entry of the sources list, which gives outlet, date and URL', async () => {
    const html = await scenarioReport(loadScenario('badr-sadr-najaf-maysan'), { probabilities: false });
    const cited = new Set([...html.matchAll(/href="#src-([^"]+)"/g)].map((match) => match[1]!));
    const listed = new Set([...html.matchAll(/<li id="src-([^"]+)"/g)].map((match) => match[1]!));
    expect(cited.size).toBeGreaterThan(5);
    expect(listed).toEqual(cited);
    // Step references in the traces and the diff lead to the list of steps.
    const stepLinks = new Set([...html.matchAll(/href="#step-([^"]+)"/g)].map((match) => match[1]!));
    const stepIds = new Set([...html.matchAll(/<li id="step-([^"]+)"/g)].map((match) => match[1]!));
    expect(stepLinks.size).toBeGreaterThan(0);
    for (const link of stepLinks) expect(stepIds, link).toContain(link);
    // The Najaf seats rest on Shafaq's final results of 28 Dec 2023.
    expect(html).toMatch(/<li id="src-shafaq-2023-12-28-final"><strong>Shafaq News \(hathalyoum mirror\)<\/strong>, 2023-12-28: <cite>[^<]+<\/cite> — <a class="url" href="https:\/\/english\.hathalyoum\.net/);
  });

  it('shows the national CF line: 102 final, 101 preliminary, each recomputed from the councils', async () => {
    const html = await scenarioReport(loadScenario('baseline'), { probabilities: false });
    expect(html).toMatch(/<strong>102<\/strong> seats: CF big three[^<]*final results[\s\S]*?add up to 102 ✓/);
    expect(html).toMatch(/<strong>101<\/strong> seats: CF big three[^<]*preliminary results[\s\S]*?add up to 101 ✓/);
  });

  it('lists changed councils first against the baseline, each with the causing step', async () => {
    const html = await scenarioReport(loadScenario('badr-sadr-najaf-maysan'), { against: loadScenario('baseline'), probabilities: false });
    const changes = html.slice(html.indexOf('<section id="changes"'), html.indexOf('</section>', html.indexOf('<section id="changes"')));
    expect(changes).toContain('id="diff-najaf"');
    expect(changes).toContain('id="diff-maysan"');
    const najaf = changes.slice(changes.indexOf('id="diff-najaf"'), changes.indexOf('</article>', changes.indexOf('id="diff-najaf"')));
    // The deal is the scenario's 6th step (after the CF bloc and four splits).
    expect(najaf).toMatch(/<a href="#step-step_206"><strong>badr-sadr-najaf-maysan step 6<\/strong><\/a> \(deal\)/);
    expect(html).toContain('<li id="step-step_206"><strong>step 6</strong> <code>deal</code>');
    // Before and after hemicycles, each with Najaf's 15 seats.
    expect([...najaf.matchAll(/class="hemicycle" data-council="najaf" data-seats="15"/g)]).toHaveLength(2);
  });

  it('draws the probabilities block: per council and the distribution of CF governorships, summing to 1', async () => {
    const html = await scenarioReport(loadScenario('badr-sadr-najaf-maysan'));
    const section = html.slice(html.indexOf('<section id="probabilities"'), html.indexOf('</section>', html.indexOf('<section id="probabilities"')));
    const bars = [...section.matchAll(/data-k="(\d+)" data-p="([^"]+)"/g)].map((match) => Number(match[2]));
    expect(bars.length).toBeGreaterThanOrEqual(2);
    expect(bars.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
    expect(section).toContain('href="#council-najaf"');
  });
});

describe('competing alignments and the confidence of each council, as the run gives them', () => {
  it('rings the elected alignment solid and every other claim dashed, and shows the run\'s confidence', async () => {
    const scenario = loadScenario('badr-sadr-najaf-maysan');
    const run = runScenario(scenario);
    const html = await scenarioReport(scenario, { run, probabilities: false });
    for (const id of ['najaf', 'maysan']) {
      const council = run.councils.find((entry) => entry.id === id)!;
      const seats = sectionSeats(html, id);
      const elected = council.alignments.find((alignment) => alignment.status === 'elected');
      const claims = council.alignments.filter((alignment) => alignment !== elected && alignment.status !== 'void' && (alignment.kind === 'deal' || alignment.kind === 'bloc' || alignment.kind === 'rump'));
      // Every present member of the elected alignment is ringed solid, of the other claims dashed.
      expect(seats.filter((seat) => seat.state === 'governing').length, id).toBe(council.outcome.status === 'elected' ? elected!.votes : 0);
      expect(seats.filter((seat) => seat.state === 'competing').length, id).toBe(claims.reduce((sum, alignment) => sum + alignment.votes, 0));
      expect(html, id).toMatch(new RegExp(`aria-labelledby="council-${id}-h">[\\s\\S]*?confidence <span class="conf conf-${council.confidence}">`));
    }
    // Maysan (13 members, majority 7): the CF rump without Badr, aah 2 + state-of-law 3 + nsf 1 + absher 1 = 7, is
    // elected; the deal badr-sadr (badr 5 + sadrists 0) competes. Najaf: nobody reaches 8, so no seat is solid.
    const maysan = run.councils.find((entry) => entry.id === 'maysan')!;
    expect(maysan.outcome.status).toBe('elected');
    expect(sectionSeats(html, 'najaf').some((seat) => seat.state === 'governing')).toBe(false);
  });
});

describe('another dataset', () => {
  it('places provinces the grid does not know from the top, and draws their seats', async () => {
    const scenario = scenarioFromDocument({ name: 'tiny', dataset: 'test/fixtures/datasets/tiny', steps: [] }, { cwd: REPO_ROOT });
    const run = runScenario(scenario);
    const html = await scenarioReport(scenario, { run });
    const rows = [...html.matchAll(/class="tile [^"]*" href="[^"]*" style="grid-column:(\d+);grid-row:(\d+)"/g)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(rows).toEqual(run.councils.map((_, i) => [(i % 4) + 1, Math.floor(i / 4) + 1]));
    for (const council of run.councils) expect(sectionSeats(html, council.id)).toHaveLength(council.seats);
  });
});

describe('untrusted text', () => {
  it('escapes names and links only web addresses', async () => {
    const scenario = scenarioFromDocument({
      name: '<img src=x onerror=alert(1)> & co',
      dataset: 'iraq-2023',
      sources: [{ id: 'sneaky', url: 'javascript:alert(1)' }],
      steps: [{ absent: { council: 'najaf', units: ['madar'] }, source: 'sneaky' }],
    });
    const html = await scenarioReport(scenario, { probabilities: false });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
    expect(html).not.toMatch(/href="javascript:/i);
  });
});

describe('standalone SVG and report data from the library', () => {
  it('one council as an SVG file with its own patterns and one circle per seat', () => {
    const svg = councilHemicycleSvg(loadScenario('badr-sadr-najaf-maysan'), 'najaf');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('<pattern id="gs-h');
    expect([...svg.matchAll(/<circle [^>]*data-unit=/g)]).toHaveLength(15);
  });

  it('report data for a scenario built in code derives the alignment from the outcome', () => {
    const scenario = scenarioFromDocument({
      name: 'Karbala alone',
      dataset: 'iraq-2023',
      steps: [{ absent: { council: 'karbala', units: ['ibdaa-karbala'], seats: 1 } }],
    });
    const data = reportData(scenario);
    const karbala = data.councils.find((council) => council.id === 'karbala')!;
    const run = runScenario(scenario).councils.find((council) => council.id === 'karbala')!;
    expect(karbala.units.reduce((sum, unit) => sum + unit.seats, 0)).toBe(run.seats);
    expect(karbala.units.reduce((sum, unit) => sum + unit.present, 0)).toBe(run.present);
    expect(karbala.alignments.map((alignment) => alignment.votes)).toEqual(run.outcome.basis === 'none' ? [] : [run.outcome.votes]);
  });
});
