/**
 * An iCalendar (RFC 5545) file, written with no DOM and no network: the gadget offers it as a
 * download ("Add to my calendar", "My learning calendar") and the calendar feed serves it to
 * subscribed calendar apps (bot/feed). Times are UTC (`…Z`), or, for an event with its
 * organiser's zone, wall-clock times with that zone's TZID and a VTIMEZONE the file carries
 * (vtimezone.ts), so a calendar shows them right in any time zone and across daylight-saving
 * changes; text is escaped and lines folded at 75 octets as the RFC asks; every event has a
 * stable UID, so importing the file again updates the events instead of duplicating them.
 */
import { isTimeZone } from './zoned-time';
import { vtimezoneLines, zonedIcsTime } from './vtimezone';

export interface IcsEvent {
  /** Stable across downloads (see `icsUid`). */
  uid: string;
  /** Start, UTC `YYYY-MM-DDTHH:MMZ` (or any string Date.parse reads as UTC). */
  start: string;
  /** Length in minutes. */
  minutes: number;
  summary: string;
  description?: string;
  /** Where: a meeting link, or ''. */
  location?: string;
  /** The event's page. */
  url?: string;
  /**
   * The organiser's IANA time zone: start and end are written as its wall-clock times with a
   * TZID (and the file gets the zone's VTIMEZONE). Absent, 'UTC' or unknown: UTC times.
   */
  zone?: string;
  /** A cancelled event stays in a feed as `STATUS:CANCELLED`, so calendars show it struck. */
  status?: 'CONFIRMED' | 'CANCELLED';
}

export interface IcsOptions {
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  /** The calendar's name, shown by most calendar programs. */
  name?: string;
  prodId?: string;
  /**
   * For a subscription: how often calendar apps should fetch it again (REFRESH-INTERVAL,
   * RFC 7986, and Outlook's X-PUBLISHED-TTL), in minutes.
   */
  refreshMinutes?: number;
}

export const ICS_PRODID = "-//Wikimedia Let's Connect//Learning clinics//EN";

/** `20250612T060000Z`: a UTC date-time as RFC 5545 writes it. */
export function icsUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT escaping: backslash, semicolon, comma, newlines (RFC 5545 §3.3.11). */
export function escapeIcsText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT: dropped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/** How many octets a character takes in UTF-8. */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line into lines of at most 75 octets (the continuation's leading space
 * counts), never inside a UTF-8 sequence or a surrogate pair.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A short, stable hash (FNV-1a, 32 bits) in base 36. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** A UID that stays the same for the same page and session, whoever downloads it. */
export function icsUid(
  pageTitle: string,
  session: number,
  domain = 'letsconnect.wikimedia',
): string {
  const slug = pageTitle
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .toLowerCase();
  return `${slug}-${hash(pageTitle)}-${session}@${domain}`;
}

/** The zone an event is written in: its organiser's, when that is a real zone other than UTC. */
function eventZone(e: IcsEvent): string | null {
  return e.zone && e.zone !== 'UTC' && isTimeZone(e.zone) ? e.zone : null;
}

/** `DTSTART:…Z`, or `DTSTART;TZID=Europe/Berlin:20260320T150000`. */
function timeLine(name: string, date: Date, zone: string | null): string {
  return zone
    ? `${name};TZID=${zone}:${zonedIcsTime(date.getTime(), zone)}`
    : `${name}:${icsUtc(date)}`;
}

function eventLines(e: IcsEvent, stamp: string): string[] {
  const start = new Date(Date.parse(e.start));
  if (Number.isNaN(start.getTime())) return [];
  const end = new Date(start.getTime() + e.minutes * 60_000);
  const zone = eventZone(e);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(e.uid)}`,
    `DTSTAMP:${stamp}`,
    timeLine('DTSTART', start, zone),
    timeLine('DTEND', end, zone),
    `SUMMARY:${escapeIcsText(e.summary)}`,
  ];
  if (e.status) lines.push(`STATUS:${e.status}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeIcsText(e.location)}`);
  // A URI value is not TEXT: no escaping, but no line breaks either.
  if (e.url) lines.push(`URL:${e.url.replace(/[\r\n]/g, '')}`);
  lines.push('END:VEVENT');
  return lines;
}

/** One VTIMEZONE for each zone the events use, covering their span. */
function timezoneLines(events: readonly IcsEvent[]): string[] {
  const spans = new Map<string, { from: number; to: number }>();
  for (const e of events) {
    const zone = eventZone(e);
    const ms = Date.parse(e.start);
    if (!zone || Number.isNaN(ms)) continue;
    const end = ms + e.minutes * 60_000;
    const span = spans.get(zone);
    spans.set(zone, { from: Math.min(span?.from ?? ms, ms), to: Math.max(span?.to ?? end, end) });
  }
  return [...spans]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([zone, span]) => vtimezoneLines(zone, span.from, span.to));
}

/** The whole file, CRLF line ends, folded; events with an unreadable start are left out. */
export function icsCalendar(events: readonly IcsEvent[], options: IcsOptions): string {
  const stamp = icsUtc(options.stamp);
  const refresh = options.refreshMinutes;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${escapeIcsText(options.name)}`] : []),
    ...(refresh
      ? [`REFRESH-INTERVAL;VALUE=DURATION:PT${refresh}M`, `X-PUBLISHED-TTL:PT${refresh}M`]
      : []),
    ...timezoneLines(events),
    ...events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
