/**
 * The Monte Carlo hot loop. A scenario is compiled once into flat typed arrays (structured-cloneable,
 * so worker threads receive it as is); a block of draws then runs without allocating: every random
 * event compares a 32-bit output of xoshiro128** against a precomputed threshold round(p·2^32),
 * members who surely attend (or surely stay away) draw nothing, and counts go into one Float64Array
 * tally whose entries are integers (so merging tallies is exact and order-free).
 *
 * Tally layout (see `TallyLayout`): [draws, then per council: elected, deadlock, no-quorum,
 * bloc-governs, Σ margin, Σ margin², rival elected, pivotal count per unit, then the national histogram: draws in
 * which the bloc governs exactly k councils, k = 0..councils].
 */
import { streamGenerator } from '../random.js';
import { type Rational, rational } from '../rational.js';
import { type ProbabilisticScenario, type ShockEffect, assertValidModel } from './model.js';
import { isCertain, isImpossible, probabilityThreshold } from './probability.js';

/** Offsets of one council's counters relative to its tally start. */
export const COUNCIL_SLOTS = {
  elected: 0,
  deadlock: 1,
  noQuorum: 2,
  blocGoverns: 3,
  marginSum: 4,
  marginSquares: 5,
  rivalElected: 6,
  pivotal: 7,
} as const;

export interface TallyLayout {
  readonly length: number;
  /** Start of each council's counters. */
  readonly councilStart: readonly number[];
  /** Start of the histogram of "bloc governs exactly k councils". */
  readonly nationalStart: number;
}

const SUPPORT = 1;
const ATTEND = 4;
const EFFECT_CODES: Record<ShockEffect, number> = { support: SUPPORT, oppose: 2, absent: 3, attend: ATTEND };

/**
 * Thresholds are stored shifted into int32 space, matching `fillInt32`: an event of probability p
 * happens when (uint32 − 2^31) < round(p·2^32) − 2^31. SIGNED_NEVER is the threshold of p = 0.
 */
const SIGNED_OFFSET = 2147483648;
const SIGNED_NEVER = -SIGNED_OFFSET;

function signedThreshold(p: Rational): number {
  return probabilityThreshold(p) - SIGNED_OFFSET;
}

/**
 * The signed threshold of an uncertain event (0 < p < 1) as an int32, so the hot loop compares two
 * int32s. Only p within 2^-33 of 1 rounds to 2^31, one past int32; it is clamped, which moves p by 2^-32.
 */
function int32Threshold(p: Rational): number {
  return Math.min(signedThreshold(p), SIGNED_OFFSET - 1);
}

/** P(K ≤ j) for K ~ Binomial(m, p), j = 0..m−1, exactly. */
function binomialCdf(m: number, p: Rational): Rational[] {
  const miss = p.den - p.num;
  const cumulative: Rational[] = [];
  let coefficient = 1n; // C(m, j)
  let total = 0n;
  for (let j = 0; j < m; j++) {
    total += coefficient * p.num ** BigInt(j) * miss ** BigInt(m - j);
    cumulative.push(rational(total, p.den ** BigInt(m)));
    coefficient = (coefficient * BigInt(m - j)) / BigInt(j + 1);
  }
  return cumulative;
}

