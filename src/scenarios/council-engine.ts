/**
 * The runner's one door into the model's council analysis and session procedure. The runner needs, per
 * council, the threshold arithmetic, the minimal winning coalitions and the single-seat changes that
 * flip the majority; it takes them from the analysis' numeric core (`prepareCouncil` + `analyzeFast`)
 * and words them here, which keeps a scenario run within its time budget (the full presentation of
 * `analyzeCouncil` lists every reshaped coalition and costs milliseconds per council). Results are
 * memoised by council content, so councils a scenario leaves untouched are analysed once per process.
 */
import type { Council } from '../model/council.js';
import { analyzeFast, prepareCouncil } from '../model/analysis/index.js';
import { RULES } from '../model/explanation.js';
import { runSession } from '../model/session/index.js';

export interface EngineLine {
  readonly rule?: string;
  readonly text: string;
}

export interface EngineAnalysis {
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
  readonly explanation: readonly EngineLine[];
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, EngineAnalysis>();

/** A key that is equal exactly when two councils (with the declared coalition) analyse the same. */
function signature(council: Council, coalition: readonly string[] | undefined): string {
  let key = coalition ? coalition.join(',') : '-';
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
export function analyze(council: Council, coalition?: readonly string[]): EngineAnalysis {
  const key = signature(council, coalition);
  let found = cache.get(key);
  if (!found) {
    found = compute(council, coalition);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, found);
  }
  return found;
}

function compute(council: Council, coalition: readonly string[] | undefined): EngineAnalysis {
  const declared = coalition?.filter((id) => council.units.some((unit) => unit.id === id));
  const prepared = prepareCouncil(council, declared ? { coalition: declared, power: false } : { power: false });
  const fast = analyzeFast(prepared, { power: false });
  const { ids, size, weights, majority, present, members, declaredMask } = prepared;
  const quorumMet = present >= majority;
  const inCoalition = (u: number): boolean => declaredMask !== -1 && (declaredMask & (1 << u)) !== 0;

  // Votes and sizes once per minimal winning coalition; only the few shown are turned into id lists.
  const count = fast.minimal.length;
  const maskVotes = new Int32Array(count);
  const maskUnits = new Int32Array(count);
  let common = count > 0 ? -1 : 0;
  for (let i = 0; i < count; i++) {
    const mask = fast.minimal[i]!;
    let total = 0;
    for (let u = 0; u < size; u++) if ((mask & (1 << u)) !== 0) total += weights[u]!;
    maskVotes[i] = total;
    maskUnits[i] = popcount(mask);
    common &= mask;
  }
  const unitsOf = (mask: number): string[] => ids.filter((_, u) => (mask & (1 << u)) !== 0);
  const shown = (select: (i: number) => boolean): string[][] => {
    const picked: number[] = [];
    for (let i = 0; i < count; i++) if (select(i)) picked.push(i);
    picked.sort((a, b) => maskVotes[a]! - maskVotes[b]! || maskUnits[a]! - maskUnits[b]! || fast.minimal[a]! - fast.minimal[b]!);
    return picked.slice(0, 3).map((i) => unitsOf(fast.minimal[i]!));
  };

  const pivotal: string[] = [];
  const votes = fast.declaredVotes;
  if (declaredMask !== -1 && quorumMet && votes >= majority) {
    for (let u = 0; u < size; u++) if (inCoalition(u) && weights[u]! > 0 && votes - weights[u]! < majority) pivotal.push(ids[u]!);
  }

  const hinges = hingeLines(prepared.ids, weights, fast, declaredMask, votes, majority, present, coalitionLabel(ids, declaredMask));
  const flips = hinges.length;
  const predictions =
    count === 0
      ? []
      : [
          { label: `minimum winning: fewest seats (${RULES.minimumWinning.citation})`, coalitions: shown((i) => maskVotes[i] === fast.fewestVotes) },
          { label: `fewest parties (${RULES.bargaining.citation})`, coalitions: shown((i) => maskUnits[i] === fast.fewestUnits) },
        ];

  const absent = council.units.filter((unit) => (unit.present ?? unit.seats) < unit.seats).map((unit) => `${unit.id} ${unit.seats - (unit.present ?? unit.seats)}`);
  const explanation: EngineLine[] = [
    { rule: RULES.absoluteMajority.citation, text: `absolute majority = floor(${members}/2) + 1 = ${majority} of ${members} members, present or not` },
    {
      rule: RULES.quorum.citation,
      text: `present ${present} of ${members} ${quorumMet ? '≥' : '<'} ${majority} ⇒ ${quorumMet ? 'quorum met' : 'no quorum'}${absent.length ? ` (absent: ${absent.join(', ')})` : ''}`,
    },
    {
      text: `${fast.winningCount} winning coalitions of units, ${count} minimal; ${flips} single-seat change${flips === 1 ? '' : 's'} flip whether a majority forms`,
    },
  ];
  return {
    members,
    majority,
    present,
    quorum: { needed: majority, present, met: quorumMet },
    pivotal,
    minimalWinningCount: count,
    vetoPlayers: count > 0 ? unitsOf(common) : [],
    predictions,
    hinges,
    explanation,
  };
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function coalitionLabel(ids: readonly string[], mask: number): string {
  return mask === -1 ? '' : ids.filter((_, u) => (mask & (1 << u)) !== 0).join(' + ');
}

/**
 * The single-seat changes that flip the outcome, folded by cause: one seat of x moved (to any unit on
 * the same side), one member of x absent, one member of x voting against its line.
 */
function hingeLines(
  ids: readonly string[],
  weights: Int32Array,
  fast: ReturnType<typeof analyzeFast>,
  declaredMask: number,
  votes: number,
  majority: number,
  present: number,
  label: string,
): string[] {
  const size = ids.length;
  const stride = size + 1;
  const before = fast.majorityForms;
  const verb = (after: boolean): string => (after ? 'gains the majority' : 'loses the majority');
  const declared = declaredMask !== -1;
  const member = (u: number): boolean => declared && (declaredMask & (1 << u)) !== 0;
  const tally = (after: number): string => (declared ? `${label} ${votes} → ${after} of ${majority} needed: ` : '');
  const lines: string[] = [];
  for (let x = 0; x < size; x++) {
    if (weights[x]! === 0) continue;
    const absentAfter = fast.majorityAfter[x * stride + size] === 1;
    if (absentAfter !== before) {
      const quorumLost = present - 1 < majority && present >= majority;
      lines.push(
        `1 ${ids[x]} member absent: present ${present} → ${present - 1}${quorumLost ? ' (quorum lost)' : ''}: ${tally(votes - (member(x) ? 1 : 0))}${declared || !quorumLost ? verb(absentAfter) : 'no vote can be held'}`,
      );
    }
    const defectAfter = fast.majorityAfterDefect[x] === 1;
    if (defectAfter !== before && member(x)) lines.push(`1 ${ids[x]} member votes against: ${tally(votes - 1)}${verb(defectAfter)}`);
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
    for (const [text, to] of targets) lines.push(`move 1 seat ${ids[x]} → ${to.length > 1 ? `${to.slice(0, -1).join(', ')} or ${to.at(-1)}` : to[0]}: ${text}`);
  }
  return lines;
}

export interface EngineCandidacy {
  readonly post: string;
  readonly candidate: string;
  readonly supporters: readonly string[];
}

export interface EnginePost {
  readonly post: string;
  readonly status: 'elected' | 'deadlock' | 'no-quorum' | 'open';
  readonly winner?: string;
  readonly votes: number;
  readonly needed: number;
  readonly margin: number;
  readonly explanation: readonly EngineLine[];
}

/** Votes the posts in order (packages in one ballot) per the session procedure. */
export function votePosts(
  council: Council,
  plan: { posts: readonly string[]; packages: readonly (readonly string[])[]; candidacies: readonly EngineCandidacy[] },
): EnginePost[] {
  const outcome = runSession(council, { posts: plan.posts, packages: plan.packages, candidacies: plan.candidacies });
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
