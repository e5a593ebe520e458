/**
 * The weight of a common-language pair, computed millions of times per round (the candidate
 * scan and the pricing passes), from flat typed arrays: language bit sets, availability
 * masks and each learner's and sharer's own terms precomputed.
 * It gives exactly pairWeight(config, learner, sharer, exact, pairFacts(learner, sharer))
 * (a test holds it to that); pairFacts stays what the reasons are written from.
 */
import type { MatchConfig } from './config';
import type { Person } from './people';
import { popcount as popcountOf, WORDS } from './time';

/**
 * Bound once: the bot runs under tsx, where each use of an imported binding is a getter
 * call (CommonJS output) that the weight, called 100 million times a round, cannot afford.
 */
const popcount = popcountOf;

/** Record layout: [0] HAS_MASK, [1] own term, [2…7] mask, then the language bit sets. */
const HAS_MASK = 1;
const LANGUAGES = 2 + WORDS;
/** The level from which a language is fluent (4, 5 or N): see pairFacts. */
const FLUENT = 4;

/**
 * One side's people as fixed-size records in one Int32Array: at 100,000 profiles the
 * sharer met next is anywhere in memory, and one record per person keeps what a weight
 * reads of them in one or two cache lines instead of one per array. Languages are two bit
 * sets of `words` words each (bit = the language's number in the round): the workable ones,
 * then the fluent ones. A pair's common languages are then an AND and a popcount, and
 * "fluent in a common language" (pairFacts: the best common level is 4 or more) is a
 * non-zero AND of the fluent sets, instead of a loop over both lists.
 */
class Side {
  readonly stride: number;
  readonly records: Int32Array;

  constructor(
    people: readonly Person[],
    code: (language: string) => number,
    readonly words: number,
    own: Float64Array | null,
    ownValues: readonly number[],
  ) {
    this.stride = LANGUAGES + 2 * words;
    this.records = new Int32Array(people.length * this.stride);
    people.forEach((p, i) => {
      const at = i * this.stride;
      this.records[at] = p.mask ? HAS_MASK : 0;
      // When `own` holds the terms they are not int32: the record's copy is then unused.
      this.records[at + 1] = own ? 0 : (ownValues[i] ?? 0);
      if (p.mask) this.records.set(p.mask, at + 2);
      for (const [c, level] of p.languageList) {
        const n = code(c);
        const bit = 1 << (n & 31);
        this.records[at + LANGUAGES + (n >>> 5)]! |= bit;
        if (level >= FLUENT) this.records[at + LANGUAGES + words + (n >>> 5)]! |= bit;
      }
    });
  }
}

/** Whether every value is an integer an Int32Array holds exactly. */
const int32s = (values: readonly number[]) => values.every((x) => (x | 0) === x);

export class PairScorer {
  private readonly learners: Side;
  private readonly sharers: Side;
  /**
   * Per learner: connection + rounds waited; per sharer: the rarity bonus. Kept in the
   * records when they are int32 (the default weights are integers), else read from here.
   */
  private readonly learnerBase: Float64Array | null;
  private readonly rare: Float64Array | null;
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
    for (const p of [...learners, ...sharers]) for (const [c] of p.languageList) code(c);
    const words = Math.max(1, Math.ceil(codes.size / 32));
    const w = config.weights;
    const base = learners.map((p) => w.connection + p.waited * w.waitRound);
    const rare = sharers.map((p) => p.rare);
    this.learnerBase = int32s(base) ? null : Float64Array.from(base);
    this.rare = int32s(rare) ? null : Float64Array.from(rare);
    this.learners = new Side(learners, code, words, this.learnerBase, base);
    this.sharers = new Side(sharers, code, words, this.rare, rare);
    this.topicExact = w.topicExact;
    this.topicCategory = w.topicCategory;
    this.fluent = w.fluentLanguage;
    this.extra = w.extraLanguage;
    this.hour = w.overlapHour;
    this.hourCap = w.overlapCapHours;
  }

  /** The weight of learner u with sharer v (they must have a common workable language). */
  weight(u: number, v: number, exact: boolean): number {
    const a = this.learners.records;
    const b = this.sharers.records;
    const words = this.learners.words;
    const x = u * this.learners.stride;
    const y = v * this.sharers.stride;
    let common = 0;
    let fluent = 0;
    for (let k = LANGUAGES; k < LANGUAGES + words; k++) {
      common += popcount(a[x + k]! & b[y + k]!);
      fluent |= a[x + k + words]! & b[y + k + words]!;
    }
    let overlap = 0;
    if ((a[x]! & b[y]! & HAS_MASK) !== 0)
      for (let k = 2; k < LANGUAGES; k++) overlap += popcount(a[x + k]! & b[y + k]!);
    return (
      (this.learnerBase ? this.learnerBase[u]! : a[x + 1]!) +
      (exact ? this.topicExact : this.topicCategory) +
      (fluent !== 0 ? this.fluent : 0) +
      Math.min(2, Math.max(0, common - 1)) * this.extra +
      Math.min(overlap, this.hourCap) * this.hour +
      (this.rare ? this.rare[v]! : b[y + 1]!)
    );
  }
}
