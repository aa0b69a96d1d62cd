#!/usr/bin/env node
/**
 * `npm run mutate [-- <folder>…] [--concurrency N] [--report]`: StrykerJS over the mutation scope
 * (stryker.config.mjs), then the score per folder and every surviving mutant.
 *
 *   npm run mutate                         the whole scope (slow: see docs/quality.md for timings)
 *   npm run mutate -- src/model/analysis   one folder (any folder under the scope, or single files), incremental
 *   npm run mutate -- --report             summarise without running Stryker: every file from the newest
 *                                          report that holds it (whole-scope and per-folder runs alike)
 *   npm run mutate -- src/x --report       summarise the last run of that scope
 *
 * Each scope keeps its own incremental file in mutation/ (committed), so a rerun after a small change retests only
 * the mutants whose code or covering tests changed. Exit code 1 when a floor of docs/quality.md is missed,
 * a survivor is neither killed nor listed there as equivalent, or a row there names no surviving mutant.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import strykerConfig from '../stryker.config.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUALITY = join(ROOT, 'docs', 'quality.md');
const RECORDS = join(ROOT, 'mutation');
/** Floors (docs/quality.md): killed share per folder, and overall. */
const FLOORS = { 'src/model': 85, 'src/scenarios': 85, overall: 75 };
/** Folders the score is reported for: the scope's top folders, and the model's parts. */
const TOP = ['src/model', 'src/scenarios', 'src/dataset', 'src/testing'];
/** The config's exclusions (index files, the worker's entry), so a narrower scope and the file list keep to them. */
const EXCLUSIONS = strykerConfig.mutate.filter((glob) => glob.startsWith('!'));
const EXCLUDED_FILES = new Set(EXCLUSIONS.map((glob) => glob.slice(1)).filter((path) => !path.includes('*')));

function parseArgs(argv) {
  const folders = [];
  let concurrency;
  let report = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--report') report = true;
    else if (arg === '--concurrency') concurrency = argv[++i];
    else if (arg.startsWith('--concurrency=')) concurrency = arg.slice('--concurrency='.length);
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg} (expected --concurrency N or --report)`);
    else folders.push(arg.replace(/\/+$/, ''));
  }
  return { folders, concurrency, report };
}

/** A file-name-safe name for a scope: `all`, or its folders joined (`src-model-analysis+src-testing`). */
function scopeKey(folders) {
  return folders.length === 0 ? 'all' : folders.map((f) => f.replace(/\.ts$/, '').replaceAll('/', '-')).join('+');
}

function reportFile(folders) {
  return join(ROOT, 'reports', 'mutation', `${scopeKey(folders)}.json`);
}

/** The committed record of a scope's last run: Stryker's incremental file, a full report in the same schema. */
function recordFile(folders) {
  return join(RECORDS, `incremental-${scopeKey(folders)}.json`);
}

function runStryker(folders, concurrency, json) {
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');
  const args = [bin, 'run', '--incrementalFile', relative(ROOT, recordFile(folders)), '--reporters', 'json,html,progress'];
  if (folders.length > 0) {
    const globs = folders.map((folder) => (folder.endsWith('.ts') ? folder : `${folder}/**/*.ts`));
    // Stryker splits --mutate at commas, so the config's globs must not use brace patterns.
    args.push('--mutate', [...globs, ...EXCLUSIONS].join(','));
  }
  if (concurrency !== undefined) args.push('--concurrency', String(concurrency));
  const env = { ...process.env, GOVSIM_MUTATION_REPORT: relative(ROOT, json) };
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env });
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  console.log(`\nstryker ${folders.length === 0 ? '(whole scope)' : folders.join(' ')}: ${minutes} min`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function folderOf(file) {
  const parts = file.split('/');
  // src/model/analysis/x.ts → src/model/analysis; src/scenarios/steps/x.ts → src/scenarios/steps; src/testing/x.ts → src/testing
  return parts.length > 3 ? parts.slice(0, 3).join('/') : parts.slice(0, 2).join('/');
}

/** `file:line Mutator` keys of the mutants docs/quality.md lists as equivalent. */
function listedEquivalents() {
  if (!existsSync(QUALITY)) return new Set();
  const keys = new Set();
  // Only rows of the equivalents table list a mutant: prose that names one (an open survivor) does not.
  const rows = readFileSync(QUALITY, 'utf8').split('\n').filter((line) => line.startsWith('| `src/'));
  for (const match of rows.join('\n').matchAll(/`(src\/[^`:]+:\d+) (\w+)`/g)) keys.add(`${match[1]} ${match[2]}`);
  return keys;
}

/** The files the whole scope mutates (stryker.config.mjs's `mutate`), for naming those no record holds. */
function scopeFiles() {
  const walk = (dir) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(`${dir}/${entry.name}`) : entry.name.endsWith('.ts') && entry.name !== 'index.ts' ? [`${dir}/${entry.name}`] : [],
    );
  // A file of types alone compiles to nothing and has no mutants, so no record lists it.
  const { transformSync } = createRequire(import.meta.url)('esbuild');
  const hasCode = (path) => transformSync(readFileSync(join(ROOT, path), 'utf8'), { loader: 'ts' }).code.replace(/^(import|export)\b[^;]*;$/gm, '').trim() !== '';
  return TOP.flatMap(walk).filter((path) => !EXCLUDED_FILES.has(path) && hasCode(path)).sort();
}

function readReport(json) {
  if (!existsSync(json)) {
    console.error(`no report at ${relative(ROOT, json)}: run \`npm run mutate\` first`);
    process.exit(2);
  }
  return JSON.parse(readFileSync(json, 'utf8'));
}

