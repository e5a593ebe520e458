/**
 * A bounded shortest-path search backwards, from a sharer that lacks a unit to the nearest
 * learner that still has one (reverse.ts uses it where its single-arc step stops).
 *
 * Why: the reverse step lowers a sharer's price only up to its best offer; when that offer
 * is already met (a learner's arc into it is tight), the price cannot fall alone, yet the
 * forward searches of paths.ts still reach the sharer only across a plateau of nodes at
 * reduced distance 0 (at 30k profiles, 15,000–40,000 of 42,000 nodes, per search). Seen
 * from the sharer the way back to a learner with a unit is often short: this search takes
 * it when it settles little (an arc budget; the sink, whose in-arcs are every learner's,
 * ends it), and otherwise changes nothing.
 *
 * Why it stays exact: it is Dijkstra on the reversed residual arcs with the same reduced
 * costs; raising each settled node's potential by (D − its distance), where D is the
 * distance of the learner found, keeps every residual arc's reduced cost ≥ 0 and makes the
 * path found tight, so moving the unit along it keeps the flow optimal for the units placed.
 */
import { Heap } from './arrays';
import type { ReverseState } from './reverse';

/** In-arcs scanned before a search gives up (and leaves the unit to the forward searches). */
const ARC_BUDGET = 2000;

export class Backward {
  private readonly dist: Float64Array;
  private readonly via: Int32Array;
  private readonly done: Uint8Array;
  private readonly heap = new Heap();

  constructor(nodes: number) {
    this.dist = new Float64Array(nodes).fill(Infinity);
    this.via = new Int32Array(nodes).fill(-1);
    this.done = new Uint8Array(nodes);
  }

  /** Brings one unit to `node` (a sharer lacking one) if the search succeeds; says whether. */
  pull(f: ReverseState, node: number): boolean {
    const { learners: L, sink, head, next, to, cost, cap, potential, out, inArcs } = f;
    const { dist, via, done, heap } = this;
    const touched = [node];
    const settled: number[] = [];
    dist[node] = 0;
    heap.push(0, node);
    let target = -1;
    let targetDist = Infinity;
    let scanned = 0;
    const relax = (w: number, a: number, nd: number) => {
      if (done[w] === 1 || nd >= targetDist || nd >= (dist[w] ?? Infinity)) return;
      if (dist[w] === Infinity) touched.push(w);
      dist[w] = nd;
      via[w] = a;
      if (w === sink || (w < L && (out[w] ?? 0) < 0)) {
        target = w;
        targetDist = nd;
      }
      heap.push(nd, w);
    };
    while (heap.size > 0) {
      const d = heap.topKey();
      const z = heap.pop();
      if (done[z] === 1 || d > (dist[z] ?? 0)) continue;
      if (d >= targetDist) break;
      if (scanned > ARC_BUDGET) {
        target = -1;
        break;
      }
      done[z] = 1;
      settled.push(z);
      const pz = potential[z] ?? 0;
      if (z < L) {
        // A placed learner is entered only backwards along its used arc.
        const a = out[z] ?? -1;
        const y = to[a] ?? 0;
        relax(y, a ^ 1, d + (cost[a ^ 1] ?? 0) + (potential[y] ?? 0) - pz);
        scanned++;
      } else {
        for (const a of inArcs[z - L] ?? []) {
          if (cap[a] === 0) continue;
          const w = to[a ^ 1] ?? 0;
          relax(w, a, d + (cost[a] ?? 0) + (potential[w] ?? 0) - pz);
        }
        for (let b = head[z] ?? -1; b >= 0; b = next[b] ?? -1) {
          if (to[b] === sink && cap[b] === 0)
            relax(sink, b ^ 1, d + (cost[b ^ 1] ?? 0) + (potential[sink] ?? 0) - pz);
        }
        scanned += (inArcs[z - L] ?? []).length;
      }
      if (targetDist === d) break;
    }
    if (target >= 0) {
      for (const x of settled) {
        const dx = dist[x] ?? 0;
        if (dx < targetDist) potential[x] = (potential[x] ?? 0) + targetDist - dx;
      }
      for (let x = target; x !== node;) {
        const a = via[x] ?? 0;
        f.push(a);
        x = to[a] ?? 0;
      }
      f.deficit[node] = (f.deficit[node] ?? 0) - 1;
      // From the sink, the unit the sink lacks now is one any learner can bring.
      if (target === sink) f.deficit[sink] = (f.deficit[sink] ?? 0) + 1;
    }
    for (const x of touched) {
      dist[x] = Infinity;
      via[x] = -1;
      done[x] = 0;
    }
    heap.size = 0;
    return target >= 0;
  }
}
