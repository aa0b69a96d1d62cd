/**
 * The runner's one door into the model's council analysis and council vote. The runner needs, per
 * council, the threshold arithmetic, the minimal winning coalitions and the single-seat changes that
 * flip the majority; it takes them from the analysis' numeric core (`prepareCouncil` + `analyzeFast`)
 * and words them here, which keeps a scenario run within its time budget (the full presentation of
 * `analyzeCouncil` lists every reshaped coalition and costs milliseconds per council). Results are
 * memoised by council content, so councils a scenario leaves untouched are analysed once per process.
 */
import { type Council, majorityText, quorumBasisText } from '../model/council.js';
import { analyzeFast, hasUnit, type HingeChange, maskIntersection, prepareCouncil, unitCount, unitsWeight } from '../model/analysis/index.js';
import { RULES } from '../model/explanation.js';
import { runVote } from '../model/vote/index.js';

export interface AnalysisLine {
  readonly rule?: string;
  readonly text: string;
}

export interface RunAnalysis {
  readonly members: number;
  readonly majority: number;
  readonly present: number;
  readonly quorum: { readonly needed: number; readonly present: number; readonly met: boolean };
  /** Members of the declared coalition whose departure breaks its majority (empty without a majority). */
  readonly pivotal: readonly string[];
  readonly minimalWinningCount: number;
  /** Units in every minimal winning coalition: no majority forms without them. */
  readonly vetoPlayers: readonly string[];
  readonly predictions: readonly { readonly label: string; readonly coalitions: readonly (readonly string[])[] }[];
  /** Single-seat changes that flip whether a majority forms (or the quorum), in words. */
  readonly hinges: readonly string[];
  /** The change behind each line of `hinges` (same order), so a front end can apply it; a move names its first target. */
  readonly hingeChanges: readonly HingeChange[];
  readonly explanation: readonly AnalysisLine[];
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, RunAnalysis>();

/** A key that is equal exactly when two councils (with the declared coalition) analyse the same. */
function signature(council: Council, coalition: readonly string[] | undefined): string {
  let key = coalition ? coalition.join(',') : '-';
  const rules = council.rules;
  if (rules?.majority !== undefined || rules?.quorum !== undefined) key += `|rules:${JSON.stringify([rules.majority, rules.quorum, rules.basis, rules.quorumBasis])}`;
  for (const unit of council.units) key += `|${unit.id}:${unit.seats}:${unit.present ?? unit.seats}`;
  const pairs = council.constraints?.incompatible;
  if (pairs) for (const [a, b] of pairs) key += `|!${a}/${b}`;
  return key;
}

/** Forgets memoised analyses (benchmarks measure the cold path with it). */
export function clearAnalysisCache(): void {
  cache.clear();
}

/** Analyses a council for the runner (memoised). `coalition` is the governing coalition's unit ids, if any. */
export function analyze(council: Council, coalition?: readonly string[]): RunAnalysis {
  const key = signature(council, coalition);
  let found = cache.get(key);
  if (!found) {
    found = compute(council, coalition);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, found);
  }
  return found;
}

