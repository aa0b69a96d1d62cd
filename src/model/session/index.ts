/** The council session procedure: chair and governor votes with quorum, packages, runoffs and vacated seats. */
export * from './types.js';
export { runSession } from './run-session.js';
