/**
 * The program's pages as people read them (issue 14): after the bot's run, the portal on the
 * root page, R/Clinics and an introduction on a talk page, in Vector on a desktop, in Minerva
 * on a phone, in Arabic and German, in night mode and without JavaScript (portal-*,
 * clinics-index-*, introduction-*); and every page a participant lands on from a link (the
 * portal, a profile, a directory topic table, the round page, the calendar, R/Clinics and a
 * clinic) without JavaScript in English and Arabic (words-<page>-nojs-<language>). Words,
 * not ids (test/support/raw-ids.ts); axe-clean; no red link on the portal; the navigation
 * on every program page; German from the community's draft in the gadget. Screenshots in
 * test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_ROOT } from '../../shared/program';
import { PORTAL_AREAS } from '../../shared/portal';
import { calendarPageTitle, connectionsPageTitle } from '../../shared/pages';
import { findRawIds } from '../support/raw-ids';
import { seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { adminClient, botEnv, purgePages, wiki } from '../support/local-wiki';
import { renderMessage } from '../../bot/notify/messages';
import { toDirectoryEntry } from '../../shared/documents/documents';
import { defaultTaxonomy } from '../../shared/taxonomy/taxonomy';
import { profileFixture } from '../unit/support/profile-fixture';
import { applyNightMode } from '../support/night-mode';
import { runBotOk } from '../support/run-cli';
import { DESKTOP, PHONE, openWithoutScripts, pageUrl } from './helpers/gadget-pages';
import en from '../../shared/i18n/en.json';
import ar from '../../shared/i18n/ar.json';

jest.setTimeout(600_000);

const messages = en as unknown as Record<string, string>;
const arabic = ar as unknown as Record<string, string>;

/** Words of the bot's own prose each landing page shows (message keys), in the reader's language. */
const PROSE: Record<string, string[]> = {
  'directory-topic': ['letsconnect-directory-col-person', 'letsconnect-directory-col-region'],
  round: ['letsconnect-round-heading-proposals', 'letsconnect-round-heading-outcomes'],
  calendar: ['letsconnect-calendar-page-col-when', 'letsconnect-calendar-page-col-local'],
  'clinics-index': ['letsconnect-clinics-page-upcoming', 'letsconnect-clinics-page-col-when'],
};
const CLINICS = `${DEFAULT_ROOT}/Clinics`;
let browser: Browser;
let introTalkPage: string;
/** The pages a participant lands on from a link, by the name their screenshots have. */
let landing: Array<{ name: string; title: string }>;

/**
 * A talk page with an introduction as the notifier writes it (`renderMessage`, the bot's own
 * function: the sample round's approvals are not the bot's to introduce here), saved so the
 * wiki renders it.
 */
async function talkPageWithIntroduction(): Promise<string> {
  const title = 'User talk:Portal Learner';
  const person = (username: string) =>
    toDirectoryEntry(
      profileFixture({
        username,
        learn: ['wikidata-basics'],
        share: ['wikidata-basics'],
        languages: [{ code: 'en', level: 'N' }],
        timezone: 'Africa/Nairobi',
        availability: [{ days: 'weekdays', from: 18, to: 21 }],
      }),
      1,
    )!;
  const { heading, body } = renderMessage(
    {
      kind: 'intro',
      key: 'intro:e2e:Portal Learner',
      round: '2026-12',
      user: 'Portal Learner',
      proposal: {
        id: '2026-12-001',
        learners: ['Portal Learner'],
        sharer: 'Portal Sharer',
        topic: 'wikidata-basics',
        format: 'one-to-one',
        languages: ['en'],
        score: 70,
        reason: 'The learner wants to learn it; rarely seen',
        status: 'approved',
        reviewer: '',
        reviewed: '',
        note: '',
      },
    },
    {
      root: DEFAULT_ROOT,
      now: new Date(),
      people: new Map([
        ['Portal Learner', person('Portal Learner')],
        ['Portal Sharer', person('Portal Sharer')],
      ]),
      taxonomy: defaultTaxonomy(),
    },
  );
  const admin = await adminClient([title]);
  const [page] = await admin.readPages([title]);
  await admin.save(
    title,
    `== ${heading} ==\n${body}\n`,
    'e2e: an introduction',
    page?.exists ? (page.revid ?? null) : null,
  );
  return title;
}

