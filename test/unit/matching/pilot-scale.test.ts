/**
 * The one heavy matching test (the rest of the scale work is in `npm run bench`): on a
 * pilot-shaped round, where the candidate limits leave servable learners out, the certified
 * result equals the solve over every eligible pair.
 *
 * This is the 20,000-profile instance: the certified solve keeps about 0.7 M candidate
 * pairs, the full-candidate solve about 16 M (a 0.4 GiB heap); together about 100 s of CPU
 * in a plain node process and 5–6 minutes of CPU under jest (measured on the shared 2-core
 * machine, 2026-12-01). The bench compares certified and
 * full-candidate solves at 1k and 10k in every run, and the 300-round property test in
 * optimality.test.ts checks the certificate against the ILP.
 */
import { matchConfig } from '../../../shared/matching/config';
import { matchRound } from '../../../shared/matching/engine';
import { pilotShapedRound } from '../../../shared/sample/pilot-shaped';
import { Random } from '../../../shared/sample/random';
import { fullSolve } from '../../support/full-solve';

// A bound, not a timing assertion: the shared CI machine can be slow.
jest.setTimeout(30 * 60_000);

it('certifies the optimum of the full-candidate solve on a pilot-shaped 20k round', () => {
  const round = '2025-06';
  const { people, history } = pilotShapedRound(new Random(2020), 20_000, round);
  const input = { round, people, history };
  const certified = matchRound(input, { config: matchConfig({ groups: false }) });
  const full = fullSolve(input);
  // The instance is one where the limits matter: the first candidates alone fall short.
  expect(certified.certificate?.prunedObjective).toBeLessThan(full.pairObjective);
  expect(certified.stats.candidates).toBeLessThan(full.stats.candidates / 4);
  expect(certified.pairObjective).toBe(full.pairObjective);
  expect(certified.certificate?.dualBound).toBe(full.pairObjective);
  // Null when the last pass had nothing to price (no surplus or price fell): the dual bound
  // above is then what certifies.
  expect(certified.certificate?.maxReducedGain ?? 0).toBeLessThanOrEqual(0);
});
