/**
 * The claims behind the govsim matchers, independent of any test runner: each takes a scenario run
 * and a council and returns whether the claim holds, what was claimed, what the run shows, and the
 * arithmetic that decided it (members, threshold, attendance, who fell short by how much).
 */
import { GovsimUsageError } from '../model/errors.js';
import type { CouncilResult, ScenarioRun } from '../scenarios/runner.js';
import type { Group } from '../scenarios/scenario-schema.js';
import { describeSeatMove, hingeMatches, parseHingeLine, type SeatMove, seatMoveIds } from './hinge-lines.js';
import { assertKnownParty, councilOf, unitOfParty } from './subject.js';

export interface Verdict {
  readonly pass: boolean;
  /** The claim in words, e.g. `a governor from nabni in najaf`. */
  readonly claim: string;
  /** What the run shows, e.g. `no governor: deadlock`. */
  readonly actual: string;
  /** The arithmetic that decided it, one line each. */
  readonly arithmetic: readonly string[];
}

const GROUP_LETTERS: readonly Group[] = ['A', 'B', 'C'];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The rule line of the run's explanation: `absolute majority = floor(15/2) + 1 = 8 of 15 members, present or not`. */
const MAJORITY_LINE = /^(.*) = (\d+) of (\d+) members, present or not$/;

/**
 * The majority rule as the run applied it: `absolute majority floor(15/2) + 1 = 8` by default, else the
 * scenario's own rule (`scenario rule ceil(2*members/3) = 10`), never the default wording for another rule.
 */
export function majorityRuleText(council: CouncilResult): string {
  for (const entry of council.explanation) {
    const match = MAJORITY_LINE.exec(entry.text);
    if (match === null || Number(match[2]) !== council.majority) continue;
    const rule = match[1]!;
    if (!rule.startsWith('absolute majority')) return `${rule} = ${council.majority}`;
  }
  if (council.majority === Math.floor(council.seats / 2) + 1) return `absolute majority floor(${council.seats}/2) + 1 = ${council.majority}`;
  return `majority ${council.majority}`;
}

/** The threshold's name in a claim: `the absolute majority (8)`, or `the majority (10)` under a scenario rule. */
function thresholdName(council: CouncilResult): string {
  return majorityRuleText(council).startsWith('absolute majority') ? `the absolute majority (${council.majority})` : `the majority (${council.majority})`;
}

/** `najaf (Najaf): 15 members, absolute majority floor(15/2) + 1 = 8; present 15 ≥ 8, quorum met`. */
export function thresholdLine(council: CouncilResult): string {
  const absent = council.units.filter((unit) => unit.present < unit.seats).map((unit) => `${unit.id} ${unit.seats - unit.present}`);
  const quorum = council.quorum.met ? `present ${council.present} ≥ ${council.quorum.needed}, quorum met` : `present ${council.present} < ${council.quorum.needed}: no quorum, no vote can be held`;
  return (
    `${council.id} (${council.name}): ${plural(council.seats, 'member')}, ${majorityRuleText(council)}; ` +
    `${quorum}${absent.length > 0 ? ` (absent: ${absent.join(', ')})` : ''}`
  );
}

function statusText(council: CouncilResult): string {
  const { outcome } = council;
  switch (outcome.status) {
    case 'elected':
      return `a governor from ${outcome.governorFrom ?? '?'}${outcome.governorSeated ? '' : ' (no seat in this council)'} (${outcome.alignment ?? '?'}, ${outcome.votes} votes, margin ${outcome.margin ?? 0})`;
    case 'deadlock':
      // Not elected with the quorum met: the leading claim falls short, or alignments tie at or above the
      // majority (then the leading claim, if any, is not short: it reached the majority too).
      if (outcome.alignment === null || outcome.votes >= outcome.needed) {
        return `no governor: deadlock (tie: several alignments reach ${outcome.needed} with equal votes${outcome.alignment === null ? '' : `; ${outcome.alignment} for ${outcome.candidate ?? '?'} has ${outcome.votes}`})`;
      }
      return `no governor: deadlock (${outcome.alignment} for ${outcome.candidate ?? '?'}: ${outcome.votes} of ${outcome.needed} votes, short by ${outcome.needed - outcome.votes})`;
    case 'no-quorum':
      return `no governor: no quorum (${council.present} present, ${council.quorum.needed} needed)`;
    case 'open':
      return 'no governor: open (no deal or bloc claims the council, no list governs alone)';
  }
}

/** The lines every message carries: the threshold and the runner's decision. */
function baseArithmetic(council: CouncilResult): string[] {
  return [thresholdLine(council), council.decision];
}

