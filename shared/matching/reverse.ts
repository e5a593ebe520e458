/**
 * The reverse step of a forward–reverse auction (Bertsekas), done exactly (ε = 0) on the
 * flow's potentials: a sharer that lacks a unit lowers its own price instead of waiting for
 * a shortest path to reach it.
 *
 * Why: a sharer lacks a unit after one of its learners was detached (a warm re-solve, or a
 * bid given back), and its price is still what the learner paid. Reaching it at that price
 * the shortest paths of flow.ts settle every node closer than its reduced distance: measured
 * at 30k profiles, the top 1% of searches of a warm re-solve scanned 82% of all arcs (pilot
 * shaped; uniform: top 10% = 84%), each ending at such a seat. The seat's right price is
 * local knowledge: the best any learner would now pay for it (what the pair is worth minus
 * what the learner earns where they are), or, if that is less than the load penalty of the
 * sharer's last taken slot, that slot's penalty, at which the slot is given up.
 *
 * Why it stays exact: lowering a sharer's price is raising its potential, which lowers the
 * reduced cost only of the arcs into it: unused learner→sharer arcs and the reverse arcs of
 * its used slots. The step raises it exactly to the first of those bounds (each learner's
 * potential first raised to make its used arc tight, which only its own used arc's reverse
 * limits), so every residual arc keeps a reduced cost ≥ 0. Then one unit moves along the
 * arcs that are now tight (reduced cost 0): the slot is given up (the sink lacks the unit
 * now, which every learner reaches by its "stay unmatched" arc), or the learner moves over
 * (their old sharer lacks the unit now, and takes the next step). Moves along tight arcs
 * keep the flow optimal for the units placed, so the shortest paths that follow end at the
 * exact optimum as before.
 *
 * Why it ends: a step is taken only if it lowers the price (with integer weights and
 * penalties, by at least 1), no potential falls during a chain and a sharer's potential
 * stays below the sink's; a chain is also cut after `MAX_STEPS` (what is left of it is
 * still a unit the shortest paths bring).
 */

import type { Backward } from './backward';
import { lastTakenSlot as lastTakenSlotOf, type Residual } from './paths';

/** Bound once: under tsx an imported function is a getter call at each use (see scoring.ts). */
const lastTakenSlot = lastTakenSlotOf;

/** The parts of the flow network the step reads and moves (flow.ts owns them). */
export interface ReverseState extends Residual {
  /** Per sharer, its learner→sharer arcs (the candidates that could take a seat). */
  inArcs: readonly (readonly number[])[];
  /** Per learner, the arc its unit leaves by, or −1 while it has no unit placed. */
  out: Int32Array;
}

/** Steps per chain: a safety cut (chains at 30k profiles are a few steps long). */
const MAX_STEPS = 64;

/**
 * Lowers the price of each sharer in `sharers` that lacks a unit, moving units along tight
 * arcs as it goes (see above). A learner with no unit placed may be placed by it: callers
 * route only learners whose `out` is still −1 afterwards.
 */
export function lowerPrices(
  f: ReverseState,
  sharers: Iterable<number>,
  back: Backward | null,
): void {
  for (const v of sharers) {
    const node = chain(f, v);
    while (back && (f.deficit[node] ?? 0) > 0 && back.pull(f, node));
  }
}

/** Reverse steps from sharer `first`; returns the sharer (node) that lacks a unit at the end. */
function chain(f: ReverseState, first: number): number {
  const { learners: L, sink, to, cost, cap, potential, deficit, out } = f;
  let node = L + first;
  for (let step = 0; step < MAX_STEPS && (deficit[node] ?? 0) > 0; step++) {
    // The last taken slot: its reverse arc bounds the potential (price ≥ its penalty).
    const slot = lastTakenSlot(f, node);
    if (slot < 0) return node;
    let best = (potential[sink] ?? 0) - (cost[slot] ?? 0);
    let pick = -1;
    for (const a of f.inArcs[node - L] ?? []) {
      if (cap[a] === 0) continue;
      const x = to[a ^ 1] ?? 0;
      const o = out[x] ?? -1;
      // A placed learner's potential may rise until its used arc is tight (nothing else
      // limits it); raising it here makes the bound on the sharer as loose as it can be.
      let px = potential[x] ?? 0;
      if (o >= 0) potential[x] = px = (potential[to[o] ?? 0] ?? 0) - (cost[o] ?? 0);
      const bound = (cost[a] ?? 0) + px;
      if (bound < best) {
        best = bound;
        pick = a;
      }
    }
    // Only a step that lowers the price is taken (this is what makes chains end).
    if (!(best > (potential[node] ?? 0))) return node;
    potential[node] = best;
    deficit[node] = (deficit[node] ?? 0) - 1;
    if (pick < 0) {
      // Nobody pays the last slot's penalty: the slot is given up, the sink lacks the unit.
      f.push(slot ^ 1);
      deficit[sink] = (deficit[sink] ?? 0) + 1;
      return node;
    }
    const x = to[pick ^ 1] ?? 0;
    const o = out[x] ?? -1;
    if (o >= 0) f.push(o ^ 1);
    f.push(pick);
    if (o < 0) return node;
    // The learner moved over: where they were now lacks the unit.
    const y = to[o] ?? 0;
    deficit[y] = (deficit[y] ?? 0) + 1;
    if (y === sink) return node;
    node = y;
  }
  return node;
}
