/**
 * "Bring my capacities from the Capacity Exchange": for every listed person who opted in
 * (`capx = yes`), the topics their CapX profile brings: available → can share, wanted → want
 * to learn, through the topic ↔ capacity map (shared/capx/capacity-map.ts), leaving out the
 * topics they chose themselves. Taken again from CapX only when CapX's `last_update` changed
 * (or the topics did: a full run). When CapX cannot be read the topics of the last run stay
 * and the failure is a problem on R/Maintenance and a line of the summary, never a failed run.
 */
import { topicsForCapacities } from '../../shared/capx/capacity-map';
import type { DirectoryEntry } from '../../shared/documents/documents';
import { problem, type Problem } from '../../shared/problems';
import { capacityMap, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import type { RunContext } from '../run-context';
import type { CapxProfile } from '../external/capx';
import { ExternalServiceError } from '../external/http-json';
import { capxClient } from '../external/services';

export interface CapacityExchangeResult {
  /** For the topics page's row on R/Maintenance: the map's checks and CapX's failures. */
  problems: Problem[];
  /** Per profile owner, problems of their own page. */
  personal: Map<string, Problem[]>;
  notes: string[];
}

/**
 * Sets `capacityExchange` on the opted-in entries (in place) and removes it from the others.
 * `previous` holds last run's entries by user name.
 */
export async function addCapacityExchange(
  ctx: RunContext,
  entries: DirectoryEntry[],
  previous: ReadonlyMap<string, DirectoryEntry>,
  taxonomy: Taxonomy,
  full: boolean,
): Promise<CapacityExchangeResult> {
  const result: CapacityExchangeResult = { problems: [], personal: new Map(), notes: [] };
  for (const e of entries) if (!e.fromCapx) delete e.capacityExchange;
  const opted = entries.filter((e) => e.fromCapx === true);
  if (opted.length === 0) return result;
  const keepPrevious = (e: DirectoryEntry) => {
    const before = previous.get(e.username)?.capacityExchange;
    if (before) e.capacityExchange = before;
    else delete e.capacityExchange;
  };
  const client = capxClient(ctx);
  if (!client) {
    opted.forEach(keepPrevious);
    result.notes.push('Capacity Exchange turned off (capxUrl is empty): nothing read from it');
    return result;
  }
  const map = capacityMap(taxonomy);
  const failed = (err: unknown): string => {
    if (!(err instanceof ExternalServiceError)) throw err;
    ctx.log.warn(err.message);
    return err.reason;
  };

  let skills: Map<number, string>;
  try {
    skills = await client.skills();
  } catch (err) {
    const reason = failed(err);
    opted.forEach(keepPrevious);
    result.problems.push(problem('capx', 'letsconnect-problem-capx-unreachable', [reason]));
    result.notes.push(
      `the Capacity Exchange could not be read (${reason}): ${opted.length} person(s) keep last run's capacities`,
    );
    return result;
  }
  const known = new Set(skills.values());
  for (const [topic, qids] of map)
    for (const qid of qids)
      if (!known.has(qid))
        result.problems.push(
          problem('capx', 'letsconnect-problem-capx-unknown-qid', [topic, qid], 'warning'),
        );

  const unmapped = new Map<string, number>();
  let read = 0;
  let failures = 0;
  let reason = '';
  for (const e of opted) {
    let profile: CapxProfile | null;
    try {
      profile = await client.profile(e.username);
    } catch (err) {
      reason = failed(err);
      failures++;
      keepPrevious(e);
      continue;
    }
    read++;
    if (profile === null) {
      delete e.capacityExchange;
      result.personal.set(e.username, [
        problem('capx', 'letsconnect-problem-capx-no-profile', [], 'warning'),
      ]);
      continue;
    }
    const qidsOf = (rowIds: readonly number[]) =>
      rowIds.flatMap((id) => (skills.has(id) ? [skills.get(id)!] : []));
    const share = topicsForCapacities(map, qidsOf(profile.available));
    const learn = topicsForCapacities(map, qidsOf(profile.wanted));
    for (const q of new Set([...share.unmapped, ...learn.unmapped]))
      unmapped.set(q, (unmapped.get(q) ?? 0) + 1);
    const before = previous.get(e.username)?.capacityExchange;
    if (!full && before && before.updated === profile.updated && profile.updated !== '') {
      e.capacityExchange = before;
      continue;
    }
    e.capacityExchange = {
      share: share.topics.filter((t) => !e.share.includes(t)),
      learn: learn.topics.filter((t) => !e.learn.includes(t)),
      updated: profile.updated,
    };
  }
  if (failures > 0) {
    result.problems.push(problem('capx', 'letsconnect-problem-capx-unreachable', [reason]));
    result.notes.push(
      `the Capacity Exchange failed for ${failures} of ${opted.length} person(s) (${reason}): they keep last run's capacities`,
    );
  }
  for (const [qid, people] of [...unmapped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
    result.problems.push(
      problem('capx', 'letsconnect-problem-capx-unmapped', [qid, people], 'warning'),
    );
  result.notes.push(
    `${read} Capacity Exchange profile(s) read for ${opted.length} person(s) who opted in; ${unmapped.size} capacity(ies) no topic maps to`,
  );
  return result;
}
