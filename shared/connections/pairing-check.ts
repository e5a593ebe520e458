/**
 * Whether the people of a proposal can meet as it says, by the matching engine's own rules:
 * everyone has a listed, active profile; the sharer shares the topic (their own or, if they
 * opted in, from the Capacity Exchange) and has room this month;
 * each learner wants the topic (or, as the engine allows, one of its category); they have a
 * workable language in common and all accept the format; no learner is in two live
 * connections of the round.
 *
 * One rule for two places: the gadget checks a working-group member's swap before saving it
 * (and suggests only people who pass), and the bot holds back an approved proposal that fails
 * it (a swap typed by hand on the page, or a profile changed since), saying why.
 */
import { entryTopics, type DirectoryEntry } from '../documents/documents';
import { DEFAULT_MATCH_CONFIG } from '../matching/config';
import { levelOf } from '../matching/people';
import type { Proposal } from '../records/proposal';
import type { ProposalStatus } from '../records/vocabulary';

export const PAIRING_PROBLEMS = [
  'unknown',
  'snoozed',
  'not-sharing',
  'not-learning',
  'full',
  'in-round',
  'format',
  'language',
] as const;
export type PairingProblem = (typeof PAIRING_PROBLEMS)[number];

/** The message that says a problem (or the notifier's pause) in words, the person's name as $1. */
export const pairingProblemKey = (problem: PairingProblem | 'paused'): string =>
  `letsconnect-pairing-${problem}`;

export interface PairingFinding {
  user: string;
  problem: PairingProblem;
}

/** Statuses of proposals that still hold a place in the round. */
const LIVE: ReadonlyArray<ProposalStatus | ''> = ['', 'proposed', 'approved', 'notified'];

export interface PairingContext {
  /** The published directory: listed, active people only, by user name. */
  people: ReadonlyMap<string, DirectoryEntry>;
  /** Every proposal of the round (the one checked may be among them: it is skipped by id). */
  round: readonly Proposal[];
  /** `YYYY-MM-DD`: a snooze until after today holds a person back. */
  today: string;
  /** Topic id → category id, for the engine's category fallback; empty: exact topics only. */
  categories: ReadonlyMap<string, string>;
  minLanguageLevel?: number;
  /**
   * Proposals the engine bridged by interpretation (the round's interpretation languages):
   * their people have no common language by design, so that is not asked of them.
   */
  interpreted?: ReadonlySet<string>;
}

const workable = (e: DirectoryEntry, min: number): Set<string> =>
  new Set(e.languages.filter((l) => levelOf(l.level) >= min).map((l) => l.code));

/** Every finding that keeps `p`'s people from meeting as it says; empty when they can. */
export function pairingProblems(p: Proposal, ctx: PairingContext): PairingFinding[] {
  const found: PairingFinding[] = [];
  const min = ctx.minLanguageLevel ?? DEFAULT_MATCH_CONFIG.minLanguageLevel;
  const others = ctx.round.filter((o) => o.id !== p.id && LIVE.includes(o.status));
  const known: DirectoryEntry[] = [];
  const people = [p.sharer, ...p.learners];
  for (const user of people) {
    const entry = ctx.people.get(user);
    if (!entry) {
      found.push({ user, problem: 'unknown' });
      continue;
    }
    known.push(entry);
    if (entry.snoozeUntil !== '' && entry.snoozeUntil > ctx.today)
      found.push({ user, problem: 'snoozed' });
    if (user === p.sharer) {
      if (!entryTopics(entry, 'share').includes(p.topic))
        found.push({ user, problem: 'not-sharing' });
      const taken = others.filter((o) => o.sharer === user).length;
      if (taken >= entry.connectionsPerMonth) found.push({ user, problem: 'full' });
    } else {
      const category = ctx.categories.get(p.topic);
      const wants = entryTopics(entry, 'learn').some(
        (t) => t === p.topic || (category !== undefined && ctx.categories.get(t) === category),
      );
      if (!wants) found.push({ user, problem: 'not-learning' });
      // A connection the learner made themselves does not take the place of a proposed one.
      const proposedToo = others.some((o) => o.origin !== 'self-made' && o.learners.includes(user));
      if (proposedToo) found.push({ user, problem: 'in-round' });
    }
    if (p.format !== '' && !entry.formats.includes(p.format))
      found.push({ user, problem: 'format' });
  }
  // A language in common is a property of the group. Whoever lacks the one the others share
  // is named; when no one stands out (a pair, say), everyone is.
  if (known.length > 1 && ctx.interpreted?.has(p.id) !== true) {
    const sets = known.map((e) => workable(e, min));
    const commonOf = (group: Array<Set<string>>) =>
      [...(group[0] ?? [])].filter((code) => group.every((s) => s.has(code)));
    if (commonOf(sets).length === 0) {
      const odd = known.filter((_, i) => commonOf(sets.filter((_, j) => j !== i)).length > 0);
      for (const e of odd.length > 0 ? odd : known)
        found.push({ user: e.username, problem: 'language' });
    }
  }
  return found;
}

/** `p` with `to` in place of `from` (the sharer or a learner). */
export function swapped(p: Proposal, from: string, to: string): Proposal {
  if (p.sharer === from) return { ...p, sharer: to };
  return { ...p, learners: p.learners.map((l) => (l === from ? to : l)) };
}

/** What keeps `to` from taking `from`'s place in `p`: the findings about `to` alone. */
export function swapProblems(
  p: Proposal,
  from: string,
  to: string,
  ctx: PairingContext,
): PairingProblem[] {
  return pairingProblems(swapped(p, from, to), ctx)
    .filter((f) => f.user === to)
    .map((f) => f.problem);
}

/**
 * People who could take `from`'s place in `p`, whose names contain `query` (any case): names
 * that start with it first, then by name; at most `limit`.
 */
export function swapCandidates(
  p: Proposal,
  from: string,
  query: string,
  ctx: PairingContext,
  limit = 8,
): string[] {
  const q = query.trim().replace(/_/g, ' ').toLowerCase();
  const inProposal = new Set([p.sharer, ...p.learners]);
  const fits: string[] = [];
  for (const name of ctx.people.keys()) {
    if (inProposal.has(name) || !name.toLowerCase().includes(q)) continue;
    if (swapProblems(p, from, name, ctx).length === 0) fits.push(name);
  }
  const starts = (n: string) => (n.toLowerCase().startsWith(q) ? 0 : 1);
  return fits.sort((a, b) => starts(a) - starts(b) || a.localeCompare(b)).slice(0, limit);
}