function compute(council: Council, coalition: readonly string[] | undefined): RunAnalysis {
  const declared = coalition?.filter((id) => council.units.some((unit) => unit.id === id));
  const prepared = prepareCouncil(council, declared ? { coalition: declared, power: false } : { power: false });
  const fast = analyzeFast(prepared, { power: false });
  const { ids, size, weights, majority, quorum, present, members, declaredMask } = prepared;
  const quorumMet = present >= quorum;

  // Votes and sizes once per minimal winning coalition; only the few shown become id lists.
  const minimal = fast.minimal;
  const count = minimal.length;
  const maskVotes = new Int32Array(count);
  const maskUnits = new Int32Array(count);
  let common = count > 0 ? -1 : 0;
  for (let i = 0; i < count; i++) {
    const mask = minimal[i]!;
    maskVotes[i] = unitsWeight(mask, weights);
    maskUnits[i] = unitCount(mask);
    common = common === -1 ? mask : maskIntersection(common, mask);
  }

  const pivotal: string[] = [];
  const votes = fast.declaredVotes;
  if (declaredMask !== -1 && quorumMet && votes >= majority) {
    for (let u = 0; u < size; u++) {
      if (hasUnit(declaredMask, u) && weights[u]! > 0 && votes - weights[u]! < majority) pivotal.push(ids[u]!);
    }
  }

  const hingeChanges: HingeChange[] = [];
  const hinges = hingeLines(hingeChanges, ids, weights, fast, declaredMask, votes, majority, quorum, present, declaredMask === -1 ? '' : unitsOf(ids, declaredMask).join(' + '));
  const flips = hinges.length;
  const predictions =
    count === 0
      ? []
      : [
          { label: `minimum winning: fewest seats (${RULES.minimumWinning.citation})`, coalitions: shown(ids, minimal, maskVotes, maskUnits, maskVotes, fast.fewestVotes) },
          { label: `fewest parties (${RULES.bargaining.citation})`, coalitions: shown(ids, minimal, maskVotes, maskUnits, maskUnits, fast.fewestUnits) },
        ];

  const absent: string[] = [];
  for (const unit of council.units) {
    const away = unit.seats - (unit.present ?? unit.seats);
    if (away > 0) absent.push(`${unit.id} ${away}`);
  }
  const explanation: AnalysisLine[] = [
    { ...(council.rules?.majority === undefined ? { rule: RULES.absoluteMajority.citation } : {}), text: majorityText(council, members, majority) },
    {
      ...(council.rules?.quorum === undefined ? { rule: RULES.quorum.citation } : {}),
      text: `present ${present} of ${members} ${quorumMet ? '≥' : '<'} ${quorum}${quorumBasisText(council)} ⇒ ${quorumMet ? 'quorum met' : 'no quorum'}${absent.length ? ` (absent: ${absent.join(', ')})` : ''}`,
    },
    {
      text: `${fast.winningCount} winning coalition${fast.winningCount === 1 ? '' : 's'} of units, ${fast.minimalCountExact ? '' : 'more than '}${fast.minimalCount} minimal; ${flips} single-seat ${flips === 1 ? 'change flips' : 'changes flip'} whether a majority forms`,
    },
  ];
  return {
    members,
    majority,
    present,
    quorum: { needed: quorum, present, met: quorumMet },
    pivotal,
    minimalWinningCount: fast.minimalCount,
    // Units in every listed coalition; when the listing stopped early (fast.minimal is bounded) that is not known from it.
    vetoPlayers: count > 0 && count === fast.minimalCount && fast.minimalCountExact ? unitsOf(ids, common) : [],
    predictions,
    hinges,
    hingeChanges,
    explanation,
  };
}

function unitsOf(ids: readonly string[], mask: number): string[] {
  const out: string[] = [];
  for (let u = 0; u < ids.length; u++) if (hasUnit(mask, u)) out.push(ids[u]!);
  return out;
}

/** Up to three minimal winning coalitions whose `key` equals `wanted`, fewest votes then fewest units first (a linear selection: there may be thousands). */
function shown(
  ids: readonly string[],
  minimal: ArrayLike<number>,
  maskVotes: Int32Array,
  maskUnits: Int32Array,
  key: Int32Array,
  wanted: number,
): string[][] {
  const best: number[] = [];
  const before = (a: number, b: number): boolean =>
    maskVotes[a]! - maskVotes[b]! < 0 || (maskVotes[a] === maskVotes[b] && (maskUnits[a]! < maskUnits[b]! || (maskUnits[a] === maskUnits[b] && minimal[a]! < minimal[b]!)));
  for (let i = 0; i < key.length; i++) {
    if (key[i] !== wanted) continue;
    if (best.length === 3 && !before(i, best[2]!)) continue;
    let at = best.length < 3 ? best.length : 2;
    best[at] = i;
    while (at > 0 && before(best[at]!, best[at - 1]!)) {
      [best[at - 1], best[at]] = [best[at]!, best[at - 1]!];
      at--;
    }
  }
  return best.map((i) => unitsOf(ids, minimal[i]!));
}

