/**
 * The README and docs cannot go stale: every ```sh govsim block is run through the CLI and must
 * exit as annotated (0 unless a line ends in `# exit N`), every govsim command in any shell block is a
 * real command, every ```yaml scenario block in the README loads and meets its `expect`, the quoted
 * failure messages are the ones the matchers print, and the TypeScript blocks carry the markers the
 * package test runs them by (test/pack).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import '../../src/testing/matchers.js';
import { createProgram } from '../../src/cli/main.js';
import { checkExpectations, formatCheckReport, loadScenario, runScenario, scenarioFromDocument } from '../../src/scenarios/index.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { type FencedBlock, fencedBlocks } from '../helpers/markdown.js';

/** Info strings that make a block executable; anything else mentioning govsim is a typo. */
const MARKERS = new Set(['sh govsim', 'ts govsim-test', 'ts govsim-script', 'yaml scenario']);

const DOCUMENTS = ['README.md', ...readdirSync(join(REPO_ROOT, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
const blocks = DOCUMENTS.flatMap((file) => fencedBlocks(readFileSync(join(REPO_ROOT, file), 'utf8')).map((block) => ({ file, block })));
const readme = blocks.filter(({ file }) => file === 'README.md').map(({ block }) => block);

/** Splits a command line into words: whitespace separates, single and double quotes group. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let started = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) words.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (started) words.push(current);
  return words;
}

interface Command {
  readonly args: string[];
  readonly exit: number;
  readonly line: string;
}

/** The govsim commands of a shell block (`govsim …` or `npx govsim …`), with the exit code annotated. */
function commandsOf(block: FencedBlock): Command[] {
  const commands: Command[] = [];
  for (const raw of block.code.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const annotation = /\s+#\s*exit\s+(\d+)\s*$/.exec(line);
    const words = shellWords(annotation ? line.slice(0, annotation.index) : line.replace(/\s+#.*$/, ''));
    const start = words[0] === 'npx' ? 1 : 0;
    if (words[start] !== 'govsim') continue;
    commands.push({ args: words.slice(start + 1), exit: annotation ? Number(annotation[1]) : 0, line });
  }
  return commands;
}

describe('code blocks in README.md and docs/', () => {
  it('use only known markers', () => {
    for (const { file, block } of blocks) {
      if (/govsim|scenario/.test(block.info)) expect(MARKERS.has(block.info), `${file}:${block.line} marker "${block.info}"`).toBe(true);
    }
  });

  it('show all three faces in the README, each with runnable examples', () => {
    const infos = readme.map((block) => block.info);
    for (const marker of ['sh govsim', 'ts govsim-test', 'ts govsim-script', 'yaml scenario']) expect(infos).toContain(marker);
    expect(readme.some((block) => block.info === 'sh' && /npx govsim\s*$/m.test(block.code)), 'the terminal UI command').toBe(true);
  });

  it('keep the README\'s first two commands at the top', () => {
    expect(readme[0]!.info).toBe('sh');
    expect(readme[0]!.code).toBe('npm install && npx govsim councils\nnpm test\n');
  });

  it('name only real govsim commands', () => {
    const known = createProgram().commands.map((command) => command.name());
    for (const { file, block } of blocks.filter(({ block }) => block.info === 'sh' || block.info === 'sh govsim')) {
      for (const command of commandsOf(block)) {
        const first = command.args[0];
        if (first === undefined || first.startsWith('-')) continue;
        expect(known, `${file}:${block.line} \`${command.line}\``).toContain(first);
      }
    }
  });
});

const bundled = readdirSync(join(REPO_ROOT, 'scenarios')).filter((file) => file.endsWith('.yaml')).sort();
const replays = readdirSync(join(REPO_ROOT, 'scenarios', 'replays')).filter((file) => file.endsWith('.yaml')).sort();
const examples = readdirSync(join(REPO_ROOT, 'examples', 'scenarios')).filter((file) => file.endsWith('.yaml')).sort();

/** Banzhaf swings by enumerating all 2^n coalitions: a swing is a winning coalition the player's leaving makes lose. */
function swings(weights: readonly number[], quota: number): number[] {
  const counts = weights.map(() => 0);
  for (let mask = 0; mask < 2 ** weights.length; mask++) {
    const total = weights.reduce((sum, weight, i) => sum + ((mask >> i) & 1 ? weight : 0), 0);
    weights.forEach((weight, i) => {
      if ((mask >> i) & 1 && total >= quota && total - weight < quota) counts[i]!++;
    });
  }
  return counts;
}

/**
 * What each README command must print, from the README's own prose and hand arithmetic on the dataset
 * (Najaf: nabni 3, state-of-law 3, wafaa 2, nsf 2, five lists of 1 = 15, majority 8), not from a capture.
 */
const CONTENT: Record<string, (result: { stdout: string; stderr: string }) => void> = {
  scenarios: ({ stdout }) => {
    const names = stdout.split('\n').slice(2).filter((line) => line.trim() !== '').map((line) => line.split(/\s+/)[0]);
    expect(names).toEqual(bundled.map((file) => file.replace(/\.yaml$/, '')));
  },
  'run badr-sadr-najaf-maysan': ({ stdout }) => {
    // Najaf (15, majority 8): deal badr 1 + hikma 1 + a Wathiqoon defector = 3; the CF rump aah 2 +
    // state-of-law 3 + nasr 1 + absher 1 = 7; nobody reaches 8 ⇒ deadlock, strongest claim 7, margin −1.
    expect(stdout).toMatch(/^najaf\s+15~?\s+8\s+15\s.*\bdeadlock\b.*\bcf \(rump without badr, hikma\)\s+7\s+-1\b/m);
    // Maysan (13, majority 7): the rump aah 3 + state-of-law 3 + nasr 1 = 7 ≥ 7 ⇒ elected, aah first of the tie.
    expect(stdout).toMatch(/^maysan\s+13~?\s+7\s+13\s.*\belected\s+aah\s+cf \(rump without badr, hikma\)\s+7\s+0\b/m);
    expect(stdout).toMatch(/^basra\s+23\s+12\s+23\s.*\belected\s+tasmim\b/m);
    expect(stdout).toContain('Badr–Sadr understanding in Najaf and Maysan:');
  },
  'run scenarios --format csv': ({ stdout }) => {
    const rows = stdout.trimEnd().split('\n');
    expect(rows[0]!.split(',').slice(0, 4)).toEqual(['scenario', 'council', 'seats', 'majority']);
    // One row per scenario (the bundled ones and the 2024 replays under scenarios/replays) and council: 15 each.
    expect(rows).toHaveLength(1 + 15 * (bundled.length + replays.length));
    // Baseline Najaf: the CF bloc nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 ≥ 8, margin 1, governor from nabni.
    expect(rows).toContainEqual(expect.stringMatching(/^baseline,najaf,15,8,15,A \(derived\),elected,documented,nabni,bloc cf,9,1,/));
  },
  'diff badr-sadr-najaf-maysan --against baseline --format md': ({ stdout }) => {
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('| council | field | before | after | caused by |');
    expect(lines).toContainEqual(expect.stringMatching(/^\| najaf \| status \| elected \| deadlock \| /));
    // 9 for the whole CF bloc before; 7 for the rump without badr and hikma after.
    expect(lines).toContainEqual(expect.stringMatching(/^\| najaf \| votes \| 9 \| 7 \| /));
  },
  'diff preliminary-101': ({ stdout }) => {
    // The seats behind the 101: Baghdad's CF 25 → 24 (Absher 2 → 1), Salah al-Din's Jamaheer 4 → 5, the big three 102 → 101.
    expect(stdout).toMatch(/seats bloc cf\s+25 → 24/);
    expect(stdout).toMatch(/seats jamaheer\s+4 → 5/);
    expect(stdout).toMatch(/CF big three \(Nabni \+ State of Law \+ NSF\)\s+102 → 101/);
    expect(stdout).toContain('seat set final → preliminary');
  },
  'diff badr-sadr-najaf-maysan --side-by-side': ({ stdout }) => {
    expect(stdout).toMatch(/^badr-sadr-najaf-maysan \(final\) against baseline \(final\)/);
    // Najaf: ELECTED +1 under the whole CF bloc (9 of 8) against DEADLOCK −1 (the rump's 7 of 8).
    const najaf = stdout.slice(stdout.indexOf('Najaf (najaf)'));
    expect(najaf).toMatch(/\* outcome\s+ELECTED \+1, governor nabni\s+│ DEADLOCK -1/);
    expect(najaf).toMatch(/\* votes \/ majority\s+9 \/ 8\s+│ 7 \/ 8/);
  },
  'diff baseline --seats preliminary': ({ stdout }) => {
    // Baghdad at the two seat sets: taqaddum 9 (preliminary) against 8 (final), the CF 24 against 25 of 27.
    const baghdad = stdout.slice(stdout.indexOf('Baghdad (baghdad)'));
    expect(baghdad).toMatch(/\* votes \/ majority\s+24 \/ 27\s+│ 25 \/ 27/);
    expect(baghdad).toMatch(/\* taqaddum\s+9\s+│ 8/);
  },
  'run kirkuk-2024 --council kirkuk,najaf': ({ stdout }) => {
    const rows = stdout.split('\n').filter((line) => /^[a-z]/.test(line) && !line.startsWith('council'));
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(['kirkuk', 'najaf']);
    // Kirkuk, 10 Aug 2024: 9 of 16 present, the deal's 9 ≥ 9 ⇒ elected, margin 0.
    expect(stdout).toMatch(/^kirkuk\s+16\s+9\s+9\s.*\belected\s+puk-kirkuk\s+deal kirkuk-2024\s+9\s+0\b/m);
  },
  'sources najaf': ({ stdout }) => {
    expect(stdout).toContain('Najaf (najaf)');
    // Listed seats documented (IHEC final results via Shafaq); the Nabni split is the dataset's estimate.
    expect(stdout).toMatch(/^list nabni\s+3 seats\s+documented\s+shafaq-2023-12-28-final/m);
    expect(stdout).toMatch(/^nabni factions\s+badr 1, aah 2\s+inferred/m);
  },
  'check scenarios': ({ stdout }) => {
    const verdicts = stdout.split('\n').filter((line) => /^[✓✗] scenarios\//.test(line));
    const files = [...bundled.map((file) => `scenarios/${file}`), ...replays.map((file) => `scenarios/replays/${file}`)];
    expect(verdicts.map((line) => line.slice(2, line.indexOf(' ', 2))).sort()).toEqual(files.sort());
    expect(verdicts.every((line) => line.startsWith('✓'))).toBe(true);
  },
  'check scenarios/replays': ({ stdout }) => {
    const verdicts = stdout.split('\n').filter((line) => /^[✓✗] scenarios\//.test(line));
    expect(verdicts).toHaveLength(15);
    expect(verdicts.every((line) => line.startsWith('✓'))).toBe(true);
    // Diyala, 1 Aug 2024: a State of Law governor, although State of Law has no list of its own there.
    expect(stdout).toMatch(/diyala 2024-08-01: status elected, governorFrom state-of-law/);
    // Baghdad's chair: 39 votes (Shafaq).
    expect(stdout).toContain('postVotes.chair 39');
  },
  'councils --national --seats preliminary --format csv': ({ stdout }) => {
    const rows = stdout.trimEnd().split('\n');
    // The estimates were reconciled with 101, so the match is fitted, not a confirmation; the quota's 10 is confirmed.
    expect(rows).toContainEqual(expect.stringMatching(/^cf-big-three-preliminary,.*,101,101~?,yes,fitted,/));
    expect(rows).toContainEqual(expect.stringMatching(/^total-quota,.*,10,10,yes,confirmed,/));
  },
  'councils --seats reconstructions-unassigned': ({ stdout }) => {
    // Documented seats only: the CF big three drop to 75, the quota stays 10.
    expect(stdout).toMatch(/CF big three \(Nabni \+ State of Law \+ NSF\): 75\b/);
    expect(stdout).toMatch(/Minority quota seats: 10\b/);
  },
  'paths baseline --council wasit': ({ stdout }) => {
    // Wasit (16, majority 9): CF nabni 2 + state-of-law 3 + nsf 2 = 7; 2 Ajmal members won over give 9, margin 0.
    expect(stdout).toMatch(/^wasit\s+cf\s+win over 2 of wasit-ajmal\s+2\s+9\s+9\s+0\s+inferred/m);
    expect(stdout).toMatch(/^wasit\s+cf\s+add wasit-ajmal\s+8\s+15\s+9\s+6\b/m);
  },
  'paths what-would-it-take --for badr-sadr --council maysan': ({ stdout }) => {
    // badr 3 + hikma 2 = 5 of 7: nasr 1 + the Sabean seat 1 = 7, margin 0; or aah 3 / state-of-law 3 = 8, margin 1.
    expect(stdout).toMatch(/^maysan\s+badr-sadr\s+add nasr \+ quota-sabean\s+2\s+7\s+7\s+0\b/m);
    expect(stdout).toMatch(/^maysan\s+badr-sadr\s+add aah\s+3\s+8\s+7\s+1\b/m);
  },
  'paths baseline --at-least 10 --candidates taqaddum,siyada,azm,hasm,kdp,asas,tasmim,ibdaa-karbala,wasit-ajmal': ({ stdout }) => {
    // The README's cheapest package for ten: Asas + Tasmim + Ibdaa Karbala + Ajmal, 32 seats added.
    expect(stdout).toMatch(/^\s+10\s+\d+\s+1\s+asas \+ tasmim \+ ibdaa-karbala \+ wasit-ajmal\s+32\s+10\b/m);
  },
  'paths baseline --council wasit,najaf': ({ stdout }) => {
    expect(stdout).toMatch(/^wasit\s+cf\s+win over 2 of wasit-ajmal/m);
    // Najaf is governed (9 of 8): its breaking points include nsf leaving (9 − 2 = 7 < 8).
    expect(stdout).toMatch(/^najaf\s+cf\s+exit\s+nsf\s+2\b/m);
  },
  'paths baseline --national --max-partners 3 --format md': ({ stdout }) => {
    // Alone the CF bloc governs Najaf, Babil, Dhi Qar, Qadisiyah, Muthanna and Maysan.
    expect(stdout).toMatch(/^\| 1 \| 1 \| 1 \| \(alone\) \| 0 \| 6 \| najaf babil dhiqar qadisiyah muthanna maysan \|/m);
  },
  'paths baseline --package tasmim,wasit-ajmal': ({ stdout }) => {
    // Basra: cf 9 + tasmim 12 = 21 ≥ 12; Wasit: cf 7 + wasit-ajmal 8 = 15 ≥ 9.
    expect(stdout).toMatch(/^Package tasmim \+ wasit-ajmal for cf: /m);
    expect(stdout).toMatch(/^basra\s+won\s+21\s+12\b/m);
    expect(stdout).toMatch(/^wasit\s+won\s+15\s+9\b/m);
  },
  'paths baseline --for cff': ({ stdout, stderr }) => {
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown party, bloc or deal "cff"');
  },
  'check examples/scenarios --format json': ({ stdout }) => {
    const report = JSON.parse(stdout) as { ok: boolean; scenarios: { file: string; ok: boolean; expectations: unknown[] }[] };
    expect(report.ok).toBe(true);
    expect(report.scenarios.map((entry) => entry.file).sort()).toEqual(examples.map((file) => `examples/scenarios/${file}`));
    for (const entry of report.scenarios) expect(entry.expectations.length, entry.file).toBeGreaterThan(0);
  },
  'analyze najaf --coalition nabni,state-of-law,nsf,absher': ({ stdout }) => {
    expect(stdout).toContain('15 members, majority 8, present 15');
    // 3 + 3 + 2 + 1 = 9 ≥ 8; without nabni, state-of-law or nsf it falls below 8; absher's 1 is within the margin.
    expect(stdout).toContain('nabni + state-of-law + nsf + absher: 9 of 8 needed ⇒ majority, margin 1');
    expect(stdout).toContain('pivotal: nabni, state-of-law, nsf');
  },
  'power --quota 8 --weights 3,3,2,2,1,1,1,1,1 --names nabni,state-of-law,wafaa,nsf,absher,idraak,wathiqoon,qiyam,madar': ({ stdout }) => {
    const weights = [3, 3, 2, 2, 1, 1, 1, 1, 1];
    const names = ['nabni', 'state-of-law', 'wafaa', 'nsf', 'absher', 'idraak', 'wathiqoon', 'qiyam', 'madar'];
    const expected = swings(weights, 8);
    names.forEach((name, i) => expect(stdout).toMatch(new RegExp(`^${name}\\s+${weights[i]}\\s+${expected[i]}\\s`, 'm')));
  },
  'check no-such-scenario.yaml': ({ stdout, stderr }) => {
    expect(stdout).toBe('');
    expect(stderr).toContain('no-such-scenario.yaml');
    expect(stderr).toContain('no such file');
  },
};

// In-process (`main(argv)`, the bin's own entry) to stay fast; test/pack runs the installed bin.
describe('```sh govsim blocks, run through the CLI', () => {
  const runnable = blocks.filter(({ block }) => block.info === 'sh govsim');
  it('exist', () => {
    expect(runnable.length).toBeGreaterThan(0);
  });

  it('each have a content check below (a new README command needs one)', () => {
    const lines = runnable.flatMap(({ block }) => commandsOf(block).map((command) => command.args.join(' ')));
    expect(lines.filter((line) => !(line in CONTENT))).toEqual([]);
  });

  for (const { file, block } of runnable) {
    for (const command of commandsOf(block)) {
      it(`${file}:${block.line} \`${command.line}\` exits ${command.exit} and prints what the docs say`, async () => {
        const result = await runCli(command.args);
        expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
        expect(result.code, result.stderr).toBe(command.exit);
        if (command.exit === 0) expect(result.stdout.length).toBeGreaterThan(0);
        CONTENT[command.args.join(' ')]?.(result);
      });
    }
  }
});

describe('```yaml scenario blocks of the README', () => {
  for (const block of readme.filter((entry) => entry.info === 'yaml scenario')) {
    it(`README.md:${block.line} loads, runs and meets its expectations`, () => {
      const document = parse(block.code) as { expect?: unknown[] };
      expect(document.expect?.length ?? 0).toBeGreaterThan(0);
      const loaded = scenarioFromDocument(document, { dir: REPO_ROOT, file: `README.md:${block.line}` });
      const check = checkExpectations(loaded, runScenario(loaded));
      expect(check.ok, formatCheckReport([check])).toBe(true);
    });
  }
});

describe('quoted failure messages', () => {
  const quoted = (file: string, section: string): string => {
    const found = blocks.filter((entry) => entry.file === file && entry.block.info === 'text' && entry.block.section === section);
    expect(found, `one text block under "${section}" in ${file}`).toHaveLength(1);
    return found[0]!.block.code;
  };
  const cases = [
    {
      file: 'README.md',
      section: '3. Assertions in tests',
      message: () => failure(() => expect('badr-sadr-najaf-maysan').toElectGovernor('najaf', 'badr')),
    },
    {
      file: 'docs/testing.md',
      section: 'Failure messages',
      message: () => failure(() => expect(runScenario(loadScenario('baseline'))).toFormMajority('baghdad', ['state-of-law', 'nabni', 'nsf', 'absher'])),
    },
  ];
  for (const { file, section, message } of cases) {
    it(`${file} "${section}" quotes what the matcher prints`, () => {
      const actual = message();
      for (const line of quoted(file, section).split('\n').filter((entry) => entry.trim() !== '')) expect(actual, `${file}: ${line}`).toContain(line);
    });
  }
});
