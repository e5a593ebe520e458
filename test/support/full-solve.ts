/**
 * The reference the certificate is held to: the round solved over every eligible pair
 * (no candidate limits, nothing to certify), 1:1 phase only.
 */
import { matchConfig } from '../../shared/matching/config';
import { matchRound } from '../../shared/matching/engine';
import type { MatchInput, MatchResult } from '../../shared/matching/types';

export function fullSolve(input: MatchInput): MatchResult {
  return matchRound(input, {
    config: matchConfig({
      groups: false,
      certify: false,
      scanLimit: Infinity,
      maxCandidatesPerLearner: Infinity,
    }),
  });
}
