/**
 * Whether a learner and a sharer may be paired at all, apart from topics and languages:
 * not the same person, a common format, not blocked by history. The candidate scan and the
 * pricing passes ask this tens of millions of times at 100,000 profiles, so it is answered
 * from flat arrays by index (a Person object, and the strings of history, are anywhere in
 * memory: following them cost more than the weights themselves).
 */
import type { HistoryView, Person } from './people';

/** Format bits: one-to-one and small group (formatsFit ⇔ the bits have one in common). */
const ONE_TO_ONE = 1;
const SMALL_GROUP = 2;
const formatBits = (p: Person) => (p.oneToOne ? ONE_TO_ONE : 0) | (p.smallGroup ? SMALL_GROUP : 0);

export class PairGate {
  readonly learnerFormat: Uint8Array;
  readonly sharerFormat: Uint8Array;
  /** Per learner: their own index among the sharers, or −1. */
  readonly self: Int32Array;
  /** Per learner with any: the sharers history blocks (recent or declined pairs). */
  private readonly blocked: Array<Int32Array | undefined>;

  constructor(learners: readonly Person[], sharers: readonly Person[], history: HistoryView) {
    this.learnerFormat = Uint8Array.from(learners, formatBits);
    this.sharerFormat = Uint8Array.from(sharers, formatBits);
    const sharerOf = new Map<string, number>();
    sharers.forEach((s, i) => sharerOf.set(s.username, i));
    this.self = Int32Array.from(learners, (p) => {
      const i = sharerOf.get(p.username);
      return i !== undefined && sharers[i] === p ? i : -1;
    });
    this.blocked = learners.map((p) => {
      const names = history.blocked.get(p.username);
      if (!names) return undefined;
      const out: number[] = [];
      for (const name of names) {
        const i = sharerOf.get(name);
        if (i !== undefined) out.push(i);
      }
      return out.length > 0 ? Int32Array.from(out) : undefined;
    });
  }

  /** Whether learner u and sharer i have a format in common. */
  formatsFit(u: number, i: number): boolean {
    return (this.learnerFormat[u]! & this.sharerFormat[i]!) !== 0;
  }

  /** The sharers history blocks for learner u (undefined: none). */
  blockedOf(u: number): Int32Array | undefined {
    return this.blocked[u];
  }

  /** Whether history blocks the pair (a handful of sharers at most per learner). */
  isBlocked(u: number, i: number): boolean {
    const list = this.blocked[u];
    if (list === undefined) return false;
    for (let k = 0; k < list.length; k++) if (list[k] === i) return true;
    return false;
  }
}
