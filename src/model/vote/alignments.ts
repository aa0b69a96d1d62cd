/**
 * Competing alignments in one council. Every unit votes with exactly one alignment: its deal there, else
 * its voting bloc there (what is left of the bloc once deals took their parties out: the "rump"), else
 * itself. Each alignment is a candidate for the governorship; the one whose present votes reach the
 * threshold, with quorum, is elected. With the absolute majority floor(n/2)+1 at most one can: two
 * disjoint alignments each holding more than half of n members would need more than n members.
 *
 * Pure arithmetic over ids and vote counts; the scenario layer builds the alignments from its state.
 */

/** What an alignment is: a deal, a whole bloc, a bloc's rump, a unit alone, or members voting against every line. */
export type AlignmentKind = 'deal' | 'bloc' | 'rump' | 'list' | 'against';

export interface AlignmentInput {
  readonly kind: AlignmentKind;
  /** Deal, bloc or unit id (defectors voting against: the defectors' unit id). */
  readonly id: string;
  /** Units voting with it (model unit ids, defectors included), in council order. */
  readonly units: readonly string[];
  /** Zero-seat actors backing it (deals only). */
  readonly actors: readonly string[];
  /** The party that would provide the governor; null for `against`. */
  readonly governor: string | null;
  /** Whether the governor's party holds a seat in this council. */
  readonly governorSeated: boolean;
  /** Units of the bloc a deal took out of it (rumps only), for the label. */
  readonly without?: readonly string[];
  /** Why it cannot govern (void deal or bloc); void alignments are listed but never elected. */
  readonly voidReason?: string;
  /** Index of the step that declared it (deals, blocs, rumps); -1 otherwise. */
  readonly step: number;
}

export type AlignmentStatus = 'elected' | 'short' | 'void' | 'tied' | 'against';

export interface AlignmentTally extends AlignmentInput {
  /** Present members of its units (defectors who vote with it included). */
  readonly votes: number;
  /** `present 3` per unit, in council order, for the arithmetic. */
  readonly parts: readonly { readonly unit: string; readonly votes: number }[];
  readonly status: AlignmentStatus;
}

export interface AlignmentContest {
  readonly alignments: readonly AlignmentTally[];
  /** The elected alignment, if any. */
  readonly elected?: AlignmentTally;
  /**
   * The alignment the outcome reports: the elected one, else the strongest claim (deal or bloc, most
   * votes; ties: deals first, then declaration order); undefined when nothing claimed the council.
   */
  readonly leading?: AlignmentTally;
  /** Whether a valid deal or bloc claimed the council (a failed claim is a deadlock, not an open council). */
  readonly claimed: boolean;
  /** Several alignments reached the threshold with equal votes (only under a scenario threshold ≤ n/2). */
  readonly tie: boolean;
}

/** A label such as `deal badr-sadr`, `cf (rump without badr)` or `list tasmim`. */
export function alignmentLabel(alignment: Pick<AlignmentInput, 'kind' | 'id' | 'without'>): string {
  switch (alignment.kind) {
    case 'deal':
      return `deal ${alignment.id}`;
    case 'bloc':
      return `bloc ${alignment.id}`;
    case 'rump':
      return `${alignment.id} (rump without ${(alignment.without ?? []).join(', ')})`;
    case 'list':
      return `list ${alignment.id}`;
    case 'against':
      return `${alignment.id} (voting against)`;
  }
}

const CLAIMS: ReadonlySet<AlignmentKind> = new Set(['deal', 'bloc', 'rump']);

/**
 * Tallies the alignments and decides the contest. `present` gives each unit's present members;
 * `threshold` the votes needed; `quorumMet` whether a vote can be held at all.
 *
 * Tie rule: if several valid alignments reach the threshold (possible only when a scenario sets it at or
 * below half the members), the one with the most votes is elected; equal top votes elect nobody.
 */
