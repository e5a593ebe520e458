/**
 * What the matching engine takes and gives. Reasons are message keys with parameters, never
 * sentences, so the bot and the gadget can say them in the reader's language.
 */
import type { HistoryPair } from '../documents/documents';
import type { Profile } from '../records/profile';
import type { Format } from '../records/vocabulary';

/** Every message key the engine emits (each is in every shared/i18n file). */
export const MATCH_KEYS = [
  'letsconnect-match-reason-topic-exact',
  'letsconnect-match-reason-topic-category',
  'letsconnect-match-reason-languages',
  'letsconnect-match-reason-fluent',
  'letsconnect-match-reason-overlap',
  'letsconnect-match-reason-waited',
  'letsconnect-match-reason-first-connection',
  'letsconnect-match-reason-rare-region',
  'letsconnect-match-reason-rare-group',
  'letsconnect-match-reason-group',
  'letsconnect-match-unmatched-no-sharer',
  'letsconnect-match-unmatched-no-language',
  'letsconnect-match-unmatched-no-format',
  'letsconnect-match-unmatched-history',
  'letsconnect-match-unmatched-capacity',
  'letsconnect-match-excluded-withdrawn',
  'letsconnect-match-excluded-unlisted',
  'letsconnect-match-excluded-snoozed',
] as const;

export type MatchKey = (typeof MATCH_KEYS)[number];

export interface MatchMessage {
  key: MatchKey;
  /** $1, $2… in order. */
  params: Array<string | number>;
}

/**
 * A profile as the engine sees it: a directory entry (listed and active by construction)
 * or a full profile, whose consent and withdrawal flags are then checked.
 */
export type MatchPerson = Omit<Profile, 'listed' | 'withdrawn'> &
  Partial<Pick<Profile, 'listed' | 'withdrawn'>>;

export type { HistoryPair };

export interface MatchInput {
  /** `YYYY-MM`: rounds are monthly, so a sharer's capacity is per round. */
  round: string;
  people: readonly MatchPerson[];
  /** Earlier rounds' proposals, and this round's declined ones; others of this round or later are ignored. */
  history?: readonly HistoryPair[];
}

export interface MatchProposal {
  sharer: string;
  /** One learner, or up to three in group mode (the first is the 1:1 match). */
  learners: string[];
  /** The sharer's topic. */
  topic: string;
  /** The learner's topic when only the category is common, else equal to `topic`. */
  learnTopic: string;
  format: Extract<Format, 'one-to-one' | 'small-group'>;
  /** The meeting language: the best one all participants speak at a workable level. */
  language: string;
  /** Every workable language the sharer and the first learner have in common. */
  languages: string[];
  /** Points under the objective (the first learner's pair, then each added learner's). */
  score: number;
  reasons: MatchMessage[];
}

export interface UnmatchedLearner {
  username: string;
  topics: string[];
  reason: MatchMessage;
}

export interface ExcludedPerson {
  username: string;
  reason: MatchMessage;
}

/** For the clinics' topic planning: who is left wanting each topic, and who shares it. */
export interface TopicDemand {
  topic: string;
  unmatchedLearners: number;
  activeSharers: number;
}

export interface MatchResult {
  round: string;
  proposals: MatchProposal[];
  unmatched: UnmatchedLearner[];
  excluded: ExcludedPerson[];
  unmetDemand: TopicDemand[];
  /** The objective's value: 1:1 phase plus group phase. */
  objective: number;
  /** The 1:1 phase's value alone (what the optimality tests compare). */
  pairObjective: number;
  stats: { learners: number; sharers: number; candidates: number; cappedLearners: number };
}
