/**
 * Pricing pairs left out of the candidates against a solve's duals (see certify.ts), without
 * storing them: from a learner's side (every pair of theirs, through the same topic/language
 * buckets as the candidates) and from a sharer's side (every learner whose topics lead to
 * them). Both walk groups sorted by the best the other side could still bring (see
 * price-lists.ts) and stop as soon as the bound says no pair further down can have a
 * positive reduced gain; a pair the bound lets through is checked first against its exact
 * overlap (read from its group), and only then weighed. The walks read flat arrays by index
 * (PairGate, PairScorer): at 100,000 profiles they meet tens of millions of pairs.
 */
import {
  bridgedWeight,
  interpretationPair,
  speaksAny,
  topicRoutes,
  type RoundGraph,
} from './candidates';
import type { MatchConfig } from './config';
import { bridgedBound, dayBlocks, splitGroups, weightBound, type GroupList } from './price-lists';
import { overlapHours, popcount as popcountOf, type WeekMask } from './time';

/** Bound once: under tsx an imported function is a getter call at each use (see scoring.ts). */
const popcount = popcountOf;

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

/** The key of the learners reaching a topic in a language ('' for bridged pairs). */
const bucket = (topic: string, language: string) => `${topic}\u0000${language}`;

/**
 * The pricing state of one round: each learner's routes (fixed: whether a topic falls back
 * to its category does not depend on the duals) and, per sharer topic, who reaches it. An
 * entry is one route of one learner (one way they reach a sharer's topic).
 */
export class Pricer {
  private readonly interpretation: ReadonlySet<string>;
  private readonly routes: Array<Array<[string, string, boolean]>>;
  private readonly entryLearner: Int32Array;
  private readonly entryExact: Uint8Array;
  private readonly entryLearnTopic: string[];
  /** Per entry: its learner's bound without the overlap term, and with it. */
  private readonly entryBound: Float64Array;
  private readonly entryFullBound: Float64Array;
  /** Per bucket: its entries (ids, ascending), grouped on first use. */
  private readonly entries = new Map<string, number[]>();
  private readonly entryGroups = new Map<string, GroupList>();
  /** Keys of entries for a group's sort (filled for its members just before). */
  private readonly entryKey: Float64Array;
  private readonly entryStamp: Int32Array;
  private readonly stamp: Int32Array;
  // Stamps the sharers (entries) seen in one walk; never reset, so it runs on across passes.
  private scan = 0;
  /** Per topic and language: the sharers' groups (see price-lists.ts). */
  private readonly sharerGroups = new Map<string, Map<string, GroupList>>();
  /** Per learner: the overlap term of their own bound (min(hours, cap) × overlapHour). */
  private readonly learnerOverlap: Float64Array;
  private readonly learnerBlocks: Int32Array;
  private duals: Duals | null = null;
  /** Pairs priced one by one, and the largest reduced gain among them (this pass). */
  priced = 0;
  maxGain = -Infinity;

  constructor(
    private readonly graph: RoundGraph,
    categories: ReadonlyMap<string, string>,
    private readonly config: MatchConfig,
  ) {
    this.interpretation = new Set(config.interpretation);
    const { learners, sharers, gate } = graph;
    this.stamp = new Int32Array(sharers.length).fill(-1);
    this.routes = learners.map((_, u) =>
      // Without a format to meet in (one-to-one or small group) no pair is eligible.
      gate.learnerFormat[u] === 0
        ? []
        : topicRoutes(learners[u]!, graph.missing.get(u) ?? [], graph.index, categories),
    );
    const w = config.weights;
    this.learnerOverlap = Float64Array.from(
      learners,
      (p) => Math.min(p.mask ? overlapHours(p.mask, p.mask) : 0, w.overlapCapHours) * w.overlapHour,
    );
    this.learnerBlocks = Int32Array.from(learners, (p) => dayBlocks(p.mask));
    const E = this.routes.reduce((n, list) => n + list.length, 0);
    this.entryLearner = new Int32Array(E);
    this.entryExact = new Uint8Array(E);
    this.entryLearnTopic = new Array<string>(E);
    this.entryBound = new Float64Array(E);
    this.entryFullBound = new Float64Array(E);
    this.entryKey = new Float64Array(E);
    this.entryStamp = new Int32Array(E).fill(-1);
    let id = 0;
    const add = (key: string, e: number) => {
      const at = this.entries.get(key);
      if (at) at.push(e);
      else this.entries.set(key, [e]);
    };
    this.routes.forEach((list, u) => {
      const learner = learners[u]!;
      const bridging = speaksAny(learner, this.interpretation);
      for (const [learnTopic, shareTopic, exact] of list) {
        const e = id++;
        this.entryLearner[e] = u;
        this.entryExact[e] = exact ? 1 : 0;
        this.entryLearnTopic[e] = learnTopic;
        this.entryFullBound[e] = weightBound(config, learner, exact);
        this.entryBound[e] = this.entryFullBound[e]! - this.learnerOverlap[u]!;
        for (const [code] of learner.languageList) add(bucket(shareTopic, code), e);
        if (bridging) add(bucket(shareTopic, ''), e);
      }
    });
    const sharerBlocks = Int32Array.from(sharers, (p) => dayBlocks(p.mask));
    for (const [topic, byLanguage] of graph.index.byTopic) {
      const out = new Map<string, GroupList>();
      for (const [code, list] of byLanguage)
        out.set(
          code,
          splitGroups(
            list,
            (i) => sharerBlocks[i]!,
            (i) => gate.sharerFormat[i]!,
            (i) => sharers[i]!.mask,
          ),
        );
      this.sharerGroups.set(topic, out);
    }
  }

