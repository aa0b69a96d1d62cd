/**
 * A scenario written in TypeScript: the builder has one method per step kind of the YAML format, and
 * the result is the same run `govsim run` prints. Run it with `npx tsx examples/badr-split.ts`.
 */
import { diffScenarios, runScenario, scenario, loadScenario } from 'govsim';

const split = scenario('Badr splits in Najaf')
  .describe('The baseline with Nabni sitting as its two factions in Najaf.')
  .extends('baseline')
  .split({ council: 'najaf', list: 'nabni' }, { note: 'dataset estimate: badr 1 + aah 2' });

const run = split.run();
for (const council of run.councils.filter((entry) => ['najaf', 'maysan'].includes(entry.id))) {
  console.log(`${council.id}: ${council.outcome.status}, governor from ${council.outcome.governorFrom ?? 'nobody'}`);
  console.log(`  ${council.decision}`);
}

// What the split changes against the bundled baseline, council by council, and which step caused it.
const diff = diffScenarios(runScenario(loadScenario('baseline')), run);
for (const council of diff.councils) {
  const changes = council.changes.map((change) => `${change.field} ${change.before} → ${change.after}`).join(', ');
  console.log(`${council.id} changed: ${changes} (${council.causes.map((cause) => cause.step).join(', ')})`);
}
