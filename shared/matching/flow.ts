/**
 * The exact core: a maximum-weight assignment of learners to sharers with capacities, where
 * a learner may stay unmatched and each further connection of a sharer costs `loadStep`
 * more than the one before (a convex cost, modelled by parallel unit arcs).
 *
 * As a min-cost flow: every learner u supplies one unit, sent either to a sharer v (cost
 * W − w(u,v)) or straight to the sink (cost W, "stays unmatched"), where W is the largest
 * weight of the first solve; every learner ships exactly one unit, so minimising cost is
 * maximising Σw − penalties. A bidding phase places most learners first (auction.ts), then
 * successive shortest paths with Johnson potentials place the rest (paths.ts): one Dijkstra
 * per unit, from its learner to the nearest node that still lacks a unit (the sink, or a
 * sharer whose learner gave a seat back). A sharer that lacks a unit first lowers its own
 * price (reverse.ts), and at the end of a batch pulls a unit from its side (backward.ts):
 * both instead of searches that flood the network. Reduced costs stay ≥ 0 on every residual
 * arc throughout, so the flow stays optimal for the units placed so far and the final flow
 * is the exact optimum.
 *
 * The potentials are also the certificate (see certify.ts): a pair left out of the
 * candidates would improve the optimum only if its reduced cost is negative. Such pairs are
 * added with `addEdges`, which detaches only their learners and routes them again from the
 * current flow and potentials (a warm re-solve, not a new one).
 */

import { ints, Grow } from './arrays';
import { bidForSeats, type BidOptions, type FlowState } from './auction';
import { Backward } from './backward';
import { Paths, type Network } from './paths';
import { assignmentValue, type Assignment, type AssignmentProblem, type NewEdge } from './problem';
import { lowerPrices } from './reverse';

/**
 * After a search floods the network (paths.ts), sharers that lack a unit pull one from
 * their side (backward.ts), but only while they are at most this share of all sharers: the
 * later part of a batch, where the floods are. Measured at 30k profiles (CPU of the solve
 * and warm re-solves): uniform 8.2 s at a share of 0.02 → 5.2 s at 0.2, pilot-shaped 8.8 s
 * → 8.4 s; with no limit, every flood early in a large batch retried every such sharer
 * (most pulls failing their budget): pilot-shaped, the first warm re-solve 3.6 s → 128 s.
 */
const BACKWARD_SHARE = 0.2;

/**
 * A warm re-solve bids (auction.ts) when it detached more than this share of the learners
 * (in a crowded round the first pricing pass detaches about two thirds of them; in an
 * uncrowded one see WARM_BIDDING_LEARNERS). Below it the shortest paths are cheaper than
 * reading every seat back from the flow.
 */
const WARM_BIDDING_SHARE = 0.1;

/**
 * Where seats outnumber learners, a warm re-solve bids only past this many detached learners:
 * the shortest paths' searches grow with the network (each floods more of it), bidding does
 * not. Measured on uniform sample rounds, the first warm re-solve, CPU, paths → bidding: 30k
 * profiles (7,398 detached) 3.4 s → 3.8 s; 45k (13,208) 7.8 s → 5.8 s; 60k (19,570) 26.2 s
 * → 11.8 s; 100k 40 s → 23 s (two runs at the same time; 52 s → 29 s run apart).
 */
const WARM_BIDDING_LEARNERS = 10_000;

/**
 * The flow network of one assignment problem, kept after solving so that it can answer for
 * its duals and take more pairs. Nodes: learners 0…L−1, sharers L…L+S−1, the sink L+S.
 * Forward arcs (learner→sink, learner→sharer, sharer→sink per slot) are in static adjacency
 * lists; a reverse arc is usable only while its forward arc carries flow, and lives in a
 * short per-node list for that time (a popular sharer is a candidate of thousands of
 * learners, but only its few matched learners are reachable backwards from it).
 */