async function apiQuery<T>(params: Record<string, string>): Promise<T> {
  const search = new URLSearchParams({ format: 'json', formatversion: '2', ...params });
  return (await (await fetch(`${wiki.apiUrl}?${search}`)).json()) as T;
}

/** The first page under the program root whose title starts with `prefix` and passes `keep`. */
async function firstPageUnder(prefix: string, keep: (title: string) => boolean): Promise<string> {
  const body = await apiQuery<{ query: { allpages: { title: string }[] } }>({
    action: 'query',
    list: 'allpages',
    apnamespace: '200',
    apprefix: `${DEFAULT_ROOT.replace(/^Grants:/, '')}/${prefix}`,
    aplimit: '500',
  });
  const found = body.query.allpages.map((p) => p.title).find(keep);
  if (!found) throw new Error(`No page under ${prefix}: did the e2e setup seed the program?`);
  return found;
}

async function landingPages(): Promise<Array<{ name: string; title: string }>> {
  const listed = await apiQuery<{ query: { categorymembers: { title: string }[] } }>({
    action: 'query',
    list: 'categorymembers',
    cmtitle: "Category:Let's Connect participants",
    cmlimit: '1',
  });
  const round = new Date().toISOString().slice(0, 7);
  return [
    { name: 'portal', title: DEFAULT_ROOT },
    { name: 'profile', title: listed.query.categorymembers[0]!.title },
    {
      name: 'directory-topic',
      title: await firstPageUnder('Directory/', (t) => !t.endsWith('.json')),
    },
    { name: 'round', title: connectionsPageTitle(DEFAULT_ROOT, round) },
    { name: 'calendar', title: calendarPageTitle(DEFAULT_ROOT) },
    { name: 'clinics-index', title: CLINICS },
    {
      name: 'clinic',
      title: await firstPageUnder('Clinics/', (t) => !t.includes('/Sign-ups/')),
    },
  ];
}

beforeAll(async () => {
  browser = await launchBrowser();
  for (const task of ['directory', 'match', 'clinics', 'report']) await runBotOk([task], botEnv());
  introTalkPage = await talkPageWithIntroduction();
  landing = await landingPages();
  // Pages the bot did not just write may hold a rendering from before this deploy. Not the
  // portal: it must be right as the bot's save left it (its links included).
  await purgePages(landing.map((p) => p.title).filter((t) => t !== DEFAULT_ROOT));
});
afterAll(async () => {
  await browser?.close();
});

interface View {
  name: string;
  query?: Record<string, string>;
  viewport?: { width: number; height: number };
  javaScript?: boolean;
  night?: boolean;
}

const VIEWS: View[] = [
  { name: 'vector' },
  { name: 'minerva-375', query: { useskin: 'minerva' }, viewport: PHONE },
  { name: 'ar', query: { uselang: 'ar' } },
  { name: 'de', query: { uselang: 'de' } },
  { name: 'night', night: true },
  { name: 'no-js', javaScript: false },
];

async function open(title: string, view: View): Promise<Page> {
  const context = await browser.newContext({
    viewport: view.viewport ?? DESKTOP,
    javaScriptEnabled: view.javaScript ?? true,
  });
  const page = await context.newPage();
  await page.goto(pageUrl(title, view.query ?? {}));
  if (view.night) await applyNightMode(page);
  if (view.javaScript !== false)
    await page.locator('.letsconnect-nav').waitFor({ timeout: 60_000 });
  return page;
}

/**
 * Serious axe violations in the page's content. A page without JavaScript cannot run axe
 * (its promises never settle): axe runs on the same page opened without its scripts.
 */
