/**
 * The candidate scan: for each learner, the sharers met through the topic/language index
 * (see candidates.ts), their best weight, and the best `maxCandidatesPerLearner` of them as
 * the graph's first pairs. At 100,000 profiles this meets tens of millions of pairs, so the
 * per-pair work reads flat arrays only (PairGate, PairScorer), the per-learner buffers are
 * reused, and the best are chosen by one typed-array sort of packed keys rather than by a
 * comparator over hundreds of sharers.
 */
import { Ints } from './arrays';
import {
  addEdge,
  bridgedWeight,
  indexSharers,
  interpretationPair,
  speaksAny,
  STAGE,
  topicRoutes,
  type RoundGraph,
} from './candidates';
import type { MatchConfig } from './config';
import { PairGate } from './gate';
import type { HistoryView, Person } from './people';
import { PairScorer } from './scoring';

/**
 * The stages, read once: run through a CommonJS loader (tsx, jest) every read of an imported
 * binding is a getter call, and the scan's inner loop reads these for every pair met
 * (pilot-shaped 100k: 1.2 s of CPU in that getter alone).
 */
const { none: NONE, topic: TOPIC, language: LANGUAGE, format: FORMAT, eligible: ELIGIBLE } = STAGE;

/** Where a learner's window into a long list starts: spread over learners, fixed per learner. */
const windowStart = (u: number, n: number, limit: number) =>
  n > limit ? Math.imul(u + 1, 0x9e3779b1) >>> 0 : 0;

/** One learner at a time; every buffer is sized by the sharers once and reused. */
class CandidateScan {
  // Per sharer, for the learner at hand: best weight and topics; stamps avoid clearing.
  private readonly bestWeight: Int32Array;
  private readonly bestLearn: string[];
  private readonly bestShare: string[];
  private readonly bestBridged: Uint8Array;
  private readonly learnerStamp: Int32Array;
  private readonly scanStamp: Int32Array;
  private scan = 0;
  /** The sharers the learner at hand met, in the order first met. */
  private readonly touched: Int32Array;
  private touchedCount = 0;
  /** Sort buffers for choosing the best. */
  private readonly weights: Int32Array;
  private readonly keys: Float64Array;
  private readonly interpretation: ReadonlySet<string>;
  // The learner at hand.
  private u = 0;
  private reached: number = NONE;

  constructor(
    private readonly graph: RoundGraph,
    private readonly categories: ReadonlyMap<string, string>,
    private readonly config: MatchConfig,
  ) {
    const S = graph.sharers.length;
    this.bestWeight = new Int32Array(S);
    this.bestLearn = new Array<string>(S).fill('');
    this.bestShare = new Array<string>(S).fill('');
    this.bestBridged = new Uint8Array(S);
    this.learnerStamp = new Int32Array(S).fill(-1);
    this.scanStamp = new Int32Array(S).fill(-1);
    this.touched = new Int32Array(S);
    this.weights = new Int32Array(S);
    this.keys = new Float64Array(S);
    this.interpretation = new Set(config.interpretation);
  }

  /** Scans learner u and adds their best pairs to the graph. */
  learner(u: number): void {
    const { graph, config } = this;
    const learner = graph.learners[u]!;
    this.u = u;
    this.reached = NONE;
    this.touchedCount = 0;
    const missing: string[] = [];
    for (const topic of new Set(learner.profile.learn))
      if (!this.tryTopic(learner, topic, topic, true)) missing.push(topic);
    const fallback = config.categoryFallback ? missing : [];
    if (fallback.length > 0) graph.missing.set(u, fallback);
    const bridging = speaksAny(learner, this.interpretation);
    for (const [learnTopic, shareTopic, exact] of topicRoutes(
      learner,
      fallback,
      graph.index,
      this.categories,
    )) {
      if (!exact) this.tryTopic(learner, learnTopic, shareTopic, false);
      if (bridging) this.tryBridged(learner, learnTopic, shareTopic, exact);
    }
    graph.stage[u] = this.reached;
    this.choose();
  }

  /** Sharer i met at `weight`: kept if first met or better than before (first route wins ties). */
  private consider(
    i: number,
    weight: number,
    learnTopic: string,
    shareTopic: string,
    bridged: boolean,
  ): void {
    if (this.learnerStamp[i] !== this.u) {
      this.learnerStamp[i] = this.u;
      this.touched[this.touchedCount++] = i;
    } else if (this.bestWeight[i]! >= weight) return;
    this.bestWeight[i] = weight;
    this.bestLearn[i] = learnTopic;
    this.bestShare[i] = shareTopic;
    this.bestBridged[i] = bridged ? 1 : 0;
  }

