/**
 * The council vote: posts are voted in order (chair, then governor, unless the plan says otherwise),
 * each ballot after a quorum check; a candidate needs the absolute majority of all members; a package
 * ballot fills several posts with one count; a governor drawn from the council leaves one seat unfilled
 * for the rest of the sitting.
 */
import { type Council, councilMajority, councilQuorum, councilRules, majorityText, memberCount, quorumBasisText, unitPresent } from '../council.js';
import { type DataIssue, GovsimDataError } from '../errors.js';
import { type ExplanationLine, explain, note, type RuleId, scenarioRule } from '../explanation.js';
import { coalitionCounts } from '../analysis/admissible-weight-counts.js';
import { enumerateMinimalWinning } from '../analysis/minimal-winning.js';
import { prepareCouncil } from '../analysis/prepared-council.js';
import { hasUnit } from '../analysis/unit-masks.js';
import type { PostOutcome, PostStatus, RunoffResult, VoteOutcome, VotePlan } from './types.js';

const DEFAULT_POSTS = ['chair', 'governor'] as const;

/** A validated candidacy with unit indices. */
interface Standing {
  readonly post: string;
  readonly candidate: string;
  readonly supporters: readonly number[];
}

/** What one ballot offers: a single post's candidates, or a package's slates. */
interface Offer {
  /** Display name: the candidate, or `chair: a, governor: b` for a slate. */
  readonly label: string;
  /** Candidate per post of the ballot ('' where the slate names none). */
  readonly candidates: readonly string[];
  readonly supporters: readonly number[];
}

/**
 * Runs the vote of `council` under `plan`. Throws GovsimDataError (with a path into the plan) for
 * unknown posts or units, duplicate candidacies, or a unit supporting two candidates for one post.
 */
export function runVote(council: Council, plan: VotePlan): VoteOutcome {
  // Reuses the analysis' unit checks (duplicate ids, seat ranges) before anything is counted.
  prepareCouncil(council);
  const units = council.units;
  const ids = units.map((unit) => unit.id);
  const members = memberCount(council);
  const needed = councilMajority(council);
  const quorum = councilQuorum(council);
  const posts = plan.posts ?? DEFAULT_POSTS;
  const standings = validatePlan(council, plan, posts);
  const rules = councilRules(council);
  const vacates = (plan.governorIsMember ?? true) && rules.governorVacatesSeat;

  const present = units.map(unitPresent);
  const openingPresent = present.reduce((a, b) => a + b, 0);
  const ballots = ballotsOf(posts, plan.packages ?? []);
  const outcomes: PostOutcome[] = [];
  const explanation: ExplanationLine[] = [
    (council.rules?.majority === undefined ? explain : scenarioRule)('absoluteMajority', majorityText(council, members, needed)),
  ];

  ballots.forEach((ballot, ballotIndex) => {
    const presentNow = present.reduce((a, b) => a + b, 0);
    const quorumMet = presentNow >= quorum;
    const quorumLine = (council.rules?.quorum === undefined ? explain : scenarioRule)('quorum', `present ${presentNow} of ${members} ${quorumMet ? '≥' : '<'} ${quorum}${quorumBasisText(council)} ⇒ quorum ${quorumMet ? 'met' : 'not met'}`);
    const ballotLines: ExplanationLine[] = [quorumLine];
    if (ballot.length > 1) ballotLines.push(explain('packageBallot', `${ballot.join(' and ')} voted together in one ballot`));
    const results: PostResult[] = quorumMet
      ? voteBallot(council, ballot, standings, present, needed, rules.runoff, ballotLines)
      : ballot.map((post) => ({ post, status: 'no-quorum', votes: 0, coalition: [], lines: [note(`${post} not voted: no quorum`)] }));
    // The governor's seat empties only after the ballot that elected him.
    const governor = results.find((result) => result.post === 'governor');
    const vacated =
      governor?.winner === undefined ? undefined : vacatedSeatLine(governor.winner, ids, present, members, needed, vacates, ballotIndex < ballots.length - 1);
    explanation.push(...ballotLines);
    for (const result of results) {
      const own = [...result.lines, ...(result === governor && vacated !== undefined ? [vacated] : [])];
      const lines = [...ballotLines, ...own];
      outcomes.push({
        post: result.post,
        status: result.status,
        ...(result.winner === undefined ? {} : { winner: result.winner }),
        votes: result.votes,
        needed,
        margin: result.votes - needed,
        coalition: result.coalition.map((u) => ids[u]!),
        present: presentNow,
        ballot: ballotIndex,
        ...(result.runoff === undefined ? {} : { runoff: result.runoff }),
        explanation: lines,
      });
      explanation.push(note(`${result.post}: ${result.status}${result.winner === undefined ? '' : ` (${result.winner})`}`), ...own);
    }
  });

  return {
    council: council.id,
    members,
    present: openingPresent,
    quorum: { needed: quorum, present: openingPresent, met: openingPresent >= quorum },
    posts: outcomes,
    explanation,
  };
}

