/**
 * Candidate pairs without looking at all N² pairs: sharers are indexed by topic and language,
 * so a learner only meets sharers who share one of their topics in a language they speak.
 * Each learner keeps the best `maxCandidatesPerLearner` sharers. Every check that rules a
 * pair out is recorded as how far the learner got, which becomes the reason when unmatched.
 */
import type { MatchConfig } from './config';
import type { AssignmentProblem } from './flow';
import type { HistoryView, Person } from './people';
import { overlapHours } from './time';

/** How far a learner got: the highest stage any candidate reached. */
export const STAGE = { none: 0, topic: 1, language: 2, format: 3, eligible: 4 } as const;

/** A growable Int32 buffer: 100,000 learners × 40 candidates stay in typed memory. */
class Ints {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

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

/** pairWeight(…, pairFacts(…)) without allocating: this runs for every pair looked at. */
function quickWeight(config: MatchConfig, learner: Person, sharer: Person, exact: boolean): number {
  const w = config.weights;
  let common = 0;
  let bestLevel = -1;
  for (const [code, level] of learner.languageList) {
    const other = sharer.languages.get(code);
    if (other === undefined) continue;
    common++;
    bestLevel = Math.max(bestLevel, Math.min(level, other));
  }
  const overlap = learner.mask && sharer.mask ? overlapHours(learner.mask, sharer.mask) : 0;
  return (
    w.connection +
    (exact ? w.topicExact : w.topicCategory) +
    (bestLevel >= 4 ? w.fluentLanguage : 0) +
    Math.min(2, Math.max(0, common - 1)) * w.extraLanguage +
    Math.min(overlap, w.overlapCapHours) * w.overlapHour +
    learner.waited * w.waitRound +
    sharer.rare
  );
}

export interface RoundGraph {
  learners: Person[];
  sharers: Person[];
  problem: AssignmentProblem;
  /** Per edge: the learner's topic and the sharer's topic (equal for an exact fit). */
  edgeLearnTopic: string[];
  edgeShareTopic: string[];
  /** Per learner: the stage reached (see STAGE). */
  stage: Uint8Array;
  /** Active sharers per topic (for the unmet-demand report). */
  sharersByTopic: Map<string, number>;
  cappedLearners: number;
}

export function buildGraph(
  active: readonly Person[],
  history: HistoryView,
  categories: ReadonlyMap<string, string>,
  config: MatchConfig,
): RoundGraph {
  const learners = active.filter((p) => p.profile.learn.length > 0);
  const sharers = active.filter((p) => p.capacity > 0);
  // topic → language → sharer indices (ascending), and topic → how many sharers.
  const index = new Map<string, Map<string, number[]>>();
  const sharersByTopic = new Map<string, number>();
  const topicsOfCategory = new Map<string, string[]>();
  sharers.forEach((s, i) => {
    for (const topic of new Set(s.profile.share)) {
      sharersByTopic.set(topic, (sharersByTopic.get(topic) ?? 0) + 1);
      let byLanguage = index.get(topic);
      if (!byLanguage) {
        index.set(topic, (byLanguage = new Map()));
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

  const edgeLearner = new Ints();
  const edgeSharer = new Ints();
  const edgeWeight = new Ints();
  const edgeLearnTopic: string[] = [];
  const edgeShareTopic: string[] = [];
  const stage = new Uint8Array(learners.length);
  // Per sharer, for the learner at hand: best weight and topics; stamps avoid clearing.
  const bestWeight = new Int32Array(sharers.length);
  const bestLearn: string[] = new Array<string>(sharers.length).fill('');
  const bestShare: string[] = new Array<string>(sharers.length).fill('');
  const learnerStamp = new Int32Array(sharers.length).fill(-1);
  const scanStamp = new Int32Array(sharers.length).fill(-1);
  let scan = 0;
  let cappedLearners = 0;

  learners.forEach((learner, u) => {
    const touched: number[] = [];
    const blockedFor = history.blocked.get(learner.username);
    let reached: number = STAGE.none;
    const tryTopic = (learnTopic: string, shareTopic: string, exact: boolean): boolean => {
      const byLanguage = index.get(shareTopic);
      if (!byLanguage) return false;
      const self = learner.capacity > 0 && learner.profile.share.includes(shareTopic) ? 1 : 0;
      if ((sharersByTopic.get(shareTopic) ?? 0) - self > 0)
        reached = Math.max(reached, STAGE.topic);
      let found = false;
      scan++;
      for (const [code] of learner.languageList) {
        const list = byLanguage.get(code);
        if (!list) continue;
        // A long list is looked at through a window of `scanLimit` sharers that starts at
        // a different place for each learner, so every sharer is seen by some learners.
        const n = list.length;
        const start = n > config.scanLimit ? Math.imul(u + 1, 0x9e3779b1) >>> 0 : 0;
        for (let k = 0, end = Math.min(n, config.scanLimit); k < end; k++) {
          const i = list[(start + k) % n] ?? 0;
          if (scanStamp[i] === scan) continue;
          scanStamp[i] = scan;
          const sharer = sharers[i] as Person;
          if (sharer === learner) continue;
          reached = Math.max(reached, STAGE.language);
          if (!((learner.oneToOne && sharer.oneToOne) || (learner.smallGroup && sharer.smallGroup)))
            continue;
          reached = Math.max(reached, STAGE.format);
          if (blockedFor?.has(sharer.username) === true) continue;
          reached = STAGE.eligible;
          found = true;
          const weight = quickWeight(config, learner, sharer, exact);
          if (learnerStamp[i] !== u) {
            learnerStamp[i] = u;
            touched.push(i);
          } else if ((bestWeight[i] ?? 0) >= weight) continue;
          bestWeight[i] = weight;
          bestLearn[i] = learnTopic;
          bestShare[i] = shareTopic;
        }
      }
      return found;
    };
    const missing: string[] = [];
    for (const topic of new Set(learner.profile.learn))
      if (!tryTopic(topic, topic, true)) missing.push(topic);
    if (config.categoryFallback) {
      for (const topic of missing) {
        const category = categories.get(topic);
        for (const other of category === undefined ? [] : (topicsOfCategory.get(category) ?? [])) {
          if (other !== topic) tryTopic(topic, other, false);
        }
      }
    }
    stage[u] = reached;
    const keep = config.maxCandidatesPerLearner;
    let chosen = touched;
    if (touched.length > keep) {
      cappedLearners++;
      // Sorting hundreds of sharers per learner is the slow part at scale: keep only those
      // at or above the keep-th best weight (a quickselect-free cut), then sort those.
      const weights = Int32Array.from(touched, (i) => bestWeight[i] ?? 0).sort();
      const cut = weights[weights.length - keep] ?? 0;
      chosen = touched.filter((i) => (bestWeight[i] ?? 0) >= cut);
    }
    chosen.sort((a, b) => (bestWeight[b] ?? 0) - (bestWeight[a] ?? 0) || a - b);
    for (const i of chosen.slice(0, keep)) {
      edgeLearner.push(u);
      edgeSharer.push(i);
      edgeWeight.push(bestWeight[i] ?? 0);
      edgeLearnTopic.push(bestLearn[i] ?? '');
      edgeShareTopic.push(bestShare[i] ?? '');
    }
  });

  return {
    learners,
    sharers,
    problem: {
      learners: learners.length,
      capacities: sharers.map((s) => s.capacity),
      edgeLearner: edgeLearner.view(),
      edgeSharer: edgeSharer.view(),
      edgeWeight: edgeWeight.view(),
      loadStep: config.weights.loadStep,
    },
    edgeLearnTopic,
    edgeShareTopic,
    stage,
    sharersByTopic,
    cappedLearners,
  };
}