export class AssignmentFlow {
  readonly learners: number;
  readonly sharers: number;
  /** The W of the costs: the largest weight of the first solve. */
  readonly top: number;
  private readonly sink: number;
  private readonly loadStep: number;
  private readonly to = ints(0);
  private readonly cap = new Grow(new Uint8Array(0), (m) => new Uint8Array(m));
  private readonly cost = new Grow(new Float64Array(0), (m) => new Float64Array(m));
  private readonly next = ints(0);
  private readonly head: Int32Array;
  /** Per reverse arc while usable: its place in `reverse[node]`. */
  private readonly reversePos = ints(0);
  private readonly reverse: number[][];
  private readonly potential: Float64Array;
  /** Units a node still has to receive (the sink's L at first; a sharer's after a detach). */
  private readonly deficit: Int32Array;
  readonly edgeLearner = ints(0);
  readonly edgeSharer = ints(0);
  readonly edgeWeight = ints(0);
  private readonly edgeArc = ints(0);
  /** Per sharer, its learner→sharer arcs; per learner, its used arc or −1 (reverse.ts). */
  private readonly inArcs: number[][];
  private readonly out: Int32Array;
  private readonly capacities: readonly number[];
  private arcs = 0;
  /** The largest weight of any pair so far (pairs added later may exceed `top`). */
  private maxWeight = 0;
  private readonly paths: Paths;
  private readonly backward: Backward;

  constructor(problem: AssignmentProblem) {
    const L = (this.learners = problem.learners);
    const S = (this.sharers = problem.capacities.length);
    this.capacities = problem.capacities;
    this.sink = L + S;
    this.loadStep = problem.loadStep;
    const nodes = L + S + 1;
    const E = problem.edgeLearner.length;
    let top = 0;
    for (let e = 0; e < E; e++) top = Math.max(top, problem.edgeWeight[e] ?? 0);
    this.top = top;
    let slots = 0;
    for (const c of problem.capacities) slots += Math.max(0, c);
    this.reserveArcs(2 * (E + L + slots));
    this.head = new Int32Array(nodes).fill(-1);
    this.reverse = Array.from({ length: nodes }, () => []);
    this.inArcs = Array.from({ length: S }, () => []);
    this.out = new Int32Array(L).fill(-1);
    this.potential = new Float64Array(nodes);
    this.deficit = new Int32Array(nodes);
    this.paths = new Paths(nodes);
    this.backward = new Backward(nodes);
    // Sink arcs first, so each learner's list ends with "stay unmatched" (lists are LIFO).
    for (let u = 0; u < L; u++) this.addArc(u, this.sink, top);
    for (let e = E - 1; e >= 0; e--) {
      this.edgeSlot(
        e,
        problem.edgeLearner[e] ?? 0,
        problem.edgeSharer[e] ?? 0,
        problem.edgeWeight[e] ?? 0,
      );
    }
    for (let v = 0; v < S; v++) {
      for (let k = (problem.capacities[v] ?? 0) - 1; k >= 0; k--)
        this.addArc(L + v, this.sink, k * problem.loadStep);
    }
    this.deficit[this.sink] = L;
  }

  private reserveArcs(n: number): void {
    this.to.ensure(n);
    this.cap.ensure(n);
    this.cost.ensure(n);
    this.next.ensure(n);
    this.reversePos.ensure(n);
  }

  private edgeSlot(e: number, u: number, v: number, w: number): void {
    // Written out rather than looped over a list of the four: this runs once per pair
    // (millions at 100k profiles), and a list made per call was garbage for the collector.
    const n = Math.max(this.edgeLearner.length, e + 1);
    this.edgeLearner.ensure(n);
    this.edgeSharer.ensure(n);
    this.edgeWeight.ensure(n);
    this.edgeArc.ensure(n);
    this.edgeLearner.length = this.edgeSharer.length = this.edgeWeight.length = n;
    this.edgeArc.length = n;
    this.edgeLearner.data[e] = u;
    this.edgeSharer.data[e] = v;
    this.edgeWeight.data[e] = w;
    this.edgeArc.data[e] = this.arcs;
    this.maxWeight = Math.max(this.maxWeight, w);
    this.inArcs[v]?.push(this.arcs);
    this.addArc(u, this.learners + v, this.top - w);
  }

  /** A forward arc a → b (static list of a) and its reverse (usable once a → b has flow). */
  private addArc(a: number, b: number, c: number): void {
    this.reserveArcs(this.arcs + 2);
    const f = this.arcs;
    this.to.data[f] = b;
    this.cap.data[f] = 1;
    this.cost.data[f] = c;
    this.next.data[f] = this.head[a] ?? -1;
    this.head[a] = f;
    this.to.data[f + 1] = a;
    this.cap.data[f + 1] = 0;
    this.cost.data[f + 1] = -c;
    this.arcs += 2;
  }

