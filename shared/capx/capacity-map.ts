/**
 * Our topics ↔ the Capacity Exchange's capacities (CapX, `wikimediabrasil/capx-backend`).
 *
 * A CapX capacity is a `Skill` row keyed by a Wikidata QID (`skill_wikidata_item`); profiles
 * refer to skills by their row id, which the bot turns into QIDs with `/list/skills/`. Each of
 * our topics lists the QIDs of the capacities that are the same skill (or, where CapX has
 * nothing narrower that we know of, the CapX capacity that covers it). A capacity a person
 * chose in CapX brings every topic that lists it; a topic a person chose here is published
 * with its QIDs ("give back").
 *
 * The seed is what CapX's repositories show: its full taxonomy lives in its database (names
 * from a Wikibase), so only the seven top capacities come with their QIDs (capx-frontend at
 * bb472736^, `src/app/capacities_visualization/data/capacities.json`: `wd_code` of ids 10, 36,
 * 50, 56, 65, 74, 106). `Q2013` is Wikidata's own item, for the capacity CapX names "Wikidata"
 * (id 113), whose QID the repositories do not hold: when the bot can reach CapX it checks every
 * QID of the map against CapX's list and reports any CapX does not have on R/Maintenance.
 * The working group extends the map on-wiki: `capx = Q…, Q…` on a `{{Let's Connect/Topic}}`
 * call adds QIDs to a topic (a default topic or a new one).
 */

/** A Wikidata item id, as CapX's `qid_form_validator` takes it (`^Q\d+$`, no leading zero). */
export const QID = /^Q[1-9][0-9]*$/;

/** CapX's seven top capacities, with the names and row ids its front end showed. */
export const CAPX_TOP_CAPACITIES: ReadonlyArray<{ qid: string; capxId: number; name: string }> = [
  { qid: 'Q759524', capxId: 10, name: 'organizational structure' },
  { qid: 'Q11024', capxId: 36, name: 'communication' },
  { qid: 'Q60231731', capxId: 50, name: 'Learning and Evaluation' },
  { qid: 'Q28837578', capxId: 56, name: 'community health' },
  { qid: 'Q1413287', capxId: 65, name: 'social skill' },
  { qid: 'Q30673599', capxId: 74, name: 'strategic management process' },
  { qid: 'Q11016', capxId: 106, name: 'technology' },
];

/**
 * The first version of the map, by topic id. Topics not listed map to no capacity yet.
 * Each pair is the closest match the repositories allow; see the file comment.
 */
export const DEFAULT_CAPACITY_MAP: Readonly<Record<string, readonly string[]>> = {
  // "Learning and Evaluation" is CapX's capacity for exactly this.
  'learning-evaluation-plans': ['Q60231731'],
  // "strategic management process": planning an organisation's strategy.
  'organisation-plan-strategy': ['Q30673599'],
  // "community health" (anti-harassment tools, conflict management, policy).
  'harassment-conflict': ['Q28837578'],
  // "communication" (media, press release, social media, storytelling).
  'social-media-press': ['Q11024'],
  // "Wikidata", a Wikimedia project capacity under "technology".
  'wikidata-basics': ['Q2013'],
};

/** Every QID the map knows, in first-seen order, without repeats. */
export function mappedQids(map: ReadonlyMap<string, readonly string[]>): string[] {
  return [...new Set([...map.values()].flat())];
}

/**
 * Topics that a person's CapX capacities bring, and the capacities no topic lists (for the
 * working group to map). `topics` is in the map's order; `unmapped` in the given order.
 */
export function topicsForCapacities(
  map: ReadonlyMap<string, readonly string[]>,
  qids: readonly string[],
): { topics: string[]; unmapped: string[] } {
  const chosen = new Set(qids);
  const topics = [...map].filter(([, q]) => q.some((x) => chosen.has(x))).map(([id]) => id);
  const known = new Set(mappedQids(map));
  return { topics, unmapped: [...new Set(qids.filter((q) => !known.has(q)))] };
}

/** The QIDs of a person's topics (give back): each topic's capacities, without repeats. */
export function capacitiesForTopics(
  map: ReadonlyMap<string, readonly string[]>,
  topics: readonly string[],
): string[] {
  return [...new Set(topics.flatMap((t) => map.get(t) ?? []))];
}
