/**
 * Wall-clock times in an IANA time zone and the UTC instants they are, with Intl only (no
 * time-zone data shipped): what the clinic form needs to turn "20 March, 15:00, Europe/Berlin"
 * into the UTC time the page stores, right on either side of a daylight-saving change.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at `ms`, in minutes (throws on a zone Intl does not know). */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const parts = format(zone).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

export function isTimeZone(zone: string): boolean {
  if (zone === '') return false;
  try {
    format(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC instant of `date` (`YYYY-MM-DD`) at `time` (`HH:MM`) on the clocks of `zone`, as
 * `YYYY-MM-DDTHH:MMZ`; null when a part is not valid. A time skipped by a spring-forward
 * change is read with the offset before it (02:30 becomes 03:30), as calendar programs do.
 */
export function zonedToUtc(date: string, time: string, zone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t || !isTimeZone(zone)) return null;
  const wall = Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +t[1]!, +t[2]!);
  if (Number.isNaN(wall) || +t[1]! > 23 || +t[2]! > 59) return null;
  // Two rounds settle it: the offset at the first guess, then at the instant it gives.
  const first = wall - zoneOffsetMinutes(zone, wall) * 60_000;
  const second = wall - zoneOffsetMinutes(zone, first) * 60_000;
  const ms =
    zoneOffsetMinutes(zone, second) === zoneOffsetMinutes(zone, first)
      ? second
      : Math.max(first, second);
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

/** The wall-clock date and time of a UTC instant in `zone`: `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
export function utcToZoned(iso: string, zone: string): { date: string; time: string } | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || !isTimeZone(zone)) return null;
  const local = new Date(ms + zoneOffsetMinutes(zone, ms) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
