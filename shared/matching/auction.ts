/**
 * A bidding phase that places most learners before the shortest paths of flow.ts run (an
 * auction in the manner of the "augmenting row reduction" of Jonker and Volgenant's LAPJV,
 * with Bertsekas's ε-scaling and reverse bids).
 *
 * Why: successive shortest paths run one Dijkstra per learner; in a crowded round (many
 * learners for few sharers) a search settles every node closer than "stays unmatched", and
 * the prices it raises are raised one search at a time (100k pilot-shaped profiles: 115 s of
 * CPU). A bid costs one pass over the learner's pairs: the learner takes the sharer worth
 * most to them at its price, raising the price by what that sharer beats their second choice
 * by (plus ε), and whoever held the seat bids next.
 *
 * Why in phases (ε-scaling): with raises of only the margin, prices climb to where a crowded
 * round settles a point or two at a time, and the bid budget ran out with most learners
 * still unplaced (pilot-shaped 100k: 72% of them went to the shortest paths, 37 s). So the
 * first phase raises each price by ε more than the margin (ε about an eighth of the largest
 * weight), which gets every price near its end quickly, though a holder may be up to ε short
 * of their best option; each later phase divides ε by 4, and the learners more than the new
 * ε short give their seats back and bid again; the last phase is the exact one below. Where
 * a seat given back is then wanted by nobody at its price (a forward auction alone would
 * leave it empty), it bids for a learner instead (`fillHoles`, a reverse bid). Measured on
 * the solver (pilot-shaped, CPU): 30k 4.4 s → 2.2 s, 100k 40 s → 9.5 s; the budget is no
 * longer reached on either.
 *
 * Why it stays exact: in the last phase a bid that raises a price by exactly the margin over
 * the second choice leaves the bidder holding an option worth the most to them. A tie for a
 * held seat (best and second choice worth the same) would raise nothing and could go round
 * in circles, so it raises the price by 1 and leaves the bidder up to 1 short; a bid budget
 * stops long price wars. At the end every learner not at their best option at the final
 * prices (a holder short of it, or one left unmatched whom a lowered price now tempts) gives
 * the unit back (a seat stays taken at its price) and goes to the shortest paths with the
 * learners the budget left. The prices then give potentials under which every residual
 * arc's reduced cost is ≥ 0 (see `finish`): the flow is optimal for the units placed, and
 * the shortest paths that place the rest keep it so.
 *
 * A warm re-solve (flow.ts `addEdges`) bids too when it detached many learners: the seats
 * are read back from the flow at the prices its potentials give (optimal, so every holder
 * is at their best option), the detached learners' seats are holes, and the last phase runs.
 */

import { lastTakenSlot, type Residual } from './paths';

/** The parts of the flow network the phase reads and moves (flow.ts owns them). */
export interface FlowState extends Residual {
  capacities: readonly number[];
  loadStep: number;
  /** The W of the costs: a learner→sharer arc costs W − weight, learner→sink W. */
  top: number;
  /** The largest weight of any pair: the price that keeps a sharer with no seats out. */
  maxWeight: number;
  /** Per sharer, its learner→sharer arcs. */
  inArcs: readonly (readonly number[])[];
  /** Per learner, the arc its unit leaves by, or −1 while it has none placed. */
  out: Int32Array;
}

/**
 * Bids per learner, beyond which the rest is left to the shortest paths (a safety stop for
 * long price wars: with ε-scaling no pilot-shaped or uniform round reaches it).
 */
const BIDS_PER_LEARNER = 16;

/**
 * The reverse bids' budget, in reads of pairs per pair of the network (a safety stop for
 * long chains of moves; pilot-shaped rounds, 30k and 100k profiles, read 3.5–3.7 a pair in
 * the solve and 1.2–1.4 in the first warm re-solve).
 */
const REVERSE_READS_PER_PAIR = 16;

/** The first phase's ε: between a 32nd and an eighth of the largest weight, a power of 4. */
function firstEpsilon(maxWeight: number): number {
  let eps = 1;
  while (eps * 4 * 8 <= maxWeight) eps *= 4;
  return eps;
}

export interface BidOptions {
  /** The flow is solved but for the learners in `order` (detached): read its seats back. */
  warm?: boolean;
  /** Instead of BIDS_PER_LEARNER and REVERSE_READS_PER_PAIR (tests make budgets run out). */
  bidsPerLearner?: number;
  reverseReadsPerPair?: number;
}

/**
 * Places the learners in `order`, bidding in that order: in a flow where no unit has moved
 * yet, or (`warm`) a solved one they were detached from; rewrites every potential from the
 * final prices. Returns the learners still unplaced, for the shortest paths.
 */
