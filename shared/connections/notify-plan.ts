/**
 * Who the notifier writes to, and what, decided from data alone: the rounds' accepted
 * proposals and the messages already sent, the outcomes reported, the published directory
 * and the paused list. The bot then sends each planned message at most once (its talk-page
 * marker makes a re-run after a crash find what was already sent).
 */
import type { DirectoryEntry, HeldBack, MatchHistory, SentMessage } from '../documents/documents';
import type { Outcome, Proposal } from '../records/proposal';
import { pairingProblems, type PairingProblem } from './pairing-check';

export const NOTIFY_POLICY = {
  /** Days after an introduction before the first reminder to record an outcome. */
  followUpDays: 7,
  /** Days after the first reminder before the last one. */
  lastFollowUpDays: 7,
  /** Introductions left unanswered in a row before a person is paused. */
  pauseAfter: 3,
} as const;

const DAY_MS = 86_400_000;

export type MessageKind = SentMessage['kind'];

export const messageKey = (kind: MessageKind, proposal: string, user: string): string =>
  `${kind}:${proposal}:${user}`;

export interface PlannedMessage {
  kind: MessageKind;
  key: string;
  round: string;
  proposal: Proposal;
  user: string;
}

/** Why someone is not written to: a pairing problem (see pairing-check.ts), or a pause. */
export type HoldReason = PairingProblem | 'paused';

export interface NotifyPlan {
  messages: PlannedMessage[];
  /** Approved proposals not introduced yet, and why: a participant cannot be written to now. */
  held: Array<{ round: string; proposal: string; user: string; reason: HoldReason }>;
  /** People to pause now (their last introductions all went unanswered). */
  pause: string[];
  /** Paused people who came back (saved their profile or reported an outcome since). */
  resume: string[];
}

export interface NotifyInput {
  now: Date;
  rounds: readonly MatchHistory[];
  /** The published directory: listed, active people only. */
  people: ReadonlyMap<string, DirectoryEntry>;
  /** Paused people and since when (`YYYY-MM-DD`). */
  paused: ReadonlyMap<string, string>;
  /** Reports by proposal id, then by reporter. */
  outcomes: ReadonlyMap<string, ReadonlyMap<string, Outcome>>;
  /** Topic id → category id, for the pairing check's category fallback (none: exact topics). */
  categories?: ReadonlyMap<string, string>;
}

export const participants = (p: Proposal): string[] => [p.sharer, ...p.learners];

/** A proposed connection a participant called off ("not this month", "not a good fit"). */
const saidNo = (p: Proposal): boolean =>
  p.origin !== 'self-made' &&
  (p.status === 'cancelled' || p.status === 'declined') &&
  participants(p).includes(p.reviewer);

/** Proposals of `round` the engine bridged by interpretation (their reasons say so). */
const bridgedIds = (round: MatchHistory): Set<string> =>
  new Set(
    Object.entries(round.reasons)
      .filter(([, reasons]) =>
        reasons.some((m) => m.key === 'letsconnect-match-reason-interpretation'),
      )
      .map(([id]) => id),
  );

/** Why `user` cannot be written to today, or null. */
function holdReason(input: NotifyInput, user: string, today: string): HoldReason | null {
  const entry = input.people.get(user);
  if (!entry) return 'unknown';
  if (entry.snoozeUntil !== '' && entry.snoozeUntil > today) return 'snoozed';
  if (input.paused.has(user)) return 'paused';
  return null;
}

const reported = (input: NotifyInput, proposal: string, user: string): boolean =>
  input.outcomes.get(proposal)?.has(user) === true;

/** Introductions that can no longer be answered in time: the last reminder's wait is over. */
function settledIntros(input: NotifyInput, nowMs: number): Map<string, SentMessage[]> {
  const window = (NOTIFY_POLICY.followUpDays + NOTIFY_POLICY.lastFollowUpDays) * DAY_MS;
  const out = new Map<string, SentMessage[]>();
  for (const round of input.rounds) {
    for (const m of round.messages) {
      if (m.kind !== 'intro' || m.status !== 'sent') continue;
      if (nowMs - Date.parse(m.at) < window) continue;
      const list = out.get(m.user) ?? [];
      list.push(m);
      out.set(m.user, list);
    }
  }
  return out;
}