  /** Sends the unit across arc a (forward or reverse), keeping the reverse lists right. */
  private push(a: number): void {
    const cap = this.cap.data;
    cap[a] = 0;
    cap[a ^ 1] = 1;
    const pos = this.reversePos.data;
    // The forward arc's tail: a learner's used arc is tracked for the reverse step.
    const tail = this.to.data[a | 1] ?? 0;
    if (tail < this.learners) {
      // A path may push a learner's new arc before cancelling its old one.
      if ((a & 1) === 0) this.out[tail] = a;
      else if (this.out[tail] === (a ^ 1)) this.out[tail] = -1;
    }
    if ((a & 1) === 0) {
      // The reverse arc starts at this arc's head: it becomes usable there.
      const list = this.reverse[this.to.data[a] ?? 0] ?? [];
      pos[a ^ 1] = list.length;
      list.push(a ^ 1);
    } else {
      const list = this.reverse[this.to.data[a ^ 1] ?? 0] ?? [];
      const i = pos[a] ?? 0;
      const last = list.pop() ?? a;
      if (last !== a) {
        list[i] = last;
        pos[last] = i;
      }
    }
  }

  /**
   * Solves from scratch: every learner's unit, the learners with the most valuable pair
   * first. In a crowded round (many learners for few sharers) the sharers' prices then rise
   * early, so a later, weaker learner's search stops at once at "stays unmatched" instead of
   * displacing someone along a long path (30k pilot-shaped profiles, build and solve: 27 s of
   * CPU instead of 37 s in learner order). The optimum does not depend on the order.
   * In a crowded round (more learners than seats) bidding (auction.ts) places most of them
   * first, in that order: pilot-shaped rounds, about 2.1 learners a seat, 100k profiles 114 s
   * → 9.5 s of CPU. Where seats outnumber learners most searches end at once and bidding
   * only adds work (uniform sample rounds, 0.8 a seat: 30k 1.6 s → 11 s), so it is left
   * out. `bidding` forces either way (tests compare the two); the budgets are auction.ts's
   * (tests make them run out).
   */
  solve({
    bidding,
    ...budgets
  }: { bidding?: boolean } & Omit<BidOptions, 'warm'> = {}): Assignment {
    const best = new Float64Array(this.learners);
    for (let u = 0; u < this.learners; u++) {
      let m = Infinity;
      for (let a = this.head[u] ?? -1; a >= 0; a = this.next.data[a] ?? -1)
        m = Math.min(m, this.cost.data[a] ?? 0);
      best[u] = m;
    }
    const order = Int32Array.from({ length: this.learners }, (_, u) => u).sort(
      (a, b) => (best[a] ?? 0) - (best[b] ?? 0) || a - b,
    );
    const bid = bidding ?? this.crowded();
    const rest = bid ? bidForSeats(this.state(), order, budgets) : order;
    this.lowerPrices();
    this.route(rest);
    return this.assignment();
  }

  /** More learners than seats: where bidding pays (see `solve`). */
  private crowded(): boolean {
    return this.learners > this.capacities.reduce((n, c) => n + Math.max(0, c), 0);
  }

  /** The network as the searches (paths.ts) and the reverse step (reverse.ts) see it. */
  private network(): Network & { inArcs: number[][] } {
    const { learners, sink, head, reverse, potential, deficit, inArcs, out } = this;
    const arcs = {
      next: this.next.data,
      to: this.to.data,
      cost: this.cost.data,
      cap: this.cap.data,
    };
    const push = (a: number) => this.push(a);
    return { learners, sink, head, reverse, potential, deficit, inArcs, out, push, ...arcs };
  }

  /** The reverse step (reverse.ts) for every sharer that lacks a unit. */
  private lowerPrices(backward: Backward | null = null): void {
    const lacking: number[] = [];
    for (let v = 0; v < this.sharers; v++)
      if ((this.deficit[this.learners + v] ?? 0) > 0) lacking.push(v);
    if (backward && lacking.length > this.sharers * BACKWARD_SHARE) return;
    if (lacking.length > 0) lowerPrices(this.network(), lacking, backward);
  }

  /** Places the given learners that still have their unit (paths.ts). */
  private route(learners: Iterable<number>): void {
    this.paths.route(this.network(), learners, () => this.lowerPrices(this.backward));
  }

  /** The network as the bidding phase reads and moves it. */
  private state(): FlowState {
    return {
      learners: this.learners,
      sink: this.sink,
      capacities: this.capacities,
      loadStep: this.loadStep,
      top: this.top,
      maxWeight: this.maxWeight,
      inArcs: this.inArcs,
      out: this.out,
      head: this.head,
      next: this.next.data,
      to: this.to.data,
      cost: this.cost.data,
      cap: this.cap.data,
      potential: this.potential,
      deficit: this.deficit,
      push: (a) => this.push(a),
    };
  }

