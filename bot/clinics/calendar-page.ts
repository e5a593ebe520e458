/**
 * `R/Calendar`: upcoming clinics and the working group's other learning spaces, by month.
 * Each row gives its sessions in UTC and in the organiser's time zone (no external
 * converter: the wiki must not send readers off-site for it); the gadget shows clinic times
 * in the reader's own zone on the clinic pages, and the page says so.
 *
 * Learning spaces are `{{Let's Connect/Clinic}}` calls on `R/Learning spaces` (one per
 * space: title, topic, sessions, time zone, minutes, languages, link, description), counted
 * as a working-group member or Learning Ambassador last left the page.
 */
import type { Clinic } from '../../shared/records/clinic';
import { zoneOffsetMinutes } from '../../shared/calendar/zoned-time';
import { sessionStarts } from '../../shared/clinics/summary';
import { isTimeZone } from '../../shared/records/vocabulary';
import { labelCall, pageMessage } from '../../shared/labels/labels';
import type { MessageLookup, Taxonomy } from '../../shared/taxonomy/taxonomy';
import { escapeValue, wikiLink } from '../../shared/wikitext/escape';
import type { Translate } from '../i18n';
import { safeLink } from './summary-page';

export interface CalendarItem {
  kind: 'clinic' | 'space';
  /** The clinic's page, or '' for a learning space. */
  page: string;
  record: Clinic;
}

/** `YYYY-MM-DD HH:MM` on the clocks of `zone` at `ms`, and the zone's offset then (`UTC+1`). */
export function zonedTime(ms: number, zone: string): { text: string; offset: string } {
  const minutes = zoneOffsetMinutes(zone, ms);
  const local = new Date(ms + minutes * 60_000).toISOString();
  const abs = Math.abs(minutes);
  const hm = `${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
  return {
    text: `${local.slice(0, 10)} ${local.slice(11, 16)}`,
    offset: minutes === 0 ? 'UTC' : `UTC${minutes < 0 ? '−' : '+'}${hm}`,
  };
}

/** A session's start in UTC, in words, marked for the gadget to add the reader's own time. */
function readerTime(ms: number): string {
  const iso = new Date(ms).toISOString().slice(0, 16) + 'Z';
  return `<span class="letsconnect-time" data-utc="${iso}">${labelCall('datetime', iso)}</span>`;
}

/** Items with a session still ahead and not cancelled, soonest first. */
export function upcomingItems(items: readonly CalendarItem[], nowMs: number): CalendarItem[] {
  const next = (i: CalendarItem) => sessionStarts(i.record).find((ms) => ms > nowMs);
  return items
    .filter((i) => i.record.status !== 'cancelled' && next(i) !== undefined)
    .sort((a, b) => next(a)! - next(b)! || (a.record.title < b.record.title ? -1 : 1));
}

export function renderCalendarPage(input: {
  items: readonly CalendarItem[];
  nowMs: number;
  spacesPage: string;
  taxonomy: Taxonomy;
  t: Translate;
  lookup: MessageLookup;
}): string {
  // The page's words are the label module's (`pageMessage`), so they follow the reader's
  // language as the labels and dates do; `t` (the bot's language) only recognises titles.
  const { t } = input;
  const upcoming = upcomingItems(input.items, input.nowMs);
  const lines = [pageMessage('letsconnect-calendar-page-intro', wikiLink(input.spacesPage)), ''];
  if (upcoming.length === 0) lines.push(pageMessage('letsconnect-calendar-page-none'), '');
  const columns = ['when', 'local', 'what', 'topic', 'languages'].map((c) =>
    pageMessage(`letsconnect-calendar-page-col-${c}`),
  );
  let month = '';
  for (const item of upcoming) {
    const r = item.record;
    const starts = sessionStarts(r).filter((ms) => ms > input.nowMs);
    const heading = new Date(starts[0]!).toISOString().slice(0, 7);
    if (heading !== month) {
      if (month !== '') lines.push('|}', '');
      month = heading;
      lines.push(
        `== ${labelCall('month', heading)} ==`,
        '{| class="wikitable"',
        `! ${columns.join(' !! ')}`,
      );
    }
    const zone = isTimeZone(r.timezone) ? r.timezone : 'UTC';
    // Words in the reader's language through the label module; the gadget adds the reader's
    // own time beside each `letsconnect-time` (data-utc).
    const when = starts.map((ms) => readerTime(ms)).join('<br>');
    const local = starts
      .map((ms) => {
        const z = zonedTime(ms, zone);
        return labelCall(
          'zoned',
          z.text.replace(' ', 'T'),
          zone === 'UTC' ? 'UTC' : `${zone}, ${z.offset}`,
        );
      })
      .join('<br>');
    const title = r.title || item.page;
    const kind = t(`letsconnect-calendar-page-kind-${item.kind}`);
    // A title that already says what it is ("Learning clinic: …") is not prefixed again.
    const prefix = title.toLowerCase().startsWith(kind.toLowerCase())
      ? ''
      : `${pageMessage(`letsconnect-calendar-page-kind-${item.kind}`)}: `;
    const what =
      item.kind === 'clinic'
        ? `${prefix}${wikiLink(item.page, title)}`
        : `${prefix}${safeLink(r.link, '', r.title) ?? escapeValue(title)}`;
    const status = r.status === 'full' ? ` (${pageMessage('letsconnect-calendar-page-full')})` : '';
    lines.push(
      '|-',
      `| ${when} || ${local} || ${what}${status} || ${r.topic ? labelCall('topics', r.topic) : '–'} || ${r.languages.length > 0 ? labelCall('languages', r.languages.join(', ')) : '–'}`,
    );
  }
  if (month !== '') lines.push('|}', '');
  lines.push(pageMessage('letsconnect-calendar-page-local-hint'));
  return `${lines.join('\n')}\n`;
}
