/**
 * Scenario `expect:` blocks: each expectation is a set of claims about one council's result. Checking
 * them turns a scenario file into a test: `govsim check` prints ✓/✗ per expectation and, on failure,
 * the arithmetic that decided the council.
 */
import type { LoadedScenario, SittingCheckpoint } from './scenario-loader.js';
import type { Expectation } from './scenario-schema.js';
import { type CouncilResult, runScenario, type ScenarioRun } from './runner.js';

export interface ClaimResult {
  readonly field: string;
  readonly ok: boolean;
  readonly expected: string;
  readonly actual: string;
}

export interface ExpectationResult {
  /** Position in the file's `expect` list (or in its sitting's). */
  readonly index: number;
  /** Where it is written: `expect[2]`, or `sittings[1].expect[0]`. */
  readonly path: string;
  /** The sitting it is about, for a sitting's claims: `kirkuk 2024-08-10`. */
  readonly sitting?: string;
  readonly council: string;
  readonly ok: boolean;
  readonly claims: readonly ClaimResult[];
  /** The council's decisive arithmetic, for failure reports. */
  readonly arithmetic: string;
  /** The weakest confidence of the seats the council's outcome rests on (council claims only). */
  readonly confidence?: 'documented' | 'inferred' | 'unresolved';
  readonly note?: string;
}

export interface ScenarioCheck {
  readonly scenario: string;
  readonly file: string | null;
  readonly ok: boolean;
  readonly expectations: readonly ExpectationResult[];
}

function list(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : '(none)';
}

/** Whether `id` names a member of `ids`: the unit itself, or (for a split list) one of its factions. */
function includesParty(council: CouncilResult, ids: readonly string[], id: string): boolean {
  if (ids.includes(id)) return true;
  return council.units.some((unit) => unit.parent === id && ids.includes(unit.id));
}

function claims(expectation: Expectation, council: CouncilResult): ClaimResult[] {
  const out: ClaimResult[] = [];
  const { outcome } = council;
  const claim = (field: string, ok: boolean, expected: unknown, actual: unknown): void => {
    out.push({ field, ok, expected: String(expected), actual: String(actual) });
  };
  if (expectation.status !== undefined) claim('status', outcome.status === expectation.status, expectation.status, outcome.status);
  if (expectation.governorFrom !== undefined) {
    claim('governorFrom', outcome.governorFrom === expectation.governorFrom, expectation.governorFrom ?? 'none', outcome.governorFrom ?? 'none');
  }
  if (expectation.coalitionIncludes !== undefined) {
    const missing = expectation.coalitionIncludes.filter((id) => !includesParty(council, outcome.coalition, id));
    claim('coalitionIncludes', missing.length === 0, list(expectation.coalitionIncludes), missing.length ? `coalition ${list(outcome.coalition)} lacks ${missing.join(', ')}` : list(outcome.coalition));
  }
  if (expectation.coalitionExcludes !== undefined) {
    const present = expectation.coalitionExcludes.filter((id) => includesParty(council, outcome.coalition, id));
    claim('coalitionExcludes', present.length === 0, list(expectation.coalitionExcludes), present.length ? `coalition ${list(outcome.coalition)} has ${present.join(', ')}` : list(outcome.coalition));
  }
  if (expectation.votes !== undefined) claim('votes', outcome.votes === expectation.votes, expectation.votes, outcome.votes);
  if (expectation.marginAtLeast !== undefined) {
    claim('margin', outcome.margin !== null && outcome.margin >= expectation.marginAtLeast, `≥ ${expectation.marginAtLeast}`, outcome.margin ?? 'no coalition');
  }
  if (expectation.marginAtMost !== undefined) {
    claim('margin', outcome.margin !== null && outcome.margin <= expectation.marginAtMost, `≤ ${expectation.marginAtMost}`, outcome.margin ?? 'no coalition');
  }
  if (expectation.majority !== undefined) {
    // Without a coalition votes are 0 and the majority is at least 1 (scenario-schema's Threshold), so it fails.
    const holds = outcome.votes >= outcome.needed;
    claim('majority', (expectation.majority === 'holds') === holds, expectation.majority, holds ? 'holds' : 'fails');
  }
  if (expectation.quorum !== undefined) {
    claim('quorum', (expectation.quorum === 'met') === council.quorum.met, expectation.quorum, `${council.quorum.met ? 'met' : 'fails'} (${council.quorum.present} present, ${council.quorum.needed} needed)`);
  }
  if (expectation.present !== undefined) claim('present', council.present === expectation.present, expectation.present, council.present);
  if (expectation.members !== undefined) claim('members', council.seats === expectation.members, expectation.members, council.seats);
  if (expectation.group !== undefined) claim('group', council.group === expectation.group, expectation.group, `${council.group} (${council.groupSource})`);
  if (expectation.pivotalIncludes !== undefined) {
    const missing = expectation.pivotalIncludes.filter((id) => !includesParty(council, council.pivotal, id));
    claim('pivotalIncludes', missing.length === 0, list(expectation.pivotalIncludes), missing.length ? `pivotal ${list(council.pivotal)} lacks ${missing.join(', ')}` : list(council.pivotal));
  }
  for (const [post, winner] of Object.entries(expectation.posts ?? {})) {
    const voted = council.posts?.find((entry) => entry.post === post);
    const actual = voted ? `${voted.winner ?? 'nobody'} (${voted.status}, ${voted.votes} of ${voted.needed})` : 'not voted (no package and no chair in a deal)';
    claim(`posts.${post}`, voted !== undefined && voted.winner === winner, winner ?? 'nobody', actual);
  }
  for (const [post, votes] of Object.entries(expectation.postVotes ?? {})) {
    const voted = council.posts?.find((entry) => entry.post === post);
    const actual = voted ? `${voted.votes} (${voted.winner ?? 'nobody'}, ${voted.status}, ${voted.needed} needed)` : 'not voted (no package and no chair in a deal)';
    claim(`postVotes.${post}`, voted !== undefined && voted.votes === votes, votes, actual);
  }
  return out;
}

