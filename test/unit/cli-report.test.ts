/** `govsim report` from the command line: formats, usage errors and the project's exit codes, atomic output. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'govsim-cli-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('govsim report', () => {
  it('writes the page atomically to --out, leaving no temporary file behind', async () => {
    const out = join(scratch, 'pages', 'badr.html');
    const result = await runCli(['report', 'badr-sadr-najaf-maysan', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<section id="changes"');
    expect(html).toContain('<section id="probabilities"');
    expect(readdirSync(join(scratch, 'pages'))).toEqual(['badr.html']);
  });

  it('--no-against and --no-probabilities leave those sections out', async () => {
    const result = await runCli(['report', 'badr-sadr-najaf-maysan', '--no-against', '--no-probabilities']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('<section id="changes"');
    expect(result.stdout).not.toContain('<section id="probabilities"');
    expect(result.stdout).toContain('<section class="council" id="council-najaf"');
  });

  it('--format svg --council draws one council as an SVG file', async () => {
    const result = await runCli(['report', 'badr-sadr-najaf-maysan', '--format', 'svg', '--council', 'maysan']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<?xml')).toBe(true);
    // Maysan has 13 members (scenario file: "Maysan, 13 seats, majority 7").
    expect([...result.stdout.matchAll(/<circle [^>]*data-unit=/g)]).toHaveLength(13);
  });

  it.each([
    [['report', 'baseline', '--format', 'pdf'], /unknown format "pdf"/],
    [['report', 'baseline', '--format', 'svg'], /give --council ID/],
    [['report', 'baseline', '--council', 'najaf'], /--council goes with --format svg/],
    [['report', 'baseline', '--format', 'svg', '--council', 'atlantis'], /unknown council "atlantis"/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('a missing scenario file exits 66', async () => {
    const result = await runCli(['report', join(scratch, 'nope.yaml')]);
    expect(result.code).toBe(66);
  });

  it('an output that cannot be written exits 73 and leaves the target untouched', async () => {
    const blocker = join(scratch, 'a-file');
    writeFileSync(blocker, 'keep');
    const result = await runCli(['report', 'baseline', '--out', join(blocker, 'report.html')]);
    expect(result.code).toBe(73);
    expect(result.stderr).toMatch(/cannot write/);
    expect(readFileSync(blocker, 'utf8')).toBe('keep');
  });
});
