/** "What would it take": minimal partner sets, breaking points and national packages (pure, exact). */
export { breakingPoints, councilPaths, partnerCandidates, presentVotes, weakestConfidence } from './council-paths.js';
export { fewestSet, type FewestSetOptions, MAX_ITEMS, minimalSets, PathSearchError, type MinimalSets, type MinimalSetsOptions } from './minimal-sets.js';
export {
  MAX_CANDIDATES,
  naivePackageFrontier,
  packageFrontier,
  packageOutcome,
  type FrontierLevel,
  type FrontierOptions,
  type Package,
  type PackageCouncil,
  type PackageCouncilStatus,
  type PackageFrontier,
  type PackageInput,
  type PackageOutcome,
} from './packages.js';
export type * from './types.js';
