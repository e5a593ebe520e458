/**
 * The weight of a common-language pair, computed millions of times per round (the candidate
 * scan and the pricing passes), from flat typed arrays: small language numbers and levels,
 * availability masks side by side, and each learner's and sharer's own terms precomputed.
 * It gives exactly pairWeight(config, learner, sharer, exact, pairFacts(learner, sharer))
 * (a test holds it to that); pairFacts stays what the reasons are written from.
 */
import type { MatchConfig } from './config';
import type { Person } from './people';

/** Words of a week mask (168 hours; see time.ts). */
const WORDS = 6;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** One side's people as flat arrays. */
class Side {
  /** Languages of person i: lang/level[start[i] … start[i+1]). */
  readonly start: Int32Array;
  readonly lang: Int32Array;
  readonly level: Int32Array;
  /** WORDS words per person; hasMask 0 when their availability is unknown. */
  readonly mask: Uint32Array;
  readonly hasMask: Uint8Array;

  constructor(people: readonly Person[], code: (language: string) => number) {
    this.start = new Int32Array(people.length + 1);
    let n = 0;
    people.forEach((p, i) => {
      this.start[i] = n;
      n += p.languageList.length;
    });
    this.start[people.length] = n;
    this.lang = new Int32Array(n);
    this.level = new Int32Array(n);
    this.mask = new Uint32Array(people.length * WORDS);
    this.hasMask = new Uint8Array(people.length);
    people.forEach((p, i) => {
      let k = this.start[i]!;
      for (const [c, level] of p.languageList) {
        this.lang[k] = code(c);
        this.level[k++] = level;
      }
      if (p.mask) {
        this.hasMask[i] = 1;
        this.mask.set(p.mask, i * WORDS);
      }
    });
  }
}

export class PairScorer {
  private readonly learners: Side;
  private readonly sharers: Side;
  /** Per learner: connection + rounds waited; per sharer: the rarity bonus. */
  private readonly learnerBase: Float64Array;
  private readonly rare: Float64Array;
  private readonly topicExact: number;
  private readonly topicCategory: number;
  private readonly fluent: number;
  private readonly extra: number;
  private readonly hour: number;
  private readonly hourCap: number;

  constructor(config: MatchConfig, learners: readonly Person[], sharers: readonly Person[]) {
    const codes = new Map<string, number>();
    const code = (c: string) => {
      let n = codes.get(c);
      if (n === undefined) codes.set(c, (n = codes.size));
      return n;
    };
    this.learners = new Side(learners, code);
    this.sharers = new Side(sharers, code);
    const w = config.weights;
    this.learnerBase = Float64Array.from(learners, (p) => w.connection + p.waited * w.waitRound);
    this.rare = Float64Array.from(sharers, (p) => p.rare);
    this.topicExact = w.topicExact;
    this.topicCategory = w.topicCategory;
    this.fluent = w.fluentLanguage;
    this.extra = w.extraLanguage;
    this.hour = w.overlapHour;
    this.hourCap = w.overlapCapHours;
  }

  /** The weight of learner u with sharer v (they must have a common workable language). */
  weight(u: number, v: number, exact: boolean): number {
    const a = this.learners;
    const b = this.sharers;
    let common = 0;
    let bestLevel = -1;
    const bEnd = b.start[v + 1]!;
    for (let i = a.start[u]!, end = a.start[u + 1]!; i < end; i++) {
      const lang = a.lang[i]!;
      for (let j = b.start[v]!; j < bEnd; j++) {
        if (b.lang[j] !== lang) continue;
        common++;
        const both = Math.min(a.level[i]!, b.level[j]!);
        if (both > bestLevel) bestLevel = both;
        break;
      }
    }
    let overlap = 0;
    if (a.hasMask[u] === 1 && b.hasMask[v] === 1) {
      const x = u * WORDS;
      const y = v * WORDS;
      for (let k = 0; k < WORDS; k++) overlap += popcount(a.mask[x + k]! & b.mask[y + k]!);
    }
    return (
      this.learnerBase[u]! +
      (exact ? this.topicExact : this.topicCategory) +
      (bestLevel >= 4 ? this.fluent : 0) +
      Math.min(2, Math.max(0, common - 1)) * this.extra +
      Math.min(overlap, this.hourCap) * this.hour +
      this.rare[v]!
    );
  }
}
