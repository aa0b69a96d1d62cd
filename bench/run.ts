/**
 * `npm run bench`: every performance floor stated in the issues, measured and printed as a table
 * (figure, floor, met or not). Not part of `npm test`: timings belong to a quiet machine, not to CI.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchCase, formatFigure, meets } from './harness.js';

const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));
const filter = process.argv[2];
const rows: string[][] = [];
let missed = 0;

for (const file of readdirSync(casesDir).filter((name) => name.endsWith('.ts')).sort()) {
  const module = (await import(pathToFileURL(`${casesDir}${file}`).href)) as { cases: readonly BenchCase[] };
  for (const bench of module.cases) {
    if (filter && !bench.name.includes(filter) && !file.includes(filter)) continue;
    const measured = await bench.measure();
    const ok = bench.floor ? meets(bench.floor, measured) : undefined;
    if (ok === false) missed++;
    const floorText = bench.floor ? `${bench.floor.kind === 'max' ? '≤' : '≥'} ${formatFigure(bench.floor.value, bench.floor.unit)} (${bench.floor.source})` : '—';
    const row = [bench.name, formatFigure(measured.value, measured.unit), floorText, ok === undefined ? 'info' : ok ? 'met' : 'MISSED', measured.note ?? ''];
    rows.push(row);
    process.stderr.write(`${row.join('  ·  ')}\n`);
  }
}

const headers = ['benchmark', 'figure', 'floor', 'status', 'reference / note'];
const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: readonly string[]): string => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
process.stdout.write(`\n${line(headers)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
process.stdout.write(`\n${rows.length} figures, ${missed} floor(s) missed\n`);
