/**
 * A bidding phase that places most learners before the shortest paths of flow.ts run (an
 * auction in the manner of the "augmenting row reduction" of Jonker and Volgenant's LAPJV).
 *
 * Why: successive shortest paths run one Dijkstra per learner; in a crowded round (many
 * learners for few sharers) a search settles every node closer than "stays unmatched", and
 * the prices it raises are raised one search at a time (100k pilot-shaped profiles: 115 s of
 * CPU). A bid costs one pass over the learner's pairs: the learner takes the sharer worth
 * most to them at its price, raising the price by what that sharer beats their second choice
 * by, and whoever held the seat bids next. Measured on the solver alone (pilot-shaped, CPU):
 * 10k 2.1 s → 1.2 s, 30k 12.3 s → 7.0 s, 100k 114 s → 53 s (flow.ts bids only in such rounds).
 *
 * Why it stays exact: a bid that raises a price by exactly the margin over the second choice
 * leaves the bidder holding an option worth the most to them, and prices only rise, so every
 * such holder stays right. A tie for a held seat (best and second choice worth the same)
 * would raise nothing and could go round in circles, so it raises the price by 1 and leaves
 * the bidder up to 1 short; a bid budget stops long price wars. At the end every learner
 * not holding their best option at the final prices gives the seat back (it stays taken at
 * its price, so no price falls) and goes to the shortest paths with the learners the budget
 * left. The prices then give potentials under which every residual arc's reduced cost is
 * ≥ 0 (see `finish`): the flow is optimal for the units placed, and the shortest paths that
 * place the rest keep it so.
 */

import type { Residual } from './paths';

/** The parts of the flow network the phase reads and moves (flow.ts owns them). */
export interface FlowState extends Residual {
  capacities: readonly number[];
  loadStep: number;
  /** The W of the costs: a learner→sharer arc costs W − weight, learner→sink W. */
  top: number;
  /** The largest weight of any pair: the price that keeps a sharer with no seats out. */
  maxWeight: number;
}

/**
 * Bids per learner, beyond which the rest is left to the shortest paths (at 30k pilot-shaped
 * profiles 8, 16 and 32 all took 7.0–7.3 s: the budget only has to stop the long wars).
 */
const BIDS_PER_LEARNER = 16;

/**
 * Places learners of a flow where no unit has moved yet, bidding in `order`; rewrites every
 * potential from the final prices. Returns the learners still unplaced, for the shortest paths.
 */
