/**
 * The certificate that the optimum over the candidates is the optimum over every eligible
 * pair. After a solve, each learner has a surplus (what their connection earns at their
 * sharer's price; 0 when unmatched) and each sharer a price (what one more connection with
 * them costs the others), from the flow's potentials. A pair (u, v) worth w could raise the
 * objective only if its reduced gain w − surplus(u) − price(v) is > 0 (LP duality: with every
 * reduced gain ≤ 0 the duals stay feasible for the problem with all pairs, so the flow is
 * optimal for it too).
 *
 * Pricing walks the same topic/language index as the candidates, without storing pairs:
 * each bucket sorted by rarity bonus − price, highest first, so a learner stops reading a
 * bucket as soon as even the best weight they could have with the next sharer cannot beat
 * their surplus. Pairs with a positive reduced gain are added, the flow re-solved warm
 * (only their learners move), and the pass repeated until none is found.
 */
import {
  addEdge,
  bridgedWeight,
  formatsFit,
  interpretationPair,
  quickWeight,
  speaksAny,
  topicRoutes,
  type RoundGraph,
} from './candidates';
import type { MatchConfig } from './config';
import type { AssignmentFlow, NewEdge } from './flow';
import type { HistoryView, Person } from './people';
import { overlapHours } from './time';
import type { MatchCertificate } from './types';

interface Found {
  sharer: number;
  weight: number;
  gain: number;
  learnTopic: string;
  shareTopic: string;
  bridged: boolean;
}

/** The most a learner's pair can be worth besides the sharer's rarity bonus. */
function weightBound(config: MatchConfig, learner: Person, exact: boolean): number {
  const w = config.weights;
  const hours = learner.mask ? overlapHours(learner.mask, learner.mask) : 0;
  return (
    w.connection +
    (exact ? w.topicExact : w.topicCategory) +
    w.fluentLanguage +
    Math.min(2, Math.max(0, learner.languageList.length - 1)) * w.extraLanguage +
    Math.min(hours, w.overlapCapHours) * w.overlapHour +
    learner.waited * w.waitRound
  );
}

function bridgedBound(config: MatchConfig, learner: Person, exact: boolean): number {
  const w = config.weights;
  return (
    w.connection +
    (exact ? w.interpretedTopicExact : w.interpretedTopicCategory) +
    learner.waited * w.interpretedWaitRound +
    w.interpretedOverlap
  );
}

/**
 * Runs pricing passes until no pair left out would raise the objective; adds the pairs that
 * would to `graph` and `flow` as it goes. The flow must have been solved.
 */