/** Applies the vacated seat (mutating `present`) and says so; undefined when nothing to say. */
function vacatedSeatLine(
  winner: string,
  ids: readonly string[],
  present: number[],
  members: number,
  needed: number,
  vacates: boolean,
  morePosts: boolean,
): ExplanationLine | undefined {
  if (!vacates) return undefined;
  const u = ids.indexOf(winner);
  if (u < 0) return note(`governor ${winner} is not a council unit: no council seat is vacated`);
  if (present[u]! === 0) return note(`no ${winner} member was present, so no present seat is vacated`);
  present[u] = present[u]! - 1;
  const later = morePosts ? ' for the remaining votes' : '';
  return explain(
    'governorVacatesSeat',
    `the governor's seat (${winner}) is vacated: ${winner} has ${present[u]} present${later}; the seat still exists, so n = ${members} and ${needed} are still needed until the replacement is sworn in`,
  );
}

/** Ballots in voting order: a package is voted where its first post falls. */
function ballotsOf(posts: readonly string[], packages: readonly (readonly string[])[]): string[][] {
  const done = new Set<string>();
  const ballots: string[][] = [];
  for (const post of posts) {
    if (done.has(post)) continue;
    const pack = packages.find((p) => p.includes(post));
    const ballot = pack === undefined ? [post] : posts.filter((p) => pack.includes(p));
    for (const p of ballot) done.add(p);
    ballots.push(ballot);
  }
  return ballots;
}

