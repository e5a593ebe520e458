/**
 * The matching engine's knobs. Every weight is an integer number of points so that the
 * objective is computed exactly (no floating-point ties), which lets tests compare the
 * engine's optimum with an independent solver by strict equality.
 */

export interface MatchWeights {
  /**
   * Value of making a connection at all. Larger than the highest load penalty a sharer can
   * reach (`loadStep` × (MAX_CONNECTIONS_PER_MONTH − 1) = 90), so a sharer's stated capacity is
   * always worth using: the program's pain point is too few connections, not too many.
   */
  connection: number;
  /** The learner's topic is one the sharer shares: the whole point of the connection. */
  topicExact: number;
  /**
   * Only the category is common (e.g. fundraising ↔ financial management): still useful
   * but clearly second best, so 40 % of an exact fit; never beats an exact fit plus the
   * other terms' usual spread (languages and hours add at most 65).
   */
  topicCategory: number;
  /**
   * Both speak their best common language fluently (4, 5 or N): conversations in a weak
   * common language are where pilots reported connections fizzling out.
   */
  fluentLanguage: number;
  /** Each further common workable language (at most two counted): a fallback if one fails. */
  extraLanguage: number;
  /**
   * Each hour a week both are available (in UTC), up to `overlapCapHours`: one hour is
   * enough to meet, more makes scheduling easy; beyond ten hours it adds nothing.
   */
  overlapHour: number;
  overlapCapHours: number;
  /**
   * Each round (month) the learner has waited since their last connection, up to
   * `waitCapRounds`; someone never connected counts as the cap. Six months at 10 points
   * equals 60, enough to outweigh language and time niceties, not an exact topic fit.
   */
  waitRound: number;
  waitCapRounds: number;
  /**
   * Subtracted for a sharer's k-th connection this round ((k−1) × loadStep): spreading
   * load keeps sharers from burning out and lets more people share. 10 points makes a
   * second connection lose to a free sharer whose fit is only slightly worse.
   */
  loadStep: number;
  /**
   * Up to this bonus for a sharer whose region or group is rarely seen among sharers (the
   * program asks to give them room): bonus × (1 − share / largest share), the better of
   * region and group. 30 points: a real push, less than a category-versus-exact difference.
   */
  rareSharer: number;
  /**
   * A pair bridged by interpretation (no common workable language; each speaks one of the
   * round's interpretation languages) is worth `connection` + this for an exact topic (or
   * `interpretedTopicCategory` for a category fit), + `interpretedWaitRound` a round waited
   * and + `interpretedOverlap` when they share any hour: at most 100 + 20 + 12 + 5 = 137,
   * below the least a pair with a common language is worth (connection + topicCategory =
   * 140), so a bridged pair never outranks one that needs no interpreter; and above the
   * largest load penalty (90), so it is still worth making when nothing else is possible.
   */
  interpretedTopicExact: number;
  interpretedTopicCategory: number;
  interpretedWaitRound: number;
  interpretedOverlap: number;
}

export interface MatchConfig {
  weights: MatchWeights;
  /** Lowest Babel level that is workable for a conversation (`N` always is). */
  minLanguageLevel: number;
  /** A pair proposed within this many previous rounds is not proposed again. */
  recentRounds: number;
  /**
   * When a learner has no eligible sharer for one of their topics, sharers of another
   * topic in the same category become candidates for it (scored `topicCategory`). Only as a
   * fallback, so candidate lists stay small and exact fits are never crowded out.
   */
  categoryFallback: boolean;
  /**
   * Group mode: after the 1:1 optimum, a second exact phase adds learners left out to
   * connections whose sharer and learner accept small groups (same topic, the group's
   * meeting language), up to `maxGroupLearners` learners a connection.
   */
  groups: boolean;
  maxGroupLearners: number;
  /**
   * The best this many candidate sharers per learner enter the optimisation (memory stays
   * bounded at 100,000 profiles). The optimum is exact over these candidates; with fewer
   * candidates than the limit (as in the tests) it is the optimum over all pairs.
   */
  maxCandidatesPerLearner: number;
  /**
   * A learner looks at most this many sharers of one topic in one language (a window that
   * starts at a different place for each learner). Topics with fewer sharers, as in every
   * test instance, are looked at whole; it is what keeps 100,000 profiles from being
   * N²/topics work.
   */
  scanLimit: number;
  /**
   * After solving over the candidates, price out every eligible pair left out (through the
   * topic/language index, without storing them) against the solution's duals, add those
   * that would raise the objective, re-solve warm, and repeat: the result is then the
   * optimum over all eligible pairs, with its certificate. Off only to measure what it adds.
   */
  certify: boolean;
  /**
   * The round's interpretation languages (codes). A learner and a sharer without a common
   * workable language may be paired when each speaks one of them at a workable level,
   * scored below any pair with a common language and flagged for the working group to
   * arrange an interpreter. Empty (off) by default.
   */
  interpretation: readonly string[];
}

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  connection: 100,
  topicExact: 100,
  topicCategory: 40,
  fluentLanguage: 15,
  extraLanguage: 5,
  overlapHour: 4,
  overlapCapHours: 10,
  waitRound: 10,
  waitCapRounds: 6,
  loadStep: 10,
  rareSharer: 30,
  interpretedTopicExact: 20,
  interpretedTopicCategory: 5,
  interpretedWaitRound: 2,
  interpretedOverlap: 5,
};

export const DEFAULT_MATCH_CONFIG: MatchConfig = {
  weights: DEFAULT_MATCH_WEIGHTS,
  minLanguageLevel: 2,
  recentRounds: 6,
  categoryFallback: true,
  groups: true,
  maxGroupLearners: 3,
  maxCandidatesPerLearner: 40,
  scanLimit: 120,
  certify: true,
  interpretation: [],
};

/** A config with some fields replaced (weights merged one by one). */
export function matchConfig(
  overrides: Partial<Omit<MatchConfig, 'weights'>> & { weights?: Partial<MatchWeights> } = {},
): MatchConfig {
  return {
    ...DEFAULT_MATCH_CONFIG,
    ...overrides,
    weights: { ...DEFAULT_MATCH_WEIGHTS, ...overrides.weights },
  };
}
