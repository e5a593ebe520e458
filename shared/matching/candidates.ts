/**
 * Candidate pairs without looking at all N² pairs: sharers are indexed by topic and language,
 * so a learner only meets sharers who share one of their topics in a language they speak
 * (or, with interpretation, in one of the round's interpretation languages). Each learner
 * keeps the best `maxCandidatesPerLearner` sharers; certify.ts then prices out every pair
 * left out. Every check that rules a pair out is recorded as how far the learner got, which
 * becomes the reason when unmatched.
 */
import { Ints } from './arrays';
import type { MatchConfig } from './config';
import type { AssignmentProblem } from './flow';
import type { HistoryView, Person } from './people';
import { PairScorer } from './scoring';
import { overlapHours } from './time';

/** How far a learner got: the highest stage any candidate reached. */
export const STAGE = { none: 0, topic: 1, language: 2, format: 3, eligible: 4 } as const;

export interface PairFacts {
  languages: string[];
  /** The best common language: highest level both have, then the learner's order. */
  best: string;
  fluent: boolean;
  overlap: number;
}

export function pairFacts(learner: Person, sharer: Person): PairFacts {
  const languages: string[] = [];
  let best = '';
  let bestLevel = -1;
  for (const [code, level] of learner.languages) {
    const other = sharer.languages.get(code);
    if (other === undefined) continue;
    languages.push(code);
    const both = Math.min(level, other);
    if (both > bestLevel) {
      best = code;
      bestLevel = both;
    }
  }
  const overlap = learner.mask && sharer.mask ? overlapHours(learner.mask, sharer.mask) : 0;
  return { languages, best, fluent: bestLevel >= 4, overlap };
}

/** The points a pair is worth (before the sharer's load penalty). */
export function pairWeight(
  config: MatchConfig,
  learner: Person,
  sharer: Person,
  exact: boolean,
  facts: PairFacts,
): number {
  const w = config.weights;
  return (
    w.connection +
    (exact ? w.topicExact : w.topicCategory) +
    (facts.fluent ? w.fluentLanguage : 0) +
    Math.min(2, Math.max(0, facts.languages.length - 1)) * w.extraLanguage +
    Math.min(facts.overlap, w.overlapCapHours) * w.overlapHour +
    learner.waited * w.waitRound +
    sharer.rare
  );
}

/**
 * A pair bridged by interpretation: the learner's and the sharer's languages to interpret
 * between (each one's best of the round's interpretation languages), or null when they have
 * a common workable language or either speaks none of the listed ones.
 */
export function interpretationPair(
  learner: Person,
  sharer: Person,
  interpretation: ReadonlySet<string>,
): [learnerLanguage: string, sharerLanguage: string] | null {
  for (const [code] of learner.languageList) if (sharer.languages.has(code)) return null;
  const best = (p: Person): string => {
    let out = '';
    let level = -1;
    for (const [code, l] of p.languageList) {
      if (interpretation.has(code) && l > level) {
        out = code;
        level = l;
      }
    }
    return out;
  };
  const a = best(learner);
  const b = best(sharer);
  return a === '' || b === '' ? null : [a, b];
}

/** Whether the person speaks (workably) any of the round's interpretation languages. */
export const speaksAny = (p: Person, interpretation: ReadonlySet<string>): boolean =>
  interpretation.size > 0 && p.languageList.some(([code]) => interpretation.has(code));

/** The points a bridged pair is worth (see config.ts: always below a common-language pair). */
export function bridgedWeight(
  config: MatchConfig,
  learner: Person,
  sharer: Person,
  exact: boolean,
): number {
  const w = config.weights;
  const overlap = learner.mask && sharer.mask ? overlapHours(learner.mask, sharer.mask) : 0;
  return (
    w.connection +
    (exact ? w.interpretedTopicExact : w.interpretedTopicCategory) +
    learner.waited * w.interpretedWaitRound +
    (overlap > 0 ? w.interpretedOverlap : 0)
  );
}

/** Whether the formats fit (one-to-one with one-to-one, or small group with small group). */
export const formatsFit = (learner: Person, sharer: Person): boolean =>
  (learner.oneToOne && sharer.oneToOne) || (learner.smallGroup && sharer.smallGroup);

/** Sharers by topic and language, and what the unmet-demand report and fallback need. */
export interface SharerIndex {
  /** topic → language → sharer indices (ascending). */
  byTopic: Map<string, Map<string, number[]>>;
  /** Active sharers per topic (for the unmet-demand report). */
  sharersByTopic: Map<string, number>;
  /** category → its topics that someone shares (sorted). */
  topicsOfCategory: Map<string, string[]>;
}

