/**
 * The fast pair weight (typed arrays, used by the candidate scan and pricing) is the weight
 * the reasons are written from: pairWeight over pairFacts, for every common-language pair.
 */
import { pairFacts, pairWeight } from '../../../shared/matching/candidates';
import { matchConfig } from '../../../shared/matching/config';
import { preparePeople, readHistory, roundIndex } from '../../../shared/matching/people';
import { PairScorer } from '../../../shared/matching/scoring';
import { sampleProfiles } from '../../../shared/sample/profiles';
import { Random } from '../../../shared/sample/random';

it('weighs every common-language pair as pairWeight does (40 random directories)', () => {
  const config = matchConfig();
  let compared = 0;
  for (let seed = 0; seed < 40; seed++) {
    const rng = new Random(900 + seed);
    const people = sampleProfiles(rng, rng.int(10, 40), Date.UTC(2025, 5, 1));
    const history = readHistory([], roundIndex('2025-06') ?? 0, config.recentRounds);
    const { active } = preparePeople(people, '2025-06', history, config);
    const learners = active.filter((p) => p.profile.learn.length > 0);
    const sharers = active.filter((p) => p.capacity > 0);
    const scorer = new PairScorer(config, learners, sharers);
    learners.forEach((learner, u) =>
      sharers.forEach((sharer, v) => {
        const facts = pairFacts(learner, sharer);
        if (facts.languages.length === 0) return;
        for (const exact of [true, false]) {
          expect(scorer.weight(u, v, exact)).toBe(
            pairWeight(config, learner, sharer, exact, facts),
          );
          compared++;
        }
      }),
    );
  }
  expect(compared).toBeGreaterThan(1000);
});
