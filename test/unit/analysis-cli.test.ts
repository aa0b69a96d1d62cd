/** `govsim analyze`, run in-process on the bundled dataset. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface AnalysisJson {
  council: string;
  members: number;
  majority: number;
  present: number;
  quorum: { needed: number; present: number; met: boolean };
  coalition: { votes: number; needed: number; margin: number; majority: boolean; pivotal: string[]; swingMembers: number };
  winning: { count: number; minimal: { units: string[]; votes: number }[] };
  hinges: { text: string; flips: boolean }[];
  power: { banzhaf: { players: { name: string; value: string; float: number; raw?: string }[] }; shapleyShubik: { players: { name: string; value: string }[] } };
  explanation: { rule?: string; text: string }[];
}

// Kirkuk, 10 Aug 2024: KDP 2, Arab Alliance 3 and ITF 2 stayed away; 9 of 16 present.
const KIRKUK_2024 = ['analyze', 'kirkuk', '--absent', 'kdp,arab-alliance,itf', '--coalition', 'puk-kirkuk,qiyada,ouroba,quota-christian'];

describe('govsim analyze', () => {
  it('JSON: Kirkuk 2024 coalition 5 + 2 + 1 + 1 = 9 of 9, margin 0; Rationals as p/q strings', async () => {
    const result = await runCli([...KIRKUK_2024, '--format', 'json']);
    expect(result.code).toBe(0);
    const analysis = JSON.parse(result.stdout) as AnalysisJson;
    expect(analysis).toMatchObject({ council: 'kirkuk', members: 16, majority: 9, present: 9, quorum: { needed: 9, present: 9, met: true } });
    expect(analysis.coalition).toMatchObject({ votes: 9, needed: 9, margin: 0, majority: true, swingMembers: 9 });
    // Only the four present units together reach 9: a quarter of the swings each, none for the absent.
    const banzhaf = Object.fromEntries(analysis.power.banzhaf.players.map((p) => [p.name, p.value]));
    expect(banzhaf).toEqual({ 'puk-kirkuk': '1/4', 'arab-alliance': '0', qiyada: '1/4', itf: '0', kdp: '0', ouroba: '1/4', 'quota-christian': '1/4' });
    // PUK swings in the four present units together with any of the three absent (weight 0) units: 2^3.
    expect(analysis.power.banzhaf.players[0]).toMatchObject({ raw: '8', float: 0.25 });
    expect(analysis.hinges.filter((h) => h.flips).length).toBeGreaterThan(0);
  });

  it('table: header, sections and the explanation with its citations', async () => {
    const result = await runCli(KIRKUK_2024);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Kirkuk (kirkuk): 16 members, majority 9, present 9, quorum 9: met');
    for (const title of ['Units', 'Declared coalition', 'Minimal winning coalitions (1;', 'Predictions', 'Hinge seats', 'Explanation']) {
      expect(result.stdout).toContain(title);
    }
    expect(result.stdout).toContain('- Law 21/2008 art. 1: absolute majority = floor(16/2) + 1 = 9 of 16 members, present or not');
  });

  it('md and csv carry the same sections', async () => {
    const md = await runCli(['analyze', 'najaf', '--coalition', 'cf', '--format', 'md']);
    expect(md.stdout).toMatch(/^# Najaf \(najaf\): 15 members, majority 8/);
    expect(md.stdout).toContain('## Hinge seats');
    expect(md.stdout).toContain('| unit | kind |');
    const csv = await runCli(['analyze', 'najaf', '--format', 'csv']);
    expect(csv.stdout).toContain('# Units\nunit,kind,seats,present');
    expect(csv.stdout).toContain('# Minimal winning coalitions (69; 256 admissible winning in all)');
  });

  it('--out writes the file and nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-analyze-'));
    try {
      const file = join(dir, 'najaf.json');
      const result = await runCli(['analyze', 'najaf', '--format', 'json', '--out', file]);
      expect(result).toMatchObject({ code: 0, stdout: '' });
      expect((JSON.parse(readFileSync(file, 'utf8')) as AnalysisJson).winning.minimal).toHaveLength(69);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['analyze', 'atlantis'], /unknown council "atlantis" \(councils: baghdad, basra, nineveh, kirkuk/],
    [['analyze', 'najaf', '--coalition', 'nabni,wathiqon'], /unknown unit or bloc "wathiqon" in council najaf \(units: nabni, /],
    [['analyze', 'najaf', '--absent', 'nabni=9'], /nabni has 3 seats, cannot have 9 absent/],
    [['analyze', 'najaf', '--absent', 'nobody=1'], /--absent: unknown unit "nobody" in council najaf \(units: /],
    [['analyze', 'najaf', '--units', 'parties'], /--units: unknown mode "parties"/],
    [['analyze', 'najaf', '--seats', 'bogus'], /unknown seat set "bogus"/],
  ])('usage errors exit 2 with the valid ids: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('    at ');
  });
});