export function indexSharers(
  sharers: readonly Person[],
  categories: ReadonlyMap<string, string>,
): SharerIndex {
  const byTopic = new Map<string, Map<string, number[]>>();
  const sharersByTopic = new Map<string, number>();
  const topicsOfCategory = new Map<string, string[]>();
  sharers.forEach((s, i) => {
    for (const topic of new Set(s.profile.share)) {
      sharersByTopic.set(topic, (sharersByTopic.get(topic) ?? 0) + 1);
      let byLanguage = byTopic.get(topic);
      if (!byLanguage) {
        byTopic.set(topic, (byLanguage = new Map()));
        const category = categories.get(topic);
        if (category !== undefined)
          topicsOfCategory.set(category, [...(topicsOfCategory.get(category) ?? []), topic]);
      }
      for (const code of s.languages.keys()) {
        const list = byLanguage.get(code);
        if (list) list.push(i);
        else byLanguage.set(code, [i]);
      }
    }
  });
  for (const list of topicsOfCategory.values()) list.sort();
  return { byTopic, sharersByTopic, topicsOfCategory };
}

/**
 * The (learner topic, sharer topic, exact) combinations a learner is looked at through:
 * each of their topics, and for a topic nobody eligible shares in a common language, the
 * other topics of its category (the fallback).
 */
export function topicRoutes(
  learner: Person,
  missing: readonly string[],
  index: SharerIndex,
  categories: ReadonlyMap<string, string>,
): Array<[learnTopic: string, shareTopic: string, exact: boolean]> {
  const routes: Array<[string, string, boolean]> = [];
  for (const topic of new Set(learner.profile.learn)) routes.push([topic, topic, true]);
  for (const topic of missing) {
    const category = categories.get(topic);
    for (const other of category === undefined ? [] : (index.topicsOfCategory.get(category) ?? []))
      if (other !== topic) routes.push([topic, other, false]);
  }
  return routes;
}

export interface RoundGraph {
  learners: Person[];
  sharers: Person[];
  index: SharerIndex;
  /** Per learner with any: their topics that fell back to the category. */
  missing: Map<number, string[]>;
  /** The candidate pairs (grown by certification), as parallel arrays. */
  edgeLearner: Ints;
  edgeSharer: Ints;
  edgeWeight: Ints;
  /** Per edge: the learner's topic and the sharer's topic (equal for an exact fit). */
  edgeLearnTopic: string[];
  edgeShareTopic: string[];
  /** Per edge: 1 when the pair is bridged by interpretation. */
  edgeBridged: Ints;
  capacities: number[];
  loadStep: number;
  /** Per learner: the stage reached (see STAGE). */
  stage: Uint8Array;
  cappedLearners: number;
  /** Weighs common-language pairs of these learners and sharers (by index). */
  scorer: PairScorer;
}

/** The graph's pairs as an assignment problem (views, not copies). */
export function problemOf(graph: RoundGraph): AssignmentProblem {
  return {
    learners: graph.learners.length,
    capacities: graph.capacities,
    edgeLearner: graph.edgeLearner.view(),
    edgeSharer: graph.edgeSharer.view(),
    edgeWeight: graph.edgeWeight.view(),
    loadStep: graph.loadStep,
  };
}

export function addEdge(
  graph: RoundGraph,
  u: number,
  i: number,
  weight: number,
  learnTopic: string,
  shareTopic: string,
  bridged: boolean,
): void {
  graph.edgeLearner.push(u);
  graph.edgeSharer.push(i);
  graph.edgeWeight.push(weight);
  graph.edgeLearnTopic.push(learnTopic);
  graph.edgeShareTopic.push(shareTopic);
  graph.edgeBridged.push(bridged ? 1 : 0);
}

