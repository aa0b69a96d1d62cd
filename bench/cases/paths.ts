/**
 * "What would it take" figures: the national k = 1..15 package frontier for the CF over 12 candidate
 * partners (the pure search, and the literal definition timed in the same run), the same end to end
 * from a loaded scenario, and per-council paths in a synthetic council of 40 lists.
 */
import { councilPaths, naivePackageFrontier, packageFrontier, type PathsCouncil } from '../../src/model/paths/index.js';
import { nationalParties, packageInput, scenarioPackages } from '../../src/scenarios/paths.js';
import { runScenario } from '../../src/scenarios/runner.js';
import { loadScenario } from '../../src/scenarios/scenario-loader.js';
import { type BenchCase, formatFigure, medianMicros } from '../harness.js';

/** The national parties, then the largest other non-CF lists, to 12 candidates. */
function twelveCandidates(): string[] {
  const scenario = loadScenario('baseline');
  const chosen = nationalParties(scenario, 'cf');
  const cf = new Set(Object.values(scenario.state.councils).flatMap((council) => council.units.filter((unit) => unit.families.includes('cf')).map((unit) => unit.id)));
  const locals = Object.values(scenario.state.councils)
    .flatMap((council) => council.units)
    .filter((unit) => unit.kind !== 'member' && !cf.has(unit.id) && !chosen.includes(unit.id) && unit.id !== 'unidentified')
    .sort((a, b) => b.seats - a.seats || a.id.localeCompare(b.id));
  for (const unit of locals) if (chosen.length < 12 && !chosen.includes(unit.id)) chosen.push(unit.id);
  return chosen.slice(0, 12);
}

function slowMedianMs(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** 40 lists of 1–3 seats (80 seats, threshold 41); the target holds 3. */
function fortyLists(): PathsCouncil {
  const units = Array.from({ length: 40 }, (_, i) => ({
    id: `list-${i + 1}`,
    seats: (i % 3) + 1,
    present: (i % 3) + 1,
    alignment: `list-${i + 1}`,
    party: `list-${i + 1}`,
    confidence: 'documented' as const,
  }));
  const members = units.reduce((total, unit) => total + unit.seats, 0);
  return {
    id: 'forty',
    threshold: Math.floor(members / 2) + 1,
    quorum: Math.floor(members / 2) + 1,
    units,
    alignments: units.map((unit) => ({ id: unit.id, kind: 'list' as const })),
    governing: null,
    incompatible: [['list-3', 'list-6'], ['list-9', 'list-12']],
    confidence: 'documented',
  };
}

export const cases: BenchCase[] = [
  {
    name: 'paths: CF k = 1..15 package frontier, 12 candidate partners, 15 councils',
    floor: { value: 50, unit: 'ms', kind: 'max', source: 'paths brief' },
    measure: () => {
      const scenario = loadScenario('baseline');
      const input = packageInput(scenario, { for: 'cf', candidates: twelveCandidates() }, runScenario(scenario));
      const value = medianMicros(() => packageFrontier(input), { minTimeMs: 800 }) / 1000;
      const fast = packageFrontier(input, { limit: 1_000_000 });
      const naive = slowMedianMs(() => naivePackageFrontier(input), 3);
      const reference = naivePackageFrontier(input);
      const same = reference.every((level, i) => level.count === fast.levels[i]!.count);
      if (!same) throw new Error('the frontier differs from the literal definition');
      const total = fast.levels.reduce((sum, level) => sum + level.count, 0);
      return {
        value,
        unit: 'ms',
        note: `${total} minimal packages over k = 1..15 (same as the literal definition); naive enumeration ${formatFigure(naive, 'ms')} (×${(naive / value).toFixed(0)})`,
      };
    },
  },
  {
    name: 'paths: CF package frontier end to end (scenario → input → frontier)',
    measure: () => {
      const scenario = loadScenario('baseline');
      const candidates = twelveCandidates();
      const run = runScenario(scenario);
      return { value: medianMicros(() => scenarioPackages(scenario, { for: 'cf', candidates }, run), { minTimeMs: 800 }) / 1000, unit: 'ms', note: 'adapter from the run result included' };
    },
  },
  {
    name: 'paths: council of 40 lists, 20 best minimal partner sets',
    floor: { value: 50, unit: 'ms', kind: 'max', source: 'paths brief: must not blow up' },
    measure: () => {
      const council = fortyLists();
      const result = councilPaths(council, { id: 'list-3', units: ['list-3'] }, { limit: 20 });
      const value = medianMicros(() => councilPaths(council, { id: 'list-3', units: ['list-3'] }, { limit: 20 }), { minTimeMs: 800 }) / 1000;
      return { value, unit: 'ms', note: `${result.partnerSets.toLocaleString('en')} minimal partner sets (an upper bound with 2 incompatible pairs), 20 listed best first` };
    },
  },
];
