// Regenerates the README's report screenshots (docs/img/report-*.png) with Debian's Chromium through
// playwright-core: `npm run build && node scripts/report-screenshots.mjs`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govsim-shots-'));
const page = join(scratch, 'report.html');
const made = spawnSync(process.execPath, [join(root, 'bin/govsim.cjs'), 'report', 'badr-sadr-najaf-maysan', '--out', page], { stdio: 'inherit' });
if (made.status !== 0) process.exit(made.status ?? 1);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const shots = [
    { width: 1100, selector: '#country', height: 1150, file: 'report-country.png' },
    { width: 390, selector: '#council-najaf', height: 760, file: 'report-najaf-phone.png' },
  ];
  for (const shot of shots) {
    const tab = await browser.newPage({ viewport: { width: shot.width, height: 900 } });
    await tab.goto(pathToFileURL(page).href);
    const box = await tab.locator(shot.selector).boundingBox();
    await tab.screenshot({ path: join(root, 'docs/img', shot.file), fullPage: true, clip: { x: 0, y: box.y - 8, width: shot.width, height: Math.min(box.height + 16, shot.height) } });
    await tab.close();
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
