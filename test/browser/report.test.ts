/**
 * The report in a real browser: Debian's Chromium, driven by playwright-core (no browser download),
 * opens the page the built CLI wrote, from disk. Checks what only a browser can: nothing is fetched,
 * nothing logs an error, the drawn seats per council match the run, the layout fits 390 px and 1440 px
 * without horizontal scrolling, the pixels of the Najaf hemicycle show the coalition's rings where the
 * coalition is, and axe-core finds no accessibility violation.
 *
 * Without Chromium the suite is skipped on a workstation and fails under CI=true (.ci/run installs it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, runScenario } from '../../src/index.js';
import { PALETTE } from '../../src/report/palette.js';
import { ensureBuilt, runBin } from '../helpers/cli.js';
import { colourDistance, decodePng, hexColour, pixel } from '../helpers/png.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const hasChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';

if (!hasChromium && inCi) {
  describe('the report in Chromium', () => {
    it('needs Debian chromium under CI (.ci/run installs it with apt-get)', () => {
      expect.fail(`${CHROMIUM} is missing: CI must run the browser tests (apt-get install -y chromium)`);
    });
  });
}

const title = hasChromium ? 'the report in Chromium' : `the report in Chromium: SKIPPED, ${CHROMIUM} is not installed (.ci/run installs it)`;

describe.skipIf(!hasChromium)(title, { timeout: 120_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'govsim-report-'));
  const file = join(scratch, 'badr-sadr.html');
  const url = pathToFileURL(file).href;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    const made = runBin(['report', 'badr-sadr-najaf-maysan', '--out', file]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Opens the report at a width, recording every request and every console error. */
  async function open(width: number, options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, ...(options.bypassCSP ? { bypassCSP: true } : {}) });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, errors };
  }

  for (const width of [390, 1440]) {
    it(`${width} px: no request beyond the file, no console error, no horizontal scrolling`, async () => {
      const { page, requests, errors } = await open(width);
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      const overflow = await page.evaluate<{ scroll: number; view: number; body: number }>('({ scroll: document.documentElement.scrollWidth, view: window.innerWidth, body: document.body.scrollWidth })');
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.view);
      expect(overflow.body).toBeLessThanOrEqual(overflow.view);
      // Nor inside the tiles: no name or badge spills over its province's border.
      const spilling = await page.evaluate<string[]>("[...document.querySelectorAll('.tile')].filter((tile) => tile.scrollWidth > tile.clientWidth).map((tile) => tile.dataset.council)");
      expect(spilling).toEqual([]);
      await page.context().close();
    });
  }

  it('draws, per council, as many seats as the run result holds (and its absent ones hollow)', async () => {
    const { page } = await open(1440);
    // Browser-side code as text: the project's type check has no DOM library.
    const drawn = await page.evaluate(`[...document.querySelectorAll('section.council')].map((section) => ({
        id: section.id.replace(/^council-/, ''),
        seats: section.querySelectorAll('svg.hemicycle circle[data-unit]').length,
        absent: section.querySelectorAll('svg.hemicycle circle[data-state="absent"]').length,
        visible: [...section.querySelectorAll('svg.hemicycle circle[data-unit]')].filter((circle) => circle.getBoundingClientRect().width > 0).length,
      }))`);
    const run = runScenario(loadScenario('badr-sadr-najaf-maysan'));
    expect(drawn).toEqual(run.councils.map((council) => ({ id: council.id, seats: council.seats, absent: council.seats - council.present, visible: council.seats })));
    await page.context().close();
  });

  it('the Maysan screenshot rings the elected CF rump, hatches the estimated seats, and rings no other seat solid', async () => {
    const { page } = await open(1440);
    const svg = page.locator('#council-maysan svg.hemicycle');
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    const seats = await page.evaluate<{ unit: string; state: string; estimated: boolean; fill: string; x: number; y: number; r: number }[]>(`(() => {
      const root = document.querySelector('#council-maysan svg.hemicycle').getBoundingClientRect();
      return [...document.querySelectorAll('#council-maysan svg.hemicycle circle[data-unit]')].map((circle) => {
        const rect = circle.getBoundingClientRect();
        return {
          unit: circle.getAttribute('data-unit'),
          state: circle.getAttribute('data-state'),
          estimated: circle.getAttribute('data-estimated') === 'true',
          fill: circle.getAttribute('fill'),
          x: rect.left + rect.width / 2 - root.left,
          y: rect.top + rect.height / 2 - root.top,
          r: rect.width / 2,
        };
      });
    })()`);
    const image = decodePng(await svg.screenshot({ path: join(scratch, 'maysan.png') }));
    expect(Math.abs(image.width - box.width)).toBeLessThanOrEqual(1);
    const ringed = seats.filter((seat) => seat.state === 'governing');
    // Maysan, 13 members, majority 7: the CF rump aah 3 + state-of-law 3 + nasr 1 = 7 is elected (scenario file).
    expect(ringed.map((seat) => seat.unit).sort()).toEqual(['aah', 'aah', 'aah', 'nasr', 'state-of-law', 'state-of-law', 'state-of-law']);
    const black: [number, number, number] = [0, 0, 0];
    for (const seat of ringed) {
      // The ring is centred on the circle's edge: the pixel there is black.
      expect(colourDistance(pixel(image, seat.x + seat.r, seat.y), black), `${seat.unit} ring`).toBeLessThan(60);
    }
    // Maysan's list seats are all reconstructed (inferred): every ringed seat is hatched, none solid.
    expect(ringed.every((seat) => seat.estimated && seat.fill.startsWith('url(#'))).toBe(true);
    // The Sabean quota seat is documented: solid fill in its colour.
    const sabean = seats.find((seat) => seat.unit === 'quota-sabean')!;
    expect(PALETTE).toContain(sabean.fill);
    expect(colourDistance(pixel(image, sabean.x, sabean.y), hexColour(sabean.fill))).toBeLessThan(40);
    // The coalition sits at the left end, before the majority line.
    const others = seats.filter((seat) => seat.state !== 'governing');
    expect(Math.max(...ringed.map((seat) => seat.x))).toBeLessThan(Math.min(...others.filter((seat) => seat.y > box.height * 0.5).map((seat) => seat.x)));
    for (const seat of others) {
      // Unringed: at the same offset as a ring the pixel is the seat's own fill, never black.
      const inside = pixel(image, seat.x + seat.r * 0.75, seat.y);
      expect(colourDistance(inside, black), `${seat.unit} unringed`).toBeGreaterThan(40);
    }
    // Hatched seats show both white stripes and colour within their disc.
    for (const seat of seats.filter((entry) => entry.estimated)) {
      const samples = new Set<string>();
      for (let dx = -seat.r * 0.5; dx <= seat.r * 0.5; dx += 1) samples.add(pixel(image, seat.x + dx, seat.y - seat.r * 0.2).join(','));
      const hasWhite = [...samples].some((text) => text.split(',').every((value) => Number(value) > 235));
      const hasColour = [...samples].some((text) => text.split(',').some((value) => Number(value) < 200));
      expect(hasWhite && hasColour, `${seat.unit} hatched`).toBe(true);
    }
    await page.context().close();
  });

  it('screenshots of the country map and Najaf at both widths are non-blank', async () => {
    for (const width of [390, 1440]) {
      const { page } = await open(width);
      for (const selector of ['#country', '#council-najaf']) {
        const image = decodePng(await page.locator(selector).screenshot({ path: join(scratch, `${selector.slice(1)}-${width}.png`) }));
        expect(image.width).toBeLessThanOrEqual(width);
        const colours = new Set<string>();
        for (let y = 0; y < image.height; y += 7) for (let x = 0; x < image.width; x += 7) colours.add(pixel(image, x, y).join(','));
        expect(colours.size, `${selector} at ${width}`).toBeGreaterThan(20);
      }
      await page.context().close();
    }
  });

  it('prints: the print stylesheet hides the navigation, fits the page width, and Chromium makes a PDF of it', async () => {
    const { page, errors } = await open(1440);
    await page.emulateMedia({ media: 'print' });
    const state = await page.evaluate<{ nav: string; scroll: number; view: number }>(
      "({ nav: getComputedStyle(document.querySelector('nav')).display, scroll: document.documentElement.scrollWidth, view: window.innerWidth })",
    );
    expect(state.nav).toBe('none');
    expect(state.scroll).toBeLessThanOrEqual(state.view);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Fifteen councils with their hemicycles and tables take many pages; a blank print would take one.
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the --format svg file opens on its own: 13 Maysan seats, its own patterns, nothing fetched', async () => {
    const svgFile = join(scratch, 'maysan.svg');
    const made = runBin(['report', 'badr-sadr-najaf-maysan', '--format', 'svg', '--council', 'maysan', '--out', svgFile]);
    expect(made.code).toBe(0);
    const context = await browser.newContext({ viewport: { width: 420, height: 600 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(svgFile).href);
    expect(requests).toEqual([pathToFileURL(svgFile).href]);
    const found = await page.evaluate<{ seats: number; ringed: number; hatched: number }>(
      "({ seats: document.querySelectorAll('circle[data-unit]').length, ringed: document.querySelectorAll('circle[data-state=governing]').length, hatched: [...document.querySelectorAll('circle[data-unit]')].filter((c) => c.getAttribute('fill').startsWith('url(#')).length })",
    );
    // The CF rump's 7 are ringed; every seat but the Sabean quota seat rests on the reconstruction (12 hatched).
    expect(found).toEqual({ seats: 13, ringed: 7, hatched: 12 });
    const image = decodePng(await page.screenshot());
    const colours = new Set<string>();
    for (let y = 0; y < image.height; y += 5) for (let x = 0; x < image.width; x += 5) colours.add(pixel(image, x, y).join(','));
    expect(colours.size).toBeGreaterThan(20);
    await context.close();
  });

  it('is keyboard navigable: a skip link first, then every province tile reachable by Tab', async () => {
    const { page } = await open(1440);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to the report');
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const council = await page.evaluate<string | null>('document.activeElement?.dataset.council ?? null');
      if (council) reached.add(council);
    }
    expect(reached.size).toBe(15);
    await page.context().close();
  });

  it('axe-core finds no accessibility violation (WCAG 2 A/AA) at 390 px and 1440 px', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const width of [390, 1440]) {
      // The page's own policy forbids scripts; the checker alone is let in.
      const { page } = await open(width, { bypassCSP: true });
      await page.evaluate(axe);
      const violations = await page.evaluate(`window.axe
        .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
        .then((result) => result.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.length, first: violation.nodes[0]?.target.join(' ') })))`);
      expect(violations, `at ${width} px`).toEqual([]);
      await page.context().close();
    }
  });
});