  /** The arc learner u's unit leaves by (to a sharer, or to the sink: unmatched). */
  private usedArc(u: number): number {
    const a = this.out[u] ?? -1;
    if (a < 0) throw new Error(`learner ${u} ships no unit`);
    return a;
  }

  /**
   * Raises each learner's potential as far as it may go (up to its used arc's reduced cost
   * of 0): a learner's surplus is then exactly what its connection earns at its sharer's
   * price, which makes pricing out excluded pairs as strict as it can be.
   */
  tighten(): void {
    for (let u = 0; u < this.learners; u++) {
      const a = this.usedArc(u);
      this.potential[u] = (this.potential[this.to.data[a] ?? 0] ?? 0) - (this.cost.data[a] ?? 0);
    }
  }

  /**
   * The reduced gain of a pair not among the edges, after `tighten`: the weight it would
   * bring minus the learner's surplus and the sharer's price. ≤ 0 for every pair left out
   * means the flow is optimal over all pairs (LP duality: the potentials stay feasible).
   */
  reducedGain(u: number, v: number, weight: number): number {
    return weight - this.top - (this.potential[u] ?? 0) + (this.potential[this.learners + v] ?? 0);
  }

  /** What a learner's connection earns at its sharer's price (after `tighten`): ≥ 0. */
  learnerSurplus(u: number): number {
    return this.top + (this.potential[u] ?? 0) - (this.potential[this.sink] ?? 0);
  }

  /** The price of one more connection with sharer v (after `tighten`). */
  sharerPrice(v: number): number {
    return (this.potential[this.sink] ?? 0) - (this.potential[this.learners + v] ?? 0);
  }

  /**
   * Adds pairs and re-optimises warm: each learner with a new pair gives its unit back
   * (its sharer, or the sink, now lacks one), gets a potential that makes all its arcs'
   * reduced costs ≥ 0 again (it has no incoming usable arc once detached, so it may), and
   * is routed again along a shortest path. Everyone else's flow and potentials stay.
   */
  addEdges(edges: readonly NewEdge[], { bidding }: { bidding?: boolean } = {}): Assignment {
    const detached = [...new Set(edges.map(([u]) => u))].sort((a, b) => a - b);
    for (const u of detached) {
      const a = this.usedArc(u);
      const from = this.to.data[a] ?? 0;
      this.push(a ^ 1);
      this.deficit[from] = (this.deficit[from] ?? 0) + 1;
    }
    for (const [u, v, w] of edges) this.edgeSlot(this.edgeLearner.length, u, v, w);
    for (const u of detached) {
      let p = -Infinity;
      for (let a = this.head[u] ?? -1; a >= 0; a = this.next.data[a] ?? -1)
        p = Math.max(p, (this.potential[this.to.data[a] ?? 0] ?? 0) - (this.cost.data[a] ?? 0));
      this.potential[u] = p;
    }
    // Many learners to place: bid, as in `solve` (the seats' prices start from the
    // potentials); the few bidding leaves go to the shortest paths. `bidding` forces either
    // way (tests).
    const many =
      detached.length > this.learners * WARM_BIDDING_SHARE &&
      (this.crowded() || detached.length > WARM_BIDDING_LEARNERS);
    const rest = (bidding ?? many) ? bidForSeats(this.state(), detached, { warm: true }) : detached;
    this.lowerPrices();
    this.route(rest);
    return this.assignment();
  }

  /** The current assignment, as edge per learner and its value. */
  assignment(): Assignment {
    const edgeOf = new Int32Array(this.learners).fill(-1);
    const E = this.edgeLearner.length;
    for (let e = 0; e < E; e++) {
      if (this.cap.data[this.edgeArc.data[e] ?? 0] === 0) edgeOf[this.edgeLearner.data[e] ?? 0] = e;
    }
    return { edgeOf, value: assignmentValue(this.problem(), edgeOf) };
  }

  /** The problem as it now stands (the first one plus every added pair). */
  problem(): AssignmentProblem {
    const E = this.edgeLearner.length;
    return {
      learners: this.learners,
      capacities: this.capacities,
      edgeLearner: this.edgeLearner.data.subarray(0, E),
      edgeSharer: this.edgeSharer.data.subarray(0, E),
      edgeWeight: this.edgeWeight.data.subarray(0, E),
      loadStep: this.loadStep,
    };
  }
}

export function solveAssignment(problem: AssignmentProblem): Assignment {
  return new AssignmentFlow(problem).solve();
}
