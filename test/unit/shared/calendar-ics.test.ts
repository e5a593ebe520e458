/** The .ics writer, read back by a real iCalendar parser (ical.js), and the zoned-time maths. */
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import {
  escapeIcsText,
  foldIcsLine,
  icsCalendar,
  icsUid,
  icsUtc,
  type IcsEvent,
} from '../../../shared/calendar/ics';
import { utcToZoned, zonedToUtc } from '../../../shared/calendar/zoned-time';

// ical.js is an ES module with a CommonJS build; the tests are compiled to CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof ICALModule;

const STAMP = new Date('2026-03-01T08:00:00Z');
const octets = (s: string) => new TextEncoder().encode(s).length;

const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: icsUid('Grants:Knowledge Sharing/Connect/Clinics/2026-03-20 Budgets', 1),
  start: '2026-03-20T14:00Z',
  minutes: 90,
  summary: 'Budgets, grants; and reports',
  ...over,
});

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('icsCalendar', () => {
  it('writes a calendar ical.js reads back, times in UTC, end = start + minutes', () => {
    const text = icsCalendar([event(), event({ uid: 'b@x', start: '2026-03-31T18:30Z' })], {
      stamp: STAMP,
      name: 'My learning calendar',
    });
    expect(text).toContain('DTSTART:20260320T140000Z\r\n');
    expect(text).toContain('DTEND:20260320T153000Z\r\n');
    expect(text).toContain('DTSTAMP:20260301T080000Z\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const events = parse(text);
    expect(events).toHaveLength(2);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-03-20T14:00:00.000Z');
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2026-03-20T15:30:00.000Z');
    expect(events[0]!.startDate.zone.tzid).toBe('UTC');
    expect(events[1]!.startDate.toJSDate().toISOString()).toBe('2026-03-31T18:30:00.000Z');
    expect(events[0]!.summary).toBe('Budgets, grants; and reports');
  });

  it('escapes text so that what people typed comes back unchanged', () => {
    const hostile = 'a\\b;c,d\nnew line\r\nanother | {{x}} <script>';
    const text = icsCalendar(
      [event({ summary: hostile, description: hostile, location: 'Room; 1, floor 2' })],
      { stamp: STAMP },
    );
    expect(text).toContain('SUMMARY:a\\\\b\\;c\\,d\\nnew line\\nanother');
    const [e] = parse(text);
    expect(e!.summary).toBe(hostile.replace(/\r\n/g, '\n'));
    expect(e!.description).toBe(hostile.replace(/\r\n/g, '\n'));
    expect(e!.location).toBe('Room; 1, floor 2');
    // No line of the file is a new property smuggled in by a newline.
    expect(text.split('\r\n').filter((l) => l.startsWith('BEGIN:VEVENT'))).toHaveLength(1);
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds to the same text', () => {
    const long = 'Ação e relatórios — ' + 'ملخص الجلسة '.repeat(12) + '🙂'.repeat(30);
    const text = icsCalendar([event({ description: long })], { stamp: STAMP });
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(parse(text)[0]!.description).toBe(long);
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('gives stable, distinct UIDs per page and session', () => {
    const a = icsUid('R/Clinics/2026-03-20 Budgets', 1);
    expect(icsUid('R/Clinics/2026-03-20 Budgets', 1)).toBe(a);
    expect(icsUid('R/Clinics/2026-03-20 Budgets', 2)).not.toBe(a);
    expect(icsUid('R/Clinics/2026-03-20 Budgets!', 1)).not.toBe(a);
    expect(a).toMatch(/^[a-z0-9-]+@letsconnect\.wikimedia$/);
  });

  it('leaves out an event whose start cannot be read', () => {
    const text = icsCalendar([event({ start: 'soon' }), event()], { stamp: STAMP });
    expect(parse(text)).toHaveLength(1);
  });

  it('escapes and writes UTC stamps', () => {
    expect(escapeIcsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(icsUtc(new Date('2026-10-25T00:59:59.999Z'))).toBe('20261025T005959Z');
  });
});

describe('zoned time', () => {
  it('turns wall-clock times into UTC on both sides of a DST change', () => {
    // Europe moves its clocks on 29 March 2026; Brazil has no DST any more.
    expect(zonedToUtc('2026-03-20', '15:00', 'Europe/Berlin')).toBe('2026-03-20T14:00Z');
    expect(zonedToUtc('2026-04-02', '15:00', 'Europe/Berlin')).toBe('2026-04-02T13:00Z');
    expect(zonedToUtc('2026-04-02', '10:00', 'America/Sao_Paulo')).toBe('2026-04-02T13:00Z');
    expect(zonedToUtc('2026-11-01', '09:00', 'America/New_York')).toBe('2026-11-01T14:00Z');
    expect(zonedToUtc('2026-06-01', '09:30', 'Asia/Kolkata')).toBe('2026-06-01T04:00Z');
  });

  it('reads a time skipped by spring-forward as the time after the change', () => {
    expect(zonedToUtc('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30Z');
  });

  it('refuses what is not a date, a time or a zone', () => {
    expect(zonedToUtc('2026-02-30x', '15:00', 'Europe/Berlin')).toBeNull();
    expect(zonedToUtc('2026-03-20', '25:00', 'Europe/Berlin')).toBeNull();
    expect(zonedToUtc('2026-03-20', '15:00', 'Mars/Olympus')).toBeNull();
  });

  it('goes back from UTC to the wall clock', () => {
    expect(utcToZoned('2026-03-20T14:00Z', 'Europe/Berlin')).toEqual({
      date: '2026-03-20',
      time: '15:00',
    });
    expect(utcToZoned('2026-04-02T13:00Z', 'America/Sao_Paulo')).toEqual({
      date: '2026-04-02',
      time: '10:00',
    });
  });
});
