/**
 * A clinic's sessions as calendar events: one way to make them, used by the gadget's "Add to
 * my calendar" file and by the calendar feed calendar apps subscribe to (bot/feed). Each event
 * keeps the UID of its page and session, so a moved session updates the event a calendar
 * already has, and a cancelled clinic's events stay, marked cancelled.
 */
import { DEFAULT_CLINIC_MINUTES, type Clinic } from '../records/clinic';
import { icsUid, type IcsEvent } from './ics';
import { isTimeZone, utcToZoned } from './zoned-time';

/** Message text for a key (the gadget's mw.message, the bot's banana). */
export type EventTranslate = (key: string, ...params: string[]) => string;

/** What a clinic's events need of it. */
export type EventClinic = Pick<
  Clinic,
  'title' | 'sessions' | 'minutes' | 'timezone' | 'link' | 'description'
> & { status: string };

/** "Starts 2026-03-20 14:00 UTC (15:00 on 2026-03-20 in Europe/Berlin, the organiser's time)." */
function startsText(t: EventTranslate, start: string, zone: string): string {
  const utc = utcToZoned(start, 'UTC');
  if (!utc) return '';
  const local = zone !== 'UTC' && isTimeZone(zone) ? utcToZoned(start, zone) : null;
  return local
    ? t(
        'letsconnect-calendar-event-starts-zoned',
        `${utc.date} ${utc.time}`,
        `${local.date} ${local.time}`,
        zone,
      )
    : t('letsconnect-calendar-event-starts', `${utc.date} ${utc.time}`);
}

/**
 * The events of a clinic: one per session, or only `only` (the session someone chose). The
 * organiser's zone goes with each event (written as its TZID); a cancelled clinic's events
 * are marked cancelled.
 */
export function clinicEvents(
  t: EventTranslate,
  pageTitle: string,
  clinic: EventClinic,
  pageUrl: string,
  only: number | null = null,
): IcsEvent[] {
  const two = clinic.sessions.length > 1;
  return clinic.sessions.flatMap((start, i) => {
    const n = i + 1;
    if (only !== null && only !== n) return [];
    const description = [
      clinic.description,
      startsText(t, start, clinic.timezone),
      t('letsconnect-calendar-event-page', pageUrl),
    ]
      .filter((s) => s !== '')
      .join('\n\n');
    return [
      {
        uid: icsUid(pageTitle, n),
        start,
        minutes: clinic.minutes ?? DEFAULT_CLINIC_MINUTES,
        summary: two
          ? t('letsconnect-calendar-event-session', clinic.title, String(n))
          : clinic.title,
        description,
        location: clinic.link,
        url: pageUrl,
        zone: clinic.timezone,
        status: clinic.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      },
    ];
  });
}
