/**
 * The lists the pricing passes walk (see pricing.ts), and the bounds that cut the walks.
 * Each (topic, language) bucket, of sharers or of learners' entries, is split into groups
 * of people whose hours fall in the same 8-hour blocks of the UTC day and who accept the
 * same formats:
 * - hours, because the overlap term (up to overlapCapHours × overlapHour of a pair's
 *   weight) is what makes a person's own bound loose: most pairs of a round share few or no
 *   hours (time zones). Each group carries the union of its members' weeks: a person's
 *   overlap with anyone in the group is at most their overlap with the union. The union is
 *   still loose (members' days differ), so each member's own week is kept too, in walking
 *   order: a pair's exact overlap is then a few popcounts over memory read in a row, and
 *   on 30,000 pilot-shaped profiles it ruled out 88 % of the pairs the union let through.
 * - formats, because a walk can then skip whole groups no member of which can meet the
 *   person at hand (a one-to-one-only sharer and small-group-only learners), instead of
 *   meeting each member to find out.
 * A group is walked in order of a per-pass key, highest first, and re-sorted in a pass only
 * when one of its members' keys moved since it was last sorted. A bucket's groups are walked
 * in order of their best member's key (GroupList): a walk stops at the first group whose best
 * member cannot pass, instead of visiting every group of the bucket to find that out (at
 * 100,000 profiles a pass met 33 million groups, most of them only to skip them).
 */
import type { MatchConfig } from './config';
import type { Person } from './people';
import { overlapHours, WORDS as WEEK_WORDS, type WeekMask } from './time';

/** Read once: under tsx every read of an imported binding is a getter call (see scan.ts). */
const WORDS = WEEK_WORDS;

