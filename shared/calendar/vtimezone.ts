/**
 * An iCalendar VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, from Intl alone (no time-zone
 * data shipped): every offset change in the span the events cover, found by stepping a day at
 * a time and narrowing each change to the minute. A feed whose events carry their organiser's
 * TZID then reads the same in every calendar app, including those that do not know the zone's
 * name, on either side of a daylight-saving change.
 */
import { zoneOffsetMinutes } from './zoned-time';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Observances start this long before the first event, so every event falls inside one. */
const MARGIN = 40 * DAY;

/** `20260320T150000`: the wall-clock time on the zone's clocks at `ms` (no zone suffix). */
export function zonedIcsTime(ms: number, zone: string): string {
  return localIcsTime(ms, zoneOffsetMinutes(zone, ms));
}

function localIcsTime(ms: number, offsetMinutes: number): string {
  return new Date(Math.floor(ms / MINUTE) * MINUTE + offsetMinutes * MINUTE)
    .toISOString()
    .slice(0, 19)
    .replace(/[-:]/g, '');
}

/** `+0100`, `-0330`. */
function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}${mm}`;
}

export interface OffsetChange {
  /** The first UTC minute of the new offset. */
  at: number;
  from: number;
  to: number;
}

/** The zone's offset changes between `fromMs` and `toMs`, in order. */
export function offsetChanges(zone: string, fromMs: number, toMs: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  let t = Math.floor(fromMs / MINUTE) * MINUTE;
  let offset = zoneOffsetMinutes(zone, t);
  while (t < toMs) {
    const next = Math.min(t + DAY, Math.ceil(toMs / MINUTE) * MINUTE);
    const after = zoneOffsetMinutes(zone, next);
    if (after !== offset) {
      // Offsets differ at the ends of this day: find the first minute of the new one.
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (zoneOffsetMinutes(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      changes.push({ at: hi, from: offset, to: zoneOffsetMinutes(zone, hi) });
      offset = zoneOffsetMinutes(zone, hi);
    }
    t = next;
  }
  return changes;
}

/** The VTIMEZONE lines for `zone`, covering `fromMs`…`toMs` (with a margin either side). */
export function vtimezoneLines(zone: string, fromMs: number, toMs: number): string[] {
  const start = fromMs - MARGIN;
  const first = zoneOffsetMinutes(zone, start);
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number) => [
    `BEGIN:${kind}`,
    // An observance's onset is written in the offset in force before it (RFC 5545).
    `DTSTART:${localIcsTime(at, from)}`,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `END:${kind}`,
  ];
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observance('STANDARD', start, first, first),
    ...offsetChanges(zone, start, toMs + MARGIN).flatMap((c) =>
      observance(c.to > c.from ? 'DAYLIGHT' : 'STANDARD', c.at, c.from, c.to),
    ),
    'END:VTIMEZONE',
  ];
}