/**
 * When a record was written: its last commit, or its modification time while it has changes not yet
 * committed. A clone gives every file the time of the checkout, so modification times alone would put
 * the records in an arbitrary order and let an older run of a file hide a newer one.
 */
function recordTime(json) {
  const path = relative(ROOT, json);
  const git = (args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const status = git(['status', '--porcelain', '--', path]);
  if (status.status === 0 && status.stdout.trim() === '') {
    const log = git(['log', '-1', '--format=%ct', '--', path]);
    const seconds = Number(log.stdout.trim());
    if (log.status === 0 && seconds > 0) return seconds * 1000;
  }
  return statSync(json).mtimeMs;
}

/**
 * Every per-scope report merged: each source file from the newest report that holds it. A file whose
 * source differs from the one on disk is left out and named, so an edit since its run cannot pass for
 * measured.
 */
function mergedReport() {
  const folder = RECORDS;
  const jsons = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.startsWith('incremental-') && name.endsWith('.json'))
        .map((name) => join(folder, name))
        .map((json) => ({ json, time: recordTime(json) }))
        .sort((a, b) => b.time - a.time)
        .map((entry) => entry.json)
    : [];
  if (jsons.length === 0) readReport(join(folder, 'incremental-all.json'));
  const files = {};
  const stale = [];
  for (const json of jsons) {
    for (const [file, entry] of Object.entries(readReport(json).files)) {
      const path = relative(ROOT, join(ROOT, file));
      if (path in files || stale.includes(path)) continue;
      const current = existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : undefined;
      if (current === entry.source) files[path] = entry;
      else stale.push(path);
    }
  }
  console.log(`${Object.keys(files).length} files from ${jsons.length} records (${jsons.map((j) => relative(folder, j)).join(', ')})`);
  const unmeasured = scopeFiles().filter((path) => !(path in files) && !stale.includes(path));
  if (unmeasured.length > 0) console.log(`not measured yet (${unmeasured.length} files): ${unmeasured.join(', ')}`);
  if (stale.length > 0) console.log(`changed since their last run, left out (rerun them): ${stale.sort().join(', ')}`);
  return { files, unmeasured: [...unmeasured, ...stale] };
}