/**
 * The single-seat changes that flip the outcome, folded by cause: one seat of x moved (to any unit on
 * the same side), one member of x absent, one member of x voting against its line.
 */
function hingeLines(
  changes: HingeChange[],
  ids: readonly string[],
  weights: Int32Array,
  fast: ReturnType<typeof analyzeFast>,
  declaredMask: number,
  votes: number,
  majority: number,
  quorum: number,
  present: number,
  label: string,
): string[] {
  const size = ids.length;
  const stride = size + 1;
  const before = fast.majorityForms;
  const verb = (after: boolean): string => (after ? 'gains the majority' : 'loses the majority');
  const declared = declaredMask !== -1;
  const member = (u: number): boolean => declared && hasUnit(declaredMask, u);
  const tally = (after: number): string => (declared ? `${label} ${votes} → ${after} of ${majority} needed: ` : '');
  const lines: string[] = [];
  for (let x = 0; x < size; x++) {
    if (weights[x]! === 0) continue;
    const absentAfter = fast.majorityAfter[x * stride + size] === 1;
    if (absentAfter !== before) {
      // Only a quorate sitting can flip on an absence, so the quorum was met before it.
      const quorumLost = present - 1 < quorum;
      changes.push({ kind: 'absent', from: ids[x]! });
      lines.push(
        `1 ${ids[x]} member absent: present ${present} → ${present - 1}${quorumLost ? ' (quorum lost)' : ''}: ${tally(votes - (member(x) ? 1 : 0))}${declared || !quorumLost ? verb(absentAfter) : 'no vote can be held'}`,
      );
    }
    const defectAfter = fast.majorityAfterDefect[x] === 1;
    if (defectAfter !== before && member(x)) {
      changes.push({ kind: 'defect', from: ids[x]! });
      lines.push(`1 ${ids[x]} member votes against: ${tally(votes - 1)}${verb(defectAfter)}`);
    }
    const targets = new Map<string, string[]>();
    for (let y = 0; y < size; y++) {
      if (y === x) continue;
      const after = fast.majorityAfter[x * stride + y] === 1;
      if (after === before) continue;
      const afterVotes = votes - (member(x) ? 1 : 0) + (member(y) ? 1 : 0);
      const text = `${tally(afterVotes)}${declared ? verb(after) : after ? 'a majority becomes possible' : 'no majority can form'}`;
      const list = targets.get(text) ?? [];
      list.push(ids[y]!);
      targets.set(text, list);
    }
    for (const [text, to] of targets) {
      changes.push({ kind: 'move', from: ids[x]!, to: to[0]! });
      lines.push(`move 1 seat ${ids[x]} → ${to.length > 1 ? `${to.slice(0, -1).join(', ')} or ${to.at(-1)}` : to[0]}: ${text}`);
    }
  }
  return lines;
}

export interface EngineCandidacy {
  readonly post: string;
  readonly candidate: string;
  readonly supporters: readonly string[];
}

export interface VotedPost {
  readonly post: string;
  readonly status: 'elected' | 'deadlock' | 'no-quorum' | 'open';
  readonly winner?: string;
  readonly votes: number;
  readonly needed: number;
  readonly margin: number;
  readonly explanation: readonly AnalysisLine[];
}

/** Votes the posts in order (packages in one ballot) per the council vote. */
export function votePosts(
  council: Council,
  plan: { posts: readonly string[]; packages: readonly (readonly string[])[]; candidacies: readonly EngineCandidacy[]; governorIsMember?: boolean },
): VotedPost[] {
  const outcome = runVote(council, { posts: plan.posts, packages: plan.packages, candidacies: plan.candidacies, ...(plan.governorIsMember === false ? { governorIsMember: false } : {}) });
  return outcome.posts.map((post) => ({
    post: post.post,
    status: post.status,
    ...(post.winner !== undefined ? { winner: post.winner } : {}),
    votes: post.votes,
    needed: post.needed,
    margin: post.margin,
    explanation: post.explanation,
  }));
}
