/**
 * In Chromium on the local wiki: a listed participant sorts the directory by "Best for me"
 * (the matcher's own pair score, computed in the browser) and reads why each person fits them;
 * then asks someone from that person's profile page. Screenshots: desktop, Minerva at 375 px,
 * night mode and Arabic, for both.
 */
import type { Browser, Page } from 'playwright-core';
import { profilePageTitle, requestsPageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { parseRecords, serialiseRecord } from '../../shared/records/codec';
import { profileCodec, type Profile } from '../../shared/records/profile';
import { requestCodec } from '../../shared/records/request';
import { importPages } from '../../scripts/seed/import-pages';
import { seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { botClient, wiki } from '../support/local-wiki';
import { applyNightMode } from '../support/night-mode';
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

// A group only this file's people belong to: searching it shows them alone, whatever else
// the shared wiki holds.
const GROUP = `Fitcheck${Math.random().toString(36).slice(2, 7)}`;
const reader = newUserName('Reader');
const close = newUserName('Close');
const later = newUserName('Later');
const faraway = newUserName('Faraway');

let browser: Browser;
const sessions: Session[] = [];
let desktop: Page;

const person = (username: string, over: Partial<Profile>) =>
  profileFixture({
    username,
    groups: [{ group: GROUP, role: '' }],
    languages: [{ code: 'es', level: 'N' }],
    timezone: 'America/Bogota',
    availability: [{ days: 'weekdays', from: 18, to: 21 }],
    connectionsPerMonth: 1,
    ...over,
  });

async function text(title: string): Promise<string> {
  const [page] = await (await botClient()).readPages([title]);
  return page?.exists ? (page.content ?? '') : '';
}

async function session(viewport: typeof DESKTOP, login = true): Promise<Page> {
  const s = await newSession(browser, viewport);
  sessions.push(s);
  if (login) await createAccount(s.page, reader);
  return s.page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The reader's account exists before their profile is written, as on the wiki.
  desktop = await session(DESKTOP);
  const page = (p: Profile) => ({
    title: profilePageTitle(DEFAULT_ROOT, p.username),
    user: p.username,
    content: `${serialiseRecord(profileCodec, p)}\n`,
  });
  importPages(wiki, [
    page(person(reader, { learn: ['budget-development'] })),
    page(person(close, { share: ['budget-development'] })),
    // Fewer hours in common: a fit, but a lesser one.
    page(
      person(later, {
        share: ['budget-development'],
        availability: [{ days: 'weekdays', from: 20, to: 21 }],
      }),
    ),
    // No language in common: no fit at all.
    page(
      person(faraway, { share: ['budget-development'], languages: [{ code: 'fi', level: 'N' }] }),
    ),
  ]);
  await runDirectoryTask();
});

afterAll(async () => {
  await browser?.close();
});

const names = async (view: ReturnType<Page['locator']>) =>
  (await view.locator('.letsconnect-card__name').allTextContents()).map((n) => n.trim());

describe('Best for me', () => {
  it('sorts the directory by fit to the reader and says why on each card', async () => {
    const view = await openDirectory(desktop, { 'lc-q': GROUP });
    // Offered in the sort menu to a listed reader.
    await view.locator('.letsconnect-filters__sort .cdx-select-vue__handle').click();
    await desktop.getByRole('option', { name: 'Best for me' }).click();
    await view.locator('.letsconnect-card__fit').first().waitFor({ timeout: 20_000 });
    expect(desktop.url()).toContain('lc-sort=best');
    expect(await names(view)).toEqual([close, later, faraway, reader]);
    expect(await cardOf(view, close).locator('.letsconnect-card__fit').textContent()).toBe(
      'Fits you: shares Budget development; you both speak Spanish; 15 hours a week in common',
    );
    expect(await cardOf(view, later).locator('.letsconnect-card__fit').textContent()).toContain(
      '5 hours a week in common',
    );
    expect(await cardOf(view, faraway).locator('.letsconnect-card__fit').count()).toBe(0);
    expect(await seriousViolations(desktop, '.letsconnect-directory')).toEqual([]);
    await screenshot(desktop, 'directory-best-for-me-desktop');
    await applyNightMode(desktop);
    await screenshot(desktop, 'directory-best-for-me-night');
  });

  it('on a phone (Minerva, 375 px) and in Arabic; not offered to someone logged out', async () => {
    await desktop.setViewportSize(PHONE);
    await openDirectory(desktop, { 'lc-q': GROUP, 'lc-sort': 'best', useskin: 'minerva' });
    await desktop.locator('.letsconnect-card__fit').first().waitFor({ timeout: 20_000 });
    await screenshot(desktop, 'directory-best-for-me-minerva-phone');
    const view = await openDirectory(desktop, { 'lc-q': GROUP, 'lc-sort': 'best', uselang: 'ar' });
    await view.locator('.letsconnect-card__fit').first().waitFor({ timeout: 20_000 });
    expect(await cardOf(view, close).locator('.letsconnect-card__fit').textContent()).toContain(
      'يناسبك',
    );
    await screenshot(desktop, 'directory-best-for-me-arabic-phone');
    await desktop.setViewportSize(DESKTOP);
    // A shared link opened logged out: by name, no reasons.
    const outsider = await session(PHONE, false);
    const outside = await openDirectory(outsider, { 'lc-q': GROUP, 'lc-sort': 'best' });
    await outside.locator('.letsconnect-card').first().waitFor({ timeout: 20_000 });
    expect(await names(outside)).toEqual([close, faraway, later, reader].sort());
    expect(await outside.locator('.letsconnect-card__fit').count()).toBe(0);
  });
});

describe('Ask to connect on a profile page', () => {
  it('asks from the person’s profile page, saved on the reader’s own requests page', async () => {
    const page = desktop;
    await page.goto(pageUrl(profilePageTitle(DEFAULT_ROOT, close)));
    const button = page.locator('.letsconnect-ask-profile__button');
    await button.waitFor({ timeout: 20_000 });
    await button.click();
    const dialog = page.locator('.letsconnect-ask');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await dialog.getByLabel('Learn about Budget development from them').check();
    expect(await seriousViolations(page, '.letsconnect-ask')).toEqual([]);
    await screenshot(page, 'profile-ask-desktop');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText(`Your request to ${close} is saved.`).waitFor({ timeout: 20_000 });
    const saved = parseRecords(requestCodec, await text(requestsPageTitle(DEFAULT_ROOT, reader)));
    expect(saved.map((r) => r.record)).toEqual([
      expect.objectContaining({ to: close, topic: 'budget-development', direction: 'learn' }),
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Not on the reader's own profile page.
    await page.goto(pageUrl(profilePageTitle(DEFAULT_ROOT, reader)));
    await page.locator('.letsconnect-welcome').waitFor({ timeout: 20_000 });
    expect(await page.locator('.letsconnect-ask-profile__button').count()).toBe(0);
  });

  it('on a phone (Minerva, 375 px), at night and in Arabic', async () => {
    const page = desktop;
    await page.setViewportSize(PHONE);
    for (const [name, query, night] of [
      ['profile-ask-minerva-phone', { useskin: 'minerva' }, false],
      ['profile-ask-night', {}, true],
      ['profile-ask-arabic-phone', { uselang: 'ar', useskin: 'minerva' }, false],
    ] as const) {
      await page.goto(pageUrl(profilePageTitle(DEFAULT_ROOT, later), query));
      const button = page.locator('.letsconnect-ask-profile__button');
      await button.waitFor({ timeout: 20_000 });
      await button.click();
      await page.locator('.letsconnect-ask').waitFor({ state: 'visible', timeout: 20_000 });
      if (night) await applyNightMode(page);
      await screenshot(page, name);
    }
    for (const s of sessions) expect(s.errors).toEqual([]);
  });
});
