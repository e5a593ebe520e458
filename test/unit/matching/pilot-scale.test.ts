/**
 * The one heavy matching test (the rest of the scale work is in `npm run bench`): on a
 * pilot-shaped round of 20,000 profiles, where the candidate limits leave servable learners
 * out, the certified result equals the solve over every eligible pair.
 */
import { matchConfig } from '../../../shared/matching/config';
import { matchRound } from '../../../shared/matching/engine';
import { pilotShapedRound } from '../../../shared/sample/pilot-shaped';
import { Random } from '../../../shared/sample/random';

// A bound, not a timing assertion: this instance takes about a minute on an idle core.
jest.setTimeout(20 * 60_000);

it('certifies the optimum of the full-candidate solve on the pilot-shaped 20k round', () => {
  const round = '2025-06';
  const { people, history } = pilotShapedRound(new Random(2020), 20_000, round);
  const input = { round, people, history };
  const certified = matchRound(input, { config: matchConfig({ groups: false }) });
  const pruned = matchRound(input, { config: matchConfig({ groups: false, certify: false }) });
  const full = matchRound(input, {
    config: matchConfig({
      groups: false,
      certify: false,
      scanLimit: Infinity,
      maxCandidatesPerLearner: Infinity,
    }),
  });
  // The instance is one where the limits matter: the candidates alone fall short.
  expect(pruned.pairObjective).toBeLessThan(full.pairObjective);
  expect(certified.stats.candidates).toBeLessThan(full.stats.candidates / 4);
  expect(certified.pairObjective).toBe(full.pairObjective);
  expect(certified.certificate?.maxReducedGain).toBeLessThanOrEqual(0);
});
