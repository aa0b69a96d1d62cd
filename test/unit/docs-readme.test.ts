/**
 * The README and docs cannot go stale: every ```sh govsim block is run through the CLI and must
 * exit as annotated (0 unless a line ends in `# exit N`), every govsim command in any shell block is a
 * real command, every ```yaml scenario block in the README loads and meets its `expect`, the quoted
 * failure messages are the ones the matchers print, and the TypeScript blocks carry the markers the
 * package test runs them by (test/pack).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
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

// In-process (`main(argv)`, the bin's own entry) to stay fast; test/pack runs the installed bin.
describe('```sh govsim blocks, run through the CLI', () => {
  const runnable = blocks.filter(({ block }) => block.info === 'sh govsim');
  it('exist', () => {
    expect(runnable.length).toBeGreaterThan(0);
  });

  for (const { file, block } of runnable) {
    for (const command of commandsOf(block)) {
      it(`${file}:${block.line} \`${command.line}\` exits ${command.exit}`, async () => {
        const result = await runCli(command.args);
        expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
        expect(result.code, result.stderr).toBe(command.exit);
        if (command.exit === 0) expect(result.stdout.length).toBeGreaterThan(0);
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

/** The message of a failing assertion, without colours. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail');
}

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
