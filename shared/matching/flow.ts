/**
 * The exact core: a maximum-weight assignment of learners to sharers with capacities, where
 * a learner may stay unmatched and each further connection of a sharer costs `loadStep`
 * more than the one before (a convex cost, modelled by parallel unit arcs).
 *
 * As a min-cost flow: every learner u supplies one unit, sent either to a sharer v (cost
 * W − w(u,v)) or straight to the sink (cost W, "stays unmatched"), where W is the largest
 * weight, so all costs are ≥ 0; every learner ships exactly one unit, so minimising cost is
 * maximising Σw − penalties. Successive shortest paths with Johnson potentials: one
 * Dijkstra per learner, from that learner to the sink. Each augmentation keeps the flow
 * optimal for the learners placed so far (reduced costs stay ≥ 0), so the final flow is
 * optimal: the exact optimum, whatever order learners come in. Dijkstra stops at the sink,
 * so a learner with a free sharer nearby costs a handful of steps, not a pass over the graph.
 */

export interface AssignmentProblem {
  learners: number;
  /** Connections each sharer can take (≥ 0). */
  capacities: readonly number[];
  /** Candidate pairs, as parallel arrays; weights are integers. */
  edgeLearner: ArrayLike<number>;
  edgeSharer: ArrayLike<number>;
  edgeWeight: ArrayLike<number>;
  /** The k-th connection of a sharer is worth (k − 1) × loadStep less. */
  loadStep: number;
}

export interface Assignment {
  /** For each learner, the index of the candidate edge used, or −1. */
  edgeOf: Int32Array;
  /** Σ weights of used edges − Σ load penalties. */
  value: number;
}

/** The value of an assignment under the problem's objective (also used for greedy). */
export function assignmentValue(problem: AssignmentProblem, edgeOf: ArrayLike<number>): number {
  const load = new Int32Array(problem.capacities.length);
  let value = 0;
  for (let u = 0; u < problem.learners; u++) {
    const e = edgeOf[u] ?? -1;
    if (e < 0) continue;
    const v = problem.edgeSharer[e] ?? 0;
    value += (problem.edgeWeight[e] ?? 0) - (load[v] ?? 0) * problem.loadStep;
    load[v] = (load[v] ?? 0) + 1;
  }
  return value;
}

/** A binary min-heap of (key, node) with lazy deletion, on growable typed arrays. */
class Heap {
  private keys = new Float64Array(64);
  private nodes = new Int32Array(64);
  size = 0;

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent] ?? 0;
      if (pk <= key) break;
      this.keys[i] = pk;
      this.nodes[i] = this.nodes[parent] ?? 0;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Removes the minimum; returns its node (its key is read first with `topKey`). */
  pop(): number {
    const top = this.nodes[0] ?? 0;
    const lastKey = this.keys[--this.size] ?? 0;
    const lastNode = this.nodes[this.size] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      const right = child + 1;
      if (right < this.size && (this.keys[right] ?? 0) < (this.keys[child] ?? 0)) child = right;
      if ((this.keys[child] ?? 0) >= lastKey) break;
      this.keys[i] = this.keys[child] ?? 0;
      this.nodes[i] = this.nodes[child] ?? 0;
      i = child;
    }
    this.keys[i] = lastKey;
    this.nodes[i] = lastNode;
    return top;
  }

  topKey(): number {
    return this.keys[0] ?? 0;
  }
}

