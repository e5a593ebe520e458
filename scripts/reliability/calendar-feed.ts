/**
 * The calendar feed: who gets a place in whose calendar, and what a malformed request gets.
 * On a wiki of its own (test/support/calendar-feed-scenario.ts): clinics by an organiser,
 * sign-ups by their owners, sign-ups forged by someone else in a victim's name; every other
 * clinic names a temporary account as its interpreter (the others an existing named account).
 * The bot publishes the calendar and `letsconnect-bot feed` serves it.
 * Counted: events in a victim's calendar from a forged sign-up; temporary accounts holding a
 * place in the published calendar, and clinics naming one as interpreter published at all (the
 * bot refuses such a clinic: bot/clinics/read.ts); genuine places of the clinics with a named
 * team missing from their owner's calendar; and seeded random malformed requests answered with
 * a 5xx, a non-plain-text body or a stack trace.
 */
import { icsUid } from '../../shared/calendar/ics';
import { readDocument } from '../../shared/documents/read-document';
import { calendarDataTitle, clinicPageTitle } from '../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import { CalendarFeedScenario } from '../../test/support/calendar-feed-scenario';
import { seededRandom } from '../../test/support/fault-proxy';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';

const NOW = '2026-03-10T00:00Z';
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'UTC'];

/** A request a calendar app, a crawler or an attacker might send. */
function malformedRequest(random: () => number): { method: string; path: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const junk = () =>
    Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
      String.fromCharCode(32 + Math.floor(random() * 95)),
    ).join('');
  const path = pick([
    () => `/person/${encodeURIComponent(junk())}.ics`,
    () => `/person/%${pick(['', 'E0', 'E0%A4', 'ZZ', '00'])}.ics`,
    () => `/${encodeURIComponent(junk())}`,
    () => `/program.ics?lang=${encodeURIComponent(junk())}`,
    () => `/person/~2026-${Math.floor(random() * 9999)}.ics`,
    () => `/person/${'x'.repeat(900 + Math.floor(random() * 400))}.ics`,
    () => `/program.ics/../../etc/passwd`,
    () => `/person/a%2Fb.ics?lang=en&lang=${encodeURIComponent(junk())}`,
  ])();
  return { method: pick(['GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS']), path };
}

export async function runCalendarFeed(
  options: ReliabilityOptions & { wikiPort: number; feedPort: number },
): Promise<Figure[]> {
  const random = seededRandom(options.seed);
  const clinics = options.mode === 'short' ? 2 : 6;
  const requests = options.mode === 'short' ? 60 : 400;
  const s = await new CalendarFeedScenario().start(options.wikiPort, options.feedPort);
  try {
    const genuine: Array<{ user: string; clinic: string }> = [];
    const victims: string[] = [];
    const temporary: string[] = [];
    /** The clinics that name a temporary account as interpreter: refused, so no places. */
    const refused: string[] = [];
    const pages = [];
    for (let c = 0; c < clinics; c++) {
      // Every other clinic: a temporary account's name the organiser typed as the interpreter
      // (MediaWiki 1.39 has no temporary accounts to sign up with: the rule is the same one).
      // The others name an existing account, so their sign-ups must reach their owners.
      const temp = c % 2 === 1 ? `~2026-${1000 + c}` : null;
      if (temp) temporary.push(temp);
      const day = 11 + Math.floor(random() * 40);
      const date = new Date(Date.parse('2026-03-01T00:00Z') + day * 86_400_000).toISOString();
      const title = clinicPageTitle(DEFAULT_ROOT, date.slice(0, 10), `Feed trial ${c + 1}`);
      pages.push(
        s.clinicPage(title, {
          title: `Feed trial ${c + 1}: budgets; reports, \\ and END:VEVENT`,
          timezone: ZONES[c % ZONES.length]!,
          sessions: [`${date.slice(0, 10)}T${String(8 + c).padStart(2, '0')}:00Z`],
          sharers: [],
          interpreters: [temp ?? s.colleague],
          capacity: 20,
        }),
      );
      if (temp) refused.push(title);
      for (let p = 0; p < 3; p++) {
        const user = `Genuine ${c}-${p}`;
        if (!temp) genuine.push({ user, clinic: title });
        pages.push(s.signup(title, user));
      }
      const victim = `Victim ${c}`;
      victims.push(victim);
      pages.push(s.signup(title, victim, {}, `Genuine ${c}-0`));
    }
    s.write(pages);
    await s.runClinics(NOW);
    await s.startFeed();

    let forged = 0;
    for (const victim of victims)
      forged += (await s.subscribe(`/person/${encodeURIComponent(victim)}.ics`)).events.length;
    let missing = 0;
    let subscribed = 0;
    for (const g of genuine) {
      const mine = await s.subscribe(`/person/${encodeURIComponent(g.user)}.ics`);
      subscribed += mine.events.length;
      if (!mine.byUid(icsUid(g.clinic, 1))) missing++;
    }
    const published = await (
      await fetch(
        `${s.apiUrl}?action=query&prop=revisions&rvprop=content&rvslots=main&format=json&formatversion=2&titles=${encodeURIComponent(calendarDataTitle(DEFAULT_BOT_NAME))}`,
      )
    ).json();
    const doc = readDocument(
      (
        published as {
          query: { pages: Array<{ revisions: Array<{ slots: { main: { content: string } } }> }> };
        }
      ).query.pages[0]!.revisions[0]!.slots.main.content,
      'calendar',
    ).document;
    const entries = doc?.entries ?? [];
    const tempPlaces = entries
      .flatMap((e) => e.places)
      .filter((p) => temporary.includes(p.user)).length;
    const refusedPublished = entries.filter((e) => refused.includes(e.page)).length;

    let bad = 0;
    for (let i = 0; i < requests; i++) {
      const { method, path } = malformedRequest(random);
      const response = await s.fetch(path, { method });
      const text = await response.text();
      const plain = response.headers.get('content-type') === 'text/plain; charset=utf-8';
      const fine =
        response.status >= 400 &&
        response.status < 500 &&
        plain &&
        !/\n\s+at |Error:|node:internal/.test(text);
      // A request that happens to name a real feed (or the index) may be answered with it.
      const aFeed = response.status === 200 || response.status === 304;
      if (!fine && !aFeed) {
        bad++;
        options.log(`  ${method} ${path.slice(0, 80)} → ${response.status}`);
      }
    }
    return [
      { measure: 'feed events subscribed (genuine places)', value: subscribed },
      { measure: 'malformed feed requests sent', value: requests },
      { measure: 'feed events from sign-ups forged in a victim’s name', value: forged, target: 0 },
      {
        measure: 'temporary accounts with a place in the published calendar',
        value: tempPlaces,
        target: 0,
      },
      {
        measure: 'clinics naming a temporary account as interpreter, published',
        value: refusedPublished,
        target: 0,
      },
      { measure: 'genuine places missing from their owner’s feed', value: missing, target: 0 },
      {
        measure: 'malformed feed requests answered 5xx or with a stack trace',
        value: bad,
        target: 0,
      },
    ];
  } finally {
    await s.stop();
  }
}

export const calendarFeedSection: ReliabilitySection = {
  name: 'calendar-feed',
  run: (options) => runCalendarFeed({ ...options, wikiPort: 8344, feedPort: 8345 }),
};