  /**
   * The overlap term of a pair: `mask` against the week at place k of a group's `weeks`.
   * Written out here rather than through time.ts overlapHours with an offset: measured side
   * by side (pilot-shaped 100k, two pairs of runs), the learner passes took 10.5 → 13.2 s and
   * 13.1 → 15.5 s of CPU through that call (one more level for the walks to inline).
   */
  private overlapAt(weeks: Uint32Array, k: number, mask: WeekMask): number {
    const at = k * 6;
    const hours =
      popcount(weeks[at]! & mask[0]!) +
      popcount(weeks[at + 1]! & mask[1]!) +
      popcount(weeks[at + 2]! & mask[2]!) +
      popcount(weeks[at + 3]! & mask[3]!) +
      popcount(weeks[at + 4]! & mask[4]!) +
      popcount(weeks[at + 5]! & mask[5]!);
    const w = this.config.weights;
    return Math.min(hours, w.overlapCapHours) * w.overlapHour;
  }

  /** Starts a pass with these duals. */
  begin(duals: Duals): void {
    this.duals = duals;
    this.priced = 0;
    this.maxGain = -Infinity;
    this.pass++;
  }

  /** The pass under way: a bucket's groups are sorted at most once a pass, on first use. */
  private pass = 0;

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

  /**
   * Every pair of learner u whose bound leaves room, priced; `own` is their sharer or −1.
   * For each route, the groups of the buckets of the learner's languages that share a
   * format with them are walked best prospects first, while the group's limit + rarity −
   * price can still be > 0 (sorted by that key, no later sharer of the group can do better).
   */
  learnerPass(u: number, own: number, found: Map<number, Found>): void {
    const { graph, config, interpretation } = this;
    const { surplus } = this.duals!;
    const learner = graph.learners[u]!;
    const bridging = speaksAny(learner, interpretation);
    const codes = learner.languageList.map(([code]) => code);
    for (const route of this.routes[u]!) {
      const byLanguage = this.sharerGroups.get(route[1]);
      if (!byLanguage) continue;
      const exact = route[2];
      // The learner's own bound counts the overlap term in full; a group's union bounds it.
      const base = weightBound(config, learner, exact) - this.learnerOverlap[u]! - surplus[u]!;
      this.walkSharers(u, own, found, route, byLanguage, codes, base, false);
      // A bridged pair earns no rarity bonus, and −price ≤ rarity − price: the same order
      // gives a valid (looser) stop; nor an overlap term beyond interpretedOverlap.
      const limit = bridgedBound(config, learner, exact) - surplus[u]!;
      if (bridging)
        this.walkSharers(u, own, found, route, byLanguage, config.interpretation, limit, true);
    }
  }

  /** One route's walk of learnerPass through the buckets of `languages`. */
  private walkSharers(
    u: number,
    own: number,
    found: Map<number, Found>,
    [learnTopic, shareTopic, exact]: readonly [string, string, boolean],
    byLanguage: Map<string, GroupList>,
    languages: readonly string[],
    base: number,
    bridged: boolean,
  ): void {
    const { graph, config, interpretation } = this;
    const { gate, scorer } = graph;
    const learner = graph.learners[u]!;
    const format = gate.learnerFormat[u]!;
    const self = gate.self[u]!;
    const blocked = gate.blockedOf(u);
    const ownOverlap = bridged ? 0 : this.learnerOverlap[u]!;
    const mask = learner.mask;
    const scan = ++this.scan;
    const { key } = this.duals!;
    for (const code of languages) {
      const list = byLanguage.get(code);
      if (!list) continue;
      const groups = list.ready(this.pass, key);
      const { top, formats, unions } = list;
      for (let g = 0; g < groups.length; g++) {
        // The groups are by their best key: once even the learner's full overlap term
        // cannot make the best pass, no later group's can either.
        if (top[g]! + base + ownOverlap <= 0) break;
        if ((formats[g]! & format) === 0) continue;
        // A person's overlap with anyone in a group is at most their overlap with its union.
        const limit = bridged || !mask ? base : base + this.overlapAt(unions, g, mask);
        const { order, keys, weeks } = groups[g]!;
        for (let k = 0; k < order.length; k++) {
          if (keys[k]! + limit <= 0) break;
          // The pair's own overlap, from the group's weeks in a row: most pairs stop here.
          if (
            !bridged &&
            mask &&
            weeks.length > 0 &&
            keys[k]! + base + this.overlapAt(weeks, k, mask) <= 0
          )
            continue;
          const i = order[k]!;
          if (this.stamp[i] === scan) continue;
          this.stamp[i] = scan;
          if (i === self || (blocked !== undefined && blocked.includes(i))) continue;
          let weight: number;
          if (!bridged) weight = scorer.weight(u, i, exact);
          else {
            const sharer = graph.sharers[i]!;
            if (!interpretationPair(learner, sharer, interpretation)) continue;
            weight = bridgedWeight(config, learner, sharer, exact);
          }
          this.price(found, u, own, i, weight, learnTopic, shareTopic, bridged);
        }
      }
    }
  }