function nationalClaims(claimsOf: NonNullable<Expectation['national']>, run: ScenarioRun): { results: ClaimResult[]; arithmetic: string } {
  const out: ClaimResult[] = [];
  const arithmetic: string[] = [];
  // The schema accepts `seatsOf` only together with `seats`.
  if (claimsOf.seatsOf !== undefined) {
    const ids = claimsOf.seatsOf;
    const parts: string[] = [];
    let total = 0;
    for (const id of ids) {
      let seats = 0;
      for (const council of run.councils) for (const unit of council.units) if (unit.id === id || unit.parent === id) seats += unit.seats;
      parts.push(`${id} ${seats}`);
      total += seats;
    }
    arithmetic.push(`${parts.join(' + ')} = ${total}`);
    out.push({ field: 'seats', ok: total === claimsOf.seats, expected: `${ids.join(' + ')} = ${claimsOf.seats}`, actual: `${parts.join(' + ')} = ${total}` });
  }
  const elected = run.councils.filter((council) => council.outcome.status === 'elected');
  if (claimsOf.elected !== undefined) {
    out.push({ field: 'elected', ok: elected.length === claimsOf.elected, expected: String(claimsOf.elected), actual: `${elected.length} (${elected.map((c) => c.id).join(', ') || 'none'})` });
  }
  for (const [party, count] of Object.entries(claimsOf.governorsFrom ?? {})) {
    const councils = elected.filter((council) => {
      const from = council.outcome.governorFrom;
      return from === party || council.units.some((unit) => unit.id === from && unit.parent === party);
    });
    out.push({ field: `governorsFrom.${party}`, ok: councils.length === count, expected: String(count), actual: `${councils.length} (${councils.map((c) => c.id).join(', ') || 'none'})` });
  }
  for (const group of ['A', 'B', 'C'] as const) {
    const expected = claimsOf.groups?.[group];
    if (expected === undefined) continue;
    const councils = run.councils.filter((council) => council.group === group);
    out.push({ field: `groups.${group}`, ok: councils.length === expected, expected: String(expected), actual: `${councils.length} (${councils.map((c) => c.id).join(', ') || 'none'})` });
  }
  const byStatus = run.national.byStatus;
  arithmetic.push(`${byStatus.elected} elected, ${byStatus.deadlock} deadlock, ${byStatus['no-quorum']} no quorum, ${byStatus.open} open`);
  return { results: out, arithmetic: arithmetic.join('; ') };
}

