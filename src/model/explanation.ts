/**
 * The legal and theoretical basis every explanation trace cites, in one place. Analyses and vote
 * results say *why* in plain lines; each line may name the rule it applies, and the rule's wording and
 * source live here rather than in scattered string literals.
 *
 * Legal texts: Law No. 21 of 2008 (Governorates not Organised into a Region), as amended; UNAMI unofficial
 * translation, https://docslib.org/doc/2279685/law-of-governorates-not-organised-into-a-region-no-21-of-2008 ;
 * art. 7 as paraphrased by the legal expert Ali al-Tamimi (takadum-news.com, Dec 2023).
 */

/** One line of an explanation trace: plain language, optionally citing the rule applied. */
export interface ExplanationLine {
  /** Short citation of the rule applied, e.g. `Law 21/2008 art. 1`. */
  readonly rule?: string;
  readonly text: string;
}

/** How far a rule's wording is established. */
export type RuleConfidence = 'documented' | 'inferred' | 'unverified';

/** A rule or theory an explanation can cite. */
export interface RuleBasis {
  /** Short citation shown in traces. */
  readonly citation: string;
  /** What the rule says, in plain words (quoted where the source is quoted). */
  readonly basis: string;
  readonly confidence: RuleConfidence;
  /** Where the wording comes from. */
  readonly source: string;
}

const LAW_21 = 'Law 21/2008 (Governorates not Organised into a Region), UNAMI unofficial translation';
const TAMIMI = 'Ali al-Tamimi on Law 21/2008 art. 7, takadum-news.com/archives/197908 (Dec 2023)';

/** Every rule and theory the engine cites, keyed by a stable id. */
export const RULES = {
  absoluteMajority: {
    citation: 'Law 21/2008 art. 1',
    basis: '"Absolute Majority: realized by half of the members + 1", i.e. floor(n/2) + 1 of all members, present or not',
    confidence: 'documented',
    source: LAW_21,
  },
  quorum: {
    citation: 'Law 21/2008 art. 1 (quorum)',
    basis:
      'a vote needs the quorum: an absolute majority of all members present (practice: Diyala quorum 8 of 15, KirkukNow #70908)',
    confidence: 'inferred',
    source: LAW_21,
  },
  chairElection: {
    citation: 'Law 21/2008 art. 7',
    basis: 'the first sitting, chaired by the eldest member, elects the council chair and deputy by secret direct ballot',
    confidence: 'documented',
    source: TAMIMI,
  },
  governorElection: {
    citation: 'Law 21/2008 art. 7',
    basis: 'the governor is elected within 30 days of the first sitting by an absolute majority of the total number of members',
    confidence: 'documented',
    source: TAMIMI,
  },
  governorVacatesSeat: {
    citation: 'Law 21/2008 art. 7 (vacated seat)',
    basis: 'a council member elected governor gives up the council seat; the replacement is sworn in later',
    confidence: 'documented',
    source: TAMIMI,
  },
  runoffTopTwo: {
    citation: 'Law 21/2008 art. 7 (runoff, unverified)',
    basis: 'if nobody reaches the absolute majority, a second round between the two leading candidates, decided by most votes',
    confidence: 'unverified',
    source: 'recalled in legal commentary; the article text could not be verified (data/iraq-2023/dataset.yaml rules.runoff, unresolved)',
  },
  noRunoff: {
    citation: 'no verified runoff clause',
    basis: 'without a verified top-two clause, a post nobody wins by an absolute majority stays deadlocked',
    confidence: 'inferred',
    source: 'data/iraq-2023/dataset.yaml rules.runoff: no runoff clause verified in Law 21/2008 (UNAMI unofficial translation) or legal commentary',
  },
  packageBallot: {
    citation: 'package ballot (practice)',
    basis: 'several posts voted together in one ballot, as in Nineveh and Babil in February 2024',
    confidence: 'documented',
    source: 'Shafaq News, 5 and 6 Feb 2024',
  },
  minimumWinning: {
    citation: 'Riker 1962',
    basis: 'size principle: the coalition that forms is the minimal winning one with the fewest seats (W. H. Riker, The Theory of Political Coalitions, 1962)',
    confidence: 'documented',
    source: 'Riker 1962',
  },
  bargaining: {
    citation: 'Leiserson 1968',
    basis: 'bargaining proposition: the minimal winning coalition with the fewest parties forms, since bargaining is easier (M. Leiserson, 1968)',
    confidence: 'documented',
    source: 'Leiserson 1968',
  },
  minimalConnected: {
    citation: 'Axelrod 1970',
    basis: 'minimal connected winning: a coalition adjacent on the ideological order that loses if either end leaves (R. Axelrod, Conflict of Interest, 1970)',
    confidence: 'documented',
    source: 'Axelrod 1970',
  },
  banzhaf: {
    citation: 'Banzhaf 1965',
    basis: 'normalised Banzhaf index: the share of swings, i.e. of winning coalitions a player can break by leaving',
    confidence: 'documented',
    source: 'J. F. Banzhaf III, Rutgers Law Review 19 (1965)',
  },
  shapleyShubik: {
    citation: 'Shapley & Shubik 1954',
    basis: 'Shapley–Shubik index: the share of voting orders in which a player casts the deciding vote',
    confidence: 'documented',
    source: 'L. S. Shapley and M. Shubik, APSR 48 (1954)',
  },
} as const satisfies Record<string, RuleBasis>;

/** Id of a rule in {@link RULES}. */
export type RuleId = keyof typeof RULES;

/** An explanation line citing rule `id`. */
export function explain(id: RuleId, text: string): ExplanationLine {
  return { rule: RULES[id].citation, text };
}

/** A line for a threshold the scenario sets instead of the law: no legal citation (the text names the rule). */
export function scenarioRule(_id: RuleId, text: string): ExplanationLine {
  return { text };
}

/** An explanation line that applies no particular rule (arithmetic, a consequence, a note). */
export function note(text: string): ExplanationLine {
  return { text };
}

/** One line as plain text: `citation: text`, or the text alone. */
export function formatExplanationLine(line: ExplanationLine): string {
  return line.rule === undefined ? line.text : `${line.rule}: ${line.text}`;
}
