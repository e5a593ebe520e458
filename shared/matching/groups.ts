/**
 * Phase 2 of a round (see engine.ts): learners left out join small-group connections on
 * their topic, exactly. The "sharers" of this assignment are the open connections (sharer
 * and first learner accept small groups; not bridged: no language would be common to all),
 * each with room for maxGroupLearners − 1 joiners; a joiner's pair with a connection is
 * weighed as a pair with its sharer in the connection's language.
 *
 * Each joiner keeps its best maxCandidatesPerLearner connections as candidates; with
 * `certify`, every other connection of theirs is then priced against the solve's duals (as
 * certify.ts does for the 1:1 phase, here simply by listing the joiner's options again:
 * they are the open connections on their topics), those with a positive reduced gain are
 * added and the flow re-solved warm, until none is left. The phase is then optimal over
 * every eligible (joiner, connection) pair.
 */
import { pairWeight, type RoundGraph } from './candidates';
import type { MatchConfig } from './config';
import { AssignmentFlow } from './flow';
import type { AssignmentProblem, NewEdge } from './problem';
import { greedyAssignment } from './greedy';
import { isBlocked, type HistoryView, type Person } from './people';
import { overlapHours } from './time';
import type { MatchProposal } from './types';

/** A 1:1 connection made in phase 1, which joiners may join. */
export interface Built {
  proposal: MatchProposal;
  sharer: Person;
  first: Person;
}

/** Learners left out join small-group connections; returns the value they add. */
export function growGroups(
  built: readonly Built[],
  graph: RoundGraph,
  matched: Uint8Array,
  history: HistoryView,
  config: MatchConfig,
  solver: 'exact' | 'greedy' | undefined,
): number {
  const open = built.filter(
    (b) => b.sharer.smallGroup && b.first.smallGroup && !b.proposal.interpretation,
  );
  const byTopic = new Map<string, number[]>();
  open.forEach((b, i) =>
    byTopic.set(b.proposal.topic, [...(byTopic.get(b.proposal.topic) ?? []), i]),
  );
  /** Every connection learner u may join, with the pair's weight, best first. */
  const optionsOf = (learner: Person): Array<[number, number]> => {
    const options: Array<[number, number]> = [];
    for (const topic of new Set(learner.profile.learn)) {
      for (const i of byTopic.get(topic) ?? []) {
        const b = open[i]!;
        const language = b.proposal.language;
        const level = learner.languages.get(language);
        if (b.sharer === learner || level === undefined) continue;
        if (isBlocked(history, learner.username, b.sharer.username)) continue;
        const facts = {
          languages: [language],
          best: language,
          fluent:
            Math.min(
              level,
              b.sharer.languages.get(language) ?? 0,
              b.first.languages.get(language) ?? 0,
            ) >= 4,
          overlap: learner.mask && b.sharer.mask ? overlapHours(learner.mask, b.sharer.mask) : 0,
        };
        options.push([i, pairWeight(config, learner, b.sharer, true, facts)]);
      }
    }
    return options.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  };
  const joiners: number[] = [];
  const edgeLearner: number[] = [];
  const edgeSharer: number[] = [];
  const edgeWeight: number[] = [];
  graph.learners.forEach((learner, u) => {
    if (matched[u] === 1 || !learner.smallGroup) return;
    const options = optionsOf(learner);
    if (options.length === 0) return;
    for (const [i, w] of options.slice(0, config.maxCandidatesPerLearner)) {
      edgeLearner.push(joiners.length);
      edgeSharer.push(i);
      edgeWeight.push(w);
    }
    joiners.push(u);
  });
  const problem: AssignmentProblem = {
    learners: joiners.length,
    capacities: open.map(() => Math.max(0, config.maxGroupLearners - 1)),
    edgeLearner,
    edgeSharer,
    edgeWeight,
    loadStep: config.weights.loadStep,
  };
  let edgeOf: Int32Array;
  let value: number;
  let pairs: AssignmentProblem = problem;
  if (solver === 'greedy') ({ edgeOf, value } = greedyAssignment(problem));
  else {
    const flow = new AssignmentFlow(problem);
    flow.solve();
    if (config.certify) certifyGroups(flow, joiners, graph, optionsOf, config);
    ({ edgeOf, value } = flow.assignment());
    pairs = flow.problem();
  }
  joiners.forEach((u, j) => {
    const e = edgeOf[j]!;
    if (e < 0) return;
    const b = open[pairs.edgeSharer[e]!]!;
    b.proposal.learners.push(graph.learners[u]!.username);
    b.proposal.format = 'small-group';
    b.proposal.score += pairs.edgeWeight[e]!;
    matched[u] = 1;
  });
  for (const b of open) {
    if (b.proposal.learners.length > 1) {
      b.proposal.reasons.push({
        key: 'letsconnect-match-reason-group',
        params: [b.proposal.learners.length],
      });
    }
  }
  return value;
}

/** Pricing passes over every joiner's options until none has a positive reduced gain. */
function certifyGroups(
  flow: AssignmentFlow,
  joiners: readonly number[],
  graph: RoundGraph,
  optionsOf: (learner: Person) => Array<[number, number]>,
  config: MatchConfig,
): void {
  for (;;) {
    flow.tighten();
    const edges: NewEdge[] = [];
    joiners.forEach((u, j) => {
      const surplus = flow.learnerSurplus(j);
      const better = optionsOf(graph.learners[u]!)
        .map(([i, w]) => [i, w, w - surplus - flow.sharerPrice(i)] as const)
        .filter(([, , gain]) => gain > 0)
        .sort((a, b) => b[2] - a[2] || a[0] - b[0]);
      for (const [i, w] of better.slice(0, config.maxCandidatesPerLearner)) edges.push([j, i, w]);
    });
    if (edges.length === 0) return;
    flow.addEdges(edges);
  }
}
