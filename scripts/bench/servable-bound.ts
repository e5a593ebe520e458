/**
 * An upper bound on how many learners a round could serve at all, computed without the
 * matching engine's code: a maximum flow (Dinic) from learners through (topic, language,
 * format) buckets to sharers with their capacities. A topic falls back to the other topics
 * of its category exactly when the engine's rule says so (nobody eligible shares it in a
 * common language); the pairwise rules inside a bucket (history blocks, not pairing a person
 * with themselves, "no common language" for interpretation) are relaxed, so the bound can
 * only be higher than what is possible: matched ÷ bound ≤ 1, and close to 1 says few
 * servable learners were left out.
 */
import type { HistoryPair } from '../../shared/documents/documents';
import type { Profile } from '../../shared/records/profile';
import { DEFAULT_TOPICS } from '../../shared/taxonomy/default-topics';

class Dinic {
  private readonly head: Int32Array;
  private to: number[] = [];
  private cap: number[] = [];
  private next: number[] = [];
  constructor(private readonly n: number) {
    this.head = new Int32Array(n).fill(-1);
  }
  add(a: number, b: number, c: number): void {
    for (const [x, y, z] of [
      [a, b, c],
      [b, a, 0],
    ] as const) {
      this.to.push(y);
      this.cap.push(z);
      this.next.push(this.head[x] ?? -1);
      this.head[x] = this.to.length - 1;
    }
  }
  maxFlow(s: number, t: number): number {
    let flow = 0;
    const level = new Int32Array(this.n);
    const it = new Int32Array(this.n);
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      const queue = [s];
      for (let q = 0; q < queue.length; q++) {
        const x = queue[q] ?? 0;
        for (let a = this.head[x] ?? -1; a >= 0; a = this.next[a] ?? -1) {
          const y = this.to[a] ?? 0;
          if ((this.cap[a] ?? 0) > 0 && level[y] === -1) {
            level[y] = (level[x] ?? 0) + 1;
            queue.push(y);
          }
        }
      }
      if (level[t] === -1) return flow;
      it.set(this.head);
      // Iterative DFS along the level graph, one unit at a time (every source arc is 1).
      for (;;) {
        const path: number[] = [];
        let x = s;
        while (x !== t) {
          let a = it[x] ?? -1;
          for (; a >= 0; a = this.next[a] ?? -1) {
            const y = this.to[a] ?? 0;
            if ((this.cap[a] ?? 0) > 0 && level[y] === (level[x] ?? 0) + 1) break;
          }
          it[x] = a;
          if (a < 0) {
            if (x === s) break;
            level[x] = -1; // a dead end: never again this phase
            const back = path.pop() ?? 0;
            x = this.to[back ^ 1] ?? s;
            continue;
          }
          path.push(a);
          x = this.to[a] ?? 0;
        }
        if (x !== t) break;
        for (const a of path) {
          this.cap[a] = (this.cap[a] ?? 0) - 1;
          this.cap[a ^ 1] = (this.cap[a ^ 1] ?? 0) + 1;
        }
        flow++;
      }
    }
  }
}

const MEETING_FORMATS = ['one-to-one', 'small-group'] as const;

/**
 * The bound for a round. `minLevel`: the lowest workable Babel level; `interpretation`: the
 * round's interpretation languages (none: off).
 */
export function servableBound(
  people: readonly Profile[],
  history: readonly HistoryPair[],
  round: string,
  minLevel: number,
  interpretation: readonly string[] = [],
  recentRounds = 6,
): number {
  const month = (r: string) => Number(r.slice(0, 4)) * 12 + Number(r.slice(5, 7));
  const now = month(round);
  const blocked = new Map<string, Set<string>>();
  for (const h of history) {
    const m = month(h.round);
    const counts = h.status === 'declined' ? m <= now : m < now && now - m <= recentRounds;
    if (!counts) continue;
    for (const l of h.learners) blocked.set(l, (blocked.get(l) ?? new Set()).add(h.sharer));
  }
  const roundDate = `${round}-01`;
  const active = people.filter(
    (p) => !p.withdrawn && p.listed && !(p.snoozeUntil !== '' && p.snoozeUntil > roundDate),
  );
  const workable = (p: Profile) =>
    new Set(
      p.languages
        .filter((l) => (l.level === 'N' ? 6 : Number(l.level)) >= minLevel)
        .map((l) => l.code),
    );
  const category = new Map(DEFAULT_TOPICS.map((t) => [t.id, t.category]));
  const learners = active.filter((p) => p.learn.length > 0);
  const sharers = active.filter((p) => p.share.length > 0 && p.connectionsPerMonth > 0);
  const bucketOf = new Map<string, number>();
  const L = learners.length;
  const S = sharers.length;
  const key = (topic: string, lang: string, format: string) =>
    `${topic}\u0000${lang}\u0000${format}`;
  // Sharer buckets first, so a learner only links to buckets somebody is in.
  const bucketSharers: number[][] = [];
  sharers.forEach((s, v) => {
    const langs = workable(s);
    for (const topic of new Set(s.share))
      for (const lang of langs)
        for (const f of MEETING_FORMATS) {
          if (!s.formats.includes(f)) continue;
          const k = key(topic, lang, f);
          let b = bucketOf.get(k);
          if (b === undefined) {
            bucketOf.set(k, (b = bucketSharers.length));
            bucketSharers.push([]);
          }
          bucketSharers[b]?.push(v);
        }
  });
  const B = bucketSharers.length;
  const source = L + B + S;
  const sink = source + 1;
  const g = new Dinic(sink + 1);
  const sharedTopics = new Set(sharers.flatMap((s) => s.share));
  learners.forEach((p, u) => {
    const langs = [...workable(p)];
    const reachLangs = langs.some((l) => interpretation.includes(l))
      ? [...new Set([...langs, ...interpretation])]
      : langs;
    // Every topic of theirs, and for one nobody eligible shares in a common language, the
    // other topics of its category (the engine's fallback).
    const topics = new Set<string>();
    const mine = blocked.get(p.username);
    for (const t of p.learn) {
      topics.add(t);
      const eligible = langs.some((lang) =>
        MEETING_FORMATS.some((f) =>
          p.formats.includes(f)
            ? (bucketSharers[bucketOf.get(key(t, lang, f)) ?? -1] ?? []).some((v) => {
                const s = sharers[v];
                return s !== undefined && s.username !== p.username && !mine?.has(s.username);
              })
            : false,
        ),
      );
      if (eligible) continue;
      for (const other of sharedTopics)
        if (other !== t && category.get(other) === category.get(t)) topics.add(other);
    }
    const linked = new Set<number>();
    for (const topic of topics)
      for (const lang of reachLangs)
        for (const f of MEETING_FORMATS) {
          if (!p.formats.includes(f)) continue;
          const b = bucketOf.get(key(topic, lang, f));
          if (b !== undefined && !linked.has(b)) {
            linked.add(b);
            g.add(u, L + b, 1);
          }
        }
    if (linked.size > 0) g.add(source, u, 1);
  });
  bucketSharers.forEach((list, b) => {
    for (const v of list) g.add(L + b, L + B + v, 1 << 20);
  });
  sharers.forEach((s, v) => g.add(L + B + v, sink, s.connectionsPerMonth));
  return g.maxFlow(source, sink);
}
