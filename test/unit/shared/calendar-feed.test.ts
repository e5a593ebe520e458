/**
 * The calendar feed's content: organiser-zone times read back right by a real iCalendar
 * parser (ical.js) on both sides of daylight-saving changes, the program's and a person's
 * calendars from the published document, and the feed's addresses.
 */
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import {
  calendarEntries,
  clinicPlaces,
  feedCalendar,
  feedEvents,
} from '../../../shared/calendar/feed';
import { icsCalendar, icsUid, type IcsEvent } from '../../../shared/calendar/ics';
import { offsetChanges } from '../../../shared/calendar/vtimezone';
import { zonedToUtc } from '../../../shared/calendar/zoned-time';
import type { CalendarDocument } from '../../../shared/documents/documents';
import type { Clinic, Signup } from '../../../shared/records/clinic';
import { clinicFixture, signupFixture } from '../support/clinic-fixture';
import type { SignupEntry } from '../../../shared/clinics/roster';
import { feedRoute } from '../../../bot/feed/routes';
import { botMessages } from '../../../bot/i18n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof ICALModule;

const STAMP = new Date('2026-03-01T08:00:00Z');
const { t } = botMessages('en');
const url = (title: string) => `https://meta.example/wiki/${title}`;

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const clinic = (over: Partial<Clinic> = {}): Clinic =>
  clinicFixture({
    title: 'Budgets',
    sessions: ['2026-03-20T14:00Z'],
    timezone: 'Europe/Berlin',
    sharers: [],
    capacity: 2,
    ...over,
  });

const signup = (username: string, pageid: number, over: Partial<Signup> = {}): SignupEntry => ({
  signup: signupFixture(username, over),
  pageid,
});

