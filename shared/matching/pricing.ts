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
import { overlapHours, type WeekMask } from './time';

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
 * The overlap term (up to overlapCapHours × overlapHour of a pair's weight) is what makes a
 * person's own bound loose: most pairs of a round share few or no hours (people live in
 * different time zones). So each bucket is split into groups of people whose hours fall in
 * the same 4-hour blocks of the UTC day, and each group carries the union of its members'
 * weeks: a person's overlap with anyone in the group is at most their overlap with the
 * union, which bounds the whole group at once.
 */
interface TimeGroup {
  /** Members (sharer or entry indices); re-sorted each pass. */
  members: Int32Array;
  /** The union of the members' weeks; null when none of them states one (overlap 0). */
  union: WeekMask | null;
}

/** A time group of a bucket's entries: sorted by bound without overlap − surplus. */
interface EntryGroup {
  sorted: Array<[Entry, number]>;
  union: WeekMask | null;
}

/** Which 4-hour blocks of the UTC day a week uses (−1: no stated hours). */
function dayBlocks(mask: WeekMask | null): number {
  if (!mask) return -1;
  let blocks = 0;
  for (let h = 0; h < 168; h++)
    if (((mask[h >>> 5] ?? 0) & (1 << (h & 31))) !== 0) blocks |= 1 << (((h % 24) / 4) | 0);
  return blocks;
}

