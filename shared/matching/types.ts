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
  'letsconnect-match-reason-interpretation',
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

/**
 * A connection a sharer already has this month (see month.ts): it counts against their
 * connections-a-month before the round is solved.
 */
export interface Commitment {
  sharer: string;
  learners: string[];
  /** A proposal's id, or a self-made connection's. */
  id: string;
  source: 'proposal' | 'self-made';
}

export interface MatchInput {
  /** `YYYY-MM`: rounds are monthly, so a sharer's capacity is per round. */
  round: string;
  people: readonly MatchPerson[];
  /** Earlier rounds' proposals, and this round's declined ones; others of this round or later are ignored. */
  history?: readonly HistoryPair[];
  /** Connections sharers already have this month: each takes one of their connections-a-month. */
  commitments?: readonly Commitment[];
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
  /**
   * Present when the pair has no common language and is bridged by interpretation: the
   * languages to interpret between (the working group arranges an interpreter).
   */
  interpretation?: { learner: string; sharer: string };
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

/** Why the result is the optimum over every eligible pair, not only over the candidates. */
export interface MatchCertificate {
  /** Pricing passes over every eligible pair; the last found none worth adding. */
  passes: number;
  /** Pairs added to the candidates by the passes before it. */
  added: number;
  /**
   * Pairs the last pass priced one by one (the rest were ruled out by a bound, or had
   * duals that only rose since they were last priced).
   */
  priced: number;
  /**
   * The largest reduced gain (weight − learner's surplus − sharer's price) of any pair
   * the last pass priced, other than the connections made: ≤ 0, so no pair left out can
   * raise the objective. Null when there was nothing to price (after the first pass, a pass
   * prices only pairs whose learner's surplus or sharer's price fell: see certify.ts).
   */
  maxReducedGain: number | null;
  /**
   * The LP dual objective of the final duals: an upper bound on the optimum over every
   * eligible pair (given the reduced gains above), equal to the objective when certified.
   */
  dualBound: number;
  /** The optimum over the first candidates alone, before pricing added any pair. */
  prunedObjective: number;
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
  stats: {
    learners: number;
    sharers: number;
    candidates: number;
    cappedLearners: number;
    /** Connections already held this month that were taken off sharers' capacity. */
    committed: number;
  };
  /** The 1:1 phase's certificate of optimality over all eligible pairs; null unless certified. */
  certificate: MatchCertificate | null;
}