/** A party's present members who vote with it: defectors vote elsewhere and are not counted. */
function loyalPresent(unit: CouncilResult['units'][number]): number {
  return unit.present - (unit.defected ?? 0);
}

/**
 * `toFormMajority`: without a coalition, the governing coalition reaches the absolute majority (with
 * the quorum met); with one, the present members of those parties do.
 */
export function formsMajority(run: ScenarioRun, councilId: string, coalition?: readonly string[]): Verdict {
  const council = councilOf(run, councilId);
  if (coalition === undefined) {
    const { outcome } = council;
    const pass = council.quorum.met && outcome.coalition.length > 0 && outcome.votes >= outcome.needed;
    // Without the quorum a coalition may still hold the votes: its margin shows, not a shortfall of 0.
    const tally =
      outcome.votes >= outcome.needed
        ? `, margin ${outcome.votes - outcome.needed}${council.quorum.met ? '' : ' but no quorum'}`
        : `, short by ${outcome.needed - outcome.votes}${council.quorum.met ? '' : ' and no quorum'}`;
    const actual = outcome.coalition.length === 0 ? `no coalition governs (${outcome.status})` : `${outcome.alignment ?? '?'} has ${outcome.votes} of ${outcome.needed} votes${tally}`;
    return { pass, claim: `the governing coalition in ${council.id} to reach ${thresholdName(council)}`, actual, arithmetic: baseArithmetic(council) };
  }
  const given: unknown = coalition;
  if (!Array.isArray(given) || given.length === 0) throw new GovsimUsageError('expected the coalition as a non-empty array of unit or list ids');
  for (const id of given as unknown[]) assertKnownParty(run, council, id, 'coalition member');
  const members = council.units.filter((unit) => coalition.some((party) => unitOfParty(unit, party)));
  const votes = members.reduce((sum, unit) => sum + loyalPresent(unit), 0);
  const pass = council.quorum.met && votes >= council.majority;
  const terms = members.map((unit) => `${unit.id} ${loyalPresent(unit)}`);
  const seatless = coalition.filter((party) => !members.some((unit) => unitOfParty(unit, party)));
  const defectors = members.filter((unit) => (unit.defected ?? 0) > 0).map((unit) => `${unit.id} ${unit.defected ?? 0}`);
  const sum = `${terms.length > 0 ? terms.join(' + ') : 'nobody'} = ${votes} ${votes >= council.majority ? '≥' : '<'} ${council.majority}`;
  const verdict = votes >= council.majority ? `margin ${votes - council.majority}` : `short by ${council.majority - votes}`;
  const arithmetic = [
    thresholdLine(council),
    `${coalition.join(' + ')}: present members ${sum}, ${verdict}${council.quorum.met ? '' : ' (and no quorum)'}`,
    ...(seatless.length > 0 ? [`no seat in ${council.id}: ${seatless.join(', ')}`] : []),
    ...(defectors.length > 0 ? [`not counted, voting apart from their list: ${defectors.join(', ')}`] : []),
    council.decision,
  ];
  return {
    pass,
    claim: `${coalition.join(' + ')} to reach ${thresholdName(council)} in ${council.id}`,
    actual: `${votes} present votes, ${verdict}${council.quorum.met ? '' : ', no quorum'}`,
    arithmetic,
  };
}

/** `toElectGovernor`: the council elects a governor from the party (or one of its factions). */
export function electsGovernor(run: ScenarioRun, councilId: string, party: string): Verdict {
  const council = councilOf(run, councilId);
  assertKnownParty(run, council, party, 'party');
  const { outcome } = council;
  const from = outcome.governorFrom;
  const governorUnit = council.units.find((unit) => unit.id === from);
  // `party` is a string, so a null `from` matches neither test.
  const pass = outcome.status === 'elected' && (from === party || governorUnit?.parent === party);
  const seated = council.units.some((unit) => unitOfParty(unit, party) && unit.seats > 0);
  const arithmetic = [...baseArithmetic(council), ...(!seated ? [`${party} holds no seat in ${council.id}${pass ? ' (a governor from outside the council)' : ''}`] : [])];
  return { pass, claim: `a governor from ${party} in ${council.id}`, actual: statusText(council), arithmetic };
}

/** `toDeadlock`: a coalition governs but falls short of the absolute majority. */
export function deadlocks(run: ScenarioRun, councilId: string): Verdict {
  const council = councilOf(run, councilId);
  return { pass: council.outcome.status === 'deadlock', claim: `a deadlock in ${council.id}`, actual: statusText(council), arithmetic: baseArithmetic(council) };
}

