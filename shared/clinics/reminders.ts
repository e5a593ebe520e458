/**
 * The clinic messages that keep a clinic running without anyone chasing people, decided from
 * data alone:
 * - a **reminder** to each person with a place (and each sharer and interpreter) once their
 *   session is within the reminder window (default 24 to 48 hours ahead): one per person and
 *   clinic, with the sessions that concern them;
 * - a **moved-up** notice to each person who waited and now has a place because someone
 *   cancelled: one per person and clinic, before their session starts.
 * Each message has a key; the bot marks the talk page with it and keeps a ledger, so nothing
 * goes twice (shared/clinics/invitations.ts does the same for invitations).
 */
import type { Clinic } from '../records/clinic';
import { clinicRoster, type Roster, type SignupEntry } from './roster';
import { sessionStarts } from './summary';

const HOUR_MS = 3_600_000;

export const REMINDER_POLICY = {
  /** Hours ahead of a session: a reminder goes when the session is between these two. */
  fromHours: 24,
  toHours: 48,
} as const;

export type ClinicNoticeKind = 'reminder' | 'moved-up';

/** A clinic message the bot left (or the talk page's {{bots}}/{{nobots}} refused). */
export interface ClinicNoticeRecord {
  key: string;
  kind: ClinicNoticeKind;
  /** The clinic page's title. */
  clinic: string;
  user: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  at: string;
  status: 'sent' | 'excluded';
}

export interface ClinicWithSignups {
  title: string;
  clinic: Clinic;
  /** Sign-ups by their owners (cancelled ones too). */
  entries: readonly SignupEntry[];
}

export interface PlannedClinicNotice {
  key: string;
  kind: ClinicNoticeKind;
  clinic: string;
  user: string;
  /** The sessions (1, 2…) the message is about. */
  sessions: number[];
  /** What the person does at the clinic. */
  role: 'participant' | 'team';
}

export const reminderKey = (clinic: string, user: string): string => `remind:${clinic}:${user}`;
export const movedUpKey = (clinic: string, user: string): string => `moved-up:${clinic}:${user}`;

const open = (c: Clinic): boolean => c.status !== 'cancelled' && c.status !== 'done';

/**
 * Whether `user` waited when they signed up and holds a place now: the roster as it stood
 * when they signed up (only cancellations made before that count) has them waiting, the
 * roster now gives them a place. Without the time they signed up, no one can tell: no notice.
 */
export function movedUp(
  clinic: Clinic,
  entries: readonly SignupEntry[],
  now: Roster,
  user: string,
): number | null {
  const mine = entries.find((e) => e.signup.username === user);
  if (!mine || mine.signup.signed === '' || mine.signup.cancelled !== '') return null;
  const signed = mine.signup.signed;
  const then = clinicRoster(
    clinic,
    entries.map((e) =>
      e.signup.cancelled !== '' && e.signup.cancelled > signed
        ? { ...e, signup: { ...e.signup, cancelled: '' } }
        : e,
    ),
  );
  const waitedIn = then.sessions.find((s) => s.waiting.includes(user));
  const placeIn = now.sessions.find((s) => s.confirmed.includes(user));
  return waitedIn && placeIn ? placeIn.session : null;
}

export function planClinicNotices(input: {
  now: Date;
  clinics: readonly ClinicWithSignups[];
  sent: readonly ClinicNoticeRecord[];
  window?: { fromHours: number; toHours: number };
}): PlannedClinicNotice[] {
  const nowMs = input.now.getTime();
  const { fromHours, toHours } = input.window ?? REMINDER_POLICY;
  const done = new Set(input.sent.map((r) => r.key));
  const planned: PlannedClinicNotice[] = [];
  const add = (n: Omit<PlannedClinicNotice, 'key'>) => {
    const key =
      n.kind === 'reminder' ? reminderKey(n.clinic, n.user) : movedUpKey(n.clinic, n.user);
    if (done.has(key)) return;
    done.add(key);
    planned.push({ key, ...n });
  };
  for (const c of input.clinics) {
    if (!open(c.clinic)) continue;
    const starts = sessionStarts(c.clinic);
    const roster = clinicRoster(c.clinic, c.entries);
    const ahead = (session: number): number =>
      ((starts[session - 1] ?? -Infinity) - nowMs) / HOUR_MS;
    const inWindow = (session: number): boolean =>
      ahead(session) >= fromHours && ahead(session) <= toHours;

    // Moved up: only while their session is still ahead (after it, the news is no use).
    for (const s of roster.sessions) {
      if (ahead(s.session) <= 0) continue;
      for (const user of s.confirmed) {
        if (movedUp(c.clinic, c.entries, roster, user) !== null)
          add({
            kind: 'moved-up',
            clinic: c.title,
            user,
            sessions: [s.session],
            role: 'participant',
          });
      }
    }

    // Reminders: people with a place and the team signed up for a session, for that session;
    // the sharers and interpreters the page lists without a sign-up, for every session, once
    // the first one comes into the window.
    for (const s of roster.sessions) {
      if (!inWindow(s.session)) continue;
      for (const user of s.confirmed)
        add({
          kind: 'reminder',
          clinic: c.title,
          user,
          sessions: [s.session],
          role: 'participant',
        });
      for (const user of s.team)
        add({ kind: 'reminder', clinic: c.title, user, sessions: [s.session], role: 'team' });
    }
    const signedUp = new Set(
      c.entries.filter((e) => e.signup.cancelled === '').map((e) => e.signup.username),
    );
    const all = roster.sessions.map((s) => s.session).filter((n) => ahead(n) > 0);
    if (all.length > 0 && inWindow(all[0]!)) {
      for (const user of [...c.clinic.sharers, ...c.clinic.interpreters]) {
        if (signedUp.has(user)) continue;
        add({ kind: 'reminder', clinic: c.title, user, sessions: all, role: 'team' });
      }
    }
  }
  return planned;
}
