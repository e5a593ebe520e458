/**
 * Temporary accounts on the real wiki, in Chromium. A logged-out person who edits through the
 * wiki's edit form gets a temporary account (`~2026-1`, scripts/wiki/php/MetaLikeSettings.php)
 * and is logged into it. Such an account is offered no write by the gadget: on the program page
 * and on a clinic page it is told why, with links to log in or create an account that bring it
 * back. A named account whose session becomes a temporary one while a form is open saves
 * nothing and keeps what it typed. MediaWiki 1.39 has no `mw.user.isTemp`: this is the kit's
 * fallback (Wikimedia's `~2$1`) at work; newer wikis answer through `isNamed`/`isTemp`.
 */
import type { Browser, Page } from 'playwright-core';
import { clinicPageTitle, clinicSignupTitle, profilePageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { serialiseRecord } from '../../shared/records/codec';
import { clinicCodec, type Clinic } from '../../shared/records/clinic';
import { launchBrowser, screenshot } from '../support/browser';
import { adminClient, botClient, uniqueTitle } from '../support/local-wiki';
import {
  createAccount,
  fillMinimalProfile,
  newSession,
  newUserName,
  openForm,
  pageUrl,
  rootUrl,
  save,
} from './helpers/gadget-pages';

jest.setTimeout(300_000);

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const CLINIC = clinicPageTitle(DEFAULT_ROOT, '2027-05-20', `Temporary accounts ${RUN}`);
const WHY = 'Temporary accounts cannot take part in Let';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  const clinic: Clinic = {
    title: `Temporary accounts ${RUN}`,
    topic: 'fundraising',
    sessions: ['2027-05-20T14:00Z'],
    timezone: 'UTC',
    minutes: 90,
    sharers: ['Admin'],
    interpreters: [],
    host: 'Admin',
    languages: ['en'],
    interpretation: [],
    capacity: 20,
    status: 'open',
    link: '',
    recording: '',
    description: 'Open for sign-ups.',
    attended: null,
  };
  const admin = await adminClient([DEFAULT_ROOT]);
  await admin.save(CLINIC, `${serialiseRecord(clinicCodec, clinic)}\n`, 'Test: a clinic', null);
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A logged-out edit through the wiki's edit form, in this browser: the wiki makes a temporary
 * account and logs the browser into it. Returns its name.
 */
async function becomeTemporary(page: Page): Promise<string> {
  await page.goto(pageUrl(uniqueTitle('Logged-out edit'), { action: 'edit' }));
  await page.fill('#wpTextbox1', 'A logged-out edit.');
  await Promise.all([page.waitForNavigation(), page.click('#wpSave')]);
  const name = String(await page.evaluate("mw.config.get('wgUserName')"));
  expect(name).toMatch(/^~2\d{3}-\d+$/);
  return name;
}

/** The prompt's links, as absolute URLs. */
async function promptLinks(page: Page): Promise<{ login: URL; create: URL }> {
  const prompt = page.locator('.letsconnect-account-prompt');
  await prompt.waitFor({ state: 'visible', timeout: 20_000 });
  expect(await prompt.textContent()).toContain(WHY);
  const href = async (name: string) =>
    new URL(
      (await prompt.getByRole('link', { name, exact: true }).getAttribute('href')) ?? '',
      page.url(),
    );
  return { login: await href('Log in'), create: await href('Create an account') };
}

async function pagesExist(titles: string[]): Promise<boolean[]> {
  const pages = await (await botClient()).readPages(titles);
  return pages.map((p) => p.exists);
}

it('offers a temporary account no write on the program and clinic pages: why, and links to log in or sign up', async () => {
  const { page } = await newSession(browser);
  const name = await becomeTemporary(page);

  await page.goto(rootUrl());
  const program = await promptLinks(page);
  expect(program.login.searchParams.get('title')).toBe('Special:UserLogin');
  expect(program.create.searchParams.get('title')).toBe('Special:CreateAccount');
  for (const url of [program.login, program.create])
    expect(url.searchParams.get('returnto')).toBe(DEFAULT_ROOT);
  expect(await page.locator('.letsconnect-welcome').isVisible()).toBe(true);
  expect(await page.locator('.letsconnect-app button').count()).toBe(0);
  await screenshot(page, 'temporary-account-program-vector-2022');

  await page.goto(pageUrl(CLINIC));
  const clinic = await promptLinks(page);
  expect(clinic.login.searchParams.get('returnto')).toBe(CLINIC);
  expect(clinic.create.searchParams.get('returnto')).toBe(CLINIC);
  // The times and the calendar file are for everyone; sign-up is not offered.
  expect(await page.locator('.letsconnect-clinic-app').textContent()).toContain('Session 1');
  expect(await page.locator('.letsconnect-clinic-app button').allTextContents()).toEqual([
    'Add to my calendar',
  ]);
  await screenshot(page, 'temporary-account-clinic-vector-2022');

  // The link takes it to the login page, which brings it back to the clinic.
  await Promise.all([
    page.waitForNavigation(),
    page.locator('.letsconnect-account-prompt').getByRole('link', { name: 'Log in' }).click(),
  ]);
  expect(new URL(page.url()).searchParams.get('returnto')).toBe(CLINIC);

  expect(
    await pagesExist([profilePageTitle(DEFAULT_ROOT, name), clinicSignupTitle(CLINIC, name)]),
  ).toEqual([false, false]);
});

it('keeps what a named account typed when its session became a temporary one, and saves nothing', async () => {
  const { page } = await newSession(browser);
  const user = newUserName('Switched');
  await createAccount(page, user);
  const form = await openForm(page);
  await fillMinimalProfile(page, form, 'Team management');
  const about = form.locator('.letsconnect-form__about textarea');
  await about.fill('Typed before the session became temporary.');

  // In another tab: log out, then edit logged out, which makes a temporary account.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.waitForFunction("typeof mw === 'object' && typeof mw.loader.using === 'function'");
  await other.evaluate(
    "mw.loader.using('mediawiki.api').then(() => new mw.Api().postWithToken('csrf', { action: 'logout' }))",
  );
  const temporary = await becomeTemporary(other);
  await other.close();

  const outcome = await save(form);
  expect(outcome).toContain('no longer logged in');
  expect(outcome).toContain('Everything you typed is still in the form.');
  expect(await about.inputValue()).toBe('Typed before the session became temporary.');
  await screenshot(page, 'form-session-became-temporary-vector-2022');
  expect(
    await pagesExist([
      profilePageTitle(DEFAULT_ROOT, user),
      profilePageTitle(DEFAULT_ROOT, temporary),
    ]),
  ).toEqual([false, false]);
});