export function bidForSeats(f: FlowState, order: ArrayLike<number>): number[] {
  const { learners: L, sink, head, next, to, cost, cap, deficit, loadStep } = f;
  const S = f.capacities.length;
  const W = f.top;
  // Seats: sharer v's are start[v]…start[v+1]−1, the first load[v] taken, each held by a
  // learner's arc at its price (or, after `giveBack`, by −1 at that price: a unit the sharer
  // still lacks). A free seat costs its load penalty.
  const start = new Int32Array(S + 1);
  for (let v = 0; v < S; v++) start[v + 1] = start[v]! + Math.max(0, f.capacities[v]!);
  const price = new Float64Array(start[S]!);
  const holder = new Int32Array(start[S]!);
  const load = new Int32Array(S);
  /** Per sharer, its cheapest seat and that seat's price (a free seat first on a tie). */
  const cheapest = new Float64Array(S);
  const cheapestSeat = new Int32Array(S);
  /** Per learner, the arc its unit leaves by, or −1. */
  const used = new Int32Array(L).fill(-1);
  const free = (v: number) => start[v]! + load[v]!;
  const seatPrice = (v: number, k: number) => (k === free(v) ? load[v]! * loadStep : price[k]!);

  function refresh(v: number): void {
    let best = free(v) < start[v + 1]! ? load[v]! * loadStep : Infinity;
    let seat = free(v) < start[v + 1]! ? free(v) : -1;
    for (let k = start[v]!; k < free(v); k++) {
      if (price[k]! < best) {
        best = price[k]!;
        seat = k;
      }
    }
    cheapest[v] = best;
    cheapestSeat[v] = seat;
  }
  for (let v = 0; v < S; v++) refresh(v);

  /** The price of v's second-cheapest seat (besides `seat`). */
  function secondPrice(v: number, seat: number): number {
    let best = Infinity;
    for (let k = start[v]!; k < start[v + 1]! && k <= free(v); k++)
      if (k !== seat) best = Math.min(best, seatPrice(v, k));
    return best;
  }

  /** Learner u takes seat k of v by arc a at `newPrice`; returns whom it displaced, or −1. */
  function take(u: number, a: number, v: number, k: number, newPrice: number): number {
    let out = -1;
    if (k === free(v)) {
      // A free seat: the sharer's next slot arc (slots are listed cheapest first).
      let s = head[L + v]!;
      while (cap[s] === 0) s = next[s]!;
      f.push(s);
      deficit[sink]!--;
      load[v]!++;
    } else {
      out = to[holder[k]! ^ 1]!;
      f.push(holder[k]! ^ 1);
      used[out] = -1;
    }
    f.push(a);
    used[u] = a;
    holder[k] = a;
    price[k] = newPrice;
    refresh(v);
    return out;
  }

  let budget = BIDS_PER_LEARNER * order.length + 64;
  const left: number[] = [];
  for (let i = 0; i < order.length; i++) {
    let u = order[i]!;
    while (u >= 0) {
      if (budget-- <= 0) {
        left.push(u);
        break;
      }
      // The best and second-best option at current prices (staying unmatched is worth 0).
      let b1 = -Infinity;
      let b2 = -Infinity;
      let a1 = -1;
      for (let a = head[u]!; a >= 0; a = next[a]!) {
        const y = to[a]!;
        const value = W - cost[a]! - (y === sink ? 0 : cheapest[y - L]!);
        if (value > b1) {
          b2 = b1;
          b1 = value;
          a1 = a;
        } else if (value > b2) b2 = value;
      }
      if (b1 <= 0 || to[a1] === sink) {
        // Unmatched is worth as much as anything: stay so (no price moves).
        let a = head[u]!;
        while (to[a] !== sink) a = next[a]!;
        f.push(a);
        deficit[sink]!--;
        used[u] = a;
        break;
      }
      const v = to[a1]! - L;
      const k = cheapestSeat[v]!;
      b2 = Math.max(b2, W - cost[a1]! - secondPrice(v, k));
      const tie = b1 === b2 && k !== free(v);
      u = take(u, a1, v, k, seatPrice(v, k) + (tie ? 1 : b1 - b2));
    }
  }
  giveBack(left);
  finish(f, used, cheapest);
  return left;

  /**
   * Every learner not holding their best option at the final prices (a tie bid leaves its
   * bidder up to 1 short) gives the unit back; the seat stays taken at its price, so the
   * sharer lacks a unit (the shortest paths bring one) and no price falls.
   */
  function giveBack(into: number[]): void {
    for (let u = 0; u < L; u++) {
      const a = used[u]!;
      if (a < 0 || to[a] === sink) continue;
      const mine = W - cost[a]! - cheapest[to[a]! - L]!;
      let other = 0;
      for (let b = head[u]!; b >= 0; b = next[b]!) {
        const y = to[b]!;
        if (y !== sink && b !== a) other = Math.max(other, W - cost[b]! - cheapest[y - L]!);
      }
      if (mine >= other) continue;
      f.push(a ^ 1);
      deficit[to[a]!]!++;
      used[u] = -1;
      into.push(u);
    }
  }
}

/**
 * Potentials from the final prices: sink 0, sharer −price. A sharer's price (its cheapest
 * seat) is at least the load penalty of each taken slot (a free slot is taken only while it
 * is the cheapest seat, and prices only rise) and at most that of each free one: slot arcs
 * are fine. A placed learner's potential makes its used arc's reduced cost 0, which is the
 * most any of its arcs allows as it holds its best option; an unplaced learner takes the
 * most its arcs allow (no arc reaches it backwards). Learner→sharer arcs are then fine too.
 */
function finish(f: FlowState, used: Int32Array, cheapest: Float64Array): void {
  const { learners: L, sink, head, next, to, cost, potential } = f;
  potential[sink] = 0;
  cheapest.forEach((p, v) => {
    potential[L + v] = -(Number.isFinite(p) ? p : f.maxWeight);
  });
  for (let u = 0; u < L; u++) {
    const a = used[u]!;
    if (a >= 0) {
      potential[u] = potential[to[a]!]! - cost[a]!;
      continue;
    }
    let p = -Infinity;
    for (let b = head[u]!; b >= 0; b = next[b]!) p = Math.max(p, potential[to[b]!]! - cost[b]!);
    potential[u] = p;
  }
}
