/**
 * The shortest paths of flow.ts: one Dijkstra with Johnson potentials per unit, from a
 * learner that still has its unit to the nearest node that lacks one (the sink, or a sharer
 * whose learner gave the seat back). Every residual arc's reduced cost stays ≥ 0, so the
 * flow stays optimal for the units placed so far and the last unit placed ends the solve at
 * the exact optimum. (Kept apart from flow.ts, which owns the network, for its size.) A
 * search that floods the network is reported to the caller (see `route`).
 *
 * Tried and left out (30k profiles, CPU): serving the learners whose search floods the
 * network in Hungarian-style phases (one Dijkstra from all of them, then as many units as
 * a depth-first search finds along arcs of reduced cost 0): a warm re-solve's phases placed
 * about one unit each, since the nodes lacking a unit are few and far apart, and the
 * searches cut short before a phase cost more than they saved (pilot-shaped 10k: the solve
 * 1.1 s → 16 s). Settling nodes reached at the current distance from a stack or a queue
 * instead of the heap: the order decides which of several equally near nodes is used, and
 * both orders made later searches settle more (10k: +30% to +100% nodes settled).
 */
import { Heap } from './arrays';

/**
 * A search that reaches more nodes than this (a share of the network) is a flood: the caller
 * is then told, and may bring units to the sharers that lack one from their side
 * (backward.ts) before the next search.
 */
const FLOOD_MIN = 1000;
const FLOOD_SHARE = 0.05;

/**
 * The residual network every phase reads and moves (flow.ts owns it): nodes are learners
 * 0…L−1, sharers, then the sink; arcs come in pairs (a, a ^ 1), forward and reverse.
 */
export interface Residual {
  learners: number;
  sink: number;
  head: Int32Array;
  next: Int32Array;
  to: Int32Array;
  cost: Float64Array;
  cap: Uint8Array;
  potential: Float64Array;
  deficit: Int32Array;
  /** Sends a unit across an arc (forward or reverse). */
  push(a: number): void;
}

/**
 * A sharer node's last taken slot: its used arc to the sink with the highest load penalty
 * (slots are taken cheapest first), or −1 when none is used. The reverse step bounds the
 * sharer's price by it, and the auction gives it up.
 */
export function lastTakenSlot(r: Residual, node: number): number {
  const { head, next, to, cap, cost, sink } = r;
  let slot = -1;
  for (let a = head[node] ?? -1; a >= 0; a = next[a] ?? -1)
    if (to[a] === sink && cap[a] === 0 && (slot < 0 || (cost[a] ?? 0) >= (cost[slot] ?? 0)))
      slot = a;
  return slot;
}

/** The flow network as the searches read and move it. */
export interface Network extends Residual {
  /** Per node, the reverse arcs usable now (their forward arc carries the unit). */
  reverse: readonly (readonly number[])[];
  /** Per learner, the arc its unit leaves by, or −1 while it still has its unit. */
  out: Int32Array;
}

/** Scratch space for the searches of one network, reused by every search. */
export class Paths {
  private readonly dist: Float64Array;
  private readonly via: Int32Array;
  private readonly done: Uint8Array;
  private readonly heap = new Heap();
  private touched: number[] = [];

  constructor(nodes: number) {
    this.dist = new Float64Array(nodes).fill(Infinity);
    this.via = new Int32Array(nodes).fill(-1);
    this.done = new Uint8Array(nodes);
  }

  /** Places, one shortest path each, every learner in `learners` that still has its unit. */
  route(net: Network, learners: Iterable<number>, onFlood: () => void): void {
    const flood = Math.max(FLOOD_MIN, net.potential.length * FLOOD_SHARE);
    for (const u of learners) {
      if ((net.out[u] ?? 0) >= 0) continue;
      this.augment(net, this.search(net, u));
      if (this.touched.length > flood) onFlood();
    }
  }

  /**
   * Dijkstra from `source` to the nearest node lacking a unit; updates the potentials and
   * returns that node (the path is left in `via` for `augment`).
   */
  private search(net: Network, source: number): number {
    const { dist, via, done, heap } = this;
    const { head, next, to, cost, cap, reverse, potential, deficit } = net;
    const touched = (this.touched = [source]);
    const settled: number[] = [];
    dist[source] = 0;
    heap.push(0, source);
    let target = -1;
    let targetDist = Infinity;
    while (heap.size > 0) {
      const d = heap.topKey();
      const x = heap.pop();
      if (done[x] === 1 || d > (dist[x] ?? 0)) continue;
      // A node that lacks a unit, reached no further than anything left: the path ends.
      if (d >= targetDist) break;
      done[x] = 1;
      settled.push(x);
      if ((deficit[x] ?? 0) > 0) {
        target = x;
        targetDist = d;
        break;
      }
      const px = potential[x] ?? 0;
      const extra = reverse[x] ?? [];
      for (let k = -extra.length, a = -1; ;) {
        if (k < 0) a = extra[extra.length + k++] ?? -1;
        else a = k++ === 0 ? (head[x] ?? -1) : (next[a] ?? -1);
        if (a < 0) break;
        if (cap[a] === 0) continue;
        const y = to[a] ?? 0;
        if (done[y] === 1) continue;
        const nd = d + (cost[a] ?? 0) + px - (potential[y] ?? 0);
        // Nothing at or beyond the best target found so far can shorten the path.
        if (nd >= targetDist || nd >= (dist[y] ?? Infinity)) continue;
        if (dist[y] === Infinity) touched.push(y);
        dist[y] = nd;
        via[y] = a;
        if ((deficit[y] ?? 0) > 0) {
          target = y;
          targetDist = nd;
        }
        heap.push(nd, y);
      }
      // The target reached at the distance just settled cannot get any closer: stop now
      // rather than settling every other node at that distance (there are many ties).
      if (targetDist === d) break;
    }
    if (target < 0) throw new Error('no augmenting path (a learner can always stay unmatched)');
    // Johnson's update, cut off at the target's distance: nodes not settled move by
    // `targetDist`, which is the same as not moving at all (only differences matter).
    for (const x of settled) {
      const dx = dist[x] ?? 0;
      if (dx < targetDist) potential[x] = (potential[x] ?? 0) + dx - targetDist;
    }
    return target;
  }

  /** Sends one unit along the path `search` found to `target`, then clears the scratch. */
  private augment(net: Network, target: number): void {
    for (let y = target, a = this.via[y] ?? -1; a >= 0; a = this.via[y] ?? -1) {
      net.push(a);
      y = net.to[a ^ 1] ?? 0;
    }
    net.deficit[target] = (net.deficit[target] ?? 0) - 1;
    this.reset();
  }

  private reset(): void {
    for (const x of this.touched) {
      this.dist[x] = Infinity;
      this.via[x] = -1;
      this.done[x] = 0;
    }
    this.heap.size = 0;
  }
}