export function buildGraph(
  active: readonly Person[],
  history: HistoryView,
  categories: ReadonlyMap<string, string>,
  config: MatchConfig,
): RoundGraph {
  const learners = active.filter((p) => p.profile.learn.length > 0);
  const sharers = active.filter((p) => p.capacity > 0);
  const index = indexSharers(sharers, categories);
  const interpretation = new Set(config.interpretation);
  const graph: RoundGraph = {
    learners,
    sharers,
    index,
    missing: new Map(),
    edgeLearner: new Ints(),
    edgeSharer: new Ints(),
    edgeWeight: new Ints(),
    edgeLearnTopic: [],
    edgeShareTopic: [],
    edgeBridged: new Ints(),
    capacities: sharers.map((s) => s.capacity),
    loadStep: config.weights.loadStep,
    stage: new Uint8Array(learners.length),
    cappedLearners: 0,
    scorer: new PairScorer(config, learners, sharers),
  };
  // Per sharer, for the learner at hand: best weight and topics; stamps avoid clearing.
  const bestWeight = new Int32Array(sharers.length);
  const bestLearn: string[] = new Array<string>(sharers.length).fill('');
  const bestShare: string[] = new Array<string>(sharers.length).fill('');
  const bestBridged = new Uint8Array(sharers.length);
  const learnerStamp = new Int32Array(sharers.length).fill(-1);
  const scanStamp = new Int32Array(sharers.length).fill(-1);
  let scan = 0;

  learners.forEach((learner, u) => {
    const touched: number[] = [];
    const blockedFor = history.blocked.get(learner.username);
    let reached: number = STAGE.none;
    const meets = learner.oneToOne || learner.smallGroup;
    const consider = (
      i: number,
      weight: number,
      learnTopic: string,
      shareTopic: string,
      bridged: boolean,
    ) => {
      if (learnerStamp[i] !== u) {
        learnerStamp[i] = u;
        touched.push(i);
      } else if ((bestWeight[i] ?? 0) >= weight) return;
      bestWeight[i] = weight;
      bestLearn[i] = learnTopic;
      bestShare[i] = shareTopic;
      bestBridged[i] = bridged ? 1 : 0;
    };
    const tryTopic = (learnTopic: string, shareTopic: string, exact: boolean): boolean => {
      const byLanguage = index.byTopic.get(shareTopic);
      if (!byLanguage) return false;
      const self = learner.capacity > 0 && learner.profile.share.includes(shareTopic) ? 1 : 0;
      if ((index.sharersByTopic.get(shareTopic) ?? 0) - self > 0)
        reached = Math.max(reached, STAGE.topic);
      let found = false;
      scan++;
      for (const [code] of learner.languageList) {
        const list = byLanguage.get(code);
        if (!list) continue;
        if (!meets) {
          // No format to meet in: nobody is eligible, so there is nothing to scan for.
          if (list.some((i) => sharers[i] !== learner)) reached = Math.max(reached, STAGE.language);
          continue;
        }
        // A long list is looked at through a window of `scanLimit` sharers that starts at
        // a different place for each learner, so every sharer is seen by some learners;
        // past the window only until one eligible sharer is found, so that whether the
        // topic falls back to its category never depends on the window.
        const n = list.length;
        const start = n > config.scanLimit ? Math.imul(u + 1, 0x9e3779b1) >>> 0 : 0;
        for (let k = 0; k < n && (k < config.scanLimit || !found); k++) {
          const i = list[(start + k) % n] ?? 0;
          if (scanStamp[i] === scan) continue;
          scanStamp[i] = scan;
          const sharer = sharers[i] as Person;
          if (sharer === learner) continue;
          reached = Math.max(reached, STAGE.language);
          if (!formatsFit(learner, sharer)) continue;
          reached = Math.max(reached, STAGE.format);
          if (blockedFor?.has(sharer.username) === true) continue;
          reached = STAGE.eligible;
          found = true;
          consider(i, graph.scorer.weight(u, i, exact), learnTopic, shareTopic, false);
        }
      }
      return found;
    };
    const tryBridged = (learnTopic: string, shareTopic: string, exact: boolean): void => {
      const byLanguage = index.byTopic.get(shareTopic);
      if (!byLanguage || !meets) return;
      scan++;
      for (const code of config.interpretation) {
        const list = byLanguage.get(code);
        if (!list) continue;
        const n = list.length;
        const start = n > config.scanLimit ? Math.imul(u + 1, 0x9e3779b1) >>> 0 : 0;
        for (let k = 0, end = Math.min(n, config.scanLimit); k < end; k++) {
          const i = list[(start + k) % n] ?? 0;
          if (scanStamp[i] === scan) continue;
          scanStamp[i] = scan;
          const sharer = sharers[i] as Person;
          if (sharer === learner || !interpretationPair(learner, sharer, interpretation)) continue;
          reached = Math.max(reached, STAGE.language);
          if (!formatsFit(learner, sharer)) continue;
          reached = Math.max(reached, STAGE.format);
          if (blockedFor?.has(sharer.username) === true) continue;
          reached = STAGE.eligible;
          consider(i, bridgedWeight(config, learner, sharer, exact), learnTopic, shareTopic, true);
        }
      }
    };
    const missing: string[] = [];
    for (const topic of new Set(learner.profile.learn))
      if (!tryTopic(topic, topic, true)) missing.push(topic);
    const fallback = config.categoryFallback ? missing : [];
    if (fallback.length > 0) graph.missing.set(u, fallback);
    const bridging = speaksAny(learner, interpretation);
    for (const [learnTopic, shareTopic, exact] of topicRoutes(
      learner,
      fallback,
      index,
      categories,
    )) {
      if (!exact) tryTopic(learnTopic, shareTopic, false);
      if (bridging) tryBridged(learnTopic, shareTopic, exact);
    }
    graph.stage[u] = reached;
    const keep = config.maxCandidatesPerLearner;
    let chosen = touched;
    if (touched.length > keep) {
      graph.cappedLearners++;
      // Sorting hundreds of sharers per learner is the slow part at scale: keep only those
      // at or above the keep-th best weight (a quickselect-free cut), then sort those.
      const weights = Int32Array.from(touched, (i) => bestWeight[i] ?? 0).sort();
      const cut = weights[weights.length - keep] ?? 0;
      chosen = touched.filter((i) => (bestWeight[i] ?? 0) >= cut);
    }
    chosen.sort((a, b) => (bestWeight[b] ?? 0) - (bestWeight[a] ?? 0) || a - b);
    for (const i of chosen.slice(0, keep)) {
      addEdge(
        graph,
        u,
        i,
        bestWeight[i] ?? 0,
        bestLearn[i] ?? '',
        bestShare[i] ?? '',
        bestBridged[i] === 1,
      );
    }
  });
  return graph;
}
