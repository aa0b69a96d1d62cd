/**
 * Bad datasets are rejected with the file, the path inside it and a plain message, never a crash.
 * Each fixture under test/fixtures/bad/<what-is-wrong>/ is a small overlay on the tiny dataset: files
 * that replace the tiny dataset's, or `dataset.patch.yaml` edits applied to its dataset.yaml.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode, GovsimDataError } from '../../src/model/errors.js';
import { loadDataset } from '../../src/dataset/dataset.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const TINY = join(REPO_ROOT, 'test', 'fixtures', 'datasets', 'tiny');
const BAD = join(REPO_ROOT, 'test', 'fixtures', 'bad');
const temporary: string[] = [];

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

interface PatchOperation {
  readonly set?: (string | number)[];
  readonly add?: (string | number)[];
  readonly value: unknown;
}

/** A copy of the tiny dataset with the named fixture laid over it. */
function badDataset(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `govsim-${name}-`));
  temporary.push(dir);
  cpSync(TINY, dir, { recursive: true });
  const overlay = (from: string): void => {
    for (const entry of readdirSync(from)) {
      const path = join(from, entry);
      const target = join(dir, relative(join(BAD, name), path));
      if (statSync(path).isDirectory()) overlay(path);
      else if (entry === 'dataset.patch.yaml') applyPatch(join(dir, 'dataset.yaml'), path);
      else cpSync(path, target);
    }
  };
  overlay(join(BAD, name));
  return dir;
}

function applyPatch(datasetFile: string, patchFile: string): void {
  const document = parseDocument(readFileSync(datasetFile, 'utf8'));
  for (const operation of parseDocument(readFileSync(patchFile, 'utf8')).toJS() as PatchOperation[]) {
    if (operation.set) document.setIn(operation.set, operation.value);
    else if (operation.add) document.addIn(operation.add, operation.value);
  }
  writeFileSync(datasetFile, document.toString());
}

