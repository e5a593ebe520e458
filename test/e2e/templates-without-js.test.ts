import type { Browser } from 'playwright-core';
import { purgePages, wiki } from '../support/local-wiki';
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
    const hasLink = (title: string) =>
      /\|\s*(link|recording)\s*=\s*https:/.test(
        pages.find((p) => p.title === title)?.revisions?.[0]?.slots.main.content ?? '',
      );
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
