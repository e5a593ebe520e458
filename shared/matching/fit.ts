/**
 * "Best for me": how well each person in the directory fits one reader, in the engine's own
 * terms: the pair's points (pairWeight) and reasons (pairReasons) exactly as matchRound
 * computes them, in whichever direction is worth more (the reader learns from them, or
 * shares with them). Pure, so the gadget computes it in the browser from the directory JSON.
 *
 * What the browser does not have is left out rather than guessed: no round history (so every
 * learner counts as having waited the full cap, the same for everyone) and no sharer's load
 * this month. A pair the engine could never propose (no workable common language, formats
 * that do not meet, no topic in common even by category, a sharer with no connections a
 * month, someone snoozed or withdrawn) has no fit.
 */
import type { Taxonomy } from '../taxonomy/taxonomy';
import { formatsFit, pairFacts, pairWeight } from './candidates';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './config';
import { pairReasons } from './engine';
import { preparePeople, readHistory, roundIndex, topicCategories, type Person } from './people';
import type { MatchMessage, MatchPerson } from './types';

export interface PersonFit {
  username: string;
  /** The pair's points under the matcher's objective: higher fits better. */
  score: number;
  /** `learn`: the reader would learn from this person; `share`: the reader would share with them. */
  direction: 'learn' | 'share';
  /** The sharer's topic. */
  topic: string;
  /** The learner's topic (equal to `topic` unless only the category is common). */
  learnTopic: string;
  /** The engine's reasons for the pair (message keys with topic ids and language codes). */
  reasons: MatchMessage[];
}

/** The learner's first topic the sharer shares; else (category fallback) one of its category. */
function commonTopic(
  learner: Person,
  sharer: Person,
  categories: ReadonlyMap<string, string>,
  config: MatchConfig,
): { learnTopic: string; topic: string; exact: boolean } | null {
  const shared = new Set(sharer.profile.share);
  for (const t of learner.profile.learn)
    if (shared.has(t)) return { learnTopic: t, topic: t, exact: true };
  if (!config.categoryFallback) return null;
  for (const t of learner.profile.learn) {
    const category = categories.get(t);
    if (category === undefined) continue;
    const topic = sharer.profile.share.find((s) => categories.get(s) === category);
    if (topic !== undefined) return { learnTopic: t, topic, exact: false };
  }
  return null;
}

function pairFit(
  learner: Person,
  sharer: Person,
  categories: ReadonlyMap<string, string>,
  config: MatchConfig,
): Omit<PersonFit, 'username' | 'direction'> | null {
  if (sharer.capacity <= 0 || !formatsFit(learner, sharer)) return null;
  const facts = pairFacts(learner, sharer);
  if (facts.languages.length === 0) return null;
  const common = commonTopic(learner, sharer, categories, config);
  if (!common) return null;
  return {
    score: pairWeight(config, learner, sharer, common.exact, facts),
    topic: common.topic,
    learnTopic: common.learnTopic,
    reasons: pairReasons(
      learner,
      sharer,
      common.learnTopic,
      common.topic,
      facts.languages,
      facts.best,
      facts.fluent,
      facts.overlap,
      null,
    ),
  };
}

/**
 * Each other person's fit to `reader` (by user name), for those with any; empty when the
 * reader is not among `people` or cannot take part this `round` (YYYY-MM).
 */
export function fitsFor(
  reader: string,
  people: readonly MatchPerson[],
  round: string,
  taxonomy?: Taxonomy,
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
): Map<string, PersonFit> {
  const out = new Map<string, PersonFit>();
  const current = roundIndex(round);
  if (current === null) return out;
  const view = readHistory([], current, config.recentRounds);
  const { active } = preparePeople(people, round, view, config);
  const me = active.find((p) => p.username === reader);
  if (!me) return out;
  const categories = topicCategories(taxonomy);
  for (const other of active) {
    if (other === me) continue;
    const learn = pairFit(me, other, categories, config);
    const share = pairFit(other, me, categories, config);
    const best =
      learn && (!share || learn.score >= share.score)
        ? { ...learn, direction: 'learn' as const }
        : share
          ? { ...share, direction: 'share' as const }
          : null;
    if (best) out.set(other.username, { username: other.username, ...best });
  }
  return out;
}
