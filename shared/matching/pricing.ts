/**
 * Pricing pairs left out of the candidates against a solve's duals (see certify.ts), without
 * storing them: from a learner's side (every pair of theirs, through the same topic/language
 * buckets as the candidates) and from a sharer's side (every learner whose topics lead to
 * them). Both walk a list sorted by the best the other side could still bring and stop as
 * soon as the bound says no pair further down can have a positive reduced gain.
 */
import {
  bridgedWeight,
  formatsFit,
  interpretationPair,
  speaksAny,
  topicRoutes,
  type RoundGraph,
} from './candidates';
import type { MatchConfig } from './config';
import type { HistoryView, Person } from './people';
import { overlapHours } from './time';

/** A pair worth adding: its weight, reduced gain and the topics it goes through. */
export interface Found {
  sharer: number;
  weight: number;
  gain: number;
  learnTopic: string;
  shareTopic: string;
  bridged: boolean;
}

/** The duals of one pass: per learner surplus, per sharer price and rarity − price. */
export interface Duals {
  surplus: Float64Array;
  price: Float64Array;
  key: Float64Array;
}

/** The most a learner's pair can be worth besides the sharer's rarity bonus. */
function weightBound(config: MatchConfig, learner: Person, exact: boolean): number {
  const w = config.weights;
  const hours = learner.mask ? overlapHours(learner.mask, learner.mask) : 0;
  return (
    w.connection +
    (exact ? w.topicExact : w.topicCategory) +
    w.fluentLanguage +
    Math.min(2, Math.max(0, learner.languageList.length - 1)) * w.extraLanguage +
    Math.min(hours, w.overlapCapHours) * w.overlapHour +
    learner.waited * w.waitRound
  );
}

/** The same for a pair bridged by interpretation (always below weightBound). */
function bridgedBound(config: MatchConfig, learner: Person, exact: boolean): number {
  const w = config.weights;
  return (
    w.connection +
    (exact ? w.interpretedTopicExact : w.interpretedTopicCategory) +
    learner.waited * w.interpretedWaitRound +
    w.interpretedOverlap
  );
}

/** One way a learner reaches a sharer's topic: exact, or the category fallback. */
interface Entry {
  /** Its place among all entries (for stamps). */
  id: number;
  learner: number;
  learnTopic: string;
  exact: boolean;
}

/** The key of the learners reaching a topic in a language ('' for bridged pairs). */
const bucket = (topic: string, language: string) => `${topic}\u0000${language}`;

/**
 * The pricing state of one round: each learner's routes (fixed: whether a topic falls back
 * to its category does not depend on the duals) and, per sharer topic, who reaches it.
 */
export class Pricer {
  private readonly interpretation: ReadonlySet<string>;
  private readonly routes: Array<Array<[string, string, boolean]>>;
  private readonly entries = new Map<string, Entry[]>();
  private readonly stamp: Int32Array;
  // Stamps the sharers seen in one bucket walk; never reset, so it runs on across passes.
  private scan = 0;
  /** Per pass: buckets sorted best prospect first, and entry lists sorted by bound. */
  private sorted = new Map<string, Map<string, Int32Array>>();
  private duals: Duals | null = null;
  /** Pairs priced one by one, and the largest reduced gain among them (this pass). */
  priced = 0;
  maxGain = -Infinity;

  constructor(
    private readonly graph: RoundGraph,
    private readonly history: HistoryView,
    categories: ReadonlyMap<string, string>,
    private readonly config: MatchConfig,
  ) {
    this.interpretation = new Set(config.interpretation);
    this.stamp = new Int32Array(graph.sharers.length).fill(-1);
    this.routes = graph.learners.map((learner, u) => {
      // Without a format to meet in (one-to-one or small group) no pair is eligible.
      if (!learner.oneToOne && !learner.smallGroup) return [];
      return topicRoutes(learner, graph.missing.get(u) ?? [], graph.index, categories);
    });
    let id = 0;
    const add = (key: string, entry: Entry) => {
      const at = this.entries.get(key);
      if (at) at.push(entry);
      else this.entries.set(key, [entry]);
    };
    this.routes.forEach((list, u) => {
      const learner = graph.learners[u]!;
      const bridging = speaksAny(learner, this.interpretation);
      for (const [learnTopic, shareTopic, exact] of list) {
        const entry = { id: id++, learner: u, learnTopic, exact };
        for (const [code] of learner.languageList) add(bucket(shareTopic, code), entry);
        if (bridging) add(bucket(shareTopic, ''), entry);
      }
    });
    this.entryStamp = new Int32Array(id).fill(-1);
  }

  private readonly entryStamp: Int32Array;

  /** Starts a pass with these duals. */
  begin(duals: Duals): void {
    this.duals = duals;
    this.priced = 0;
    this.maxGain = -Infinity;
    const { key } = duals;
    // Each bucket, best prospects first (ties by index: the result stays deterministic).
    this.sorted = new Map();
    for (const [topic, byLanguage] of this.graph.index.byTopic) {
      const out = new Map<string, Int32Array>();
      for (const [code, list] of byLanguage)
        out.set(
          code,
          Int32Array.from(list).sort((a, b) => key[b]! - key[a]! || a - b),
        );
      this.sorted.set(topic, out);
    }
  }

