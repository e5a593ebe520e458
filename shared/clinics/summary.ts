/**
 * The numbers of a past clinic's summary, from its page, its computed roster and the
 * feedback its people wrote on their own pages. Definitions, as printed on the summary:
 * - confirmed: participants holding a place at the end (cancellations freed theirs, the
 *   waiting list moved up); sharers and interpreters are counted apart;
 * - attendance rate: attended (the host's count on the clinic page) ÷ confirmed; when more
 *   came than had a place (walk-ins), there is no rate: "13 attended, 12 had a place";
 * - feedback rate: people who gave feedback ÷ attended, or ÷ confirmed while the host has
 *   not recorded attendance (the summary says which);
 * - usefulness share: "useful: yes" ÷ people who answered the question;
 * - mean rating: mean of the 1–5 ratings given;
 * - topics wanted next: how many people named each topic, most named first.
 */
import { DEFAULT_CLINIC_MINUTES, type Clinic, type Feedback } from '../records/clinic';
import type { Roster } from './roster';

const MINUTE_MS = 60_000;

export interface TopicCount {
  topic: string;
  count: number;
}

export interface ClinicSummary {
  confirmed: number;
  waiting: number;
  cancelled: number;
  team: number;
  attended: number | null;
  /** attended ÷ confirmed, or null when either is missing, confirmed is 0 or walk-ins made attended larger. */
  attendanceRate: number | null;
  feedbackGiven: number;
  /** What the feedback rate is divided by. */
  feedbackBase: 'attended' | 'confirmed';
  feedbackRate: number | null;
  usefulYes: number;
  usefulAnswers: number;
  usefulShare: number | null;
  ratings: number;
  meanRating: number | null;
  wanted: TopicCount[];
}

const ratio = (n: number, d: number | null): number | null =>
  d === null || d === 0 ? null : n / d;

/** Each person's feedback once (the newest `given` wins when a name appears twice). */
function onePerPerson(feedback: readonly Feedback[]): Feedback[] {
  const byUser = new Map<string, Feedback>();
  for (const f of feedback) {
    const seen = byUser.get(f.username);
    if (!seen || f.given > seen.given) byUser.set(f.username, f);
  }
  return [...byUser.values()];
}

export function summariseClinic(
  clinic: Pick<Clinic, 'attended'>,
  roster: Roster,
  feedback: readonly Feedback[],
): ClinicSummary {
  const sum = (f: (s: Roster['sessions'][number]) => number) =>
    roster.sessions.reduce((n, s) => n + f(s), 0);
  const confirmed = sum((s) => s.confirmed.length);
  const given = onePerPerson(feedback);
  const answered = given.filter((f) => f.useful !== null);
  const rated = given.filter((f) => f.rating !== null);
  const wanted = new Map<string, number>();
  for (const f of given) for (const t of new Set(f.wanted)) wanted.set(t, (wanted.get(t) ?? 0) + 1);
  const feedbackBase = clinic.attended === null ? 'confirmed' : 'attended';
  return {
    confirmed,
    waiting: sum((s) => s.waiting.length),
    cancelled: roster.cancelled.length,
    team: sum((s) => s.team.length),
    attended: clinic.attended,
    attendanceRate:
      clinic.attended === null || clinic.attended > confirmed
        ? null
        : ratio(clinic.attended, confirmed),
    feedbackGiven: given.length,
    feedbackBase,
    feedbackRate: ratio(given.length, feedbackBase === 'attended' ? clinic.attended : confirmed),
    usefulYes: answered.filter((f) => f.useful === true).length,
    usefulAnswers: answered.length,
    usefulShare: ratio(answered.filter((f) => f.useful === true).length, answered.length),
    ratings: rated.length,
    meanRating: ratio(
      rated.reduce((n, f) => n + (f.rating ?? 0), 0),
      rated.length,
    ),
    wanted: [...wanted]
      .map(([topic, count]) => ({ topic, count }))
      .sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : 1)),
  };
}

/** Start of each session in ms (sessions that do not parse are left out), earliest first. */
export function sessionStarts(clinic: Pick<Clinic, 'sessions'>): number[] {
  return clinic.sessions
    .map((s) => Date.parse(s))
    .filter((ms) => !Number.isNaN(ms))
    .sort((a, b) => a - b);
}

/** A clinic is past once its last session has ended. */
export function isPastClinic(clinic: Pick<Clinic, 'sessions' | 'minutes'>, nowMs: number): boolean {
  const starts = sessionStarts(clinic);
  const last = starts[starts.length - 1];
  if (last === undefined) return false;
  return last + (clinic.minutes ?? DEFAULT_CLINIC_MINUTES) * MINUTE_MS <= nowMs;
}

/** Upcoming: its first session is still ahead, and it is not cancelled or done. */
export function isUpcomingClinic(
  clinic: Pick<Clinic, 'sessions' | 'status'>,
  nowMs: number,
): boolean {
  const first = sessionStarts(clinic)[0];
  return (
    first !== undefined &&
    first > nowMs &&
    clinic.status !== 'cancelled' &&
    clinic.status !== 'done'
  );
}
