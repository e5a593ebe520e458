/**
 * The program's front pages as people read them (issue 14 §2, §4, §5): after the bot's run,
 * the portal on the root page, R/Clinics and an introduction on a talk page, in Vector on a
 * desktop, in Minerva on a phone, in Arabic and German, in night mode and without
 * JavaScript, each as a screenshot in test-artifacts/ (portal-*, clinics-index-*,
 * introduction-*). Words, not ids; axe-clean; the navigation on every program page; German
 * from the community's draft in the gadget.
 */
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_ROOT } from '../../shared/program';
import { PORTAL_AREAS } from '../../shared/portal';
import { seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { adminClient, botEnv } from '../support/local-wiki';
import { renderMessage } from '../../bot/notify/messages';
import { toDirectoryEntry } from '../../shared/documents/documents';
import { defaultTaxonomy } from '../../shared/taxonomy/taxonomy';
import { profileFixture } from '../unit/support/profile-fixture';
import { applyNightMode } from '../support/night-mode';
import { runBotOk } from '../support/run-cli';
import { DESKTOP, PHONE, pageUrl } from './helpers/gadget-pages';
import en from '../../shared/i18n/en.json';

jest.setTimeout(600_000);

const messages = en as unknown as Record<string, string>;
const CLINICS = `${DEFAULT_ROOT}/Clinics`;
let browser: Browser;
let introTalkPage: string;

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

beforeAll(async () => {
  browser = await launchBrowser();
  for (const task of ['directory', 'clinics', 'report']) await runBotOk([task], botEnv());
  introTalkPage = await talkPageWithIntroduction();
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

const contentText = async (page: Page) =>
  (await page.locator('#mw-content-text').innerText()).replace(/\s+/g, ' ');

describe('the portal, R/Clinics and an introduction, as people read them', () => {
  it.each(VIEWS)('the portal ($name) links every area in words', async (view) => {
    const page = await open(DEFAULT_ROOT, view);
    const text = await contentText(page);
    expect(text).not.toMatch(/\{\{|\}\}|#invoke|letsconnect-portal|⧼/);
    if (view.name === 'ar') expect(text).toContain('ابحث عن أشخاص');
    else if (view.javaScript === false || view.name !== 'de')
      for (const area of PORTAL_AREAS) expect(text).toContain(messages[area.key]!);
    if (view.javaScript !== false) {
      // The gadget's navigation carries the same areas, in the reader's language.
      const nav = page.locator('.letsconnect-nav a');
      expect(await nav.count()).toBe(PORTAL_AREAS.length);
      if (view.name === 'de') expect(await nav.first().innerText()).toBe('Leute finden');
    }
    expect(await seriousViolations(page, '#mw-content-text')).toEqual([]);
    await screenshot(page, `portal-${view.name}`);
    await page.context().close();
  });

  it.each(VIEWS)(
    'R/Clinics ($name) lists clinics in words, readable without JavaScript',
    async (view) => {
      const page = await open(CLINICS, view);
      const text = await contentText(page);
      expect(text).not.toMatch(
        /\{\{|\}\}|#invoke|letsconnect-clinics|⧼|There is currently no text/,
      );
      expect(await page.locator('table.letsconnect-clinics').count()).toBeGreaterThan(0);
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      if (view.name === 'ar') expect(text).toContain('العيادات القادمة');
      expect(await seriousViolations(page, '#mw-content-text')).toEqual([]);
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