export function solveAssignment(problem: AssignmentProblem): Assignment {
  const L = problem.learners;
  const S = problem.capacities.length;
  const E = problem.edgeLearner.length;
  const sink = L + S;
  const nodes = L + S + 1;
  let top = 0;
  for (let e = 0; e < E; e++) top = Math.max(top, problem.edgeWeight[e] ?? 0);

  let slots = 0;
  for (const c of problem.capacities) slots += Math.max(0, c);
  const arcs = 2 * (E + L + slots);
  const to = new Int32Array(arcs);
  const cap = new Int8Array(arcs);
  const cost = new Float64Array(arcs);
  const next = new Int32Array(arcs);
  const head = new Int32Array(nodes).fill(-1);
  let count = 0;
  const addArc = (a: number, b: number, c: number, linkReverse = true): void => {
    to[count] = b;
    cap[count] = 1;
    cost[count] = c;
    next[count] = head[a] ?? -1;
    head[a] = count++;
    to[count] = a;
    cap[count] = 0;
    cost[count] = -c;
    if (linkReverse) {
      next[count] = head[b] ?? -1;
      head[b] = count;
    }
    count++;
  };
  // A sharer may be a candidate of thousands of learners, but only the few it is matched
  // with can be reached backwards: those reverse arcs live in a short list per sharer
  // instead of its adjacency list, which Dijkstra would otherwise walk in full.
  const matchedArcs: number[][] = Array.from({ length: S }, () => []);
  const firstEdgeArc = 2 * L;
  const endEdgeArc = 2 * (L + E);
  // Sink arcs first, so each learner's list ends with "stay unmatched" (lists are LIFO).
  for (let u = 0; u < L; u++) addArc(u, sink, top);
  for (let e = E - 1; e >= 0; e--) {
    addArc(
      problem.edgeLearner[e] ?? 0,
      L + (problem.edgeSharer[e] ?? 0),
      top - (problem.edgeWeight[e] ?? 0),
      false,
    );
  }
  for (let v = 0; v < S; v++) {
    for (let k = (problem.capacities[v] ?? 0) - 1; k >= 0; k--)
      addArc(L + v, sink, k * problem.loadStep);
  }

  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes).fill(Infinity);
  const via = new Int32Array(nodes).fill(-1);
  const done = new Uint8Array(nodes);
  const touched: number[] = [];
  const settled: number[] = [];
  const heap = new Heap();

  for (let source = 0; source < L; source++) {
    dist[source] = 0;
    touched.push(source);
    heap.push(0, source);
    while (heap.size > 0) {
      const d = heap.topKey();
      const x = heap.pop();
      if (done[x] === 1 || d > (dist[x] ?? 0)) continue;
      done[x] = 1;
      settled.push(x);
      if (x === sink) break;
      const px = potential[x] ?? 0;
      const extra = x >= L && x < sink ? (matchedArcs[x - L] ?? []) : [];
      for (let k = -extra.length, a = -1; ;) {
        if (k < 0) a = extra[extra.length + k++] ?? -1;
        else a = k++ === 0 ? (head[x] ?? -1) : (next[a] ?? -1);
        if (a < 0) break;
        if (cap[a] === 0) continue;
        const y = to[a] ?? 0;
        if (done[y] === 1) continue;
        const nd = d + (cost[a] ?? 0) + px - (potential[y] ?? 0);
        if (nd < (dist[y] ?? Infinity)) {
          if (dist[y] === Infinity) touched.push(y);
          dist[y] = nd;
          via[y] = a;
          heap.push(nd, y);
        }
      }
      // The sink reached at the distance just settled cannot get any closer: stop now
      // rather than settling every other node at that distance (there are many ties).
      if ((dist[sink] ?? Infinity) === d) {
        done[sink] = 1;
        settled.push(sink);
        break;
      }
    }
    const reach = dist[sink] ?? 0;
    // Johnson's update, cut off at the sink's distance: nodes not settled move by `reach`,
    // which is the same as not moving at all (only differences of potentials matter).
    for (const x of settled) {
      const dx = dist[x] ?? 0;
      if (dx < reach) potential[x] = (potential[x] ?? 0) + dx - reach;
    }
    for (let y = sink; y !== source;) {
      const a = via[y] ?? 0;
      cap[a] = 0;
      cap[a ^ 1] = 1;
      if (a >= firstEdgeArc && a < endEdgeArc) {
        // Forward learner→sharer arc: its reverse becomes usable; a reverse arc: no longer.
        const list = matchedArcs[(a & 1) === 0 ? (to[a] ?? 0) - L : (to[a ^ 1] ?? 0) - L] ?? [];
        if ((a & 1) === 0) list.push(a ^ 1);
        else list.splice(list.indexOf(a), 1);
      }
      y = to[a ^ 1] ?? 0;
    }
    for (const x of touched) {
      dist[x] = Infinity;
      via[x] = -1;
      done[x] = 0;
    }
    touched.length = 0;
    settled.length = 0;
    heap.size = 0;
  }

  const edgeOf = new Int32Array(L).fill(-1);
  // Learner–sharer arcs were added after the L sink arcs, edge e at pair 2·(L + E − 1 − e).
  for (let e = 0; e < E; e++) {
    if (cap[2 * (L + E - 1 - e)] === 0) edgeOf[problem.edgeLearner[e] ?? 0] = e;
  }
  return { edgeOf, value: assignmentValue(problem, edgeOf) };
}
