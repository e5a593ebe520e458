/**
 * Clinic sharers: a clinic lists as its sharers and interpreters only existing named accounts
 * (the bot reminds them on their talk pages). On a wiki of its
 * own (test/support/calendar-feed-scenario.ts), seeded random clinics list sharers drawn from
 * existing accounts (spelled as people type them: lower-case first letter, underscores), real
 * temporary accounts (made by logged-out edits), temporary-account names typed by hand, IP
 * addresses, names no one has and names that are not user names; a third of the people after
 * the first are interpreters instead (written by hand: the form has no interpreter field). Each
 * list of sharers goes through the create form's check (the gadget's own `accountLookup` against the wiki's api.php, then
 * `notExistingNamedAccounts`, as `use-create-clinic.ts` does before saving); the same clinics,
 * written by an organiser by hand, go through the bot's clinics task, whose published calendar
 * (`User:<bot>/Calendar.json`) says which clinics it accepted.
 * Counted: sharers that are not existing named accounts accepted by either, and clinics whose
 * sharers are all existing named accounts that either refused.
 */
import type { ApiLike } from '../../gadget/api/mw-wiki-client';
import { accountLookup } from '../../gadget/views/clinics/clinic-wiki';
import { notExistingNamedAccounts } from '../../shared/accounts';
import { readDocument } from '../../shared/documents/read-document';
import { calendarDataTitle, clinicPageTitle } from '../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import { CalendarFeedScenario } from '../../test/support/calendar-feed-scenario';
import { seededRandom } from '../../test/support/fault-proxy';
import { visitorSession } from '../wiki/anonymous-edit';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';

const NOW = '2026-03-10T00:00Z';

/** `mw.Api`'s `get` over fetch, as the gadget's account look-up calls it (it only reads). */
function apiOverFetch(apiUrl: string): ApiLike {
  const get = async (params: Record<string, unknown>) => {
    const query = new URLSearchParams({ format: 'json' });
    for (const [k, v] of Object.entries(params))
      if (v !== undefined) query.set(k, Array.isArray(v) ? v.join('|') : String(v));
    const response = await fetch(`${apiUrl}?${query}`);
    if (!response.ok) throw 'http';
    const data = (await response.json()) as { error?: { code: string } };
    if (data.error) throw data.error.code;
    return data;
  };
  return {
    get: (params) => get(params) as unknown as JQuery.Promise<unknown>,
    postWithEditToken: () => Promise.reject('readonly') as unknown as JQuery.Promise<unknown>,
  };
}

interface Sharer {
  name: string;
  /** Whether it is an existing named account (what both checks must accept). */
  named: boolean;
  /** On the clinic's team as a sharer (the form's field) or an interpreter (by hand). */
  role: 'sharer' | 'interpreter';
}