  /** Records pair (u, i) if its reduced gain is positive (best weight per sharer). */
  private price(
    found: Map<number, Found>,
    u: number,
    own: number,
    i: number,
    weight: number,
    learnTopic: string,
    shareTopic: string,
    bridged: boolean,
  ): void {
    const { surplus, price } = this.duals!;
    this.priced++;
    const gain = weight - surplus[u]! - price[i]!;
    if (i !== own && gain > this.maxGain) this.maxGain = gain;
    if (gain <= 0) return;
    const prior = found.get(i);
    if (!prior || prior.weight < weight)
      found.set(i, { sharer: i, weight, gain, learnTopic, shareTopic, bridged });
  }

  /** Every pair of learner u whose bound leaves room, priced; `own` is their sharer or −1. */
  learnerPass(u: number, own: number, found: Map<number, Found>): void {
    const { graph, config, interpretation } = this;
    const { key, surplus } = this.duals!;
    const learner = graph.learners[u]!;
    const blockedFor = this.history.blocked.get(learner.username);
    const bridging = speaksAny(learner, interpretation);
    const codes = learner.languageList.map(([code]) => code);
    /**
     * Walks the buckets of `codes`, best prospects first, while `limit` + rarity − price
     * can still be > 0 (sorted by that key, no later sharer can do better), pricing each
     * eligible sharer at the weight `weigh` gives (null: not eligible).
     */
    const walk = (
      byLanguage: Map<string, Int32Array>,
      languages: Iterable<string>,
      limit: number,
      weigh: (i: number, sharer: Person) => number | null,
      learnTopic: string,
      shareTopic: string,
      bridged: boolean,
    ) => {
      const scan = ++this.scan;
      for (const code of languages) {
        const list = byLanguage.get(code);
        if (!list) continue;
        for (let k = 0; k < list.length; k++) {
          const i = list[k]!;
          if (key[i]! + limit <= 0) break;
          if (this.stamp[i] === scan) continue;
          this.stamp[i] = scan;
          const sharer = graph.sharers[i]!;
          if (sharer === learner || !formatsFit(learner, sharer)) continue;
          if (blockedFor?.has(sharer.username) === true) continue;
          const weight = weigh(i, sharer);
          if (weight !== null)
            this.price(found, u, own, i, weight, learnTopic, shareTopic, bridged);
        }
      }
    };
    for (const [learnTopic, shareTopic, exact] of this.routes[u]!) {
      const byLanguage = this.sorted.get(shareTopic);
      if (!byLanguage) continue;
      walk(
        byLanguage,
        codes,
        weightBound(config, learner, exact) - surplus[u]!,
        (i) => graph.scorer.weight(u, i, exact),
        learnTopic,
        shareTopic,
        false,
      );
      // A bridged pair earns no rarity bonus, and −price ≤ rarity − price: the same order
      // gives a valid (looser) stop.
      if (bridging)
        walk(
          byLanguage,
          config.interpretation,
          bridgedBound(config, learner, exact) - surplus[u]!,
          (_, sharer) =>
            interpretationPair(learner, sharer, interpretation)
              ? bridgedWeight(config, learner, sharer, exact)
              : null,
          learnTopic,
          shareTopic,
          true,
        );
    }
  }

  /** The entries of a bucket, sorted by their bound minus surplus (highest first). */
  private entriesOf(key: string): Array<[Entry, number]> {
    let sorted = this.sortedBy.get(key);
    if (sorted) return sorted;
    const { graph, config } = this;
    const { surplus } = this.duals!;
    sorted = (this.entries.get(key) ?? [])
      .map((e): [Entry, number] => [
        e,
        weightBound(config, graph.learners[e.learner]!, e.exact) - surplus[e.learner]!,
      ])
      .sort((a, b) => b[1] - a[1] || a[0].id - b[0].id);
    this.sortedBy.set(key, sorted);
    return sorted;
  }

  private sortedBy = new Map<string, Array<[Entry, number]>>();

  /**
   * Every pair of sharer i with a learner not in `skip`, priced where the bound leaves
   * room; what is found goes to `foundOf(u)`. Together with learnerPass for the learners in
   * `skip` this prices every pair whose sharer is i.
   */
  sharerPass(
    i: number,
    skip: Uint8Array,
    ownOf: (u: number) => number,
    foundOf: (u: number) => Map<number, Found>,
  ): void {
    const { graph, config, interpretation } = this;
    const { key } = this.duals!;
    const sharer = graph.sharers[i]!;
    const scan = ++this.scan;
    const bridging = speaksAny(sharer, interpretation);
    const blocked = this.history.blocked;
    for (const topic of new Set(sharer.profile.share)) {
      // Common languages first (an entry met there is not met again), then bridged pairs.
      const languages = sharer.languageList.map(([code]) => code);
      if (bridging) languages.push('');
      for (const code of languages) {
        for (const [entry, limit] of this.entriesOf(bucket(topic, code))) {
          if (key[i]! + limit <= 0) break;
          if (this.entryStamp[entry.id] === scan) continue;
          this.entryStamp[entry.id] = scan;
          const u = entry.learner;
          if (skip[u] === 1) continue;
          const learner = graph.learners[u]!;
          if (sharer === learner || !formatsFit(learner, sharer)) continue;
          if (blocked.get(learner.username)?.has(sharer.username) === true) continue;
          let weight: number;
          if (code !== '') weight = graph.scorer.weight(u, i, entry.exact);
          else if (interpretationPair(learner, sharer, interpretation))
            weight = bridgedWeight(config, learner, sharer, entry.exact);
          else continue;
          this.price(foundOf(u), u, ownOf(u), i, weight, entry.learnTopic, topic, code === '');
        }
      }
    }
  }

  /** Ends a pass (the per-pass sorted lists are dropped). */
  end(): void {
    this.sortedBy.clear();
  }
}