/** The most a learner's pair can be worth besides the sharer's rarity bonus. */
export function weightBound(config: MatchConfig, learner: Person, exact: boolean): number {
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
export function bridgedBound(config: MatchConfig, learner: Person, exact: boolean): number {
  const w = config.weights;
  return (
    w.connection +
    (exact ? w.interpretedTopicExact : w.interpretedTopicCategory) +
    learner.waited * w.interpretedWaitRound +
    w.interpretedOverlap
  );
}

/**
 * Which 8-hour blocks of the UTC day a week uses (−1: no stated hours). Since each pair's
 * own overlap is checked before it is weighed, finer blocks no longer pay: at 100,000
 * pilot-shaped profiles the learner passes took 13.3–14.2 s of CPU with 4-hour blocks and
 * 9.9–11.0 s with 8-hour ones (6- and 12-hour ones fell within that spread).
 */
export function dayBlocks(mask: WeekMask | null): number {
  if (!mask) return -1;
  let blocks = 0;
  for (let h = 0; h < 168; h++)
    if (((mask[h >>> 5] ?? 0) & (1 << (h & 31))) !== 0) blocks |= 1 << (((h % 24) / 8) | 0);
  return blocks;
}

/** Members (sharer or entry indices) of one group, sorted per pass by a key. */
export class SortedGroup {
  /** The members in the order given (ascending). */
  readonly members: Int32Array;
  /** The members by key, highest first (ties: lower index first), and their keys. */
  readonly order: Int32Array;
  readonly keys: Float64Array;
  /**
   * The members' weeks in `order` (WORDS words each), when the group has a union: a walk
   * reads them in a row to bound each pair's overlap exactly before it meets the person
   * (see Pricer), instead of fetching each person's record from anywhere in memory.
   */
  readonly weeks: Uint32Array;
  /** The same in `members` order, and the members' positions in key order. */
  private readonly memberWeeks: Uint32Array;
  private readonly position: Int32Array;
  /** Each member's key when last sorted (in `members` order); NaN before the first sort. */
  private readonly last: Float64Array;

  constructor(
    members: readonly number[],
    /** The union of the members' weeks; null when none of them states one (overlap 0). */
    readonly union: WeekMask | null,
    /** The format bits (see gate.ts) every member has. */
    readonly format: number,
    /** Its place among its bucket's groups (ties in GroupList's order). */
    readonly rank: number,
    maskOf: (m: number) => WeekMask | null,
  ) {
    this.members = Int32Array.from(members);
    this.order = Int32Array.from(members);
    this.keys = new Float64Array(members.length);
    this.last = new Float64Array(members.length).fill(NaN);
    this.position = Int32Array.from(members, (_, k) => k);
    const words = union ? members.length * WORDS : 0;
    this.weeks = new Uint32Array(words);
    this.memberWeeks = new Uint32Array(words);
    if (union)
      members.forEach((m, k) => {
        const mask = maskOf(m);
        if (mask) this.memberWeeks.set(mask, k * WORDS);
      });
  }

  /**
   * Sorts by `key` (indexed by member) unless no member's key moved since the last sort;
   * says whether any did.
   */
  sort(key: Float64Array): boolean {
    const { members, last } = this;
    let moved = false;
    for (let k = 0; k < members.length; k++) {
      const now = key[members[k]!]!;
      if (now !== last[k]) {
        last[k] = now;
        moved = true;
      }
    }
    if (!moved) return false;
    const { position, order, keys, weeks, memberWeeks } = this;
    // Members are ascending: a tie between positions is one between indices.
    position.sort((a, b) => key[members[b]!]! - key[members[a]!]! || a - b);
    for (let k = 0; k < position.length; k++) {
      const p = position[k]!;
      order[k] = members[p]!;
      keys[k] = key[order[k]!]!;
      if (weeks.length > 0)
        for (let w = 0; w < WORDS; w++) weeks[k * WORDS + w] = memberWeeks[p * WORDS + w]!;
    }
    return true;
  }
}

/**
 * A bucket's groups, ordered each pass by their best member's key (highest first). What a
 * walk reads of a group before it decides to walk it (its best key, formats and weeks'
 * union) is kept here in flat arrays in that order: a walk passes over many groups it does
 * not walk, and reading each one's own object would cost a cache miss apiece.
 */
export class GroupList {
  /** The groups, by their best key this pass (ties: in the order splitGroups gave). */
  readonly byTop: SortedGroup[];
  /** In `byTop` order: the best key, the format bits, the union (WORDS words; zeros: none). */
  readonly top: Float64Array;
  readonly formats: Uint8Array;
  readonly unions: Uint32Array;
  /** The pass it was last made ready for (see Pricer). */
  private pass = -1;

  constructor(readonly groups: readonly SortedGroup[]) {
    this.byTop = [...groups];
    this.top = new Float64Array(groups.length);
    this.formats = new Uint8Array(groups.length);
    this.unions = new Uint32Array(groups.length * WORDS);
  }

  /**
   * Sorts each group and orders the groups, once a pass; `fill` first sets the members'
   * keys when they are computed per bucket (see Pricer.groupsOf).
   */
  ready(pass: number, key: Float64Array, fill?: (member: number) => void): readonly SortedGroup[] {
    if (this.pass === pass) return this.byTop;
    const first = this.pass === -1;
    this.pass = pass;
    if (fill) for (const group of this.groups) group.members.forEach(fill);
    let moved = false;
    for (const group of this.groups) moved = group.sort(key) || moved;
    if (!moved && !first) return this.byTop;
    this.byTop.sort((a, b) => b.keys[0]! - a.keys[0]! || a.rank - b.rank);
    this.byTop.forEach((group, g) => {
      this.top[g] = group.keys[0]!;
      this.formats[g] = group.format;
      if (group.union) this.unions.set(group.union, g * WORDS);
      else this.unions.fill(0, g * WORDS, (g + 1) * WORDS);
    });
    return this.byTop;
  }
}

/**
 * `members` split by hours (`blocksOf`, −1 for none) and formats (`formatOf`), each group
 * with its weeks' union (null when `hours` is false: a group then bounds no overlap).
 * Groups in order of their hours, then formats.
 */
export function splitGroups(
  members: readonly number[],
  blocksOf: (m: number) => number,
  formatOf: (m: number) => number,
  maskOf: (m: number) => WeekMask | null,
  hours = true,
): GroupList {
  const byKey = new Map<number, number[]>();
  for (const m of members) {
    // Blocks are 3 bits (or −1), formats 2 bits.
    const k = (hours ? blocksOf(m) + 1 : 0) * 4 + formatOf(m);
    const list = byKey.get(k);
    if (list) list.push(m);
    else byKey.set(k, [m]);
  }
  const groups = [...byKey]
    .sort((a, b) => a[0] - b[0])
    .map(([k, list], rank) => {
      let union: WeekMask | null = null;
      if (hours && k >= 4) {
        union = new Uint32Array(WORDS);
        for (const m of list) {
          const mask = maskOf(m)!;
          for (let w = 0; w < union.length; w++) union[w]! |= mask[w] ?? 0;
        }
      }
      return new SortedGroup(list, union, k & 3, rank, maskOf);
    });
  return new GroupList(groups);
}