function summarise(report) {
  const tally = new Map();
  const bump = (key, status) => {
    const entry = tally.get(key) ?? { detected: 0, undetected: 0, invalid: 0, ignored: 0 };
    if (DETECTED.has(status)) entry.detected++;
    else if (UNDETECTED.has(status)) entry.undetected++;
    else if (status === 'Ignored') entry.ignored++;
    else entry.invalid++;
    tally.set(key, entry);
  };
  const equivalents = listedEquivalents();
  const survivors = [];
  for (const [file, entry] of Object.entries(report.files)) {
    const path = relative(ROOT, join(ROOT, file));
    const lines = entry.source.split('\n');
    for (const mutant of entry.mutants) {
      const top = TOP.find((folder) => path.startsWith(`${folder}/`)) ?? folderOf(path);
      for (const key of new Set([top, folderOf(path), 'overall'])) bump(key, mutant.status);
      if (!UNDETECTED.has(mutant.status)) continue;
      const { line, column } = mutant.location.start;
      const where = `${path}:${line}`;
      const original = (lines[line - 1] ?? '').trim();
      survivors.push({ where, column, mutator: mutant.mutatorName, status: mutant.status, replacement: mutant.replacement ?? '', original, listed: equivalents.has(`${where} ${mutant.mutatorName}`) });
    }
  }
  const score = (entry) => (entry.detected + entry.undetected === 0 ? 100 : (100 * entry.detected) / (entry.detected + entry.undetected));
  const rows = [...tally.entries()].sort(([a], [b]) => (a === 'overall' ? 1 : b === 'overall' ? -1 : a.localeCompare(b)));
  console.log('\nfolder                      killed  survived  score   (compile errors and ignored mutants not counted)');
  for (const [key, entry] of rows) {
    const floor = FLOORS[key];
    // With files of the scope unmeasured, the overall figure covers only part of it: no verdict.
    const missing = (report.unmeasured ?? []).filter((path) => key === 'overall' || path.startsWith(`${key}/`)).length;
    const mark = floor === undefined ? '' : missing > 0 ? `  (${missing} files not measured: no verdict)` : score(entry) >= floor ? `  ≥ ${floor} ✓` : `  < ${floor} ✗`;
    console.log(`${key.padEnd(26)} ${String(entry.detected).padStart(7)} ${String(entry.undetected).padStart(9)}  ${score(entry).toFixed(1).padStart(5)}%${mark}`);
  }
  const unlisted = survivors.filter((s) => !s.listed);
  console.log(`\nsurvivors: ${survivors.length} (${survivors.length - unlisted.length} listed as equivalent in docs/quality.md)`);
  for (const s of survivors.sort((a, b) => a.where.localeCompare(b.where, 'en', { numeric: true }))) {
    const shown = s.replacement.replace(/\s+/g, ' ').slice(0, 60);
    console.log(`${s.listed ? '  = ' : '  ✗ '}${s.where}:${s.column} ${s.mutator}${s.status === 'NoCoverage' ? ' (no test reaches it)' : ''}: ${s.original.slice(0, 70)}  ⇒  ${shown}`);
  }
  // A row whose mutant is now killed (or whose line moved) would hide the next survivor that lands on that key.
  const measured = new Set(Object.keys(report.files).map((file) => relative(ROOT, join(ROOT, file))));
  const surviving = new Set(survivors.map((s) => `${s.where} ${s.mutator}`));
  const stale = [...equivalents].filter((key) => measured.has(key.slice(0, key.lastIndexOf(':'))) && !surviving.has(key)).sort();
  if (stale.length > 0) console.log(`\nlisted as equivalent in docs/quality.md, but no such mutant survives (remove or fix the row):\n${stale.map((key) => `  ? ${key}`).join('\n')}`);
  const missed = rows.filter(([key, entry]) => FLOORS[key] !== undefined && score(entry) < FLOORS[key]);
  return missed.length === 0 && unlisted.length === 0 && stale.length === 0 && (report.unmeasured ?? []).length === 0;
}

const { folders, concurrency, report } = parseArgs(process.argv.slice(2));
const json = reportFile(folders);
if (!report) runStryker(folders, concurrency, json);
process.exit(summarise(report && folders.length === 0 ? mergedReport() : readReport(recordFile(folders))) ? 0 : 1);
