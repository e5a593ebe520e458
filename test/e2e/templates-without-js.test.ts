import type { Browser } from 'playwright-core';
import { clinicPageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { clinicCodec } from '../../shared/records/clinic';
import { serialiseRecord } from '../../shared/records/codec';
import { clinicFixture } from '../unit/support/clinic-fixture';
import { adminClient, purgePages, wiki } from '../support/local-wiki';
import { launchBrowser, screenshot } from '../support/browser';

jest.setTimeout(60_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page in the category the profile template puts listed participants in. */
async function listedProfileTitle(): Promise<string> {
  const params = new URLSearchParams({
    action: 'query',
    list: 'categorymembers',
    cmtitle: "Category:Let's Connect participants",
    cmlimit: '1',
    format: 'json',
    formatversion: '2',
  });
  const body = (await (await fetch(`${wiki.apiUrl}?${params}`)).json()) as {
    query: { categorymembers: { title: string }[] };
  };
  const title = body.query.categorymembers[0]?.title;
  if (!title)
    throw new Error('No listed profile on the wiki: did the e2e setup seed sample profiles?');
  return title;
}

describe('the program templates, read without JavaScript', () => {
  it('show a seeded profile page as a readable card', async () => {
    const title = await listedProfileTitle();
    const username = title.split('/').pop()!;
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1100, height: 900 },
    });
    const page = await context.newPage();
    await purgePages([title]);
    await page.goto(`${wiki.server}/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`);
    const card = page.locator('.letsconnect-profile');
    expect(await card.count()).toBe(1);
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(username);
    // The card's facts, as the gadget's card lists them, in words.
    expect(text).toMatch(/Languages/);
    expect(text).toMatch(/Wants to learn|Can share/);
    expect(text).toMatch(/\((native|level \d)\)/);
    // No template syntax or escaped markup leaks into what a reader sees.
    expect(text).not.toMatch(/\{\{|\}\}|\{\{\{|&#\d+;/);
    // The box's styles come from the styles-only gadget (letsconnect-pages), without JavaScript.
    expect(
      await page.evaluate(
        "getComputedStyle(document.querySelector('.letsconnect-profile')).borderTopStyle",
      ),
    ).toBe('solid');
    await screenshot(page, 'profile-card-without-javascript');
    await context.close();
  });
});

describe('a seeded clinic page, read without JavaScript', () => {
  it('shows the clinic with working links and the list of sign-up pages', async () => {
    const params = new URLSearchParams({
      action: 'query',
      list: 'allpages',
      apnamespace: '200',
      apprefix: 'Knowledge Sharing/Connect/Clinics/',
      aplimit: '500',
      format: 'json',
      formatversion: '2',
    });
    const body = (await (await fetch(`${wiki.apiUrl}?${params}`)).json()) as {
      query: { allpages: { title: string }[] };
    };
    const titles = body.query.allpages.map((p) => p.title);
    // A seeded clinic with sign-up pages under it and a link (a join link, or a past one's
    // recording). Other test files make clinics of their own on this wiki, without either.
    const withSignups = titles.filter(
      (t) => !t.includes('/Sign-ups/') && titles.some((s) => s.startsWith(`${t}/Sign-ups/`)),
    );
    const sources = new URLSearchParams({
      action: 'query',
      prop: 'revisions',
      rvprop: 'content',
      rvslots: 'main',
      titles: withSignups.slice(0, 50).join('|'),
      format: 'json',
      formatversion: '2',
    });
    const pages = (
      (await (await fetch(`${wiki.apiUrl}?${sources}`)).json()) as {
        query: {
          pages: Array<{
            title: string;
            revisions?: Array<{ slots: { main: { content: string } } }>;
          }>;
        };
      }
    ).query.pages;
    // A join link shows only until the last session ends (the test below): a recording, or a
    // join link with a session still ahead.
    const hasLink = (title: string) => {
      const text = pages.find((p) => p.title === title)?.revisions?.[0]?.slots.main.content ?? '';
      const ahead = [...text.matchAll(/\|\s*session\d\s*=\s*(\S+)/g)].some(
        (m) => Date.parse(m[1]!) > Date.now(),
      );
      return (
        /\|\s*recording\s*=\s*https:/.test(text) || (ahead && /\|\s*link\s*=\s*https:/.test(text))
      );
    };
    const clinic = withSignups.find(hasLink);
    if (!clinic) throw new Error('No seeded clinic with sign-ups');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${wiki.server}/index.php?title=${encodeURIComponent(clinic)}&action=purge`);
    await page.goto(`${wiki.server}/wiki/${encodeURIComponent(clinic.replace(/ /g, '_'))}`);
    const card = page.locator('.letsconnect-clinic');
    expect(await card.count()).toBe(1);
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).not.toMatch(/\{\{|\}\}|&#\d+;|\[https?/);
    // Each session in words: its date and UTC time, then its length.
    expect(text).toMatch(/Session 1: \d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC \(\d+ minutes\)/);
    // Links made from escaped values are real links.
    const links = await card.locator('a.external').all();
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
    const signups = titles.filter((s) => s.startsWith(`${clinic}/Sign-ups/`));
    expect(await card.locator('.letsconnect-clinic-signups li').count()).toBe(signups.length);
    await context.close();
  });
});

describe('the join link without JavaScript', () => {
  it('is offered until the session ends, never after it or for a cancelled clinic', async () => {
    const run = Date.now().toString(36);
    const link = 'https://meet.example.org/join-me';
    const clinics = {
      ahead: clinicPageTitle(DEFAULT_ROOT, '2099-05-06', `Join ahead ${run}`),
      over: clinicPageTitle(DEFAULT_ROOT, '2024-05-06', `Join over ${run}`),
      // The first session is over, the second still ahead: the link stays.
      between: clinicPageTitle(DEFAULT_ROOT, '2024-05-07', `Join between ${run}`),
      cancelled: clinicPageTitle(DEFAULT_ROOT, '2099-05-08', `Join cancelled ${run}`),
    };
    const sessions: Record<keyof typeof clinics, string[]> = {
      ahead: ['2099-05-06T14:00Z'],
      over: ['2024-05-06T14:00Z'],
      between: ['2024-05-07T14:00Z', '2099-05-07T14:00Z'],
      cancelled: ['2099-05-08T14:00Z'],
    };
    const admin = await adminClient([DEFAULT_ROOT]);
    for (const [kind, title] of Object.entries(clinics) as Array<[keyof typeof clinics, string]>) {
      const record = clinicFixture({
        title: `Join ${kind}`,
        sessions: sessions[kind],
        link,
        status: kind === 'cancelled' ? 'cancelled' : 'open',
      });
      await admin.save(title, `${serialiseRecord(clinicCodec, record)}\n`, 'Test: a clinic', null);
    }
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const joins: Record<string, number> = {};
    for (const [kind, title] of Object.entries(clinics)) {
      await page.goto(`${wiki.server}/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`);
      const card = page.locator('.letsconnect-clinic');
      expect(await card.count()).toBe(1);
      joins[kind] = await card.locator(`a[href="${link}"]`).count();
      if (kind === 'over') await screenshot(page, 'clinic-no-js-after-session');
    }
    expect(joins).toEqual({ ahead: 1, over: 0, between: 1, cancelled: 0 });
    await context.close();
  });
});
