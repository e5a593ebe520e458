/**
 * The bot's own prose on its pages follows the reader's language (issue 14): on a wiki of its
 * own (port 8302), seeded with the sample program, after the bot's whole `run`, one page of
 * each kind the bot writes (the portal, R/Clinics, R/Connections, a round page, R/Calendar,
 * R/Directory and a topic's page, R/Report, R/Resources/By topic, R/Hot topics, a clinic's
 * summary) is rendered for a reader in English, Spanish and Arabic: its intro and headings are
 * in that language (the message files' text, not English), with no message key, module call,
 * script error, `$1` or PLURAL left, and no raw id.
 */
import ar from '../../../shared/i18n/ar.json';
import en from '../../../shared/i18n/en.json';
import es from '../../../shared/i18n/es.json';
import {
  calendarPageTitle,
  clinicSummaryTitle,
  hotTopicsPageTitle,
  reportPageTitle,
  resourcesIndexTitle,
} from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { seedProgram } from '../../../scripts/seed/seed-program';
import { findRawIds, pagesUnderRoot, renderedPageText } from '../../support/raw-ids';
import { runBotOk } from '../../support/run-cli';
import { startThrowawayWiki } from '../../support/throwaway-wiki';

jest.setTimeout(900_000);

const FILES: Record<string, Readonly<Record<string, unknown>>> = { en, es, ar };

let stack: Awaited<ReturnType<typeof startThrowawayWiki>>;
let pages: string[] = [];

beforeAll(async () => {
  stack = await startThrowawayWiki(8302);
  await seedProgram({ wiki: stack.wiki, profiles: 40, log: () => undefined });
  await runBotOk(['run'], stack.env);
  pages = await pagesUnderRoot(stack.wiki.apiUrl);
});

afterAll(async () => {
  await stack?.stop();
});

/** The first page under the root matching `pattern`. */
function pageLike(pattern: RegExp): string {
  const found = pages.filter((t) => pattern.test(t)).sort();
  if (found.length === 0) throw new Error(`no page like ${pattern}`);
  return found[found.length - 1]!;
}

const root = DEFAULT_ROOT;
const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each kind of page, and message keys (no parameters) its prose must show. */
const KINDS: Array<{ kind: string; title: () => string; keys: string[] }> = [
  {
    kind: 'portal',
    title: () => root,
    keys: ['letsconnect-portal-how', 'letsconnect-portal-how-1'],
  },
  {
    kind: 'clinics',
    title: () => `${root}/Clinics`,
    keys: ['letsconnect-clinics-page-upcoming', 'letsconnect-clinics-page-past'],
  },
  {
    kind: 'connections',
    title: () => `${root}/Connections`,
    keys: ['letsconnect-connections-index-intro'],
  },
  {
    kind: 'round',
    title: () => pageLike(new RegExp(`^${escaped}/Connections/\\d{4}-\\d{2}$`)),
    keys: ['letsconnect-round-heading-proposals', 'letsconnect-round-heading-outcomes'],
  },
  {
    kind: 'calendar',
    title: () => calendarPageTitle(root),
    keys: [
      'letsconnect-calendar-page-col-when',
      'letsconnect-calendar-page-col-local',
      'letsconnect-calendar-page-local-hint',
    ],
  },
  {
    kind: 'directory',
    title: () => `${root}/Directory`,
    keys: ['letsconnect-directory-col-category', 'letsconnect-directory-role-share'],
  },
  {
    kind: 'directory topic',
    title: () => pageLike(new RegExp(`^${escaped}/Directory/[a-z-]+$`)),
    keys: ['letsconnect-directory-col-person', 'letsconnect-directory-col-languages'],
  },
  {
    kind: 'report',
    title: () => reportPageTitle(root),
    keys: ['letsconnect-report-page-heading-totals', 'letsconnect-report-page-def-registered'],
  },
  {
    kind: 'resources',
    title: () => resourcesIndexTitle(root),
    keys: ['letsconnect-resource-page-heading-topics', 'letsconnect-resource-page-centre'],
  },
  {
    kind: 'hot topics',
    title: () => hotTopicsPageTitle(root),
    keys: ['letsconnect-hot-topics-col-learners', 'letsconnect-hot-topics-candidates-note'],
  },
  {
    kind: 'clinic summary',
    title: () => pageLike(new RegExp(`^${escaped}/Clinics/.+/Summary$`)),
    keys: ['letsconnect-clinics-bot-heading-attendance', 'letsconnect-clinics-bot-col-measure'],
  },
];

/** Whether `text` holds `words` as words ("Participant" is not in "Participante"). */
function containsWords(text: string, words: string): boolean {
  const quoted = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${quoted}([^\\p{L}]|$)`, 'u').test(text);
}

const message = (language: string, key: string): string => {
  const text = FILES[language]![key];
  if (typeof text !== 'string') throw new Error(`${language} has no ${key}`);
  return text;
};

describe("the bot's page prose in the reader's language", () => {
  it('the bot wrote a page of each kind', () => {
    // The portal is the root page itself; the others are under it.
    for (const { title } of KINDS.slice(1)) expect(pages).toContain(title());
    expect(clinicSummaryTitle('x')).toBe('x/Summary');
  });

  for (const { kind, title, keys } of KINDS) {
    it(`${kind}: in English, Spanish and Arabic, with no key, call or raw id left`, async () => {
      for (const language of ['en', 'es', 'ar']) {
        const text = await renderedPageText(stack.wiki.apiUrl, title(), language);
        const where = `${title()} (${language})`;
        for (const key of keys) {
          expect({ where, key, found: text.includes(message(language, key)) }).toEqual({
            where,
            key,
            found: true,
          });
          // Not the English words, where the language has its own.
          if (language !== 'en' && message(language, key) !== message('en', key))
            expect({ where, key, english: containsWords(text, message('en', key)) }).toEqual({
              where,
              key,
              english: false,
            });
        }
        expect({
          where,
          left: text.match(/letsconnect-[a-z-]+|#invoke|\$\d|PLURAL|Lua error|Script error/g),
        }).toEqual({
          where,
          left: null,
        });
        expect({ where, ids: findRawIds(text) }).toEqual({ where, ids: [] });
        if (language === 'ar') expect(text).toMatch(/[\u0600-\u06ff]{4}/);
      }
    });
  }
});
