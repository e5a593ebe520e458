/**
 * Who takes part in a round, and what the engine needs to know of each person, computed once:
 * workable languages, availability in UTC, formats, how long they have waited, and (for
 * sharers) capacity and the rarity bonus.
 */
import { DEFAULT_TOPICS } from '../taxonomy/default-topics';
import type { Taxonomy } from '../taxonomy/taxonomy';
import type { MatchConfig } from './config';
import { ZoneOffsets, weekMask, type WeekMask } from './time';
import type { Commitment, ExcludedPerson, HistoryPair, MatchMessage, MatchPerson } from './types';

export interface Person {
  username: string;
  profile: MatchPerson;
  /** Workable languages only, level as a number (N = 6). */
  languages: Map<string, number>;
  /** The same, as a list in the profile's order (iterated in the hot loop). */
  languageList: Array<readonly [string, number]>;
  mask: WeekMask | null;
  oneToOne: boolean;
  smallGroup: boolean;
  /** Rounds waited since the last connection, capped; the cap when never connected. */
  waited: number;
  neverConnected: boolean;
  /** Sharers only: connections this round, rarity bonus and what earned it. */
  capacity: number;
  rare: number;
  rareReason: MatchMessage | null;
}

export const levelOf = (level: string): number => (level === 'N' ? 6 : Number(level));

/** `YYYY-MM` → months since year 0, or null. */
export function roundIndex(round: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(round);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : null;
}

/** The first day of the round: snoozes and time-zone offsets are taken on that day. */
export function roundStart(round: string): { date: string; ms: number } {
  const index = roundIndex(round);
  if (index === null) throw new Error(`round must be YYYY-MM, not ${JSON.stringify(round)}`);
  const ms = Date.UTC(Math.floor(index / 12), index % 12, 1, 12);
  return { date: new Date(ms).toISOString().slice(0, 10), ms };
}

/** Why a person cannot take part at all this round, or null. */
export function exclusion(p: MatchPerson, roundDate: string): MatchMessage | null {
  if (p.withdrawn === true) return { key: 'letsconnect-match-excluded-withdrawn', params: [] };
  if (p.listed === false) return { key: 'letsconnect-match-excluded-unlisted', params: [] };
  if (p.snoozeUntil !== '' && p.snoozeUntil > roundDate) {
    return { key: 'letsconnect-match-excluded-snoozed', params: [p.snoozeUntil] };
  }
  return null;
}

export interface HistoryView {
  /** Per learner, the sharers not to propose: recent pairs and ever declined ones. */
  blocked: Map<string, Set<string>>;
  /** Each learner's latest round with an approved or notified connection. */
  lastConnected: Map<string, number>;
}

export function isBlocked(view: HistoryView, learner: string, sharer: string): boolean {
  return view.blocked.get(learner)?.has(sharer) === true;
}

export function readHistory(
  history: readonly HistoryPair[],
  current: number,
  recentRounds: number,
): HistoryView {
  const blocked = new Map<string, Set<string>>();
  const lastConnected = new Map<string, number>();
  for (const h of history) {
    const index = roundIndex(h.round);
    // Only earlier rounds count, except a pair the working group declined this round: a
    // re-run of the round must not propose it again.
    const declined = h.status === 'declined';
    if (index === null || index > current || (index === current && !declined)) continue;
    const recent = current - index <= recentRounds;
    for (const learner of h.learners) {
      if (declined || recent) {
        const set = blocked.get(learner) ?? new Set<string>();
        set.add(h.sharer);
        blocked.set(learner, set);
      }
      if (h.status === 'approved' || h.status === 'notified') {
        lastConnected.set(learner, Math.max(lastConnected.get(learner) ?? -1, index));
      }
    }
  }
  return { blocked, lastConnected };
}

export function topicCategories(taxonomy: Taxonomy | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (taxonomy) for (const t of taxonomy.topics.values()) out.set(t.id, t.category);
  else for (const t of DEFAULT_TOPICS) out.set(t.id, t.category);
  return out;
}

