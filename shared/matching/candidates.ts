/**
 * Candidate pairs without looking at all N² pairs: sharers are indexed by topic and language,
 * so a learner only meets sharers who share one of their topics in a language they speak
 * (or, with interpretation, in one of the round's interpretation languages). Each learner
 * keeps the best `maxCandidatesPerLearner` sharers (scan.ts); certify.ts then prices out
 * every pair left out. Every check that rules a pair out is recorded as how far the learner got, which
 * becomes the reason when unmatched.
 */
import type { Ints } from './arrays';
import type { MatchConfig } from './config';
import type { AssignmentProblem } from './problem';
import type { PairGate } from './gate';
import type { Person } from './people';
import type { PairScorer } from './scoring';
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
  /** Whether a learner and a sharer may meet at all (by index; see gate.ts). */
  gate: PairGate;
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
