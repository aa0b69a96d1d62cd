/**
 * Weighted voting games whose power indices were published, with the exact values and where they were
 * published. A game is [quota; weights]. Fractions are exact ("p/q"); raw Banzhaf values are swing
 * counts. Every value listed here must be reproduced exactly by src/model/power.
 */

export interface PublishedGame {
  readonly name: string;
  readonly source: string;
  readonly quota: number;
  readonly weights: readonly number[];
  readonly players?: readonly string[];
  readonly banzhafRaw?: readonly number[];
  readonly banzhaf?: readonly string[];
  readonly shapleyShubik?: readonly string[];
  readonly deeganPackel?: readonly string[];
  readonly publicGood?: readonly string[];
  readonly colemanPrevent?: readonly string[];
  readonly colemanInitiate?: readonly string[];
}

const permanent = ['China', 'France', 'Russia', 'United Kingdom', 'United States'];

export const PUBLISHED_GAMES: readonly PublishedGame[] = [
  {
    name: 'Nassau County Board of Supervisors, 1958',
    source: 'Banzhaf, "Weighted Voting Doesn\'t Work", Rutgers Law Review 19:317 (1965); COMAP, For All Practical Purposes, ch. 11',
    quota: 16,
    weights: [9, 9, 7, 3, 1, 1],
    players: ['Hempstead 1', 'Hempstead 2', 'North Hempstead', 'Oyster Bay', 'Glen Cove', 'Long Beach'],
    // The three small towns are dummies: 1958's famous example of seats without power.
    banzhafRaw: [16, 16, 16, 0, 0, 0],
    banzhaf: ['1/3', '1/3', '1/3', '0', '0', '0'],
    shapleyShubik: ['1/3', '1/3', '1/3', '0', '0', '0'],
  },
  {
    name: 'EEC Council of Ministers, 1958-72',
    source:
      'Felsenthal and Machover, The Measurement of Voting Power (1998); "Luxembourg in the Early Days of the EEC: Null Player or Not?", Games 9(2):29 (2018)',
    quota: 12,
    weights: [4, 4, 4, 2, 2, 1],
    players: ['Germany', 'France', 'Italy', 'Netherlands', 'Belgium', 'Luxembourg'],
    banzhafRaw: [10, 10, 10, 6, 6, 0],
    banzhaf: ['5/21', '5/21', '5/21', '1/7', '1/7', '0'],
    shapleyShubik: ['7/30', '7/30', '7/30', '3/20', '3/20', '0'],
  },
  {
    name: "Straffin's simple game",
    source: 'Straffin, Game Theory and Strategy, MAA (1993)',
    quota: 6,
    weights: [4, 3, 2, 1],
    banzhafRaw: [5, 3, 3, 1],
    banzhaf: ['5/12', '1/4', '1/4', '1/12'],
    shapleyShubik: ['5/12', '1/4', '1/4', '1/12'],
    deeganPackel: ['1/3', '5/18', '5/18', '1/9'],
    publicGood: ['2/7', '2/7', '2/7', '1/7'],
  },
  {
    name: 'Shapley-Shubik textbook example',
    source: 'Shapley and Shubik, "A Method for Evaluating the Distribution of Power in a Committee System", APSR 48(3) (1954)',
    quota: 4,
    weights: [3, 2, 1, 1],
    banzhafRaw: [6, 2, 2, 2],
    banzhaf: ['1/2', '1/6', '1/6', '1/6'],
    shapleyShubik: ['1/2', '1/6', '1/6', '1/6'],
  },
  {
    name: 'Raw Banzhaf anchor',
    source: 'Chakravarty, Mitra and Sarkar, A Course on Cooperative Game Theory, Cambridge UP (2015), pp. 118-119',
    quota: 51,
    weights: [50, 49, 1],
    banzhafRaw: [3, 1, 1],
    banzhaf: ['3/5', '1/5', '1/5'],
    shapleyShubik: ['2/3', '1/6', '1/6'],
  },
  {
    name: 'UN Security Council (since 1965)',
    source:
      'Felsenthal and Machover, The Measurement of Voting Power (1998): Shapley-Shubik 421/2145 and 4/2145, 848 and 84 swings. The Coleman values are derived from those counts with the definitions in Coleman, "Control of Collectivities and the Power of a Collectivity to Act" (1971)',
    // 5 permanent members with veto (weight 7), 10 elected (weight 1); 9 votes including all 5 permanent = 39.
    quota: 39,
    weights: [7, 7, 7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    players: [...permanent, ...Array.from({ length: 10 }, (_, k) => `Elected ${k + 1}`)],
    banzhafRaw: [848, 848, 848, 848, 848, 84, 84, 84, 84, 84, 84, 84, 84, 84, 84],
    // 848 / (5·848 + 10·84) = 848/5080 = 106/635; 84/5080 = 21/1270.
    banzhaf: [...Array<string>(5).fill('106/635'), ...Array<string>(10).fill('21/1270')],
    shapleyShubik: [...Array<string>(5).fill('421/2145'), ...Array<string>(10).fill('4/2145')],
    // Winning coalitions: all 5 permanent plus ≥ 4 of 10 elected = Σ_{k=4..10} C(10,k) = 848 of 2^15 = 32768.
    // A veto player breaks every winning coalition: prevent = 848/848 = 1; elected 84/848 = 21/212.
    colemanPrevent: [...Array<string>(5).fill('1'), ...Array<string>(10).fill('21/212')],
    // Losing coalitions: 32768 − 848 = 31920; 848/31920 = 53/1995, 84/31920 = 1/380.
    colemanInitiate: [...Array<string>(5).fill('53/1995'), ...Array<string>(10).fill('1/380')],
  },
];
