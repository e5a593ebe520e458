/**
 * The calendar feed on a wiki of its own: the `clinics` task publishes User:<bot>/Calendar.json,
 * `letsconnect-bot feed` (started as an operator would, one command, on 127.0.0.1) serves it,
 * and a real iCalendar client library (ical.js) subscribes to the program's feed and to a
 * person's. A clinic added, moved and cancelled shows as such on the next fetch; a clinic
 * across the spring-forward change keeps its organiser's wall-clock time; an unchanged feed
 * answers 304; a forged sign-up puts nothing in the victim's calendar; malformed and unknown
 * requests get a 4xx in plain words.
 */
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { icsUid } from '../../../shared/calendar/ics';
import { clinicPageTitle } from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import type { Clinic } from '../../../shared/records/clinic';
import { CalendarFeedScenario } from '../../support/calendar-feed-scenario';

jest.setTimeout(300_000);

const NOW = '2026-03-10T00:00Z';
const BERLIN = clinicPageTitle(DEFAULT_ROOT, '2026-03-27', 'Wikidata across the clock change');
const ADDED = clinicPageTitle(DEFAULT_ROOT, '2026-04-15', 'Commons basics');

// 15:00 on Berlin's clocks both weeks: 14:00 UTC before the change of 29 March, 13:00 after.
const BERLIN_CLINIC: Partial<Clinic> = {
  title: 'Wikidata across the clock change',
  timezone: 'Europe/Berlin',
  sessions: ['2026-03-27T14:00Z', '2026-04-03T13:00Z'],
  sharers: [],
  capacity: 5,
  link: 'https://meet.example.org/wikidata',
};

const utc = (t: ICALModule.Time) => t.toJSDate().toISOString().slice(0, 16) + 'Z';

const s = new CalendarFeedScenario();
const subscribe = (path: string) => s.subscribe(path);

beforeAll(async () => {
  await s.start(8342, 8343);
  s.write([
    s.clinicPage(BERLIN, BERLIN_CLINIC),
    s.signup(BERLIN, 'Alma', { session: 1 }),
    s.signup(BERLIN, 'Bruno', { session: 2 }),
    // Someone else wrote Victim's sign-up: it does not count, so Victim holds no place.
    s.signup(BERLIN, 'Victim', { session: 1 }, 'Alma'),
  ]);
  await s.runClinics(NOW);
  await s.startFeed();
});

afterAll(async () => {
  await s.stop();
});

describe('the calendar feed', () => {
  let firstEtag = '';

  it("serves the program's calendar: organiser-zone times that hold across the clock change", async () => {
    const program = await subscribe('/program.ics');
    firstEtag = program.etag;
    expect(program.response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const one = program.byUid(icsUid(BERLIN, 1))!;
    const two = program.byUid(icsUid(BERLIN, 2))!;
    expect(one.summary).toBe('Wikidata across the clock change (session 1)');
    for (const e of [one, two]) {
      expect(e.startDate.zone.tzid).toBe('Europe/Berlin');
      expect([e.startDate.hour, e.startDate.minute]).toEqual([15, 0]);
    }
    expect(utc(one.startDate)).toBe('2026-03-27T14:00Z');
    expect(utc(two.startDate)).toBe('2026-04-03T13:00Z');
    expect(utc(two.endDate)).toBe('2026-04-03T14:30Z');
    expect(one.location).toBe('https://meet.example.org/wikidata');
    expect(one.description).toContain(
      'Starts at 2026-03-27 14:00 UTC (2026-03-27 15:00 in Europe/Berlin',
    );
    expect(program.status(icsUid(BERLIN, 1))).toBe('CONFIRMED');
  });

  it('serves each person their own places; a sign-up someone else wrote gives none', async () => {
    expect((await subscribe('/person/Alma.ics')).events.map((e) => e.uid)).toEqual([
      icsUid(BERLIN, 1),
    ]);
    expect((await subscribe('/person/bruno.ics')).events.map((e) => e.uid)).toEqual([
      icsUid(BERLIN, 2),
    ]);
    expect((await subscribe('/person/Victim.ics')).events).toHaveLength(0);
    // Words in the asked language.
    const es = await subscribe('/person/Alma.ics?lang=es');
    expect(es.events[0]!.summary).toBe('Wikidata across the clock change (sesión 1)');
  });

  it('answers an unchanged feed with 304, by ETag and by date', async () => {
    const again = await s.fetch(`/program.ics`, { headers: { 'If-None-Match': firstEtag } });
    expect(again.status).toBe(304);
    const modified = (await s.fetch(`/program.ics`, { method: 'HEAD' })).headers.get(
      'last-modified',
    )!;
    const since = await s.fetch(`/program.ics`, {
      headers: { 'If-Modified-Since': modified },
    });
    expect(since.status).toBe(304);
  });

  it('shows a clinic added and a session moved on the next fetch, with the same UIDs', async () => {
    s.write([
      s.clinicPage(ADDED, {
        title: 'Commons basics',
        timezone: 'America/Bogota',
        sessions: ['2026-04-15T16:00Z'],
        sharers: [],
      }),
      // The second session moves a day later, same clock time.
      s.clinicPage(BERLIN, {
        ...BERLIN_CLINIC,
        sessions: ['2026-03-27T14:00Z', '2026-04-04T13:00Z'],
      }),
      s.signup(ADDED, 'Alma', {}),
    ]);
    await s.runClinics(NOW);
    const stale = await s.fetch(`/program.ics`, { headers: { 'If-None-Match': firstEtag } });
    expect(stale.status).toBe(200);
    const program = await subscribe('/program.ics');
    expect(utc(program.byUid(icsUid(BERLIN, 2))!.startDate)).toBe('2026-04-04T13:00Z');
    const added = program.byUid(icsUid(ADDED, 1))!;
    expect(added.summary).toBe('Commons basics');
    expect([added.startDate.zone.tzid, added.startDate.hour]).toEqual(['America/Bogota', 11]);
    expect((await subscribe('/person/Alma.ics')).events.map((e) => e.uid).sort()).toEqual(
      [icsUid(BERLIN, 1), icsUid(ADDED, 1)].sort(),
    );
  });

  it('shows a cancelled clinic as cancelled events, in the program and in the person’s calendar', async () => {
    s.write([
      s.clinicPage(BERLIN, {
        ...BERLIN_CLINIC,
        sessions: ['2026-03-27T14:00Z', '2026-04-04T13:00Z'],
        status: 'cancelled',
      }),
    ]);
    await s.runClinics(NOW);
    const program = await subscribe('/program.ics');
    expect(program.status(icsUid(BERLIN, 1))).toBe('CANCELLED');
    expect(program.status(icsUid(BERLIN, 2))).toBe('CANCELLED');
    expect(program.status(icsUid(ADDED, 1))).toBe('CONFIRMED');
    expect((await subscribe('/person/Alma.ics')).status(icsUid(BERLIN, 1))).toBe('CANCELLED');
  });

  it.each([
    ['GET', '/nothing-here', 404],
    ['GET', '/person/Alma.ical', 404],
    ['GET', '/person/~2026-1513.ics', 400],
    ['GET', '/person/%E0%A4%A.ics', 400],
    ['GET', '/program.ics?lang=%3Cscript%3E', 400],
    ['POST', '/program.ics', 405],
  ])('%s %s gets %d in plain words, never a stack trace', async (method, path, status) => {
    const response = await s.fetch(`${path}`, { method });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/\n\s+at |Error:|node:internal/);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await s.stopFeed()).toBe(0);
  });
});