function validatePlan(council: Council, plan: VotePlan, posts: readonly string[]): Standing[] {
  const issues: DataIssue[] = [];
  const ids = council.units.map((unit) => unit.id);
  const known = `units: ${ids.join(', ')}`;
  posts.forEach((post, i) => {
    if (posts.indexOf(post) !== i) issues.push({ path: `posts[${i}]`, message: `post "${post}" is listed twice` });
  });
  const packaged = new Map<string, number>();
  (plan.packages ?? []).forEach((pack, i) => {
    pack.forEach((post, j) => {
      if (!posts.includes(post)) issues.push({ path: `packages[${i}][${j}]`, message: `unknown post "${post}" (posts: ${posts.join(', ')})` });
      const other = packaged.get(post);
      if (other !== undefined) issues.push({ path: `packages[${i}][${j}]`, message: `post "${post}" is already in packages[${other}]` });
      packaged.set(post, i);
    });
  });
  const standings: Standing[] = [];
  const supportOf = new Map<string, { candidate: string; at: number }>();
  const seen = new Map<string, number>();
  plan.candidacies.forEach((candidacy, i) => {
    if (!posts.includes(candidacy.post)) {
      issues.push({ path: `candidacies[${i}].post`, message: `unknown post "${candidacy.post}" (posts: ${posts.join(', ')})` });
      return;
    }
    const key = `${candidacy.post}\u0000${candidacy.candidate}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ path: `candidacies[${i}].candidate`, message: `"${candidacy.candidate}" already stands for ${candidacy.post} (candidacies[${first}])` });
      return;
    }
    // '' marks a slate that names nobody for a post, so it cannot be a candidate's name.
    if (candidacy.candidate === '') {
      issues.push({ path: `candidacies[${i}].candidate`, message: 'the candidate is empty: name a party or actor' });
      return;
    }
    seen.set(key, i);
    const supporters: number[] = [];
    candidacy.supporters.forEach((id, j) => {
      const u = ids.indexOf(id);
      if (u < 0) {
        issues.push({ path: `candidacies[${i}].supporters[${j}]`, message: `unknown unit "${id}" in council ${council.id} (${known})` });
        return;
      }
      const supportKey = `${candidacy.post}\u0000${id}`;
      const earlier = supportOf.get(supportKey);
      if (earlier !== undefined) {
        const where = earlier.candidate === candidacy.candidate ? 'is listed twice as a supporter' : `already supports "${earlier.candidate}" for ${candidacy.post} (candidacies[${earlier.at}])`;
        issues.push({ path: `candidacies[${i}].supporters[${j}]`, message: `unit "${id}" ${where}` });
        return;
      }
      supportOf.set(supportKey, { candidate: candidacy.candidate, at: i });
      supporters.push(u);
    });
    standings.push({ post: candidacy.post, candidate: candidacy.candidate, supporters });
  });
  if (issues.length > 0) throw new GovsimDataError(undefined, issues);
  return standings;
}

interface PostResult {
  readonly post: string;
  readonly status: PostStatus;
  readonly winner?: string;
  readonly votes: number;
  readonly coalition: readonly number[];
  readonly runoff?: RunoffResult;
  readonly lines: ExplanationLine[];
}

function postRule(post: string): RuleId {
  return post === 'chair' ? 'chairElection' : post === 'governor' ? 'governorElection' : 'absoluteMajority';
}

/** The offers of a ballot: candidates of a single post, or slates of a package (one per distinct choice of candidates). */
function offersOf(ballot: readonly string[], standings: readonly Standing[], unitCount: number): Offer[] {
  if (ballot.length === 1) {
    return standings.filter((s) => s.post === ballot[0]).map((s) => ({ label: s.candidate, candidates: [s.candidate], supporters: s.supporters }));
  }
  // Each unit votes for the slate of the candidates it supports across the package's posts.
  const choice: string[][] = Array.from({ length: unitCount }, () => ballot.map(() => ''));
  for (const standing of standings) {
    const at = ballot.indexOf(standing.post);
    if (at < 0) continue;
    for (const u of standing.supporters) choice[u]![at] = standing.candidate;
  }
  const slates = new Map<string, { candidates: string[]; supporters: number[] }>();
  choice.forEach((candidates, u) => {
    if (candidates.every((c) => c === '')) return;
    const key = candidates.join('\u0000');
    const slate = slates.get(key) ?? { candidates, supporters: [] };
    slate.supporters.push(u);
    slates.set(key, slate);
  });
  return [...slates.values()].map((slate) => ({
    label: ballot.map((post, i) => `${post}: ${slate.candidates[i] || '—'}`).join(', '),
    candidates: slate.candidates,
    supporters: slate.supporters,
  }));
}

function voteBallot(
  council: Council,
  ballot: readonly string[],
  standings: readonly Standing[],
  present: readonly number[],
  needed: number,
  runoffRule: 'none' | 'top-two',
  ballotLines: ExplanationLine[],
): PostResult[] {
  const ids = council.units.map((unit) => unit.id);
  const offers = offersOf(ballot, standings, ids.length);
  if (offers.length === 0) return ballot.map((post) => uncontested(council, post, present, needed));
  const votesOf = (offer: Offer): number => offer.supporters.reduce((total, u) => total + present[u]!, 0);
  // Array sort is stable, so offers with equal votes keep the order they were offered in.
  const tally = offers.map((offer) => ({ offer, votes: votesOf(offer) })).sort((a, b) => b.votes - a.votes);
  const describe = (offer: Offer): string => {
    const parts = offer.supporters.map((u) => `${ids[u]!} ${present[u]!}`);
    return `${offer.label} (${parts.join(' + ')})`;
  };
  const rule = ballot.length === 1 ? postRule(ballot[0]!) : 'absoluteMajority';
  for (const { offer, votes } of tally) {
    ballotLines.push(explain(rule, `${describe(offer)} = ${votes} ${votes >= needed ? '≥' : '<'} ${needed}`));
  }
  const leader = tally[0]!;
  let elected: Offer | undefined;
  let runoff: RunoffResult | undefined;
  if (leader.votes >= needed) {
    elected = leader.offer;
    ballotLines.push(note(`${leader.offer.label} elected, margin ${leader.votes - needed}`));
  } else if (runoffRule === 'none') {
    ballotLines.push(explain('noRunoff', `nobody reaches ${needed} (best ${leader.votes}): deadlock`));
  } else {
    const second = tally[1];
    const third = tally[2];
    if (second === undefined) {
      ballotLines.push(explain('runoffTopTwo', `only one candidate, short of ${needed}: no runoff possible, deadlock`));
    } else if (third !== undefined && third.votes === second.votes) {
      ballotLines.push(explain('runoffTopTwo', `second place tied (${second.votes} each): the two leaders cannot be named, deadlock`));
    } else {
      runoff = { candidates: [leader.offer.label, second.offer.label], votes: [leader.votes, second.votes] };
      if (leader.votes > second.votes) {
        elected = leader.offer;
        ballotLines.push(explain('runoffTopTwo', `runoff ${leader.offer.label} ${leader.votes} vs ${second.offer.label} ${second.votes}: ${leader.offer.label} elected by most votes`));
      } else {
        ballotLines.push(explain('runoffTopTwo', `runoff tied ${leader.votes} to ${second.votes}: deadlock`));
      }
    }
  }
  const chosen = elected ?? leader.offer;
  const coalition = chosen.supporters.filter((u) => present[u]! > 0).sort((a, b) => a - b);
  const votes = elected === undefined ? leader.votes : votesOf(elected);
  return ballot.map((post, i) => {
    // A single post's offer names its candidate at 0; a slate has a name or '' at every post.
    const candidate = chosen.candidates[i]!;
    if (elected !== undefined && candidate === '') {
      const open = uncontested(council, post, present, needed);
      return { ...open, lines: [note(`the winning slate names no candidate for ${post}`), ...open.lines] };
    }
    const base = { post, votes, coalition, lines: [] as ExplanationLine[], ...(runoff === undefined ? {} : { runoff }) };
    return elected === undefined ? { ...base, status: 'deadlock' as const } : { ...base, status: 'elected' as const, winner: candidate };
  });
}

/** A post nobody stands for: `open` if some admissible coalition of those present could still win it. */
function uncontested(council: Council, post: string, present: readonly number[], needed: number): PostResult {
  const attending: Council = { ...council, units: council.units.map((unit, u) => ({ ...unit, present: present[u]! })) };
  const prepared = prepareCouncil(attending);
  const winnable = coalitionCounts(prepared).winning > 0;
  if (!winnable) {
    return { post, status: 'deadlock', votes: 0, coalition: [], lines: [note(`no candidate for ${post}, and no admissible coalition of those present reaches ${needed}: deadlock`)] };
  }
  const minimal: number[] = [];
  enumerateMinimalWinning(
    { order: prepared.searchOrder, weights: prepared.weights, conflicts: prepared.conflicts, requiredMask: prepared.requiredMask, requiredWeight: prepared.requiredWeight, quota: needed },
    minimal,
  );
  const example = minimal
    .map((mask) => ({ mask, votes: prepared.ids.reduce((total, _, u) => total + (hasUnit(mask, u) ? prepared.weights[u]! : 0), 0) }))
    .sort((a, b) => a.votes - b.votes || a.mask - b.mask)[0];
  const label = example === undefined ? '' : `, e.g. ${prepared.ids.filter((_, u) => hasUnit(example.mask, u)).join(' + ')} (${example.votes})`;
  return { post, status: 'open', votes: 0, coalition: [], lines: [note(`no candidate for ${post}; a majority of ${needed} could still form${label}: open`)] };
}