export function certify(
  graph: RoundGraph,
  flow: AssignmentFlow,
  history: HistoryView,
  categories: ReadonlyMap<string, string>,
  config: MatchConfig,
): MatchCertificate {
  const { learners, sharers, index } = graph;
  const S = sharers.length;
  const interpretation = new Set(config.interpretation);
  const price = new Float64Array(S);
  const key = new Float64Array(S);
  const stamp = new Int32Array(S).fill(-1);
  const perLearner = Number.isFinite(config.maxCandidatesPerLearner)
    ? config.maxCandidatesPerLearner
    : S;
  let passes = 0;
  let added = 0;
  // Stamps the sharers seen in one bucket walk; never reset, so it runs on across passes.
  let scan = 0;
  for (;;) {
    passes++;
    flow.tighten();
    for (let v = 0; v < S; v++) {
      price[v] = flow.sharerPrice(v);
      key[v] = (sharers[v] as Person).rare - (price[v] ?? 0);
    }
    // Each bucket, best prospects first (ties by index: the result stays deterministic).
    const sorted = new Map<string, Map<string, Int32Array>>();
    for (const [topic, byLanguage] of index.byTopic) {
      const out = new Map<string, Int32Array>();
      for (const [code, list] of byLanguage) {
        out.set(
          code,
          Int32Array.from(list).sort((a, b) => (key[b] ?? 0) - (key[a] ?? 0) || a - b),
        );
      }
      sorted.set(topic, out);
    }
    const { edgeOf } = flow.assignment();
    const edgeSharer = flow.edgeSharer.data;
    let priced = 0;
    let maxGain = -Infinity;
    const fresh: Array<{ u: number; found: Found[] }> = [];

    learners.forEach((learner, u) => {
      // Without a format to meet in (one-to-one or small group) no pair is eligible.
      if (!learner.oneToOne && !learner.smallGroup) return;
      const surplus = flow.learnerSurplus(u);
      const e = edgeOf[u] ?? -1;
      const own = e < 0 ? -1 : (edgeSharer[e] ?? -1);
      const blockedFor = history.blocked.get(learner.username);
      const bridging = speaksAny(learner, interpretation);
      const best = new Map<number, Found>();
      const price1 = (
        i: number,
        weight: number,
        learnTopic: string,
        shareTopic: string,
        bridged: boolean,
      ) => {
        priced++;
        const gain = weight - surplus - (price[i] ?? 0);
        if (i !== own) maxGain = Math.max(maxGain, gain);
        if (gain <= 0) return;
        const prior = best.get(i);
        if (!prior || prior.weight < weight)
          best.set(i, { sharer: i, weight, gain, learnTopic, shareTopic, bridged });
      };
      const routes = topicRoutes(learner, graph.missing.get(u) ?? [], index, categories);
      /**
       * Walks the buckets of `codes`, best prospects first, while `limit` + rarity − price
       * can still be > 0 (sorted by that key, no later sharer can do better), pricing each
       * eligible sharer at the weight `weigh` gives (null: not eligible).
       */
      const walk = (
        byLanguage: Map<string, Int32Array>,
        codes: Iterable<string>,
        limit: number,
        weigh: (sharer: Person) => number | null,
        topics: [string, string],
        bridged: boolean,
      ) => {
        scan++;
        for (const code of codes) {
          const list = byLanguage.get(code);
          if (!list) continue;
          for (let k = 0; k < list.length; k++) {
            const i = list[k] ?? 0;
            if ((key[i] ?? 0) + limit <= 0) break;
            if (stamp[i] === scan) continue;
            stamp[i] = scan;
            const sharer = sharers[i] as Person;
            if (sharer === learner || !formatsFit(learner, sharer)) continue;
            if (blockedFor?.has(sharer.username) === true) continue;
            const weight = weigh(sharer);
            if (weight !== null) price1(i, weight, topics[0], topics[1], bridged);
          }
        }
      };
      for (const [learnTopic, shareTopic, exact] of routes) {
        const byLanguage = sorted.get(shareTopic);
        if (!byLanguage) continue;
        walk(
          byLanguage,
          learner.languageList.map(([code]) => code),
          weightBound(config, learner, exact) - surplus,
          (sharer) => quickWeight(config, learner, sharer, exact),
          [learnTopic, shareTopic],
          false,
        );
        // A bridged pair earns no rarity bonus, and −price ≤ rarity − price: the same order
        // gives a valid (looser) stop.
        if (bridging)
          walk(
            byLanguage,
            config.interpretation,
            bridgedBound(config, learner, exact) - surplus,
            (sharer) =>
              interpretationPair(learner, sharer, interpretation)
                ? bridgedWeight(config, learner, sharer, exact)
                : null,
            [learnTopic, shareTopic],
            true,
          );
      }
      if (best.size > 0) {
        const found = [...best.values()]
          .sort((a, b) => b.gain - a.gain || a.sharer - b.sharer)
          .slice(0, perLearner);
        fresh.push({ u, found });
      }
    });

    if (fresh.length === 0) {
      return {
        passes,
        added,
        priced,
        maxReducedGain: maxGain === -Infinity ? null : maxGain,
      };
    }
    const edges: NewEdge[] = [];
    for (const { u, found } of fresh) {
      for (const f of found) {
        addEdge(graph, u, f.sharer, f.weight, f.learnTopic, f.shareTopic, f.bridged);
        edges.push([u, f.sharer, f.weight]);
      }
    }
    added += edges.length;
    flow.addEdges(edges);
  }
}