describe('organiser-zone times (TZID with the VTIMEZONE in the file)', () => {
  // 15:00 on Berlin's clocks each week, across the spring-forward of 29 March 2026 and the
  // fall-back of 25 October 2026: the UTC instants move, the wall-clock time does not.
  const zones: Array<[string, string[]]> = [
    [
      'Europe/Berlin',
      ['2026-03-22', '2026-03-29', '2026-04-05', '2026-10-18', '2026-10-25', '2026-11-01'],
    ],
    ['America/New_York', ['2026-03-01', '2026-03-08', '2026-03-15', '2026-11-01', '2026-11-08']],
    ['Australia/Adelaide', ['2026-03-29', '2026-04-05', '2026-04-12', '2026-10-04', '2026-10-11']],
    ['Asia/Kolkata', ['2026-03-29', '2026-10-25']],
  ];
  it.each(zones)(
    '%s: every session reads back at 15:00 local, at the right UTC instant',
    (zone, dates) => {
      const events: IcsEvent[] = dates.map((date, i) => ({
        uid: icsUid('R/Clinics/x', i + 1),
        start: zonedToUtc(date, '15:00', zone)!,
        minutes: 90,
        summary: 'x',
        zone,
      }));
      const text = icsCalendar(events, { stamp: STAMP });
      expect(text).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`);
      const parsed = parse(text);
      parsed.forEach((e, i) => {
        expect(e.startDate.zone.tzid).toBe(zone);
        expect(`${e.startDate.hour}:${e.startDate.minute}`).toBe('15:0');
        expect(e.startDate.toJSDate().toISOString().slice(0, 16) + 'Z').toBe(events[i]!.start);
        expect(e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime()).toBe(90 * 60_000);
      });
    },
  );

  it('finds each offset change to the minute', () => {
    const changes = offsetChanges(
      'Europe/Berlin',
      Date.parse('2026-01-01'),
      Date.parse('2027-01-01'),
    );
    expect(changes).toEqual([
      { at: Date.parse('2026-03-29T01:00Z'), from: 60, to: 120 },
      { at: Date.parse('2026-10-25T01:00Z'), from: 120, to: 60 },
    ]);
    expect(
      offsetChanges('Asia/Kolkata', Date.parse('2026-01-01'), Date.parse('2027-01-01')),
    ).toEqual([]);
  });

  it('writes UTC for a clinic in UTC or with a zone no one knows', () => {
    const text = icsCalendar(
      [
        { uid: 'a@x', start: '2026-03-20T14:00Z', minutes: 60, summary: 'a', zone: 'UTC' },
        { uid: 'b@x', start: '2026-03-20T14:00Z', minutes: 60, summary: 'b', zone: 'Mars/Olympus' },
      ],
      { stamp: STAMP },
    );
    expect(text).not.toContain('VTIMEZONE');
    expect(text.match(/DTSTART:20260320T140000Z\r\n/g)).toHaveLength(2);
  });
});

describe('the published calendar and the two feeds', () => {
  const NOW = Date.parse('2026-03-10T00:00Z');
  const running = clinic({
    sessions: ['2026-03-20T14:00Z', '2026-03-21T02:00Z'],
    sharers: ['Sharer'],
    interpreters: ['~2026-1'],
  });
  const entries = [
    signup('Ana', 1),
    signup('Bo', 2),
    signup('Cy', 3), // waiting: the two places are taken
    signup('Di', 4, { session: 2 }),
    signup('Ed', 5, { cancelled: '2026-03-01T00:00Z' }),
  ];

  it('places: confirmed people in their session, listed sharers in every session, no temporary account, nobody waiting or cancelled', () => {
    expect(clinicPlaces(running, entries)).toEqual([
      { user: 'Ana', session: 1 },
      { user: 'Bo', session: 1 },
      { user: 'Di', session: 2 },
      { user: 'Sharer', session: 0 },
    ]);
  });

  const doc = (
    clinics: Parameters<typeof calendarEntries>[0]['clinics'],
    previous: CalendarDocument | null = null,
  ): CalendarDocument => ({
    schemaVersion: 1,
    kind: 'calendar',
    generated: '2026-03-10T00:00:00Z',
    root: 'R',
    feedUrl: '',
    entries: calendarEntries({
      clinics,
      spaces: [clinic({ title: 'Office hour', sessions: ['2026-03-25T10:00Z'], timezone: 'UTC' })],
      spacesPage: 'R/Learning spaces',
      previous,
      nowMs: NOW,
    }),
  });

  it("the program's feed has every session and space; a person's only their own", () => {
    const d = doc([
      { title: 'R/Clinics/2026-03-20 Budgets', clinic: running, entries },
      {
        title: 'R/Clinics/2026-04-01 Gone',
        clinic: clinic({ status: 'cancelled', sessions: ['2026-04-01T09:00Z'] }),
        entries: [signup('Ana', 9)],
      },
    ]);
    const program = parse(feedCalendar(d, { kind: 'program' }, t, url));
    expect(program.map((e) => e.summary).sort()).toEqual(
      ['Budgets', 'Budgets (session 1)', 'Budgets (session 2)', 'Office hour'].sort(),
    );
    const gone = program.find((e) => e.summary === 'Budgets' && e.startDate.month === 4)!;
    expect(gone.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    const ana = parse(feedCalendar(d, { kind: 'person', user: 'ana' }, t, url));
    expect(ana.map((e) => e.summary).sort()).toEqual(['Budgets', 'Budgets (session 1)']);
    expect(feedEvents(d, { kind: 'person', user: 'Di' }, t, url).map((e) => e.summary)).toEqual([
      'Budgets (session 2)',
    ]);
    expect(feedEvents(d, { kind: 'person', user: 'Sharer' }, t, url)).toHaveLength(2);
    expect(feedEvents(d, { kind: 'person', user: 'Cy' }, t, url)).toHaveLength(0);
    expect(feedEvents(d, { kind: 'person', user: 'Nobody' }, t, url)).toHaveLength(0);
    // The UID is the page and session, whoever's feed it is in.
    expect(ana.find((e) => e.summary === 'Budgets (session 1)')!.uid).toBe(
      icsUid('R/Clinics/2026-03-20 Budgets', 1),
    );
  });

  it('a past clinic keeps the places the last document gave it; one that ended over a year ago goes', () => {
    const before = doc([{ title: 'R/Clinics/2026-03-20 Budgets', clinic: running, entries }]);
    const after = doc(
      [
        { title: 'R/Clinics/2026-03-20 Budgets', clinic: running, entries: null },
        {
          title: 'R/Clinics/2024-01-01 Old',
          clinic: clinic({ sessions: ['2024-01-01T10:00Z'] }),
          entries: null,
        },
      ],
      before,
    );
    expect(after.entries.map((e) => e.page)).toEqual([
      'R/Clinics/2026-03-20 Budgets',
      'R/Learning spaces#Office hour',
    ]);
    expect(after.entries[0]!.places).toEqual(before.entries[0]!.places);
  });
});

describe('feed addresses', () => {
  it.each([
    ['GET', '/program.ics', { kind: 'feed', scope: { kind: 'program' }, language: 'en' }],
    ['HEAD', '/program.ics?lang=es', { kind: 'feed', scope: { kind: 'program' }, language: 'es' }],
    [
      'GET',
      '/person/jane_Doe.ics',
      { kind: 'feed', scope: { kind: 'person', user: 'Jane Doe' }, language: 'en' },
    ],
    [
      'GET',
      '/person/Jos%C3%A9.ics?lang=pt',
      { kind: 'feed', scope: { kind: 'person', user: 'José' }, language: 'pt' },
    ],
    ['GET', '/', { kind: 'index' }],
  ])('%s %s', (method, path, route) => {
    expect(feedRoute(method, path)).toEqual(route);
  });

  it.each([
    ['POST', '/program.ics', 405],
    ['GET', '/program.ical', 404],
    ['GET', '/person/.ics', 404],
    ['GET', '/person/a/b.ics', 404],
    ['GET', '/person/%E0%A4%A.ics', 400],
    ['GET', '/person/%7B%7Bx%7D%7D.ics', 400],
    ['GET', '/person/~2026-1513.ics', 400],
    ['GET', '/program.ics?lang=<script>', 400],
    ['GET', '/person/<1200 letters>.ics', 414],
  ])('%s %s is refused with %d, in words', (method, path, status) => {
    const route = feedRoute(method, path.replace('<1200 letters>', 'x'.repeat(1200)));
    expect(route).toMatchObject({ kind: 'refused', status });
    expect(route.kind === 'refused' && route.message.length).toBeGreaterThan(10);
  });
});
