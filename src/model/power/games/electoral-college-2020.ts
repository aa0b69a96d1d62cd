/**
 * The US Electoral College after the 2020 census apportionment (elections of 2024 and 2028): 50 states
 * plus DC, 538 electors, 270 to win. Electors per state = House seats + 2 (3 U.S.C. §3); DC has 3
 * (23rd Amendment). Source: 2020 census apportionment, 3 U.S.C. §3; National Archives, "Distribution of
 * Electoral Votes" (archives.gov/electoral-college/allocation).
 *
 * Modelled as one weighted voting game in which each state casts its electors as a bloc (Maine and
 * Nebraska split by district in practice; the standard power-index treatment ignores that).
 */
import type { WeightedGame } from '../weighted-game.js';

export const ELECTORAL_COLLEGE_2020_ELECTORS: Readonly<Record<string, number>> = Object.freeze({
  AL: 9, AK: 3, AZ: 11, AR: 6, CA: 54, CO: 10, CT: 7, DE: 3, DC: 3, FL: 30,
  GA: 16, HI: 4, ID: 4, IL: 19, IN: 11, IA: 6, KS: 6, KY: 8, LA: 8, ME: 4,
  MD: 10, MA: 11, MI: 15, MN: 10, MS: 6, MO: 10, MT: 4, NE: 5, NV: 6, NH: 4,
  NJ: 14, NM: 5, NY: 28, NC: 16, ND: 3, OH: 17, OK: 7, OR: 8, PA: 19, RI: 4,
  SC: 9, SD: 3, TN: 11, TX: 40, UT: 6, VT: 3, VA: 13, WA: 12, WV: 4, WI: 10,
  WY: 3,
});

/** [270; 9, 3, 11, …]: players in the order above (alphabetical by state name, DC after Delaware). */
export const ELECTORAL_COLLEGE_2020: WeightedGame = Object.freeze({
  quota: 270,
  weights: Object.freeze(Object.values(ELECTORAL_COLLEGE_2020_ELECTORS)),
  names: Object.freeze(Object.keys(ELECTORAL_COLLEGE_2020_ELECTORS)),
});
