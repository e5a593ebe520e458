/**
 * A connection people make themselves, in Chromium on the local wiki: A asks B from the
 * directory; the bot tells B; B opens the link on their talk page and accepts; the bot
 * confirms it to both and follows it up; A records the outcome; the report counts one
 * self-made connection met. A forged acceptance by a third account counts for nothing and is
 * listed for the working group; B declines a second request: no connection, A is told.
 * Screenshots: desktop, Minerva at 375 px, night mode, Arabic, and without JavaScript.
 */
import type { Browser, Page } from 'playwright-core';
import { readDocument } from '../../shared/documents/read-document';
import {
  profilePageTitle,
  reportDataTitle,
  requestsDataTitle,
  requestsPageTitle,
} from '../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import { serialiseRecord } from '../../shared/records/codec';
import { profileCodec } from '../../shared/records/profile';
import { answerCodec } from '../../shared/records/request';
import { importPages } from '../../scripts/seed/import-pages';
import { seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { botClient, botEnv, wiki } from '../support/local-wiki';
import { applyNightMode } from '../support/night-mode';
import { runBotOk } from '../support/run-cli';
import { profileFixture } from '../unit/support/profile-fixture';
import {
  DESKTOP,
  PHONE,
  cardOf,
  createAccount,
  newSession,
  newUserName,
  openDirectory,
  pageUrl,
  runDirectoryTask,
  type Session,
} from './helpers/gadget-pages';

jest.setTimeout(400_000);

// A month no other test writes (connections-review uses 2100–2899; fixtures 2025–2026), and
// one the report's month range reaches (it spans at most 100 years from the first month).
const MONTH = `${2060 + Math.floor(Math.random() * 39)}-${String(1 + Math.floor(Math.random() * 9)).padStart(2, '0')}`;
const at = (day: number) => `${MONTH}-${String(day).padStart(2, '0')}T12:00Z`;

const asker = newUserName('Asker');
const sharer = newUserName('Sharer');
const other = newUserName('Other');
const forger = newUserName('Forger');

let browser: Browser;
const sessions: Record<string, Session> = {};
const as = (who: string): Page => {
  const s = sessions[who];
  if (!s) throw new Error(`no session for ${who}`);
  return s.page;
};

async function text(title: string): Promise<string> {
  const [page] = await (await botClient()).readPages([title]);
  return page?.exists ? (page.content ?? '') : '';
}

const markers = async (user: string, kind: string) =>
  ((await text(`User talk:${user}`)).match(new RegExp(`<!-- letsconnect:${kind}:`, 'g')) ?? [])
    .length;

const notify = (day: number) => runBotOk(['notify', '--now', at(day)], botEnv());

async function requestsDoc() {
  const doc = readDocument(await text(requestsDataTitle(DEFAULT_BOT_NAME)), 'connection-requests');
  if (!doc.document) throw new Error(JSON.stringify(doc.problems));
  return doc.document;
}

/** Asks `to` from the directory as `who`: the card's button, the dialog, a topic, a note. */
async function ask(page: Page, to: string, topic: string, note: string, shot?: string) {
  const view = await openDirectory(page, { 'lc-q': to });
  const card = cardOf(view, to);
  await card.getByRole('button', { name: 'Ask to connect' }).click();
  const dialog = page.locator('.letsconnect-ask');
  await dialog.waitFor({ state: 'visible', timeout: 20_000 });
  await dialog.getByLabel(topic).check();
  await dialog.locator('textarea').fill(note);
  if (shot) {
    expect(await seriousViolations(page, '.letsconnect-ask')).toEqual([]);
    await screenshot(page, shot);
  }
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await dialog.getByText(`Your request to ${to} is saved.`).waitFor({ timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
}

beforeAll(async () => {
  browser = await launchBrowser();
  for (const [who, name, viewport] of [
    ['asker', asker, DESKTOP],
    ['sharer', sharer, PHONE],
    ['forger', forger, DESKTOP],
  ] as const) {
    sessions[who] = await newSession(browser, viewport);
    await createAccount(as(who), name);
  }
  const profile = (username: string, share: string[], learn: string[]) => ({
    title: profilePageTitle(DEFAULT_ROOT, username),
    user: username,
    content: `${serialiseRecord(
      profileCodec,
      profileFixture({
        username,
        share,
        learn,
        languages: [
          { code: 'es', level: 'N' },
          { code: 'en', level: '3' },
        ],
        timezone: 'America/Bogota',
        availability: [{ days: 'weekdays', from: 18, to: 21 }],
      }),
    )}\n`,
  });
  importPages(wiki, [
    profile(asker, [], ['fundraising', 'wikidata-basics']),
    profile(sharer, ['fundraising', 'wikidata-basics'], []),
    profile(other, ['fundraising'], []),
    profile(forger, [], ['wikidata-basics']),
  ]);
  await runDirectoryTask();
});

afterAll(async () => {
  await browser?.close();
});

describe('a connection people make themselves', () => {
  it('A asks B from the directory card, and asks someone else too', async () => {
    await ask(
      as('asker'),
      sharer,
      'Learn about Fundraising from them',
      'Hola! | {{x}}',
      'requests-ask-dialog-desktop',
    );
    await ask(as('asker'), other, 'Learn about Fundraising from them', 'Hello');
    const page = await text(requestsPageTitle(DEFAULT_ROOT, asker));
    // The note is data, never markup: escaped on the page.
    expect(page).toContain('Hola!');
    expect(page).not.toContain('{{x}}');
    await notify(2);
    expect(await markers(sharer, 'request')).toBe(1);
    expect(await markers(other, 'request')).toBe(1);
  });

  it('B opens the link on their talk page and accepts; a third account forges an acceptance', async () => {
    const page = as('sharer');
    await page.goto(pageUrl(`User talk:${sharer}`));
    // In Spanish, the language the sharer reads best.
    const link = page.locator('#mw-content-text a[href*="letsconnect-request="]');
    expect(await link.textContent()).toBe('ver la solicitud y responder');
    await link.click();
    await page.locator('.letsconnect-request.is-opened').waitFor({ timeout: 20_000 });
    // The same page on the mobile site, as a phone shows it.
    await page.goto(`${page.url()}&useskin=minerva`);
    const request = page.locator('.letsconnect-request.is-opened');
    await request.waitFor({ timeout: 20_000 });
    expect(await request.textContent()).toContain('Hola! | {{x}}');
    expect(await seriousViolations(page, '.letsconnect-requests')).toEqual([]);
    await screenshot(page, 'requests-page-minerva-phone');
    await request.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('You accepted.', { exact: false }).first().waitFor({ timeout: 20_000 });

    // The forger writes an acceptance of A's request to Other onto Other's page.
    const forged = serialiseRecord(answerCodec, {
      from: asker,
      request: 'r2',
      answer: 'accept',
      answered: '',
    });
    const fpage = as('forger');
    await fpage.goto(pageUrl(requestsPageTitle(DEFAULT_ROOT, other)));
    await fpage.evaluate(
      `new mw.Api().postWithToken('csrf', { action: 'edit', title: ${JSON.stringify(
        requestsPageTitle(DEFAULT_ROOT, other),
      )}, text: ${JSON.stringify(forged)}, summary: 'accept' })`,
    );

    await notify(3);
    const doc = await requestsDoc();
    const r1 = doc.requests.find((r) => r.key === `${asker}/r1`);
    const r2 = doc.requests.find((r) => r.key === `${asker}/r2`);
    expect(r1?.state).toBe('accepted');
    expect(r2?.state).toBe('open');
    expect(doc.forged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ page: other, user: forger, why: 'not-owner' }),
      ]),
    );
    expect(await text(`${DEFAULT_ROOT}/Requests`)).toContain(forger);
    // Both are told it is confirmed.
    expect(await markers(asker, 'intro')).toBe(1);
    expect(await markers(sharer, 'intro')).toBe(1);
    expect(await markers(other, 'intro')).toBe(0);
  });

  it('both get the follow-up; A records the outcome; the report counts one self-made connection met', async () => {
    await notify(11);
    expect(await markers(asker, 'follow-up')).toBe(1);
    expect(await markers(sharer, 'follow-up')).toBe(1);
    const page = as('asker');
    await page.goto(pageUrl(`User talk:${asker}`));
    await page.locator('#mw-content-text a[href*="letsconnect-outcome="]').first().click();
    const form = page.locator('.letsconnect-proposal-tools form');
    await form.waitFor({ state: 'visible', timeout: 20_000 });
    await form.getByLabel('Yes, we met').check();
    await form.getByLabel('What did you learn?').fill('Fundraising basics.');
    await form.getByRole('button', { name: 'Save my report' }).click();
    await page.getByText('Thank you! Your report is saved.').waitFor({ timeout: 20_000 });

    await notify(12);
    await runBotOk(['report', '--now', at(13)], botEnv());
    const report = readDocument(await text(reportDataTitle(DEFAULT_BOT_NAME)), 'report').document;
    const month = report?.months.find((m) => m.month === MONTH);
    expect(month).toMatchObject({ selfMade: 1, selfMadeMet: 1, proposed: 0 });
  });

  it('B declines a second request: no connection, and A is told', async () => {
    await ask(as('asker'), sharer, 'Learn about Basic Wikidata use from them', 'Another one?');
    await notify(14);
    const page = as('sharer');
    await page.goto(pageUrl(requestsPageTitle(DEFAULT_ROOT, sharer), { uselang: 'ar' }));
    const request = page.locator('.letsconnect-request').first();
    await request.waitFor({ timeout: 20_000 });
    await screenshot(page, 'requests-page-arabic-phone');
    await page.goto(pageUrl(requestsPageTitle(DEFAULT_ROOT, sharer)));
    await page
      .locator('.letsconnect-request')
      .first()
      .getByRole('button', { name: 'Decline' })
      .click();
    await page.locator('.letsconnect-request__answered').waitFor({ timeout: 20_000 });
    await notify(15);
    expect(await markers(asker, 'request-declined')).toBe(1);
    const doc = await requestsDoc();
    expect(doc.requests.find((r) => r.key === `${asker}/r3`)?.state).toBe('declined');
    expect(doc.requests.filter((r) => r.asker === asker && r.state === 'accepted')).toHaveLength(1);
  });

  it("A's requests page: night mode, and readable without JavaScript", async () => {
    const page = as('asker');
    await page.goto(pageUrl(requestsPageTitle(DEFAULT_ROOT, asker)));
    await page.locator('.letsconnect-requests__list').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.letsconnect-requests').textContent()).toContain(
      'accepted: you are connected',
    );
    await screenshot(page, 'requests-own-page-desktop');
    await applyNightMode(page);
    await screenshot(page, 'requests-own-page-night');
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const plain = await noJs.newPage();
    await plain.goto(pageUrl(requestsPageTitle(DEFAULT_ROOT, asker)));
    const content = (await plain.locator('#mw-content-text').textContent()) ?? '';
    expect(content).toContain(`to ${sharer}`);
    expect(content).toContain('would like to learn');
    await screenshot(plain, 'requests-own-page-no-js');
    await noJs.close();
    for (const s of Object.values(sessions)) expect(s.errors).toEqual([]);
  });
});