export async function runClinicSharers(
  options: ReliabilityOptions & { wikiPort: number },
): Promise<Figure[]> {
  const random = seededRandom(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (n: number) => Math.floor(random() * n);
  const clinics = options.mode === 'short' ? 12 : 60;
  // The feed is not started: only its port is reserved by the scenario.
  const s = await new CalendarFeedScenario().start(options.wikiPort, options.wikiPort + 1);
  try {
    const accounts = ['Sharer Alma', 'Sharer Bruno', 'Sharer Chen', 'Sharer Dalia'];
    s.write(accounts.map((name) => ({ title: `User:${name}`, user: name, content: 'I share.\n' })));
    // Real temporary accounts: a visitor's logged-out edit makes one.
    const temporary: string[] = [];
    for (let i = 0; i < 2; i++)
      temporary.push((await visitorSession().edit(s.server, `Sandbox ${i}`, 'Hello')).user);
    const drawName = (): Omit<Sharer, 'role'> => {
      const existing = pick(accounts);
      switch (int(8)) {
        case 0:
        case 1:
          return { name: existing, named: true };
        case 2: {
          // As people type it: lower-case first letter, underscores for spaces.
          const typed = existing.charAt(0).toLowerCase() + existing.slice(1).replace(/ /g, '_');
          return { name: typed, named: true };
        }
        case 3:
          return { name: pick(temporary), named: false };
        case 4:
          return { name: `~2026-${10000 + int(90000)}`, named: false };
        case 5:
          return {
            name: pick([
              `${1 + int(223)}.${int(256)}.${int(256)}.${1 + int(254)}`,
              `2001:db8:${int(65536).toString(16)}::${int(65536).toString(16)}`,
            ]),
            named: false,
          };
        case 6:
          return { name: `${existing}${pick(['x', 'e', ' Jr'])}`, named: false };
        default:
          return { name: pick([`Nobody ${int(1000)}`, `Bad#${int(100)}`]), named: false };
      }
    };
    // The first person is a sharer (a clinic has one); a third of the others interpret.
    const drawPerson = (_: unknown, i: number): Sharer => ({
      ...drawName(),
      role: i > 0 && int(3) === 0 ? 'interpreter' : 'sharer',
    });
    const trials = Array.from({ length: clinics }, (_, c) => {
      const sharers = Array.from({ length: 1 + int(3) }, drawPerson);
      const title = clinicPageTitle(DEFAULT_ROOT, '2026-04-02', `Sharers trial ${c + 1}`);
      return { title, sharers, named: sharers.every((x) => x.named) };
    });

    // The create form's check, before saving.
    const lookup = accountLookup(apiOverFetch(s.apiUrl));
    let formAccepted = 0;
    let formRefusedGood = 0;
    for (const trial of trials) {
      const typed = trial.sharers.filter((x) => x.role === 'sharer');
      const names = typed.map((x) => x.name);
      const refused = new Set(notExistingNamedAccounts(names, await lookup.missing(names)));
      for (const x of typed) {
        if (!x.named && !refused.has(x.name)) {
          formAccepted++;
          options.log(`  form accepted ${x.name} (${trial.title})`);
        }
      }
      if (typed.every((x) => x.named) && refused.size > 0) formRefusedGood++;
    }

    // The same clinics written by hand; the bot publishes the ones it accepts.
    s.write(
      trials.map((trial) =>
        s.clinicPage(trial.title, {
          title: trial.title.slice(trial.title.lastIndexOf('/') + 1),
          sessions: ['2026-04-02T15:00Z'],
          sharers: trial.sharers.filter((x) => x.role === 'sharer').map((x) => x.name),
          interpreters: trial.sharers.filter((x) => x.role === 'interpreter').map((x) => x.name),
          capacity: 10,
        }),
      ),
    );
    await s.runClinics(NOW);
    const published = (await (
      await fetch(
        `${s.apiUrl}?action=query&prop=revisions&rvprop=content&rvslots=main&format=json&formatversion=2&titles=${encodeURIComponent(calendarDataTitle(DEFAULT_BOT_NAME))}`,
      )
    ).json()) as {
      query: { pages: Array<{ revisions?: Array<{ slots: { main: { content: string } } }> }> };
    };
    const text = published.query.pages[0]?.revisions?.[0]?.slots.main.content ?? '';
    const listed = new Set(
      (readDocument(text, 'calendar').document?.entries ?? []).map((e) => e.page),
    );
    let botAccepted = 0;
    let botRefusedGood = 0;
    for (const trial of trials) {
      if (listed.has(trial.title)) {
        const bad = trial.sharers.filter((x) => !x.named);
        botAccepted += bad.length;
        for (const x of bad) options.log(`  bot accepted ${x.name} (${trial.title})`);
      } else if (trial.named) botRefusedGood++;
    }
    const bad = trials.flatMap((t) => t.sharers).filter((x) => !x.named).length;
    return [
      { measure: 'clinic trials (random sharers)', value: trials.length },
      {
        measure: 'sharers and interpreters tried that are not existing named accounts',
        value: bad,
      },
      {
        measure: 'of them interpreters (written by hand)',
        value: trials.flatMap((t) => t.sharers).filter((x) => !x.named && x.role === 'interpreter')
          .length,
      },
      {
        measure: 'clinics with only existing named sharers and interpreters',
        value: trials.filter((t) => t.named).length,
      },
      {
        measure: 'clinic sharers or interpreters that are not existing named accounts, accepted',
        value: formAccepted + botAccepted,
        target: 0,
      },
      {
        measure: 'clinics with only existing named sharers and interpreters, refused',
        value: formRefusedGood + botRefusedGood,
        target: 0,
      },
    ];
  } finally {
    await s.stop();
  }
}

export const clinicSharersSection: ReliabilitySection = {
  name: 'clinic-sharers',
  run: (options) => runClinicSharers({ ...options, wikiPort: 8346 }),
};
