/**
 * Who is invited to which upcoming clinic, decided from data alone. A person is invited to
 * a clinic when all of these hold:
 * - the clinic is upcoming and open for sign-ups (status planned or open), and its first
 *   session is within the invitation horizon (default 6 weeks): an invitation months ahead
 *   is forgotten by the day; the clinic is invited to once it comes within the horizon;
 * - the person is in the published directory (so listed and not withdrawn), has the
 *   `clinic-participant` format (they opted in to clinics) and wants to learn its topic;
 * - they are not snoozed, not on the clinic's team (host, sharers) and have no sign-up page
 *   for it (cancelled or not: they know about it);
 * - they were never invited to (or refused by their talk page for) this clinic, and had no
 *   invitation in the last 7 days, to any clinic.
 * At most one invitation a person per run: the soonest clinic first.
 */
import type { DirectoryEntry } from '../documents/documents';
import type { Clinic } from '../records/clinic';
import type { ClinicStatus } from '../records/vocabulary';
import { isUpcomingClinic, sessionStarts } from './summary';

export const INVITATION_POLICY = {
  /** Days between two invitations to the same person, across clinics. */
  minDaysBetween: 7,
  /** The profile format that says "invite me to clinics". */
  format: 'clinic-participant',
  statuses: ['planned', 'open'] as readonly ClinicStatus[],
  /** Days ahead a clinic's first session may be and still be invited to (the bot's default). */
  horizonDays: 42,
} as const;

const DAY_MS = 86_400_000;

/** An invitation the bot left (or was refused by the talk page's {{bots}}/{{nobots}}). */
export interface InvitationRecord {
  /** The clinic page's title. */
  clinic: string;
  user: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  at: string;
  status: 'sent' | 'excluded';
}

export interface UpcomingClinic {
  title: string;
  clinic: Clinic;
  /** Everyone with a sign-up page for it (by its owner), cancelled or not. */
  signedUp: ReadonlySet<string>;
}

export interface PlannedInvitation {
  key: string;
  clinic: string;
  user: string;
}

export type InvitationSkip =
  | 'not-opted-in'
  | 'snoozed'
  | 'team'
  | 'signed-up'
  | 'already-invited'
  | 'invited-recently'
  | 'one-per-run';

export interface InvitationPlan {
  invitations: PlannedInvitation[];
  /** People interested in a clinic's topic who are not invited, and why. */
  skipped: Array<{ clinic: string; user: string; reason: InvitationSkip }>;
}

/** The hidden marker's key: one invitation per clinic and person. */
export const invitationKey = (clinic: string, user: string): string => `invite:${clinic}:${user}`;

export function planInvitations(input: {
  now: Date;
  clinics: readonly UpcomingClinic[];
  people: readonly DirectoryEntry[];
  sent: readonly InvitationRecord[];
  /** How many days ahead a clinic may start and be invited to (default: the policy's). */
  horizonDays?: number;
}): InvitationPlan {
  const horizonMs = (input.horizonDays ?? INVITATION_POLICY.horizonDays) * DAY_MS;
  const nowMs = input.now.getTime();
  const today = input.now.toISOString().slice(0, 10);
  const done = new Set(input.sent.map((r) => invitationKey(r.clinic, r.user)));
  const lastSent = new Map<string, number>();
  for (const r of input.sent) {
    if (r.status !== 'sent') continue;
    lastSent.set(r.user, Math.max(lastSent.get(r.user) ?? 0, Date.parse(r.at)));
  }
  const chosen = new Set<string>();
  const plan: InvitationPlan = { invitations: [], skipped: [] };
  const open = input.clinics
    .filter(
      (c) =>
        isUpcomingClinic(c.clinic, nowMs) &&
        (sessionStarts(c.clinic)[0] ?? Infinity) - nowMs <= horizonMs &&
        INVITATION_POLICY.statuses.includes(c.clinic.status as ClinicStatus),
    )
    .sort(
      (a, b) =>
        (sessionStarts(a.clinic)[0] ?? 0) - (sessionStarts(b.clinic)[0] ?? 0) ||
        (a.title < b.title ? -1 : 1),
    );
  for (const c of open) {
    const team = new Set([c.clinic.host, ...c.clinic.sharers]);
    for (const person of input.people) {
      if (!person.learn.includes(c.clinic.topic)) continue;
      const user = person.username;
      const reason = ((): InvitationSkip | null => {
        if (!person.formats.includes(INVITATION_POLICY.format)) return 'not-opted-in';
        if (person.snoozeUntil !== '' && person.snoozeUntil > today) return 'snoozed';
        if (team.has(user)) return 'team';
        if (c.signedUp.has(user)) return 'signed-up';
        if (done.has(invitationKey(c.title, user))) return 'already-invited';
        const last = lastSent.get(user);
        if (last !== undefined && nowMs - last < INVITATION_POLICY.minDaysBetween * DAY_MS)
          return 'invited-recently';
        if (chosen.has(user)) return 'one-per-run';
        return null;
      })();
      if (reason) {
        plan.skipped.push({ clinic: c.title, user, reason });
        continue;
      }
      chosen.add(user);
      plan.invitations.push({ key: invitationKey(c.title, user), clinic: c.title, user });
    }
  }
  return plan;
}
