/**
 * The certificate that the optimum over the candidates is the optimum over every eligible
 * pair. After a solve, each learner has a surplus (what their connection earns at their
 * sharer's price; 0 when unmatched) and each sharer a price (what one more connection with
 * them costs the others), from the flow's potentials. A pair (u, v) worth w could raise the
 * objective only if its reduced gain w − surplus(u) − price(v) is > 0 (LP duality: with every
 * reduced gain ≤ 0 the duals stay feasible for the problem with all pairs, so the flow is
 * optimal for it too).
 *
 * The first pass prices every pair (pricing.ts: through the topic/language index, without
 * storing them, each walk cut short by a bound). Pairs with a positive reduced gain are
 * added and the flow re-solved warm (only their learners move). A later pass prices only
 * the pairs whose reduced gain can have grown: a pair's gain rises only when its learner's
 * surplus or its sharer's price falls, so the pass walks the learners whose surplus fell
 * and the sharers whose price fell; every other pair's gain is at most what it was when it
 * was last priced (or ruled out by the bound), which was ≤ 0. The passes end when one
 * finds nothing: then every eligible pair's reduced gain is ≤ 0.
 */
import { addEdge, type RoundGraph } from './candidates';
import type { MatchConfig } from './config';
import type { AssignmentFlow } from './flow';
import type { NewEdge } from './problem';
import { Pricer, type Found } from './pricing';
import type { MatchCertificate } from './types';

/**
 * The LP dual objective of the duals: Σ surplus + Σ over each sharer's slots of what its
 * price exceeds the slot's load penalty by. With every pair's reduced gain ≤ 0 it bounds the
 * optimum over all eligible pairs from above, so it equals the objective when certified.
 */
function dualBound(graph: RoundGraph, surplus: Float64Array, price: Float64Array): number {
  let bound = 0;
  for (const s of surplus) bound += s;
  graph.capacities.forEach((c, v) => {
    for (let k = 0; k < c; k++) bound += Math.max(0, price[v]! - k * graph.loadStep);
  });
  return bound;
}

/**
 * Runs pricing passes until no pair left out would raise the objective; adds the pairs that
 * would to `graph` and `flow` as it goes. The flow must have been solved.
 */
export function certify(
  graph: RoundGraph,
  flow: AssignmentFlow,
  categories: ReadonlyMap<string, string>,
  config: MatchConfig,
): Omit<MatchCertificate, 'prunedObjective'> {
  const L = graph.learners.length;
  const S = graph.sharers.length;
  const pricer = new Pricer(graph, categories, config);
  const perLearner = Number.isFinite(config.maxCandidatesPerLearner)
    ? config.maxCandidatesPerLearner
    : S;
  let passes = 0;
  let added = 0;
  let before: { surplus: Float64Array; price: Float64Array } | null = null;
  // Learners with more pairs worth adding than one pass adds: walked again next pass.
  const cut = new Uint8Array(L);
  for (;;) {
    passes++;
    flow.tighten();
    const surplus = Float64Array.from({ length: L }, (_, u) => flow.learnerSurplus(u));
    const price = Float64Array.from({ length: S }, (_, v) => flow.sharerPrice(v));
    const key = Float64Array.from(price, (p, v) => graph.sharers[v]!.rare - p);
    pricer.begin({ surplus, price, key });
    const { edgeOf } = flow.assignment();
    const ownOf = (u: number) => {
      const e = edgeOf[u]!;
      return e < 0 ? -1 : flow.edgeSharer.data[e]!;
    };
    // The learners whose every pair is priced: all at first, then those whose surplus fell.
    const walked = new Uint8Array(L);
    for (let u = 0; u < L; u++)
      if (!before || surplus[u]! < before.surplus[u]! || cut[u] === 1) walked[u] = 1;
    cut.fill(0);
    const found = new Map<number, Map<number, Found>>();
    const foundOf = (u: number) => {
      let m = found.get(u);
      if (!m) found.set(u, (m = new Map()));
      return m;
    };
    for (let u = 0; u < L; u++) if (walked[u] === 1) pricer.learnerPass(u, ownOf(u), foundOf(u));
    if (before)
      for (let v = 0; v < S; v++)
        if (price[v]! < before.price[v]!) pricer.sharerPass(v, walked, ownOf, foundOf);
    pricer.end();
    before = { surplus, price };

    const edges: NewEdge[] = [];
    for (const u of [...found.keys()].sort((a, b) => a - b)) {
      const best = [...found.get(u)!.values()].sort(
        (a, b) => b.gain - a.gain || a.sharer - b.sharer,
      );
      if (best.length > perLearner) cut[u] = 1;
      for (const f of best.slice(0, perLearner)) {
        addEdge(graph, u, f.sharer, f.weight, f.learnTopic, f.shareTopic, f.bridged);
        edges.push([u, f.sharer, f.weight]);
      }
    }
    if (edges.length === 0) {
      return {
        passes,
        added,
        priced: pricer.priced,
        maxReducedGain: pricer.maxGain === -Infinity ? null : pricer.maxGain,
        dualBound: dualBound(graph, surplus, price),
      };
    }
    added += edges.length;
    flow.addEdges(edges);
  }
}