export function decideAlignments(
  inputs: readonly AlignmentInput[],
  present: ReadonlyMap<string, number>,
  threshold: number,
  quorumMet: boolean,
): AlignmentContest {
  // One pass for the votes, one for the statuses; a run decides every council of every scenario of a
  // batch this way, so it allocates only the tallies themselves.
  const votes = new Int32Array(inputs.length);
  const parts: { unit: string; votes: number }[][] = [];
  let top = -1;
  let topCount = 0;
  inputs.forEach((input, i) => {
    const own: { unit: string; votes: number }[] = [];
    let total = 0;
    for (const unit of input.units) {
      const count = present.get(unit) ?? 0;
      own.push({ unit, votes: count });
      total += count;
    }
    parts.push(own);
    votes[i] = total;
    if (!quorumMet || input.kind === 'against' || input.voidReason !== undefined || total < threshold) return;
    if (total > top) {
      top = total;
      topCount = 1;
    } else if (total === top) topCount++;
  });
  const tie = topCount > 1;
  let elected: AlignmentTally | undefined;
  const alignments: AlignmentTally[] = inputs.map((input, i) => {
    let status: AlignmentStatus;
    if (input.kind === 'against') status = 'against';
    else if (input.voidReason !== undefined) status = 'void';
    // `top` is set only from totals that met quorum and the threshold (else it stays -1, which no count equals).
    else if (votes[i] === top) status = tie ? 'tied' : 'elected';
    else status = 'short';
    const tally: AlignmentTally = {
      kind: input.kind,
      id: input.id,
      units: input.units,
      actors: input.actors,
      governor: input.governor,
      governorSeated: input.governorSeated,
      step: input.step,
      ...(input.without !== undefined ? { without: input.without } : {}),
      ...(input.voidReason !== undefined ? { voidReason: input.voidReason } : {}),
      votes: votes[i]!,
      parts: parts[i]!,
      status,
    };
    if (status === 'elected') elected = tally;
    return tally;
  });
  const claims = alignments.filter((a) => CLAIMS.has(a.kind) && a.status !== 'void');
  const rank = (a: AlignmentTally): number => (a.kind === 'deal' ? 0 : 1);
  const strongest = claims.reduce<AlignmentTally | undefined>(
    (best, next) => (best === undefined || next.votes > best.votes || (next.votes === best.votes && rank(next) < rank(best)) ? next : best),
    undefined,
  );
  const leading = elected ?? strongest;
  return { alignments, ...(elected ? { elected } : {}), ...(leading ? { leading } : {}), claimed: claims.length > 0, tie };
}

/** `aah 2 + state-of-law 3 = 5` (or `nobody = 0`), with zero-seat backers named. */
export function alignmentSum(alignment: AlignmentTally): string {
  const parts = alignment.parts.map((part) => `${part.unit} ${part.votes}`);
  for (const actor of alignment.actors) parts.push(`${actor} 0`);
  return `${parts.length > 0 ? parts.join(' + ') : 'nobody'} = ${alignment.votes}`;
}

/**
 * One alignment's arithmetic and verdict, e.g. `cf (rump without badr): aah 2 + state-of-law 3 = 5 < 8`.
 * `quorumMet` is the contest's: an alignment that reaches the threshold and is not elected lacked the
 * quorum, or (under a scenario threshold ≤ n/2) another alignment had more votes.
 */
export function alignmentLine(alignment: AlignmentTally, threshold: number, quorumMet: boolean): string {
  const head = `${alignmentLabel(alignment)}: ${alignmentSum(alignment)}`;
  switch (alignment.status) {
    case 'elected':
      return `${head} ≥ ${threshold} ⇒ elected`;
    case 'tied':
      return `${head} ≥ ${threshold}, tied with another alignment ⇒ not elected`;
    case 'void':
      return `${head} (void: ${alignment.voidReason})`;
    case 'against':
      return `${head} (no candidate)`;
    case 'short':
      if (alignment.votes < threshold) return `${head} < ${threshold}`;
      return quorumMet ? `${head} ≥ ${threshold}, fewer votes than another alignment ⇒ not elected` : `${head} ≥ ${threshold} but no quorum`;
  }
}