export function planNotifications(input: NotifyInput): NotifyPlan {
  const nowMs = input.now.getTime();
  const today = input.now.toISOString().slice(0, 10);
  const plan: NotifyPlan = { messages: [], held: [], pause: [], resume: [] };

  for (const [user, since] of input.paused) {
    const entry = input.people.get(user);
    const answered = [...input.outcomes.values()].some((byUser) => byUser.has(user));
    if ((entry && entry.updated !== '' && entry.updated.slice(0, 10) > since) || answered) {
      plan.resume.push(user);
    }
  }
  const resumed = new Set(plan.resume);

  for (const [user, intros] of settledIntros(input, nowMs)) {
    if (input.paused.has(user)) continue;
    const latest = intros.sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, NOTIFY_POLICY.pauseAfter);
    if (
      latest.length === NOTIFY_POLICY.pauseAfter &&
      latest.every((m) => !reported(input, m.proposal, user))
    ) {
      plan.pause.push(user);
    }
  }
  const pausing = new Set(plan.pause);
  /** Why `user` gets no message this run, taking this run's pauses and resumptions in. */
  const blocked = (user: string): HoldReason | null => {
    if (pausing.has(user)) return 'paused';
    const reason = holdReason(input, user, today);
    return reason === 'paused' && resumed.has(user) ? null : reason;
  };

  for (const round of input.rounds) {
    const sent = new Map(round.messages.map((m) => [m.key, m]));
    for (const p of round.proposals) {
      if (p.status === 'approved') {
        // Approved is not enough: the people must still be able to meet as the proposal says
        // (a swap typed by hand, or a profile changed since the review, may say otherwise).
        // A connection people made themselves is theirs to judge: only who may be written to
        // counts, not the matcher's rules.
        const findings =
          p.origin === 'self-made'
            ? []
            : pairingProblems(p, {
                people: input.people,
                round: round.proposals,
                today,
                categories: input.categories ?? new Map(),
                interpreted: bridgedIds(round),
              });
        const holds = participants(p).flatMap((user) => {
          const reasons: HoldReason[] = findings
            .filter((f) => f.user === user)
            .map((f) => f.problem);
          const reason = blocked(user);
          if (reason && !reasons.includes(reason)) reasons.unshift(reason);
          return reasons.map((r) => ({ round: round.round, proposal: p.id, user, reason: r }));
        });
        if (holds.length > 0) {
          plan.held.push(...holds);
          continue;
        }
        for (const user of participants(p)) {
          const key = messageKey('intro', p.id, user);
          if (!sent.has(key))
            plan.messages.push({ kind: 'intro', key, round: round.round, proposal: p, user });
        }
      } else if (saidNo(p)) {
        // Someone said no after their introduction (replies.ts sets the status and names them
        // as the reviewer): each other participant who was introduced is told, once. Why it is
        // not a good fit stays in the round's note, for the working group.
        const kind = p.status === 'cancelled' ? 'not-this-month' : 'not-a-good-fit';
        for (const user of participants(p)) {
          if (user === p.reviewer || !input.people.has(user)) continue;
          if (sent.get(messageKey('intro', p.id, user))?.status !== 'sent') continue;
          const key = messageKey(kind, p.id, user);
          if (!sent.has(key))
            plan.messages.push({ kind, key, round: round.round, proposal: p, user });
        }
      } else if (p.status === 'notified') {
        for (const user of participants(p)) {
          if (reported(input, p.id, user) || blocked(user) !== null) continue;
          const intro = sent.get(messageKey('intro', p.id, user));
          if (intro?.status !== 'sent') continue;
          const first = sent.get(messageKey('follow-up', p.id, user));
          const last = sent.get(messageKey('last-follow-up', p.id, user));
          if (!first) {
            if (nowMs - Date.parse(intro.at) >= NOTIFY_POLICY.followUpDays * DAY_MS) {
              const key = messageKey('follow-up', p.id, user);
              plan.messages.push({ kind: 'follow-up', key, round: round.round, proposal: p, user });
            }
          } else if (!last && first.status === 'sent') {
            if (nowMs - Date.parse(first.at) >= NOTIFY_POLICY.lastFollowUpDays * DAY_MS) {
              const key = messageKey('last-follow-up', p.id, user);
              plan.messages.push({
                kind: 'last-follow-up',
                key,
                round: round.round,
                proposal: p,
                user,
              });
            }
          }
        }
      }
    }
  }
  return plan;
}

/** Approved proposals whose every participant has had their introduction (or refused bots). */
export function introducedProposals(round: MatchHistory): string[] {
  const sent = new Set(round.messages.filter((m) => m.kind === 'intro').map((m) => m.key));
  return round.proposals
    .filter(
      (p) =>
        p.status === 'approved' &&
        participants(p).every((u) => sent.has(messageKey('intro', p.id, u))),
    )
    .map((p) => p.id);
}

/**
 * Round `round`'s held-back rows for its document: this run's, each keeping the date it was
 * first held back for that reason.
 */
export function heldBackRows(
  previous: readonly HeldBack[] | undefined,
  held: NotifyPlan['held'],
  round: string,
  today: string,
): HeldBack[] {
  const key = (h: { proposal: string; user: string; reason: string }) =>
    `${h.proposal}|${h.user}|${h.reason}`;
  const since = new Map((previous ?? []).map((h) => [key(h), h.since]));
  return held
    .filter((h) => h.round === round)
    .map(({ proposal, user, reason }) => ({
      proposal,
      user,
      reason,
      since: since.get(key({ proposal, user, reason })) ?? today,
    }));
}
