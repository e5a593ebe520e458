/** The matching engine's public surface (pure: no I/O, nothing runs at import). */
export { DEFAULT_MATCH_CONFIG, DEFAULT_MATCH_WEIGHTS, matchConfig } from './config';
export type { MatchConfig, MatchWeights } from './config';
export { matchRound } from './engine';
export type { MatchOptions } from './engine';
export { solveAssignment } from './flow';
export { assignmentValue } from './problem';
export type { Assignment, AssignmentProblem } from './problem';
export { greedyAssignment } from './greedy';
export { MATCH_KEYS } from './types';
export type * from './types';
