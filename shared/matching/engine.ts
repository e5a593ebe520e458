/**
 * A round of matching: who is in, candidate pairs, the exact optimum of the objective (see
 * config.ts), proposals with their reasons, learners left out with why, and unmet demand.
 *
 * Group mode is a second phase, by choice: the 1:1 optimum first (every learner's first
 * chance at a connection of their own), then, exactly again, learners still left out join
 * connections on their topic whose sharer and learner accept small groups. One joint model
 * would need a set-packing formulation (NP-hard in general); two exact phases stay fast and
 * each is optimal for its own objective over every eligible pair (certified: certify.ts for
 * the 1:1 phase, groups.ts for the groups).
 */
import type { Taxonomy } from '../taxonomy/taxonomy';
import { interpretationPair, pairFacts, problemOf, STAGE } from './candidates';
import { buildGraph } from './scan';
import { certify } from './certify';
import { growGroups, type Built } from './groups';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './config';
import { AssignmentFlow } from './flow';
import type { Assignment } from './problem';
import { greedyAssignment } from './greedy';
import { preparePeople, readHistory, roundIndex, topicCategories, type Person } from './people';
import type {
  MatchCertificate,
  MatchInput,
  MatchMessage,
  MatchResult,
  TopicDemand,
  UnmatchedLearner,
} from './types';

export interface MatchOptions {
  config?: MatchConfig;
  /** For topic categories; the default taxonomy when absent. */
  taxonomy?: Taxonomy;
  /** `greedy` is the baseline, for benchmarks and tests only. */
  solver?: 'exact' | 'greedy';
}

const UNMATCHED_KEYS = {
  [STAGE.none]: 'letsconnect-match-unmatched-no-sharer',
  [STAGE.topic]: 'letsconnect-match-unmatched-no-language',
  [STAGE.language]: 'letsconnect-match-unmatched-no-format',
  [STAGE.format]: 'letsconnect-match-unmatched-history',
  [STAGE.eligible]: 'letsconnect-match-unmatched-capacity',
} as const;

export function pairReasons(
  learner: Person,
  sharer: Person,
  learnTopic: string,
  topic: string,
  languages: string[],
  best: string,
  fluent: boolean,
  overlap: number,
  bridge: readonly [string, string] | null,
): MatchMessage[] {
  const reasons: MatchMessage[] = [
    learnTopic === topic
      ? { key: 'letsconnect-match-reason-topic-exact', params: [topic] }
      : { key: 'letsconnect-match-reason-topic-category', params: [learnTopic, topic] },
    bridge
      ? { key: 'letsconnect-match-reason-interpretation', params: [bridge[0], bridge[1]] }
      : { key: 'letsconnect-match-reason-languages', params: [languages.join(', ')] },
  ];
  if (fluent) reasons.push({ key: 'letsconnect-match-reason-fluent', params: [best] });
  if (overlap > 0) reasons.push({ key: 'letsconnect-match-reason-overlap', params: [overlap] });
  reasons.push(
    learner.neverConnected
      ? { key: 'letsconnect-match-reason-first-connection', params: [] }
      : { key: 'letsconnect-match-reason-waited', params: [learner.waited] },
  );
  // A bridged pair's points leave out the rarity bonus (config.ts): so do its reasons.
  if (sharer.rareReason && !bridge) reasons.push(sharer.rareReason);
  return reasons;
}

export function matchRound(input: MatchInput, options: MatchOptions = {}): MatchResult {
  const config = options.config ?? DEFAULT_MATCH_CONFIG;
  const current = roundIndex(input.round);
  if (current === null)
    throw new Error(`round must be YYYY-MM, not ${JSON.stringify(input.round)}`);
  const history = readHistory(input.history ?? [], current, config.recentRounds);
  const { active, excluded, committed } = preparePeople(
    input.people,
    input.round,
    history,
    config,
    input.commitments ?? [],
  );
  const categories = topicCategories(options.taxonomy);
  const graph = buildGraph(active, history, categories, config);
  let assignment: Assignment;
  let certificate: MatchCertificate | null = null;
  if (options.solver === 'greedy') {
    assignment = greedyAssignment(problemOf(graph));
  } else {
    const flow = new AssignmentFlow(problemOf(graph));
    assignment = flow.solve();
    if (config.certify) {
      certificate = {
        ...certify(graph, flow, categories, config),
        prunedObjective: assignment.value,
      };
      assignment = flow.assignment();
    }
  }
  const problem = problemOf(graph);
  const interpretation = new Set(config.interpretation);

  const matched = new Uint8Array(graph.learners.length);
  const built: Built[] = [];
  graph.learners.forEach((learner, u) => {
    const e = assignment.edgeOf[u] ?? -1;
    if (e < 0) return;
    matched[u] = 1;
    const sharer = graph.sharers[problem.edgeSharer[e] ?? 0] as Person;
    const topic = graph.edgeShareTopic[e] ?? '';
    const learnTopic = graph.edgeLearnTopic[e] ?? '';
    const facts = pairFacts(learner, sharer);
    const bridge =
      graph.edgeBridged.data[e] === 1 ? interpretationPair(learner, sharer, interpretation) : null;
    built.push({
      sharer,
      first: learner,
      proposal: {
        sharer: sharer.username,
        learners: [learner.username],
        topic,
        learnTopic,
        format: learner.oneToOne && sharer.oneToOne ? 'one-to-one' : 'small-group',
        language: bridge ? bridge[0] : facts.best,
        languages: facts.languages,
        score: problem.edgeWeight[e] ?? 0,
        reasons: pairReasons(
          learner,
          sharer,
          learnTopic,
          topic,
          facts.languages,
          facts.best,
          facts.fluent,
          facts.overlap,
          bridge,
        ),
        ...(bridge ? { interpretation: { learner: bridge[0], sharer: bridge[1] } } : {}),
      },
    });
  });
  const groupValue = config.groups
    ? growGroups(built, graph, matched, history, config, options.solver)
    : 0;

  const unmatched: UnmatchedLearner[] = [];
  const demand = new Map<string, number>();
  graph.learners.forEach((learner, u) => {
    if (matched[u] === 1) return;
    const topics = [...new Set(learner.profile.learn)];
    const key = UNMATCHED_KEYS[(graph.stage[u] ?? 0) as keyof typeof UNMATCHED_KEYS];
    unmatched.push({
      username: learner.username,
      topics,
      reason: { key, params: [topics.join(', ')] },
    });
    for (const t of topics) demand.set(t, (demand.get(t) ?? 0) + 1);
  });
  const unmetDemand: TopicDemand[] = [...demand]
    .map(([topic, n]) => ({
      topic,
      unmatchedLearners: n,
      activeSharers: graph.index.sharersByTopic.get(topic) ?? 0,
    }))
    .sort((a, b) => b.unmatchedLearners - a.unmatchedLearners || (a.topic < b.topic ? -1 : 1));

  const proposals = built
    .map((b) => b.proposal)
    .sort((a, b) =>
      a.sharer < b.sharer ? -1 : a.sharer > b.sharer ? 1 : a.learners[0]! < b.learners[0]! ? -1 : 1,
    );
  return {
    round: input.round,
    proposals,
    unmatched,
    excluded,
    unmetDemand,
    objective: assignment.value + groupValue,
    pairObjective: assignment.value,
    stats: {
      learners: graph.learners.length,
      sharers: graph.sharers.length,
      candidates: graph.edgeLearner.length,
      cappedLearners: graph.cappedLearners,
      committed,
    },
    certificate,
  };
}