/** A scenario as typed arrays; units and members are numbered across all councils. */
export interface CompiledScenario {
  readonly councilIds: readonly string[];
  readonly unitIds: readonly string[];
  readonly councilCount: number;
  readonly unitCount: number;
  /** Units of council c: [unitStart[c], unitStart[c+1]). */
  readonly unitStart: Int32Array;
  /**
   * Units whose uncertain members share one probability p draw their count of present members with one
   * number: K ~ Binomial(m, p) is the number of leading thresholds round(P(K ≤ j)·2^32), j < m, that the
   * draw reaches. Unit u's thresholds: countThreshold[countStart[u] .. countStart[u+1]).
   */
  readonly countStart: Int32Array;
  readonly countThreshold: Int32Array;
  /** 1 when p ≥ 1/2: most members come, so the scan for K starts from the top. */
  readonly countFromTop: Uint8Array;
  /** Other units' uncertain members (0 < p < 1), one draw each: [memberStart[u], memberStart[u+1]). */
  readonly memberStart: Int32Array;
  /** The largest unit of each council: no unit can be pivotal when votes are further than this from the threshold. */
  readonly largestUnit: Int32Array;
  readonly threshold: Int32Array;
  readonly quorum: Int32Array;
  readonly governedByBloc: Uint8Array;
  readonly unitSeats: Int32Array;
  /** Members who attend with probability 1. */
  readonly unitSurePresent: Int32Array;
  /** Whether the unit backs the candidate before its own switch draw (a certain switch is folded in here). */
  readonly unitBacks: Uint8Array;
  /** Signed threshold of P(switch side); SIGNED_NEVER means the unit never (or surely) switches and draws nothing. */
  readonly unitSwitch: Int32Array;
  /** Signed threshold of each uncertain member's attendance. */
  readonly memberAttend: Int32Array;
  /** 1 + the council-local index of the rival alignment the unit votes with, 0 for none. */
  readonly unitRival: Int32Array;
  /** Rivals of council c: [rivalStart[c], rivalStart[c+1]), numbered across councils. */
  readonly rivalStart: Int32Array;
  readonly rivalGoverned: Uint8Array;
  readonly shockThreshold: Float64Array;
  readonly shockEffect: Uint8Array;
  /** Targets of shock s: global unit indices [shockTargetStart[s], shockTargetStart[s+1]). */
  readonly shockTargetStart: Int32Array;
  readonly shockTargetUnit: Int32Array;
  readonly layout: TallyLayout;
}

export function compileScenario(scenario: ProbabilisticScenario): CompiledScenario {
  assertValidModel(scenario);
  const councilCount = scenario.councils.length;
  const unitStart = new Int32Array(councilCount + 1);
  const unitIds: string[] = [];
  const seats: number[] = [];
  const surePresent: number[] = [];
  const backs: number[] = [];
  const switches: number[] = [];
  const countStart: number[] = [];
  const countThreshold: number[] = [];
  const countFromTop: number[] = [];
  const memberStart: number[] = [];
  const memberAttend: number[] = [];
  const councilStart: number[] = [];
  let tallyLength = 1;

  scenario.councils.forEach((council, c) => {
    unitStart[c] = unitIds.length;
    councilStart.push(tallyLength);
    tallyLength += COUNCIL_SLOTS.pivotal + council.units.length;
    for (const unit of council.units) {
      countStart.push(countThreshold.length);
      memberStart.push(memberAttend.length);
      unitIds.push(unit.id);
      seats.push(unit.seats);
      const uncertain = unit.attendance.filter((p) => !isCertain(p) && !isImpossible(p));
      surePresent.push(unit.attendance.filter(isCertain).length);
      const shared = uncertain[0];
      countFromTop.push(shared !== undefined && 2n * shared.num >= shared.den ? 1 : 0);
      if (shared !== undefined && uncertain.length > 1 && uncertain.every((p) => p.num === shared.num && p.den === shared.den)) {
        for (const cumulative of binomialCdf(uncertain.length, shared)) countThreshold.push(int32Threshold(cumulative));
      } else {
        for (const p of uncertain) memberAttend.push(int32Threshold(p));
      }
      const surelySwitches = isCertain(unit.switchProbability);
      backs.push(unit.inCoalition !== surelySwitches ? 1 : 0);
      switches.push(surelySwitches || isImpossible(unit.switchProbability) ? SIGNED_NEVER : int32Threshold(unit.switchProbability));
    }
  });
  unitStart[councilCount] = unitIds.length;
  countStart.push(countThreshold.length);
  memberStart.push(memberAttend.length);

  const unitRival = new Int32Array(unitIds.length);
  const rivalStart = new Int32Array(councilCount + 1);
  const rivalGoverned: number[] = [];
  scenario.councils.forEach((council, c) => {
    rivalStart[c] = rivalGoverned.length;
    (council.rivals ?? []).forEach((rival, r) => {
      rivalGoverned.push(rival.governedByBloc ? 1 : 0);
      for (const index of rival.units) unitRival[unitStart[c]! + index] = r + 1;
    });
  });
  rivalStart[councilCount] = rivalGoverned.length;

  const councilBase = scenario.councils.map((_council, c) => unitStart[c]!);
  const shockTargetStart = new Int32Array(scenario.shocks.length + 1);
  const shockTargetUnit: number[] = [];
  scenario.shocks.forEach((shock, s) => {
    shockTargetStart[s] = shockTargetUnit.length;
    for (const target of shock.targets) shockTargetUnit.push(councilBase[target.council]! + target.unit);
  });
  shockTargetStart[scenario.shocks.length] = shockTargetUnit.length;

  return {
    councilIds: scenario.councils.map((council) => council.id),
    unitIds,
    councilCount,
    unitCount: unitIds.length,
    unitStart,
    countStart: Int32Array.from(countStart),
    countThreshold: Int32Array.from(countThreshold),
    countFromTop: Uint8Array.from(countFromTop),
    memberStart: Int32Array.from(memberStart),
    largestUnit: Int32Array.from(scenario.councils, (council) => Math.max(0, ...council.units.map((unit) => unit.seats))),
    threshold: Int32Array.from(scenario.councils, (council) => council.threshold),
    quorum: Int32Array.from(scenario.councils, (council) => council.quorum),
    governedByBloc: Uint8Array.from(scenario.councils, (council) => (council.governedByBloc ? 1 : 0)),
    unitSeats: Int32Array.from(seats),
    unitSurePresent: Int32Array.from(surePresent),
    unitBacks: Uint8Array.from(backs),
    unitSwitch: Int32Array.from(switches),
    memberAttend: Int32Array.from(memberAttend),
    unitRival,
    rivalStart,
    rivalGoverned: Uint8Array.from(rivalGoverned),
    shockThreshold: Float64Array.from(scenario.shocks, (shock) => signedThreshold(shock.probability)),
    shockEffect: Uint8Array.from(scenario.shocks, (shock) => EFFECT_CODES[shock.effect]),
    shockTargetStart,
    shockTargetUnit: Int32Array.from(shockTargetUnit),
    layout: { length: tallyLength + councilCount + 1, councilStart, nationalStart: tallyLength },
  };
}