async function axeProblems(page: Page, view: Pick<View, 'javaScript' | 'viewport'>) {
  if (view.javaScript !== false) return seriousViolations(page, '#mw-content-text');
  const copy = await openWithoutScripts(browser, page.url(), view.viewport ?? DESKTOP);
  try {
    expect(await copy.evaluate('document.documentElement.className')).toContain('client-nojs');
    return await seriousViolations(copy, '#mw-content-text');
  } finally {
    await copy.context().close();
  }
}

/**
 * What a page that failed to render shows: our own template or module calls left as text, a
 * message key in ⧼…⧽, or no page at all. Not any "{{": participants' own words may hold
 * braces (the hostile-values test's profiles do), and the pages show them as text, rightly.
 */
const UNRENDERED = /\{\{\s*(?:#invoke|Let's Connect\/)|⧼|There is currently no text/;

const contentText = async (page: Page) =>
  (await page.locator('#mw-content-text').innerText()).replace(/\s+/g, ' ');

describe('the portal, R/Clinics and an introduction, as people read them', () => {
  it.each(VIEWS)('the portal ($name) links every area in words', async (view) => {
    const page = await open(DEFAULT_ROOT, view);
    const text = await contentText(page);
    expect(text).not.toMatch(UNRENDERED);
    expect(text).not.toContain('letsconnect-portal');
    if (view.name === 'ar') expect(text).toContain('ابحث عن أشخاص');
    else if (view.javaScript === false || view.name !== 'de')
      for (const area of PORTAL_AREAS) expect(text).toContain(messages[area.key]!);
    if (view.javaScript !== false) {
      // The gadget's navigation carries the same areas, in the reader's language.
      const nav = page.locator('.letsconnect-nav a');
      expect(await nav.count()).toBe(PORTAL_AREAS.length);
      if (view.name === 'de') expect(await nav.first().innerText()).toBe('Leute finden');
    }
    // Every area's page exists by the time the portal is saved: no red link.
    expect(await page.locator('.letsconnect-portal a.new').allInnerTexts()).toEqual([]);
    expect(await axeProblems(page, view)).toEqual([]);
    await screenshot(page, `portal-${view.name}`);
    await page.context().close();
  });

  it.each(VIEWS)(
    'R/Clinics ($name) lists clinics in words, readable without JavaScript',
    async (view) => {
      const page = await open(CLINICS, view);
      const text = await contentText(page);
      expect(text).not.toMatch(UNRENDERED);
      expect(text).not.toContain('letsconnect-clinics');
      expect(await page.locator('table.letsconnect-clinics').count()).toBeGreaterThan(0);
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      if (view.name === 'ar') expect(text).toContain('العيادات القادمة');
      expect(await axeProblems(page, view)).toEqual([]);
      await screenshot(page, `clinics-index-${view.name}`);
      await page.context().close();
    },
  );

  it.each(VIEWS)('an introduction ($name) speaks to its reader with direct links', async (view) => {
    const page = await open(introTalkPage, { ...view, javaScript: false });
    const text = await contentText(page);
    expect(text).toMatch(
      /What to do next|Qué hacer ahora|Et maintenant|O que fazer agora|Langkah berikutnya|ما الخطوة التالية/,
    );
    expect(await page.locator('a[href*="Special:EmailUser/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href*="letsconnect-outcome="]').count()).toBe(1);
    expect(text).not.toMatch(/The learner wants|the sharer shares|rarely seen/);
    await screenshot(page, `introduction-${view.name}`);
    await page.context().close();
  });
});

describe('the pages a participant lands on, without JavaScript, in English and Arabic', () => {
  const LANGUAGES = ['en', 'ar'];
  const cases = () => landing.flatMap((p) => LANGUAGES.map((language) => ({ ...p, language })));

  it('show words, not ids, and are axe-clean', async () => {
    const problems: string[] = [];
    for (const { name, title, language } of cases()) {
      const url = pageUrl(title, { uselang: language });
      const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(url);
      const text = await contentText(page);
      await screenshot(page, `words-${name}-nojs-${language}`);
      const where = `${name} (${language})`;
      for (const v of await axeProblems(page, { javaScript: false }))
        problems.push(`${where}: axe ${v.id} (${v.nodes})`);
      await context.close();
      if (UNRENDERED.test(text)) problems.push(`${where}: template syntax or a missing page`);
      for (const id of findRawIds(text))
        problems.push(`${where}: ${id.kind} "${id.text}" in "${id.context}"`);
      if (language === 'ar' && !/[\u0600-\u06ff]/.test(text)) problems.push(`${where}: no Arabic`);
      // The bot's own prose (headings, column names) in the reader's language, not English.
      for (const key of PROSE[name] ?? []) {
        const words = (language === 'ar' ? arabic : messages)[key]!;
        if (!text.includes(words)) problems.push(`${where}: no "${words}" (${key})`);
        if (language === 'ar' && text.includes(messages[key]!))
          problems.push(`${where}: English "${messages[key]!}" (${key})`);
      }
      if (name === 'round' && language === 'en') {
        if (!/can share .+ with .+ \(learning\)/.test(text))
          problems.push(`${where}: who does what`);
        if (!/meeting in [A-Z]/.test(text)) problems.push(`${where}: no meeting language`);
        if (!/good times: .+ UTC; for .+: .+ \([A-Z][a-z]+\/[A-Za-z]/.test(text))
          problems.push(`${where}: no times in UTC and local`);
      }
      if (name === 'calendar' && language === 'en' && !/\d{2}:\d{2} UTC/.test(text))
        problems.push(`${where}: no time in UTC`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the calendar, a round page, a directory topic and R/Clinics in Arabic, at night and on a phone', () => {
  const ARABIC_VIEWS: View[] = [
    { name: 'ar-night', query: { uselang: 'ar' }, night: true },
    { name: 'ar-minerva-375', query: { uselang: 'ar', useskin: 'minerva' }, viewport: PHONE },
    { name: 'ar-no-js', query: { uselang: 'ar' }, javaScript: false },
  ];
  const cases = () =>
    landing
      .filter((p) => PROSE[p.name] !== undefined)
      .flatMap((p) => ARABIC_VIEWS.map((view) => ({ ...p, view })));

  it("read in Arabic, right to left, with the bot's words and no English heading", async () => {
    const problems: string[] = [];
    for (const { name, title, view } of cases()) {
      const page = await open(title, view);
      const where = `${name} (${view.name})`;
      const text = await contentText(page);
      if (/\{\{|\}\}|#invoke|⧼|letsconnect-[a-z]/.test(text))
        problems.push(`${where}: syntax or key`);
      for (const key of PROSE[name]!) {
        if (!text.includes(arabic[key]!)) problems.push(`${where}: no "${arabic[key]!}"`);
        if (text.includes(messages[key]!)) problems.push(`${where}: English "${messages[key]!}"`);
      }
      if ((await page.locator('#mw-content-text [dir="rtl"], html[dir="rtl"]').count()) === 0)
        problems.push(`${where}: not right to left`);
      for (const v of await axeProblems(page, view))
        problems.push(`${where}: axe ${v.id} (${v.nodes})`);
      await screenshot(page, `prose-${name}-${view.name}`);
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});

describe('the calendar, read with the gadget', () => {
  it("gives each entry once, in UTC and the organiser's zone, and the reader's own time beside it", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    await page.goto(pageUrl(calendarPageTitle(DEFAULT_ROOT)));
    const reader = page.locator('#mw-content-text .letsconnect-time__reader');
    await reader.first().waitFor({ timeout: 60_000 });
    // One reader's time for each time the page gives in UTC.
    expect(await reader.count()).toBe(
      await page.locator('#mw-content-text .letsconnect-time').count(),
    );
    expect(await reader.first().innerText()).toMatch(/your time: .+, Asia\/Tokyo/);
    const text = await contentText(page);
    expect(text).not.toMatch(/Learning clinic: Learning clinic:/);
    expect(text).toMatch(/\d{2}:\d{2} UTC/);
    expect(await axeProblems(page, {})).toEqual([]);
    await screenshot(page, 'words-calendar-reader-tokyo');
    await context.close();
  });
});