export function bidForSeats(
  f: FlowState,
  order: ArrayLike<number>,
  {
    warm = false,
    bidsPerLearner = BIDS_PER_LEARNER,
    reverseReadsPerPair = REVERSE_READS_PER_PAIR,
  }: BidOptions = {},
): number[] {
  const { learners: L, sink, head, next, to, cost, cap, deficit, loadStep } = f;
  const S = f.capacities.length;
  const W = f.top;
  // Seats: sharer v's are start[v]…start[v+1]−1, the first load[v] taken, each held by a
  // learner's arc at its price (or, once given back, by −1 at that price: a hole, a unit the
  // sharer lacks). A free seat costs its load penalty.
  const start = new Int32Array(S + 1);
  for (let v = 0; v < S; v++) start[v + 1] = start[v]! + Math.max(0, f.capacities[v]!);
  const price = new Float64Array(start[S]!);
  const holder = new Int32Array(start[S]!);
  const load = new Int32Array(S);
  /** Per sharer, its cheapest seat and that seat's price (a free seat first on a tie). */
  const cheapest = new Float64Array(S);
  const cheapestSeat = new Int32Array(S);
  /** Per learner, the arc its unit leaves by, or −1; and the seat it holds, or −1. */
  const used = new Int32Array(L).fill(-1);
  const seatOf = new Int32Array(L).fill(-1);
  /**
   * Per learner, what their place is worth to them at its seat's price (0 unmatched or
   * unplaced): kept as they move, since a seat's price changes only when it is taken, and
   * the reverse bids read it for every pair of a sharer.
   */
  const worth = new Float64Array(L);
  const seatSharer = new Int32Array(start[S]!);
  for (let v = 0; v < S; v++) seatSharer.fill(v, start[v]!, start[v + 1]!);
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
    } else if (holder[k]! < 0) {
      // A hole: the sharer lacks the unit this brings.
      deficit[L + v]!--;
    } else {
      out = to[holder[k]! ^ 1]!;
      f.push(holder[k]! ^ 1);
      used[out] = -1;
      seatOf[out] = -1;
      worth[out] = 0;
    }
    f.push(a);
    used[u] = a;
    seatOf[u] = k;
    holder[k] = a;
    price[k] = newPrice;
    worth[u] = W - cost[a]! - newPrice;
    refresh(v);
    return out;
  }

  let budget = bidsPerLearner * order.length + 64;
  /** Pairs the reverse bids may still read (see fillHoles). */
  let reads = 64;
  for (const pairs of f.inArcs) reads += reverseReadsPerPair * pairs.length;
  const left: number[] = [];
  /** Seats given back at their price (holder −1) that fillHoles has still to fill. */
  const holes: number[] = [];
  if (warm) seatsFromFlow();
  let queue: ArrayLike<number> = order;
  for (let eps = warm ? 1 : firstEpsilon(f.maxWeight); ; eps = Math.max(1, eps >> 2)) {
    const last = eps === 1;
    for (let i = 0; i < queue.length; i++) {
      let u = queue[i]!;
      // A learner a reverse bid placed (see fillHoles) bids no more.
      if (used[u]! >= 0) continue;
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
        const raise = last ? (tie ? 1 : b1 - b2) : b1 - b2 + eps;
        u = take(u, a1, v, k, seatPrice(v, k) + raise);
      }
    }
    if (last || budget <= 0) break;
    // The next phase asks each holder to be within the next ε of their best option.
    const nextEps = Math.max(1, eps >> 2);
    queue = release(nextEps - 1);
    fillHoles(nextEps);
  }
  // Holes the bids left empty (a warm start's; their price too high for anyone) bid back.
  fillHoles(1);
  // Who is not at their best option now goes to the shortest paths; their seats stay holes
  // (with as many learners to fill them), which the reverse step of flow.ts starts from.
  for (const u of release(0)) left.push(u);
  finish(f, used, cheapest);
  return left;

  /**
   * The learners whose place is worth more than `slack` less than their best other option
   * at current prices (unmatched counts as 0) give their unit back; a seat given back stays
   * taken at its price, as a hole. Returns them.
   */
  function release(slack: number): number[] {
    const out: number[] = [];
    for (let u = 0; u < L; u++) {
      const a = used[u]!;
      if (a < 0) continue;
      const matched = to[a] !== sink;
      const mine = matched ? W - cost[a]! - cheapest[to[a]! - L]! : 0;
      let other = 0;
      for (let b = head[u]!; b >= 0; b = next[b]!) {
        const y = to[b]!;
        if (y !== sink && b !== a) other = Math.max(other, W - cost[b]! - cheapest[y - L]!);
      }
      if (mine >= other - slack) continue;
      if (matched) {
        holder[seatOf[u]!] = -1;
        holes.push(seatOf[u]!);
        seatOf[u] = -1;
      }
      worth[u] = 0;
      f.push(a ^ 1);
      deficit[to[a]!]!++;
      used[u] = -1;
      out.push(u);
    }
    return out;
  }

  /**
   * The seats of a solved flow (some learners detached from it): each sharer's used slots
   * are its taken seats, at the sharer's price from the potentials (which, the flow being
   * optimal, each holder's connection is the best option at); a seat whose learner was
   * detached is a hole.
   */
  function seatsFromFlow(): void {
    const { potential, out } = f;
    for (let v = 0; v < S; v++) {
      for (let a = head[L + v]!; a >= 0; a = next[a]!)
        if (to[a] === sink && cap[a] === 0) load[v]!++;
      const p = potential[sink]! - potential[L + v]!;
      for (let k = start[v]!; k < free(v); k++) {
        price[k] = p;
        holder[k] = -1;
      }
    }
    const filled = Int32Array.from(start.subarray(0, S));
    for (let u = 0; u < L; u++) {
      const a = out[u]!;
      if (a < 0) continue;
      used[u] = a;
      if (to[a] === sink) continue;
      const k = filled[to[a]! - L]!++;
      holder[k] = a;
      seatOf[u] = k;
      worth[u] = W - cost[a]! - price[k]!;
    }
    for (let v = 0; v < S; v++) {
      for (let k = filled[v]!; k < free(v); k++) holes.push(k);
      refresh(v);
    }
  }

  /**
   * Reverse bids (the reverse half of Bertsekas's forward–reverse auction): a seat given
   * back at its price is a sharer that lacks a unit, and a forward auction alone may leave
   * it so for ever (its price was set by a bid nobody else would make). The seat's price
   * is lowered to what the learner who gains most from it would pay, ε below the second
   * such learner's margin (so everyone else stays within ε of their best option), and that
   * learner moves over; the seat they leave is the next one. When no learner would pay
   * even the sharer's last slot's penalty, that slot is given up instead. A learner who
   * moves gains at least 1 (integer weights), so the moves end; but a chain of moves can be
   * long, and each reads all the sharer's pairs, so past a budget of pairs read the holes
   * left give up their slots. That keeps it exact: a learner who would now rather have the
   * cheaper slot is not at their best option, so gives the unit back at the end.
   */
  function fillHoles(eps: number): void {
    while (holes.length > 0) {
      const k = holes.pop()!;
      // Filled since, or no longer taken (its sharer gave up the slot).
      if (holder[k]! >= 0 || k >= free(seatSharer[k]!)) continue;
      const v = seatSharer[k]!;
      const floor = (load[v]! - 1) * loadStep;
      let m1 = -Infinity;
      let m2 = -Infinity;
      let a1 = -1;
      const pairs = f.inArcs[v]!;
      // Past the budget no pair is read: m1 stays −∞, so the slot is given up.
      reads -= pairs.length;
      if (reads >= 0)
        for (const a of pairs) {
          if (cap[a] === 0) continue;
          const x = to[a ^ 1]!;
          const y = used[x]!;
          if (y >= 0 && to[y] === L + v) continue;
          const m = W - cost[a]! - worth[x]!;
          if (m > m1) {
            m2 = m1;
            m1 = m;
            a1 = a;
          } else if (m > m2) m2 = m;
        }
      if (m1 <= floor) {
        // Give up the last slot: the last taken seat moves into the hole.
        const t = start[v]! + load[v]! - 1;
        if (t !== k) {
          holder[k] = holder[t]!;
          price[k] = price[t]!;
          // The last seat may itself be a hole: then seat k still is one.
          if (holder[k]! >= 0) seatOf[to[holder[k]! ^ 1]!] = k;
          else holes.push(k);
        }
        f.push(lastTakenSlot(f, L + v) ^ 1);
        deficit[L + v]!--;
        deficit[sink]!++;
        load[v]!--;
        refresh(v);
        continue;
      }
      const x = to[a1 ^ 1]!;
      const old = used[x]!;
      if (old >= 0) {
        f.push(old ^ 1);
        deficit[to[old]!]!++;
        if (to[old] !== sink) {
          holder[seatOf[x]!] = -1;
          holes.push(seatOf[x]!);
        }
      }
      deficit[L + v]!--;
      f.push(a1);
      used[x] = a1;
      seatOf[x] = k;
      holder[k] = a1;
      price[k] = Math.max(floor, m2 - eps);
      worth[x] = W - cost[a1]! - price[k]!;
      refresh(v);
    }
  }
}

/**
 * Potentials from the final prices: sink 0, sharer −price. A sharer's price (its cheapest
 * seat) is at least the load penalty of each taken slot (a free slot is taken only while it
 * is the cheapest seat; a bid only raises a price; a reverse bid sets one no lower than the
 * last taken slot's penalty; giving a slot up lowers only that penalty) and at most that of
 * each free one (the free seat is among those it is the cheapest of): slot arcs are fine. A placed learner's potential makes its used arc's reduced cost 0, which is the
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
