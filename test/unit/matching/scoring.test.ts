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
import type { LanguageSkill, Profile } from '../../../shared/records/profile';

/**
 * Languages from a pool of `pool` codes, so a round can hold more than the 32 a word of the
 * scorer's language bit sets has room for.
 */
function withLanguages(people: Profile[], rng: Random, pool: number): Profile[] {
  const levels: LanguageSkill['level'][] = ['1', '2', '3', '4', '5', 'N'];
  return people.map((p) => {
    const codes = new Set<string>();
    for (let k = rng.int(2, 4); k > 0; k--) codes.add(`l${rng.int(0, pool - 1)}`);
    return { ...p, languages: [...codes].map((code) => ({ code, level: rng.pick(levels) })) };
  });
}

it('weighs every common-language pair as pairWeight does (40 random directories)', () => {
  const config = matchConfig();
  let compared = 0;
  let widest = 0;
  for (let seed = 0; seed < 40; seed++) {
    const rng = new Random(900 + seed);
    const wide = seed % 4 === 1;
    let people = sampleProfiles(rng, wide ? 60 : rng.int(10, 40), Date.UTC(2025, 5, 1));
    // Every other directory with made-up languages: from 90 codes (three words of bits),
    // or from 8, where pairs have several in common.
    if (seed % 2 === 1) people = withLanguages(people, rng, wide ? 90 : 8);
    const history = readHistory([], roundIndex('2025-06') ?? 0, config.recentRounds);
    const { active } = preparePeople(people, '2025-06', history, config);
    const learners = active.filter((p) => p.profile.learn.length > 0);
    const sharers = active.filter((p) => p.capacity > 0);
    const scorer = new PairScorer(config, learners, sharers);
    widest = Math.max(widest, new Set(active.flatMap((p) => [...p.languages.keys()])).size);
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
  expect(widest).toBeGreaterThan(64);
});