/** `toLackQuorum`: fewer members attend than the quorum (an absolute majority of all members). */
export function lacksQuorum(run: ScenarioRun, councilId: string): Verdict {
  const council = councilOf(run, councilId);
  const { quorum } = council;
  return {
    pass: !quorum.met,
    claim: `no quorum in ${council.id} (fewer than ${quorum.needed} of ${council.seats} members present)`,
    actual: `${quorum.present} present ${quorum.met ? '≥' : '<'} ${quorum.needed} needed: quorum ${quorum.met ? 'met' : 'fails'}`,
    arithmetic: baseArithmetic(council),
  };
}

/**
 * `toBePivotal`: the unit (or a faction of the list) is pivotal: with a governing coalition, a member
 * whose departure breaks its majority; without one, a unit every minimal winning coalition needs.
 */
export function isPivotal(run: ScenarioRun, councilId: string, unit: string): Verdict {
  const council = councilOf(run, councilId);
  assertKnownParty(run, council, unit, 'unit');
  const pivotal = council.pivotal;
  const pass = pivotal.some((id) => id === unit || council.units.some((entry) => entry.id === id && entry.parent === unit));
  const { outcome } = council;
  const held = council.units.filter((entry) => unitOfParty(entry, unit));
  const seats = held.length > 0 ? held.map((entry) => `${entry.id} ${loyalPresent(entry)}`).join(' + ') : `${unit} 0`;
  const rule =
    outcome.coalition.length > 0 && outcome.margin !== null
      ? outcome.margin >= 0
        ? `pivotal = members of ${outcome.alignment ?? '?'} whose present votes exceed its margin ${outcome.margin} (leaving drops it below ${outcome.needed})`
        : `${outcome.alignment ?? '?'} is short of the majority, so no member is pivotal`
      : 'no coalition governs: pivotal = units in every minimal winning coalition';
  return {
    pass,
    claim: `${unit} to be pivotal in ${council.id}`,
    actual: `pivotal: ${pivotal.length > 0 ? pivotal.join(', ') : 'none'}`,
    arithmetic: [...baseArithmetic(council), rule, `${unit}: ${seats} present`],
  };
}

function assertSeatMove(move: unknown): asserts move is SeatMove {
  const valid =
    move !== null &&
    typeof move === 'object' &&
    (('from' in move && typeof move.from === 'string' && (!('to' in move) || move.to === undefined || typeof move.to === 'string')) ||
      ('absent' in move && typeof move.absent === 'string') ||
      ('votesAgainst' in move && typeof move.votesAgainst === 'string'));
  if (!valid) throw new GovsimUsageError('expected a seat move: { from, to? }, { absent } or { votesAgainst } with unit or list ids');
}

/**
 * `toHingeOn`: some single-seat change flips whether a majority forms in the council; with a seat
 * move, that change does.
 */
export function hingesOn(run: ScenarioRun, councilId: string, move?: SeatMove): Verdict {
  const council = councilOf(run, councilId);
  const lines = council.hinge;
  const hinges = lines.length > 0 ? [`single-seat changes that flip the outcome:`, ...lines.map((line) => `  ${line}`)] : ['no single-seat change flips the outcome'];
  if (move === undefined) {
    return {
      pass: lines.length > 0,
      claim: `${council.id} to hinge on a single seat`,
      actual: lines.length === 0 ? 'no single-seat change flips it' : `${plural(lines.length, 'single-seat change')} ${lines.length === 1 ? 'flips' : 'flip'} it`,
      arithmetic: [...baseArithmetic(council), ...hinges],
    };
  }
  assertSeatMove(move);
  for (const id of seatMoveIds(move)) assertKnownParty(run, council, id, 'unit');
  const matching = lines.filter((line) => {
    const parsed = parseHingeLine(line);
    return parsed !== undefined && hingeMatches(council, parsed, move);
  });
  return {
    pass: matching.length > 0,
    claim: `${council.id} to hinge on ${describeSeatMove(move)}`,
    actual: matching.length > 0 ? matching.join('; ') : `${describeSeatMove(move)} does not flip the outcome`,
    arithmetic: [...baseArithmetic(council), ...hinges],
  };
}

/** `toHaveGroup`: the council's A/B/C group (derived from the CF's seats, or set by a step). */
export function hasGroup(run: ScenarioRun, councilId: string, group: Group): Verdict {
  const council = councilOf(run, councilId);
  if (!GROUP_LETTERS.includes(group)) throw new GovsimUsageError(`expected a group A, B or C, received ${String(group)}`);
  const reason = council.explanation.find((entry) => /^group [ABC] \(/.test(entry.text))?.text;
  return {
    pass: council.group === group,
    claim: `${council.id} in group ${group}`,
    actual: `group ${council.group} (${council.groupSource})`,
    arithmetic: [thresholdLine(council), ...(reason !== undefined ? [reason] : [])],
  };
}