  /**
   * The entries' groups of a bucket, each sorted by its bound minus surplus (highest
   * first): without the overlap term in a common-language bucket (the group's union bounds
   * it), with it in the bridged one ('' : a bridged pair's bound has no overlap term).
   */
  private groupsOf(key: string, bridged: boolean): GroupList {
    let list = this.entryGroups.get(key);
    if (!list) {
      const { learners, gate } = this.graph;
      list = splitGroups(
        this.entries.get(key) ?? [],
        (e) => this.learnerBlocks[this.entryLearner[e]!]!,
        (e) => gate.learnerFormat[this.entryLearner[e]!]!,
        (e) => learners[this.entryLearner[e]!]!.mask,
        !bridged,
      );
      this.entryGroups.set(key, list);
    }
    const { surplus } = this.duals!;
    const bound = bridged ? this.entryFullBound : this.entryBound;
    list.ready(this.pass, this.entryKey, (e) => {
      this.entryKey[e] = bound[e]! - surplus[this.entryLearner[e]!]!;
    });
    return list;
  }

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
    const { gate, scorer } = graph;
    const { key } = this.duals!;
    const sharer = graph.sharers[i]!;
    const format = gate.sharerFormat[i]!;
    const mask = sharer.mask;
    const scan = ++this.scan;
    const bridging = speaksAny(sharer, interpretation);
    const stop = -key[i]!;
    // The sharer's own overlap term: no group's union can bring more.
    const w = config.weights;
    const ownOverlap =
      Math.min(sharer.mask ? overlapHours(sharer.mask, sharer.mask) : 0, w.overlapCapHours) *
      w.overlapHour;
    for (const topic of new Set(sharer.profile.share)) {
      // Common languages first (an entry met there is not met again), then bridged pairs.
      const languages = sharer.languageList.map(([code]) => code);
      if (bridging) languages.push('');
      for (const code of languages) {
        const bridged = code === '';
        const list = this.groupsOf(bucket(topic, code), bridged);
        const { byTop: groups, top, formats, unions } = list;
        for (let g = 0; g < groups.length; g++) {
          // By best key, as in walkSharers.
          if (top[g]! + (bridged ? 0 : ownOverlap) <= stop) break;
          if ((formats[g]! & format) === 0) continue;
          const extra = bridged || !mask ? 0 : this.overlapAt(unions, g, mask);
          const { order, keys, weeks } = groups[g]!;
          for (let k = 0; k < order.length; k++) {
            if (keys[k]! + extra <= stop) break;
            // As in walkSharers.
            if (
              !bridged &&
              mask &&
              weeks.length > 0 &&
              keys[k]! + this.overlapAt(weeks, k, mask) <= stop
            )
              continue;
            const e = order[k]!;
            if (this.entryStamp[e] === scan) continue;
            this.entryStamp[e] = scan;
            const u = this.entryLearner[e]!;
            if (skip[u] === 1 || gate.self[u] === i || gate.isBlocked(u, i)) continue;
            const exact = this.entryExact[e] === 1;
            let weight: number;
            if (!bridged) weight = scorer.weight(u, i, exact);
            else {
              const learner = graph.learners[u]!;
              if (!interpretationPair(learner, sharer, interpretation)) continue;
              weight = bridgedWeight(config, learner, sharer, exact);
            }
            const learnTopic = this.entryLearnTopic[e]!;
            this.price(foundOf(u), u, ownOf(u), i, weight, learnTopic, topic, bridged);
          }
        }
      }
    }
  }

  /** Ends a pass (nothing to drop: the groups keep their order for the next one). */
  end(): void {}
}
