/**
 * The baseline the exact engine is measured against: take candidate pairs from the best
 * down, keeping each while the learner is free and the sharer has room and the pair is
 * still worth something after the sharer's load penalty. This is what a person sorting a
 * spreadsheet would do; it is not optimal (a good pair taken early can block two others).
 */
import { assignmentValue, type Assignment, type AssignmentProblem } from './problem';

export function greedyAssignment(problem: AssignmentProblem): Assignment {
  const E = problem.edgeLearner.length;
  const order = Array.from({ length: E }, (_, e) => e);
  order.sort((a, b) => (problem.edgeWeight[b] ?? 0) - (problem.edgeWeight[a] ?? 0) || a - b);
  const edgeOf = new Int32Array(problem.learners).fill(-1);
  const load = new Int32Array(problem.capacities.length);
  for (const e of order) {
    const u = problem.edgeLearner[e] ?? 0;
    const v = problem.edgeSharer[e] ?? 0;
    if (edgeOf[u] !== -1 || (load[v] ?? 0) >= (problem.capacities[v] ?? 0)) continue;
    if ((problem.edgeWeight[e] ?? 0) - (load[v] ?? 0) * problem.loadStep <= 0) continue;
    edgeOf[u] = e;
    load[v] = (load[v] ?? 0) + 1;
  }
  return { edgeOf, value: assignmentValue(problem, edgeOf) };
}
