/**
 * The bad-input corpus manifest, test/fixtures/bad/manifest.yaml: one case per bad input, the command
 * it is fed to and what must come out. The manifest is itself validated, so a misspelt field fails the
 * suite instead of quietly weakening a case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { REPO_ROOT } from '../helpers/cli.js';

export const BAD_DIR = join(REPO_ROOT, 'test', 'fixtures', 'bad');
export const MANIFEST_FILE = join(BAD_DIR, 'manifest.yaml');
export const SCENARIO_DIR = 'scenarios';

export const COMMANDS = ['validate', 'run', 'check', 'simulate'] as const;
export type CorpusCommand = (typeof COMMANDS)[number];

const BadCase = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    dataset: z.string().min(1).optional(),
    scenario: z.string().min(1).optional(),
    generated: z.string().min(1).optional(),
    command: z.enum(COMMANDS),
    exit: z.union([z.literal(65), z.literal(66)]),
    file: z.string().min(1).optional(),
    missing: z.boolean().optional(),
    path: z.string(),
    message: z.string().min(1),
    subprocess: z.boolean().optional(),
  })
  .refine((entry) => [entry.dataset, entry.scenario, entry.generated].filter((input) => input !== undefined).length === 1, {
    error: 'give exactly one of `dataset`, `scenario` or `generated`',
  })
  .refine((entry) => entry.dataset === undefined || entry.file !== undefined, { error: 'a dataset case names the `file` the message points at' });

export type BadCase = z.infer<typeof BadCase>;

export function readManifest(): BadCase[] {
  const cases = z.array(BadCase).parse(parse(readFileSync(MANIFEST_FILE, 'utf8')));
  const names = new Set<string>();
  for (const entry of cases) {
    if (names.has(entry.name)) throw new Error(`${MANIFEST_FILE}: case name "${entry.name}" is used twice`);
    names.add(entry.name);
  }
  return cases;
}
