/**
 * The calendar feed's content, pure: what the clinics task publishes in
 * `User:<bot>/Calendar.json` (the clinics and learning spaces, and who holds a place in each),
 * and the two calendars the feed service (bot/feed) makes of it: the program's, and a
 * person's own places. Events are made by `clinicEvents`, as the gadget's file is.
 */
import { isTemporaryAccountName, sameUser } from '../accounts';
import { clinicRoster, type SignupEntry } from '../clinics/roster';
import { isPastClinic, sessionStarts } from '../clinics/summary';
import type { CalendarDocument, CalendarEntry, CalendarPlace } from '../documents/documents';
import { DEFAULT_CLINIC_MINUTES, type Clinic } from '../records/clinic';
import { clinicEvents, type EventTranslate } from './clinic-events';
import { icsCalendar, type IcsEvent } from './ics';

const DAY_MS = 86_400_000;
/** Past clinics stay in the feed this long, so a subscribed calendar keeps its history. */
export const FEED_KEEPS_DAYS = 365;

/** A clinic the task read, with its sign-ups when it read them (clinics still running). */
export interface FeedClinic {
  title: string;
  clinic: Clinic;
  /** Null: not read this run (a past clinic): its places are kept from the last document. */
  entries: readonly SignupEntry[] | null;
}

/**
 * Who holds a place: everyone confirmed or on the team in a session, and the sharers and
 * interpreters the page lists without a sign-up, for every session. Named accounts only.
 */
export function clinicPlaces(clinic: Clinic, entries: readonly SignupEntry[]): CalendarPlace[] {
  const roster = clinicRoster(clinic, entries);
  const places: CalendarPlace[] = [];
  for (const s of roster.sessions)
    for (const user of [...s.confirmed, ...s.team]) places.push({ user, session: s.session });
  const signedUp = entries.filter((e) => e.signup.cancelled === '').map((e) => e.signup.username);
  for (const user of [...clinic.sharers, ...clinic.interpreters])
    if (!signedUp.some((u) => sameUser(u, user)) && !places.some((p) => sameUser(p.user, user)))
      places.push({ user, session: 0 });
  return places.filter((p) => p.user.trim() !== '' && !isTemporaryAccountName(p.user));
}

function entryOf(page: string, kind: CalendarEntry['kind'], c: Clinic, places: CalendarPlace[]) {
  return {
    page,
    kind,
    title: c.title || page.slice(page.lastIndexOf('/') + 1),
    sessions: [...c.sessions],
    minutes: c.minutes ?? DEFAULT_CLINIC_MINUTES,
    timezone: c.timezone,
    link: c.link,
    description: c.description,
    status: c.status,
    places,
  };
}

/**
 * The document's entries: the clinics (those that ended more than a year ago left out) and
 * the learning spaces. A clinic whose sign-ups were not read this run keeps the places the
 * last document gave it, so a person's past clinics stay in their calendar.
 */
export function calendarEntries(input: {
  clinics: readonly FeedClinic[];
  spaces: readonly Clinic[];
  spacesPage: string;
  previous: CalendarDocument | null;
  nowMs: number;
}): CalendarEntry[] {
  const before = new Map((input.previous?.entries ?? []).map((e) => [e.page, e.places]));
  const since = input.nowMs - FEED_KEEPS_DAYS * DAY_MS;
  const recent = (c: Clinic) => sessionStarts(c).length > 0 && !isPastClinic(c, since);
  const clinics = input.clinics
    .filter((c) => recent(c.clinic))
    .map((c) =>
      entryOf(
        c.title,
        'clinic',
        c.clinic,
        c.entries ? clinicPlaces(c.clinic, c.entries) : (before.get(c.title) ?? []),
      ),
    );
  const spaces = input.spaces
    .filter((s) => recent(s))
    .map((s) => entryOf(`${input.spacesPage}#${s.title}`, 'space', s, []));
  return [...clinics, ...spaces].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
}

/** Which calendar a request asks for: the program's, or one person's places. */
export type FeedScope = { kind: 'program' } | { kind: 'person'; user: string };

/** The events of a calendar: every entry's sessions, or only the person's own. */
export function feedEvents(
  doc: CalendarDocument,
  scope: FeedScope,
  t: EventTranslate,
  absoluteUrl: (title: string) => string,
): IcsEvent[] {
  return doc.entries.flatMap((e) => {
    // A learning space's page is the spaces page (its title after '#').
    const url = absoluteUrl(e.page.split('#')[0]!);
    if (scope.kind === 'program') return clinicEvents(t, e.page, e, url);
    const mine = e.places.filter((p) => sameUser(p.user, scope.user));
    if (mine.length === 0) return [];
    const sessions = new Set(mine.map((p) => p.session));
    return sessions.has(0)
      ? clinicEvents(t, e.page, e, url)
      : [...sessions].sort().flatMap((n) => clinicEvents(t, e.page, e, url, n));
  });
}

/** The feed's text: an iCalendar file that asks calendar apps to fetch it again hourly. */
export function feedCalendar(
  doc: CalendarDocument,
  scope: FeedScope,
  t: EventTranslate,
  absoluteUrl: (title: string) => string,
): string {
  const name =
    scope.kind === 'program'
      ? t('letsconnect-calendar-name')
      : t('letsconnect-calendar-feed-person-name', scope.user);
  return icsCalendar(feedEvents(doc, scope, t, absoluteUrl), {
    stamp: new Date(Date.parse(doc.generated) || 0),
    name,
    refreshMinutes: 60,
  });
}
