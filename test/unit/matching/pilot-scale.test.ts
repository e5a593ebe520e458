/**
 * The one heavy matching test (the rest of the scale work is in `npm run bench`): on a
 * pilot-shaped round, where the candidate limits leave servable learners out, the certified
 * result equals the solve over every eligible pair.
 *
 * The issue asks for 20,000 profiles; this runs 10,000. At 20k the full-candidate solve
 * alone has about 16 M pairs and did not finish within 30 minutes on this shared 2-core
 * machine (CPU share 10–20 %), which CI cannot carry; at 10k it has about 4 M. The bench
 * compares certified and full-candidate solves at 1k and 10k in every run, and the 300-round
 * property test in optimality.test.ts checks the certificate against the ILP.
 */
import { matchConfig } from '../../../shared/matching/config';
import { matchRound } from '../../../shared/matching/engine';
import { pilotShapedRound } from '../../../shared/sample/pilot-shaped';
import { Random } from '../../../shared/sample/random';

// A bound, not a timing assertion: the shared CI machine can be slow.
jest.setTimeout(30 * 60_000);

it('certifies the optimum of the full-candidate solve on a pilot-shaped 10k round', () => {
  const round = '2025-06';
  const { people, history } = pilotShapedRound(new Random(2020), 10_000, round);
  const input = { round, people, history };
  const certified = matchRound(input, { config: matchConfig({ groups: false }) });
  const full = matchRound(input, {
    config: matchConfig({
      groups: false,
      certify: false,
      scanLimit: Infinity,
      maxCandidatesPerLearner: Infinity,
    }),
  });
  // The instance is one where the limits matter: the first candidates alone fall short.
  expect(certified.certificate?.prunedObjective).toBeLessThan(full.pairObjective);
  expect(certified.stats.candidates).toBeLessThan(full.stats.candidates / 4);
  expect(certified.pairObjective).toBe(full.pairObjective);
  expect(certified.certificate?.dualBound).toBe(full.pairObjective);
  // Null when the last pass had nothing to price (no surplus or price fell): the dual bound
  // above is then what certifies.
  expect(certified.certificate?.maxReducedGain ?? 0).toBeLessThanOrEqual(0);
});
