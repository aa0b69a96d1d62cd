/**
 * `npm run bench`: every performance floor stated in the issues, measured and printed as a table
 * (figure, floor, met or not), then a checklist of those floors so that a floor with no row shows up
 * as "not measured" rather than by its absence. Not part of `npm test`: timings belong to a quiet
 * machine, not to CI. A case that throws is reported as an error row; the others still run.
 * Exit code 1 when a floor is missed, not measured, or a case failed.
 *
 *   npm run bench [-- <filter>…]   only the cases whose name or file contains one of the filters
 */
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchCase, formatFigure, meets } from './harness.js';

/** Every floor the issues state, and the row that measures it (matched by name). */
const STATED_FLOORS: readonly { readonly floor: string; readonly row: RegExp }[] = [
  { floor: 'Baghdad council analysis ≤ 20 µs', row: /^council: \w+ analyzeFast \(/ },
  { floor: 'full analysis of a 60-seat council with 40 lists ≤ 10 ms', row: /^analysis at scale: / },
  { floor: 'EC-2020 Banzhaf ≤ 32 µs', row: /^power: EC-2020 exact Banzhaf/ },
  { floor: 'EC-2020 Shapley-Shubik ≤ 1.2 ms', row: /^power: EC-2020 exact Shapley-Shubik/ },
  { floor: '15-council scenario ≤ 1 ms', row: /^scenario: 15 councils/ },
  { floor: '1,000-file batch ≤ 2 s, whole process', row: /^scenario: govsim run <dir of 1,000 files>/ },
  { floor: 'Monte Carlo ≥ 1 M draws/s per core', row: /^uncertainty: .* draws\/s, 1 core/ },
  { floor: 'Monte Carlo on 2 threads ≥ ×1.6 (near-linear)', row: /^uncertainty: 2-worker speed-up/ },
  { floor: '`govsim councils` ≤ node -e 0 + 100 ms, empty cache', row: /^CLI start: govsim councils, empty cache/ },
  { floor: '`govsim councils` ≤ node -e 0 + 100 ms, warm cache', row: /^CLI start: govsim councils, warm cache/ },
  { floor: '`govsim run <bundled>` ≤ node -e 0 + 100 ms, empty cache', row: /^CLI start: govsim run .*, empty cache/ },
  { floor: '`govsim run <bundled>` ≤ node -e 0 + 100 ms, warm cache', row: /^CLI start: govsim run .*, warm cache/ },
  { floor: "import('govsim') ≤ node -e 0 + 80 ms", row: /^library: import/ },
  { floor: 'TUI keypress → frame ≤ 16 ms p95, edit keys alone', row: /^TUI keypress → frame p95, edit keys alone/ },
  { floor: 'TUI first frame ≤ 350 ms, empty cache', row: /^TUI first frame after launch, empty cache/ },
  { floor: 'TUI first frame ≤ 350 ms, warm cache', row: /^TUI first frame after launch, warm cache/ },
  { floor: '`govsim report` on every bundled scenario ≤ 1 s each', row: /^report: govsim report, slowest bundled scenario/ },
  { floor: 'paths: CF k = 1..15 frontier, 12 partners ≤ 50 ms', row: /^paths: CF k = 1\.\.15 package frontier/ },
  { floor: 'paths: a 40-list council does not blow up', row: /^paths: council of 40 lists/ },
];

interface Row {
  readonly name: string;
  readonly cells: readonly string[];
  /** true met, false missed, undefined information only (or failed). */
  readonly met: boolean | undefined;
  readonly failed: boolean;
}

const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));
const filters = process.argv.slice(2);
const filter = filters.length > 0;
const rows: Row[] = [];
const loadBefore = loadavg()[0]!;

for (const file of readdirSync(casesDir).filter((name) => name.endsWith('.ts')).sort()) {
  const module = (await import(pathToFileURL(`${casesDir}${file}`).href)) as { cases: readonly BenchCase[] };
  for (const bench of module.cases) {
    if (filter && !filters.some((text) => bench.name.includes(text) || file.includes(text))) continue;
    const floorText = bench.floor ? `${bench.floor.kind === 'max' ? '≤' : '≥'} ${formatFigure(bench.floor.value, bench.floor.unit)} (${bench.floor.source})` : '—';
    let row: Row;
    try {
      const measured = await bench.measure();
      const met = bench.floor ? meets(bench.floor, measured) : undefined;
      const status = met === undefined ? 'info' : met ? 'met' : 'MISSED';
      row = { name: bench.name, cells: [bench.name, formatFigure(measured.value, measured.unit), floorText, status, measured.note ?? ''], met, failed: false };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      row = { name: bench.name, cells: [bench.name, '—', floorText, 'ERROR', message.split('\n')[0]!], met: undefined, failed: true };
    }
    rows.push(row);
    process.stderr.write(`${row.cells.join('  ·  ')}\n`);
  }
}

function table(headers: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return `${line(headers)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n${body.map(line).join('\n')}\n`;
}

const missed = rows.filter((row) => row.met === false).length;
const failed = rows.filter((row) => row.failed).length;
process.stdout.write(`\n${table(['benchmark', 'figure', 'floor', 'status', 'reference / note'], rows.map((row) => row.cells))}`);

let unmeasured = 0;
if (!filter) {
  const checklist = STATED_FLOORS.map(({ floor, row: pattern }) => {
    const matching = rows.filter((row) => pattern.test(row.name));
    if (matching.length === 0 || matching.every((row) => row.failed)) unmeasured++;
    const status =
      matching.length === 0 ? 'not measured' : matching.some((row) => row.failed) ? 'ERROR' : matching.every((row) => row.met === true) ? 'met' : 'MISSED';
    return [floor, status, matching.map((row) => row.cells[1]).join(', ') || '—'];
  });
  process.stdout.write(`\nFloors stated in the issues\n${table(['floor', 'status', 'measured'], checklist)}`);
}

const loadAfter = loadavg()[0]!;
process.stdout.write(
  `\n${rows.length} figures, ${missed} floor(s) missed, ${failed} case(s) failed${unmeasured > 0 ? `, ${unmeasured} stated floor(s) not measured` : ''}` +
    `; node ${process.version}, ${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}\n`,
);
if (missed > 0 || failed > 0 || unmeasured > 0) process.exitCode = 1;