/** `members` split by `blockOf`, each group with its union (groups in order of their key). */
function timeGroups(
  members: readonly number[],
  blockOf: (m: number) => number,
  maskOf: (m: number) => WeekMask | null,
): TimeGroup[] {
  const byBlocks = new Map<number, number[]>();
  for (const m of members) {
    const b = blockOf(m);
    const list = byBlocks.get(b);
    if (list) list.push(m);
    else byBlocks.set(b, [m]);
  }
  return [...byBlocks]
    .sort((a, b) => a[0] - b[0])
    .map(([blocks, list]) => {
      let union: WeekMask | null = null;
      if (blocks >= 0) {
        union = new Uint32Array(6);
        for (const m of list) {
          const mask = maskOf(m)!;
          for (let k = 0; k < union.length; k++) union[k]! |= mask[k] ?? 0;
        }
      }
      return { members: Int32Array.from(list), union };
    });
}

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
  /** Per topic and language: the sharers by time group (each sorted per pass by key). */
  private readonly sharerGroups = new Map<string, Map<string, TimeGroup[]>>();
  /** Per person: the overlap term of their own bound (min(hours, cap) × overlapHour). */
  private readonly learnerOverlap: Float64Array;
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
    const w = config.weights;
    this.learnerOverlap = Float64Array.from(
      graph.learners,
      (p) => Math.min(p.mask ? overlapHours(p.mask, p.mask) : 0, w.overlapCapHours) * w.overlapHour,
    );
    const sharerBlocks = Int32Array.from(graph.sharers, (p) => dayBlocks(p.mask));
    for (const [topic, byLanguage] of graph.index.byTopic) {
      const out = new Map<string, TimeGroup[]>();
      for (const [code, list] of byLanguage)
        out.set(
          code,
          timeGroups(
            list,
            (i) => sharerBlocks[i]!,
            (i) => graph.sharers[i]!.mask,
          ),
        );
      this.sharerGroups.set(topic, out);
    }
    this.entryBlocks = Int32Array.from(graph.learners, (p) => dayBlocks(p.mask));
  }

  private readonly entryBlocks: Int32Array;

  /** At most what a pair's overlap earns: one side's week is `mask`, the other's within `union`. */
  private overlapBound(mask: WeekMask | null, union: WeekMask | null): number {
    if (!mask || !union) return 0;
    const w = this.config.weights;
    return Math.min(overlapHours(mask, union), w.overlapCapHours) * w.overlapHour;
  }

  private readonly entryStamp: Int32Array;

  /** Starts a pass with these duals. */
  begin(duals: Duals): void {
    this.duals = duals;
    this.priced = 0;
    this.maxGain = -Infinity;
    const { key } = duals;
    // Each group, best prospects first (ties by index: the result stays deterministic).
    for (const byLanguage of this.sharerGroups.values())
      for (const groups of byLanguage.values())
        for (const g of groups) g.members.sort((a, b) => key[b]! - key[a]! || a - b);
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
     * Walks the time groups of the buckets of `codes`, best prospects first, while the
     * group's `limit` + rarity − price can still be > 0 (sorted by that key, no later sharer
     * of the group can do better), pricing each eligible sharer at the weight `weigh` gives
     * (null: not eligible).
     */
    const walk = (
      byLanguage: Map<string, TimeGroup[]>,
      languages: Iterable<string>,
      limitOf: (group: TimeGroup) => number,
      weigh: (i: number, sharer: Person) => number | null,
      learnTopic: string,
      shareTopic: string,
      bridged: boolean,
    ) => {
      const scan = ++this.scan;
      for (const code of languages) {
        for (const group of byLanguage.get(code) ?? []) {
          const list = group.members;
          const limit = limitOf(group);
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
      }
    };
    // The learner's own bound counts the overlap term in full; a group's union bounds it.
    const withoutOverlap = (exact: boolean) =>
      weightBound(config, learner, exact) - this.learnerOverlap[u]! - surplus[u]!;
    for (const [learnTopic, shareTopic, exact] of this.routes[u]!) {
      const byLanguage = this.sharerGroups.get(shareTopic);
      if (!byLanguage) continue;
      const base = withoutOverlap(exact);
      walk(
        byLanguage,
        codes,
        (group) => base + this.overlapBound(learner.mask, group.union),
        (i) => graph.scorer.weight(u, i, exact),
        learnTopic,
        shareTopic,
        false,
      );
      // A bridged pair earns no rarity bonus, and −price ≤ rarity − price: the same order
      // gives a valid (looser) stop.
      const bridgedLimit = bridgedBound(config, learner, exact) - surplus[u]!;
      if (bridging)
        walk(
          byLanguage,
          config.interpretation,
          () => bridgedLimit,
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
   * The entries of a common-language bucket by the learners' time groups, each sorted by
   * its bound without the overlap term minus surplus (highest first), with the group's union.
   */
  private groupsOf(key: string): EntryGroup[] {
    let groups = this.entryGroups.get(key);
    if (!groups) {
      const entries = this.entries.get(key) ?? [];
      const { learners } = this.graph;
      groups = timeGroups(
        entries.map((_, k) => k),
        (k) => this.entryBlocks[entries[k]!.learner]!,
        (k) => learners[entries[k]!.learner]!.mask,
      ).map((g) => ({ entries: Array.from(g.members, (k) => entries[k]!), union: g.union }));
      this.entryGroups.set(key, groups);
    }
    let sorted = this.sortedGroups.get(key);
    if (sorted) return sorted;
    const { graph, config } = this;
    const { surplus } = this.duals!;
    sorted = groups.map((g) => ({
      union: g.union,
      sorted: g.entries
        .map((e): [Entry, number] => [
          e,
          weightBound(config, graph.learners[e.learner]!, e.exact) -
            this.learnerOverlap[e.learner]! -
            surplus[e.learner]!,
        ])
        .sort((a, b) => b[1] - a[1] || a[0].id - b[0].id),
    }));
    this.sortedGroups.set(key, sorted);
    return sorted;
  }

  private readonly entryGroups = new Map<
    string,
    Array<{ entries: Entry[]; union: WeekMask | null }>
  >();
  private sortedGroups = new Map<string, EntryGroup[]>();

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
        // A bridged pair's bound has no overlap term: its bucket is walked by the full bound.
        const lists =
          code === ''
            ? [{ sorted: this.entriesOf(bucket(topic, code)), extra: 0 }]
            : this.groupsOf(bucket(topic, code)).map((g) => ({
                sorted: g.sorted,
                extra: this.overlapBound(sharer.mask, g.union),
              }));
        for (const { sorted, extra } of lists) {
          for (const [entry, entryLimit] of sorted) {
            const limit = entryLimit + extra;
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
  }

  /** Ends a pass (the per-pass sorted lists are dropped). */
  end(): void {
    this.sortedBy.clear();
    this.sortedGroups.clear();
  }
}
