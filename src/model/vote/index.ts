/** The council vote: chair and governor votes with quorum, packages, runoffs and vacated seats. */
export * from './types.js';
export { runVote } from './run-vote.js';