function rejection(name: string): GovsimDataError {
  const dir = badDataset(name);
  try {
    loadDataset(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(GovsimDataError);
    return error as GovsimDataError;
  }
  throw new Error(`fixture ${name} was accepted`);
}

// [fixture, file the message must name, the path and message that must follow it]
const CASES: readonly (readonly [string, string, string])[] = [
  ['negative-seats', 'councils/northvale.yaml', 'lists[1].seats: expected non-negative integer (line 9,'],
  ['fractional-seats', 'councils/northvale.yaml', 'lists[1].seats: expected non-negative integer'],
  ['unsafe-integer-seats', 'councils/northvale.yaml', 'lists[1].seats: expected non-negative integer'],
  ['lists-do-not-sum', 'councils/northvale.yaml', 'seats.general: lists sum to 8 seats but seats.general is 9'],
  ['factions-do-not-sum', 'councils/northvale.yaml', 'lists[0].factions.seats: factions sum to 3 seats but list "heron" has 4'],
  ['unknown-source', 'councils/southmere.yaml', 'lists[0].source: unknown source "made-upp" (did you mean "made-up"?)'],
  ['unknown-list', 'councils/southmere.yaml', 'lists[1].list: unknown list "newts" (did you mean "newt"?)'],
  ['unknown-field', 'councils/southmere.yaml', 'lists[0].colour: unknown field'],
  ['bad-confidence', 'councils/southmere.yaml', 'lists[0].confidence: expected one of: documented, inferred, unresolved'],
  ['quota-count-mismatch', 'councils/southmere.yaml', 'seats.quota: 1 quota members listed but seats.quota is 2'],
  ['missing-required-field', 'councils/southmere.yaml', 'lists[0].seats: missing (expected non-negative integer)'],
  ['council-id-mismatch', 'councils/southmere.yaml', 'id: council id "south-mere" does not match its file name "southmere"'],
  ['duplicate-key', 'councils/southmere.yaml', 'YAML syntax (line 3, column 1): Map keys must be unique'],
  ['proto-key', 'councils/southmere.yaml', 'lists[0].__proto__: forbidden key "__proto__"'],
  ['alias-bomb', 'councils/southmere.yaml', 'YAML: Excessive alias count'],
  ['unsupported-tag', 'councils/southmere.yaml', 'YAML syntax (line 2, column 7): Unresolved tag'],
  ['empty-file', 'councils/southmere.yaml', 'empty file'],
  ['bloc-unknown-member', 'dataset.yaml', 'blocs[0].members[2]: unknown bloc member "ghost"'],
  ['seat-set-breaks-sum', 'dataset.yaml', 'seatSets[1].overrides: council northvale: lists sum to 10 seats in seat set "recount", expected 9 general seats'],
  ['seat-set-unknown-council', 'dataset.yaml', 'seatSets[1].overrides[0].council: unknown council "eastvale"'],
  ['seat-set-cycle', 'dataset.yaml', 'seatSets[0].extends: seat set "final" extends itself through a cycle'],
  ['duplicate-list-id', 'dataset.yaml', 'lists[4].id: duplicate list id "otter"'],
  ['missing-council-file', 'councils/eastvale.yaml', 'missing file'],
  ['published-two-measures', 'dataset.yaml', 'published[1]: give exactly one of `lists`, `bloc` or `total`'],
  ['bad-id', 'dataset.yaml', 'lists[0].id: expected an id'],
  ['id-collision', 'dataset.yaml', 'blocs[0].id: id "otter" is already used by list otter'],
  ['unknown-default-seat-set', 'dataset.yaml', 'meta.defaultSeatSet: unknown seat set "finale" (did you mean "final"?)'],
  ['override-without-factions', 'dataset.yaml', 'seatSets[1].overrides[0].factions: list "heron" is split into factions in council northvale; give the split for 5 seats'],
  ['bad-date', 'dataset.yaml', 'meta.electionDate: expected a date YYYY-MM-DD'],
  ['bad-url', 'dataset.yaml', 'sources[0].url: expected an absolute URL'],
  ['placeholder-id-collision', 'dataset.yaml', 'lists[4].id: list unnamed-2 has an id of the form "unnamed-<n>", which the placeholder\'s seats take as members'],
  ['documented-low-reliability', 'dataset.yaml', 'rules.majority.confidence: "documented" rests only on low-reliability sources (made-up)'],
  ['wrong-schema-version', 'dataset.yaml', 'schemaVersion: expected schemaVersion: 1'],
];

describe('bad datasets', () => {
  // test/fixtures/bad/ also holds the CLI corpus; its manifest test checks that no fixture goes unused.
  it('names only fixtures that exist', () => {
    for (const [name] of CASES) expect(statSync(join(BAD, name)).isDirectory(), name).toBe(true);
  });

  it.each(CASES)('%s: names %s and the path', (name, file, expected) => {
    const error = rejection(name);
    expect(error.exitCode).toBe(ExitCode.dataError);
    const line = error.message.split('\n').find((text) => text.includes(expected));
    expect(line, error.message).toBeDefined();
    expect(line).toMatch(new RegExp(`${file.replace(/[.[\]]/g, '\\$&')}: `));
  });

  it('reports every bad file at once, each with its own name', () => {
    const dir = badDataset('negative-seats');
    cpSync(join(BAD, 'unknown-field', 'councils', 'southmere.yaml'), join(dir, 'councils', 'southmere.yaml'));
    expect(() => loadDataset(dir)).toThrow(/northvale\.yaml: lists\[1\]\.seats[^]*southmere\.yaml: lists\[0\]\.colour/);
  });

  it('accepts the tiny dataset itself', () => {
    const tiny = loadDataset(TINY);
    expect(tiny.id).toBe('tiny');
    expect(tiny.seatSets).toEqual(['final', 'recount']);
  });

  it('`govsim validate` exits 65 with the path and no stack trace', async () => {
    const result = await runCli(['validate', badDataset('factions-do-not-sum')]);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('lists[0].factions.seats: factions sum to 3 seats');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});
