/**
 * The assignment problem the exact core solves (flow.ts) and the greedy baseline answers
 * (greedy.ts): learners, sharers' capacities, candidate pairs with integer weights, and a
 * load penalty per further connection of a sharer; and how an assignment is valued.
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

/** A pair to add to a solved flow: learner, sharer, weight. */
export type NewEdge = readonly [learner: number, sharer: number, weight: number];