  /** The common-language sharers of `shareTopic`; whether any of them is eligible. */
  private tryTopic(learner: Person, learnTopic: string, shareTopic: string, exact: boolean) {
    const { graph, config, u } = this;
    const { gate, index, scorer } = graph;
    const byLanguage = index.byTopic.get(shareTopic);
    if (!byLanguage) return false;
    const self = learner.capacity > 0 && learner.profile.share.includes(shareTopic) ? 1 : 0;
    if ((index.sharersByTopic.get(shareTopic) ?? 0) - self > 0)
      this.reached = Math.max(this.reached, TOPIC);
    const own = gate.self[u]!;
    const meets = gate.learnerFormat[u] !== 0;
    const scan = ++this.scan;
    let found = false;
    for (const [code] of learner.languageList) {
      const list = byLanguage.get(code);
      if (!list) continue;
      if (!meets) {
        // No format to meet in: nobody is eligible, so there is nothing to scan for.
        if (list.length > 1 || list[0] !== own) this.reached = Math.max(this.reached, LANGUAGE);
        continue;
      }
      // A long list is looked at through a window of `scanLimit` sharers that starts at
      // a different place for each learner, so every sharer is seen by some learners;
      // past the window only until one eligible sharer is found, so that whether the
      // topic falls back to its category never depends on the window.
      const n = list.length;
      const start = windowStart(u, n, config.scanLimit);
      for (let k = 0; k < n && (k < config.scanLimit || !found); k++) {
        const i = list[(start + k) % n]!;
        if (this.scanStamp[i] === scan) continue;
        this.scanStamp[i] = scan;
        if (i === own) continue;
        if (this.reached < LANGUAGE) this.reached = LANGUAGE;
        if (!gate.formatsFit(u, i)) continue;
        if (this.reached < FORMAT) this.reached = FORMAT;
        if (gate.isBlocked(u, i)) continue;
        this.reached = ELIGIBLE;
        found = true;
        this.consider(i, scorer.weight(u, i, exact), learnTopic, shareTopic, false);
      }
    }
    return found;
  }

  /** The sharers of `shareTopic` the learner could meet with an interpreter. */
  private tryBridged(learner: Person, learnTopic: string, shareTopic: string, exact: boolean) {
    const { graph, config, u } = this;
    const { gate, sharers } = graph;
    const byLanguage = graph.index.byTopic.get(shareTopic);
    if (!byLanguage || gate.learnerFormat[u] === 0) return;
    const scan = ++this.scan;
    for (const code of config.interpretation) {
      const list = byLanguage.get(code);
      if (!list) continue;
      const n = list.length;
      const start = windowStart(u, n, config.scanLimit);
      for (let k = 0, end = Math.min(n, config.scanLimit); k < end; k++) {
        const i = list[(start + k) % n]!;
        if (this.scanStamp[i] === scan) continue;
        this.scanStamp[i] = scan;
        const sharer = sharers[i]!;
        if (i === gate.self[u] || !interpretationPair(learner, sharer, this.interpretation))
          continue;
        this.reached = Math.max(this.reached, LANGUAGE);
        if (!gate.formatsFit(u, i)) continue;
        this.reached = Math.max(this.reached, FORMAT);
        if (gate.isBlocked(u, i)) continue;
        this.reached = ELIGIBLE;
        const weight = bridgedWeight(config, learner, sharer, exact);
        this.consider(i, weight, learnTopic, shareTopic, true);
      }
    }
  }

  /**
   * Adds the learner's best `maxCandidatesPerLearner` sharers (weight, then index), as
   * edges in that order. Weights are int32 (they are stored so): the keep-th best weight
   * is found on a typed-array sort, and those at or above it are ordered by one sort of
   * keys (top − weight) × sharers + index, exact in a double.
   */
  private choose(): void {
    const { graph, touched, bestWeight } = this;
    const m = this.touchedCount;
    if (m === 0) return;
    const keep = this.config.maxCandidatesPerLearner;
    const S = graph.sharers.length;
    let top = -Infinity;
    let bottom = Infinity;
    for (let k = 0; k < m; k++) {
      const w = bestWeight[touched[k]!]!;
      if (w > top) top = w;
      if (w < bottom) bottom = w;
    }
    let cut = bottom;
    if (m > keep) {
      graph.cappedLearners++;
      for (let k = 0; k < m; k++) this.weights[k] = bestWeight[touched[k]!]!;
      cut = this.weights.subarray(0, m).sort()[m - keep]!;
    }
    let c = 0;
    for (let k = 0; k < m; k++) {
      const i = touched[k]!;
      const w = bestWeight[i]!;
      if (w >= cut) this.keys[c++] = (top - w) * S + i;
    }
    const sorted = this.keys.subarray(0, c).sort();
    for (let k = 0, n = Math.min(c, keep); k < n; k++) {
      const key = sorted[k]!;
      const i = key - Math.floor(key / S) * S;
      addEdge(
        graph,
        this.u,
        i,
        bestWeight[i]!,
        this.bestLearn[i]!,
        this.bestShare[i]!,
        this.bestBridged[i] === 1,
      );
    }
  }
}

export function buildGraph(
  active: readonly Person[],
  history: HistoryView,
  categories: ReadonlyMap<string, string>,
  config: MatchConfig,
): RoundGraph {
  const learners = active.filter((p) => p.profile.learn.length > 0);
  const sharers = active.filter((p) => p.capacity > 0);
  const graph: RoundGraph = {
    learners,
    sharers,
    index: indexSharers(sharers, categories),
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
    gate: new PairGate(learners, sharers, history),
  };
  const scan = new CandidateScan(graph, categories, config);
  for (let u = 0; u < learners.length; u++) scan.learner(u);
  return graph;
}