/** Evaluates a scenario's expectations against its run, then each sitting's against the state after that sitting. */
export function checkExpectations(scenario: LoadedScenario, run: ScenarioRun): ScenarioCheck {
  const expectations = [
    ...evaluate(scenario.expect, run, (index) => `expect[${index}]`),
    ...scenario.sittings.flatMap((sitting) => evaluate(sitting.expect, sittingRun(scenario, sitting), (index) => `sittings[${sitting.index}].expect[${index}]`, `${sitting.council} ${sitting.date}`)),
  ];
  return { scenario: run.scenario, file: run.file, ok: expectations.every((entry) => entry.ok), expectations };
}

/** The run of the state a sitting left. */
export function sittingRun(scenario: LoadedScenario, sitting: SittingCheckpoint): ScenarioRun {
  return runScenario({ ...scenario, state: sitting.state, steps: sitting.steps });
}

function evaluate(list: readonly Expectation[], run: ScenarioRun, pathOf: (index: number) => string, sitting?: string): ExpectationResult[] {
  const byId = new Map(run.councils.map((council) => [council.id, council]));
  return list.map((expectation, index): ExpectationResult => {
    const where = { index, path: pathOf(index), ...(sitting !== undefined ? { sitting } : {}) };
    // The schema takes exactly one of `council` and `national`, so no council means national.
    if (expectation.council === undefined) {
      const { results, arithmetic } = nationalClaims(expectation.national ?? {}, run);
      return {
        ...where,
        council: 'national',
        ok: results.every((result) => result.ok),
        claims: results,
        arithmetic,
        ...(expectation.note !== undefined ? { note: expectation.note } : {}),
      };
    }
    const council = byId.get(expectation.council)!;
    const results = claims(expectation, council);
    return {
      ...where,
      council: expectation.council,
      ok: results.every((result) => result.ok),
      claims: results,
      arithmetic: council.decision,
      confidence: council.confidence,
      ...(expectation.note !== undefined ? { note: expectation.note } : {}),
    };
  });
}

function describeClaims(claimsOf: readonly ClaimResult[]): string {
  return claimsOf.length > 0 ? claimsOf.map((entry) => `${entry.field} ${entry.expected}`).join(', ') : '(no claims)';
}

/** The readable ✓/✗ report of `govsim check`. */
export function formatCheckReport(checks: readonly ScenarioCheck[]): string {
  const lines: string[] = [];
  let failed = 0;
  let total = 0;
  for (const check of checks) {
    const where = check.file ?? check.scenario;
    lines.push(`${check.ok ? '✓' : '✗'} ${where} — ${check.scenario} (${check.expectations.length} expectation${check.expectations.length === 1 ? '' : 's'})`);
    if (check.expectations.length === 0) lines.push('  (no expectations)');
    for (const expectation of check.expectations) {
      total++;
      if (expectation.ok) {
        // A pass on estimated seats is not a pass on documented ones: say so.
        const basis = expectation.confidence === undefined || expectation.confidence === 'documented' || expectation.claims.length === 0 ? '' : ` (holds on ${expectation.confidence} seats)`;
        lines.push(`  ✓ ${expectation.sitting ?? expectation.council}: ${describeClaims(expectation.claims)}${basis}`);
        continue;
      }
      failed++;
      lines.push(`  ✗ ${expectation.sitting ?? expectation.council} (${expectation.path})${expectation.note ? ` — ${expectation.note}` : ''}`);
      for (const claim of expectation.claims) {
        if (claim.ok) lines.push(`      ✓ ${claim.field}: ${claim.expected}`);
        else lines.push(`      ✗ ${claim.field}: expected ${claim.expected}, got ${claim.actual}`);
      }
      lines.push(`      arithmetic: ${expectation.arithmetic}${expectation.confidence === undefined || expectation.confidence === 'documented' ? '' : ` (on ${expectation.confidence} seats)`}`);
    }
  }
  lines.push('');
  lines.push(failed === 0 ? `all ${total} expectations hold in ${checks.length} scenario${checks.length === 1 ? '' : 's'}` : `${failed} of ${total} expectations failed`);
  return `${lines.join('\n')}\n`;
}
