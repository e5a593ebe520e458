/**
 * The engine's reasons for a pairing it did not choose itself: after a working-group member
 * swaps a person, the round page and the introductions must describe the new pair, not the
 * old one. Same facts, same words as matchRound's (see pairReasons), computed over the whole
 * directory so rarity bonuses mean the same.
 */
import type { HistoryPair } from '../documents/documents';
import type { Proposal } from '../records/proposal';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { pairFacts } from './candidates';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './config';
import { pairReasons } from './engine';
import { preparePeople, readHistory, roundIndex, topicCategories } from './people';
import type { MatchMessage, MatchPerson } from './types';

/**
 * Why `p`'s people fit, as the engine would say it; null when someone is not among `people`
 * (or not active this round) and nothing true can be said.
 */
export function explainPairing(
  p: Proposal,
  people: readonly MatchPerson[],
  round: string,
  history: readonly HistoryPair[],
  taxonomy?: Taxonomy,
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
): MatchMessage[] | null {
  const current = roundIndex(round);
  if (current === null) return null;
  const view = readHistory(history, current, config.recentRounds);
  const { active } = preparePeople(people, round, view, config);
  const byName = new Map(active.map((a) => [a.username, a]));
  const sharer = byName.get(p.sharer);
  const learner = byName.get(p.learners[0] ?? '');
  if (!sharer || !learner || p.learners.some((l) => !byName.has(l))) return null;
  const categories = topicCategories(taxonomy);
  const category = categories.get(p.topic);
  const learnTopic = learner.profile.learn.includes(p.topic)
    ? p.topic
    : (learner.profile.learn.find(
        (t) => category !== undefined && categories.get(t) === category,
      ) ?? p.topic);
  const facts = pairFacts(learner, sharer);
  const reasons = pairReasons(
    learner,
    sharer,
    learnTopic,
    p.topic,
    facts.languages,
    facts.best,
    facts.fluent,
    facts.overlap,
    // A swap is checked for a common language (pairing-check.ts): never a bridged pair.
    null,
  );
  if (p.learners.length > 1)
    reasons.push({ key: 'letsconnect-match-reason-group', params: [p.learners.length] });
  return reasons;
}
