import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

let stdout = '';
let stderr = '';

beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function power(...args: string[]): Promise<number> {
  return main(['power', ...args]);
}

interface PlayerJson {
  readonly name: string;
  readonly weight: number;
  readonly [key: string]: unknown;
}

describe('govsim power', () => {
  it('prints Banzhaf and Shapley-Shubik for Nassau County 1958 by default', async () => {
    expect(await power('--quota', '16', '--weights', '9,9,7,3,1,1', '--names', 'H1,H2,NH,OB,GC,LB')).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^player\s+weight\s+swings\s+Banzhaf\s+Banzhaf exact\s+Shapley-Shubik\s+Shapley-Shubik exact$/);
    expect(lines[2]).toMatch(/^H1\s+9\s+16\s+0\.3333\s+1\/3\s+0\.3333\s+1\/3$/);
    expect(lines[5]).toMatch(/^OB\s+3\s+0\s+0\.0000\s+0\s+0\.0000\s+0$/);
    expect(stdout).toContain('quota 16 of 30; 32 winning coalitions of 2^6, 3 minimal winning');
    expect(stderr).toBe('');
  });

  it('writes JSON with a fraction, a float and, where integer-based, a raw value per index', async () => {
    const code = await power('-q', '39', '-w', '7,7,7,7,7,1,1,1,1,1,1,1,1,1,1', '--index', 'banzhaf,ss,pgi,coleman', '--format', 'json');
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as {
      game: { quota: number; weights: number[]; names: string[] };
      winningCoalitions: string;
      minimalWinningCoalitions: string;
      colemanPowerOfCollectivity: string;
      players: PlayerJson[];
    };
    expect(document.game).toEqual({ quota: 39, weights: [7, 7, 7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], names: Array.from({ length: 15 }, (_, i) => `P${i + 1}`) });
    // UN Security Council: 848 winning coalitions (all five permanent + ≥ 4 of 10), C(10, 4) = 210 minimal.
    expect(document.winningCoalitions).toBe('848');
    expect(document.minimalWinningCoalitions).toBe('210');
    expect(document.colemanPowerOfCollectivity).toBe('53/2048'); // 848 / 32768
    expect(document.players[0]).toMatchObject({
      name: 'P1',
      weight: 7,
      banzhafRaw: '848',
      banzhaf: '106/635',
      banzhafValue: 848 / 5080,
      shapleyShubik: '421/2145',
      shapleyShubikValue: 421 / 2145,
      colemanPrevent: '1',
      colemanPreventValue: 1,
      colemanInitiate: '53/1995',
      publicGood: '1/9', // 210 / (5·210 + 10·84) = 210/1890
      publicGoodRaw: '210',
    });
    expect(document.players[14]).toMatchObject({ banzhafRaw: '84', shapleyShubik: '4/2145', colemanPrevent: '21/212' });
  });

  it('computes Owen values for unions given by index or name', async () => {
    expect(await power('-q', '2', '-w', '1,1,1', '-n', 'a,b,c', '-u', 'a+b', '-f', 'csv')).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      'player,weight,swings,Banzhaf,Banzhaf exact,Shapley-Shubik,Shapley-Shubik exact,Owen,Owen exact',
      'a,1,2,0.3333,1/3,0.3333,1/3,0.5000,1/2',
      'b,1,2,0.3333,1/3,0.3333,1/3,0.5000,1/2',
      'c,1,2,0.3333,1/3,0.3333,1/3,0.0000,0',
    ]);
    stdout = '';
    expect(await power('-q', '2', '-w', '1,1,1', '-u', '0+1', '-i', 'owen', '-f', 'md')).toBe(0);
    expect(stdout).toContain('| P3 | 1 | 0.0000 | 0 |');
  });

  it('accepts a non-proper quota only when asked', async () => {
    expect(await power('-q', '9', '-w', '9,9')).toBe(65);
    expect(stderr).toContain('command line: quota: quota 9 is not more than half the total weight 18');
    stderr = '';
    expect(await power('-q', '9', '-w', '9,9', '--allow-non-proper', '-f', 'json')).toBe(0);
    expect((JSON.parse(stdout) as { players: PlayerJson[] }).players[0]!.banzhaf).toBe('1/2');
  });

  it('writes to --out atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-power-'));
    try {
      const file = join(dir, 'nested', 'power.json');
      expect(await power('-q', '6', '-w', '4,3,2,1', '-i', 'dp', '-f', 'json', '-o', file)).toBe(0);
      expect(stdout).toBe('');
      const document = JSON.parse(readFileSync(file, 'utf8')) as { players: PlayerJson[] };
      expect(document.players.map((player) => player.deeganPackel)).toEqual(['1/3', '5/18', '5/18', '1/9']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['-q', '16', '-w', '9,9,x'], 2, '--weights: "x" is not a number'],
    [['-q', 'many', '-w', '9,9'], 2, '--quota: "many" is not a number'],
    [['-w', '9,9'], 2, "required option '-q, --quota <q>' not specified"],
    [['-q', '16', '-w', '9,9,7', '-i', 'banzhaf,nucleolus'], 2, 'unknown index "nucleolus"'],
    [['-q', '16', '-w', '9,9,7', '-i', 'owen'], 2, '--index owen needs --unions'],
    [['-q', '16', '-w', '9,9,7', '-u', '0+1', '-i', 'banzhaf'], 2, '--unions is only used by the owen index'],
    [['-q', '16', '-w', '9,9,7', '-u', 'x+y'], 2, '"x" is neither a player index'],
    [['-q', '16', '-w', '9,9,7', '-f', 'xml'], 2, 'unknown format "xml"'],
    [['-q', '16', '-w', '9,9,7', '-n', 'a,b'], 65, 'command line: names: 2 names for 3 weights'],
    [['-q', '16', '-w', '9,9,1.5'], 65, 'command line: weights[2]: weight must be a non-negative integer, got 1.5'],
    [['-q', '26', '-w', '9,9,7'], 65, 'command line: quota: quota 26 exceeds the total weight 25'],
    [['-q', '16', '-w', '9,9,7', '-u', '0+5'], 65, 'command line: unions[0][1]: player index must be an integer in 0..2, got 5'],
  ])('power %j exits %i: %s', async (args, code, message) => {
    expect(await power(...args)).toBe(code);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout).toBe('');
  });

  it('refuses enumeration-based indices on games with too many coalitions, naming the limit', async () => {
    const electors = '9,3,11,6,54,10,7,3,3,30,16,4,4,19,11,6,6,8,8,4,10,11,15,10,6,10,4,5,6,4,14,5,28,16,3,17,7,8,19,4,9,3,11,40,6,3,13,12,4,10,3';
    expect(await power('-q', '270', '-w', electors, '-i', 'johnston')).toBe(65);
    expect(stderr).toMatch(/command line: weights: the game has [\d,]+ vulnerable coalitions; the Johnston index lists them, which is limited to 2,000,000/);
  });
});