/**
 * Runs `draws` scenario draws on stream `block` of `seed` and returns their tally. The same
 * (scenario, seed, block, draws) gives the same tally on any machine and in any thread.
 *
 * Random numbers come from a buffer refilled in bulk (`fillInt32`), consumed in generation order:
 * per draw, one per shock, then unit by unit: one for its count of present members if its uncertain
 * members share a probability, else one per uncertain member; then one if the unit may switch side.
 * Shocks override what the unit drew (the draws are still consumed, so streams stay aligned).
 */
export function sampleBlock(compiled: CompiledScenario, seed: number, block: number, draws: number): Float64Array<ArrayBuffer> {
  const tally = new Float64Array(compiled.layout.length);
  const rng = streamGenerator(seed, block);
  const {
    councilCount,
    unitCount,
    unitStart,
    countStart,
    countThreshold,
    countFromTop,
    memberStart,
    largestUnit,
    threshold,
    quorum,
    governedByBloc,
    unitSeats,
    unitSurePresent,
    unitBacks,
    unitSwitch,
    memberAttend,
    unitRival,
    rivalStart,
    rivalGoverned,
    shockThreshold,
    shockEffect,
    shockTargetStart,
    shockTargetUnit,
  } = compiled;
  const { councilStart, nationalStart } = compiled.layout;
  const shockCount = shockThreshold.length;
  // Scratch, allocated once per block and reused by every draw.
  const present = new Int32Array(unitCount);
  const support = new Uint8Array(unitCount);
  /** 0: no shock; else the code of the last fired vote shock (support/oppose). */
  const voteOverride = new Uint8Array(unitCount);
  /** 0: no shock; else the code of the last fired attendance shock (absent/attend). */
  const attendOverride = new Uint8Array(unitCount);
  let mostRivals = 0;
  for (let c = 0; c < councilCount; c++) mostRivals = Math.max(mostRivals, rivalStart[c + 1]! - rivalStart[c]!);
  /** Votes of each rival of the council being drawn (index 1 + local rival). */
  const rivalVotes = new Int32Array(mostRivals + 1);
  let perDraw = shockCount + memberAttend.length;
  for (let u = 0; u < unitCount; u++) {
    if (unitSwitch[u] !== SIGNED_NEVER) perDraw++;
    if (countStart[u + 1]! > countStart[u]!) perDraw++;
  }
  const random = new Int32Array(Math.max(4096, 2 * perDraw));
  let next = random.length;

  for (let draw = 0; draw < draws; draw++) {
    if (next + perDraw > random.length) {
      random.copyWithin(0, next);
      rng.fillInt32(random, random.length - next);
      next = 0;
    }
    if (shockCount > 0) {
      voteOverride.fill(0);
      attendOverride.fill(0);
      for (let s = 0; s < shockCount; s++) {
        if (random[next++]! >= shockThreshold[s]!) continue;
        const effect = shockEffect[s]!;
        const overrides = effect <= 2 ? voteOverride : attendOverride;
        for (let t = shockTargetStart[s]!; t < shockTargetStart[s + 1]!; t++) overrides[shockTargetUnit[t]!] = effect;
      }
    }
    let governed = 0;
    for (let c = 0; c < councilCount; c++) {
      const firstUnit = unitStart[c]!;
      const endUnit = unitStart[c + 1]!;
      let attending = 0;
      let votes = 0;
      const rivals = rivalStart[c + 1]! - rivalStart[c]!;
      if (rivals > 0) rivalVotes.fill(0);
      for (let u = firstUnit; u < endUnit; u++) {
        let k = unitSurePresent[u]!;
        let j = countStart[u]!;
        const endCount = countStart[u + 1]!;
        if (j < endCount) {
          // K = the number of thresholds the draw reaches; scan from the likelier end.
          const sample = random[next++]!;
          if (countFromTop[u] === 1) {
            let top = endCount - 1;
            while (top >= j && sample < countThreshold[top]!) top--;
            k += top - j + 1;
          } else {
            while (j < endCount && sample >= countThreshold[j]!) {
              j++;
              k++;
            }
          }
        } else {
          const endMember = memberStart[u + 1]!;
          for (let m = memberStart[u]!; m < endMember; m++) if (random[next++]! < memberAttend[m]!) k++;
        }
        let backs = unitBacks[u]!;
        if (unitSwitch[u] !== SIGNED_NEVER && random[next++]! < unitSwitch[u]!) backs = 1 - backs;
        if (shockCount > 0) {
          const attendance = attendOverride[u]!;
          if (attendance !== 0) k = attendance === ATTEND ? unitSeats[u]! : 0;
          const vote = voteOverride[u]!;
          if (vote !== 0) backs = vote === SUPPORT ? 1 : 0;
        }
        present[u] = k;
        support[u] = backs;
        attending += k;
        votes += backs * k;
        // A rival's unit votes with it unless it joined the simulated alignment.
        if (rivals > 0 && backs === 0) rivalVotes[unitRival[u]!]! += k;
      }
      const need = threshold[c]!;
      const at = councilStart[c]!;
      if (attending < quorum[c]!) {
        tally[at + COUNCIL_SLOTS.noQuorum]!++;
      } else {
        // The alignment with the most votes at or above the threshold is elected; equal best: nobody (deadlock).
        let winner = votes >= need ? 0 : -1;
        let best = votes >= need ? votes : -1;
        let tie = false;
        for (let r = 1; r <= rivals; r++) {
          const rv = rivalVotes[r]!;
          if (rv < need || rv < best) continue;
          if (rv === best) tie = true;
          else {
            winner = r;
            best = rv;
            tie = false;
          }
        }
        if (winner < 0 || tie) {
          tally[at + COUNCIL_SLOTS.deadlock]!++;
        } else if (winner === 0) {
          tally[at + COUNCIL_SLOTS.elected]!++;
          if (governedByBloc[c] === 1) {
            tally[at + COUNCIL_SLOTS.blocGoverns]!++;
            governed++;
          }
        } else {
          tally[at + COUNCIL_SLOTS.rivalElected]!++;
          if (rivalGoverned[rivalStart[c]! + winner - 1] === 1) {
            tally[at + COUNCIL_SLOTS.blocGoverns]!++;
            governed++;
          }
        }
        // A unit of k present members can be pivotal only when need − k ≤ votes < need + k, k ≤ the largest unit.
        if (votes - need < largestUnit[c]! && need - votes <= largestUnit[c]!) {
          const pivotalAt = at + COUNCIL_SLOTS.pivotal - firstUnit;
          for (let u = firstUnit; u < endUnit; u++) {
            const k = present[u]!;
            const others = votes - support[u]! * k;
            if (others < need && others + k >= need) tally[pivotalAt + u]!++;
          }
        }
      }
      const margin = votes - need;
      tally[at + COUNCIL_SLOTS.marginSum]! += margin;
      tally[at + COUNCIL_SLOTS.marginSquares]! += margin * margin;
    }
    tally[nationalStart + governed]!++;
  }
  tally[0] = draws;
  return tally;
}

/** Adds `from` into `into` (same layout). Entries are integers, so the sum is exact. */
export function mergeTally(into: Float64Array, from: Float64Array): void {
  if (into.length !== from.length) throw new RangeError(`tally lengths differ: ${into.length} vs ${from.length}`);
  for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
}