/** bonus × (1 − ratio / largest ratio), for each key with at least `minPeople` people. */
function rarity(
  counts: Map<string, { people: number; sharers: number }>,
  bonus: number,
  minPeople: number,
): Map<string, number> {
  let top = 0;
  for (const c of counts.values())
    if (c.people >= minPeople) top = Math.max(top, c.sharers / c.people);
  const out = new Map<string, number>();
  if (top === 0) return out;
  for (const [key, c] of counts) {
    if (c.people >= minPeople) out.set(key, Math.round(bonus * (1 - c.sharers / c.people / top)));
  }
  return out;
}

const count = (
  map: Map<string, { people: number; sharers: number }>,
  key: string,
  sharer: boolean,
) => {
  const c = map.get(key) ?? { people: 0, sharers: 0 };
  c.people++;
  if (sharer) c.sharers++;
  map.set(key, c);
};

/**
 * The active people, sorted by user name so the result never depends on input order, and
 * the excluded ones with why. Each commitment (a connection the sharer already has this
 * month) takes one of its sharer's connections-a-month: `committed` says how many did.
 */
export function preparePeople(
  people: readonly MatchPerson[],
  round: string,
  history: HistoryView,
  config: MatchConfig,
  commitments: readonly Commitment[] = [],
): { active: Person[]; excluded: ExcludedPerson[]; committed: number } {
  const held = new Map<string, number>();
  for (const c of commitments) held.set(c.sharer, (held.get(c.sharer) ?? 0) + 1);
  let committed = 0;
  const { date, ms } = roundStart(round);
  const current = roundIndex(round) ?? 0;
  const zones = new ZoneOffsets(ms);
  const sorted = [...people].sort((a, b) =>
    a.username < b.username ? -1 : a.username > b.username ? 1 : 0,
  );
  const active: Person[] = [];
  const excluded: ExcludedPerson[] = [];
  const seen = new Set<string>();
  for (const p of sorted) {
    if (seen.has(p.username)) continue; // one page per person: a repeat is a caller's mistake
    seen.add(p.username);
    const reason = exclusion(p, date);
    if (reason) {
      excluded.push({ username: p.username, reason });
      continue;
    }
    const languages = new Map<string, number>();
    for (const l of p.languages) {
      const level = levelOf(l.level);
      if (level >= config.minLanguageLevel)
        languages.set(l.code, Math.max(level, languages.get(l.code) ?? 0));
    }
    if (p.share.length > 0)
      committed += Math.min(Math.max(0, p.connectionsPerMonth), held.get(p.username) ?? 0);
    const offset = zones.get(p.timezone);
    const last = history.lastConnected.get(p.username);
    const cap = config.weights.waitCapRounds;
    active.push({
      username: p.username,
      profile: p,
      languages,
      languageList: [...languages],
      mask:
        offset === null || p.availability.length === 0 ? null : weekMask(p.availability, offset),
      oneToOne: p.formats.includes('one-to-one'),
      smallGroup: p.formats.includes('small-group'),
      waited: last === undefined ? cap : Math.min(cap, current - last),
      neverConnected: last === undefined,
      capacity:
        p.share.length > 0 ? Math.max(0, p.connectionsPerMonth - (held.get(p.username) ?? 0)) : 0,
      rare: 0,
      rareReason: null,
    });
  }
  const regions = new Map<string, { people: number; sharers: number }>();
  const groups = new Map<string, { people: number; sharers: number }>();
  for (const a of active) {
    const sharer = a.capacity > 0;
    if (a.profile.region !== '') count(regions, a.profile.region, sharer);
    for (const g of new Set(a.profile.groups.map((g) => g.group.trim().toLowerCase())))
      count(groups, g, sharer);
  }
  // A region counts from any size; a group from three people, so one-person groups do not
  // all look "rare" and drown the signal.
  const regionBonus = rarity(regions, config.weights.rareSharer, 1);
  const groupBonus = rarity(groups, config.weights.rareSharer, 3);
  for (const a of active) {
    if (a.capacity === 0) continue;
    const r = regionBonus.get(a.profile.region) ?? 0;
    if (r > 0) {
      a.rare = r;
      a.rareReason = { key: 'letsconnect-match-reason-rare-region', params: [a.profile.region] };
    }
    for (const g of a.profile.groups) {
      const b = groupBonus.get(g.group.trim().toLowerCase()) ?? 0;
      if (b > a.rare) {
        a.rare = b;
        a.rareReason = { key: 'letsconnect-match-reason-rare-group', params: [g.group] };
      }
    }
  }
  return { active, excluded, committed };
}
