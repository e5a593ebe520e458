/**
 * What the gadget's end-to-end tests do in the browser, as a person would: create an
 * account, open the form, pick from Codex menus, save, search the directory.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { directoryPageTitle, profilePageTitle } from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { collectErrors, launchBrowser } from '../../support/browser';
import { botEnv, wiki } from '../../support/local-wiki';
import { runBot } from '../../support/run-cli';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 740 };

export function pageUrl(title: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ title: title.replace(/ /g, '_'), ...query });
  return `${wiki.server}/index.php?${params.toString()}`;
}

export const rootUrl = (query: Record<string, string> = {}) => pageUrl(DEFAULT_ROOT, query);
export const directoryUrl = (query: Record<string, string> = {}) =>
  pageUrl(directoryPageTitle(DEFAULT_ROOT), query);
export const profileUrl = (user: string) => pageUrl(profilePageTitle(DEFAULT_ROOT, user));

/** A user name no earlier run has taken (with a space, as many real ones have). */
export function newUserName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

export interface Session {
  page: Page;
  errors: string[];
  /** Set when the page runs any script we did not write (a hostile value that escaped). */
  dialogs: string[];
}

export async function newSession(browser: Browser, viewport = DESKTOP): Promise<Session> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, errors, dialogs };
}

/**
 * Special:CreateAccount, as a newcomer does; the new account is logged in afterwards. Returns
 * its password, for a test that also acts as that person through the API.
 */
export async function createAccount(page: Page, name: string): Promise<string> {
  await page.goto(pageUrl('Special:CreateAccount'));
  await page.fill('input[name="wpName"]', name);
  const password = `Pw-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  await page.fill('input[name="wpPassword"]', password);
  await page.fill('input[name="retype"]', password);
  await Promise.all([page.waitForNavigation(), page.click('#wpCreateaccount')]);
  const user = await page.evaluate("mw.config.get('wgUserName')");
  if (user !== name) throw new Error(`account creation failed: logged in as ${String(user)}`);
  return password;
}

/** The program page's button, then the form. */
export async function openForm(page: Page, query: Record<string, string> = {}): Promise<Locator> {
  await page.goto(rootUrl(query));
  const button = page.locator('.letsconnect-welcome button');
  await button.waitFor({ state: 'visible', timeout: 20_000 });
  await button.click();
  const form = page.locator('form.letsconnect-form');
  try {
    await form.waitFor({ state: 'visible', timeout: 20_000 });
  } catch (err) {
    // Say what the reader saw instead (a load error, the welcome panel again…): a bare
    // timeout tells the next person nothing.
    const shown = await page
      .locator('.letsconnect-welcome')
      .locator('xpath=..')
      .innerText({ timeout: 2_000 })
      .catch(() => '(nothing)');
    throw new Error(`the profile form did not open; the page showed: ${shown}\n${String(err)}`);
  }
  return form;
}

/** Opens a Codex select inside `field` and picks the option with this label. */
export async function choose(page: Page, field: Locator, label: string): Promise<void> {
  await field.locator('.cdx-select-vue__handle').first().click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

export async function checkBox(scope: Locator, label: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).check();
}

/** Fills what the shared rules require, plus `learn` topics, and agrees to be listed. */
export async function fillMinimalProfile(page: Page, form: Locator, learn: string): Promise<void> {
  await choose(page, form.locator('.letsconnect-form__region'), 'Sub-Saharan Africa');
  const languages = form.locator('.letsconnect-form__languages');
  await languages.getByRole('button', { name: 'Add a language' }).click();
  await choose(page, languages.locator('.cdx-field').first(), 'Swahili (sw)');
  await checkBox(form.locator('.letsconnect-form__topics'), learn);
  await form.locator('.letsconnect-form__consent input[type="checkbox"]').check();
}

/** Saves and waits for the outcome message; returns its text. */
export async function save(form: Locator): Promise<string> {
  await form.locator('button[type="submit"]').click();
  const outcome = form.locator('.letsconnect-outcome');
  await outcome.waitFor({ state: 'visible', timeout: 20_000 });
  // Page code runs in the browser: passed as a string (this file is compiled for Node).
  await form
    .page()
    .waitForFunction(
      "!document.querySelector('form.letsconnect-form button[type=submit]').hasAttribute('disabled')",
    );
  return (await outcome.textContent()) ?? '';
}

/** The directory page with the view loaded (filters from `query`). */
export async function openDirectory(
  page: Page,
  query: Record<string, string> = {},
): Promise<Locator> {
  await page.goto(directoryUrl(query));
  const view = page.locator('.letsconnect-directory');
  await view
    .locator('.letsconnect-directory__count, .cdx-message')
    .first()
    .waitFor({ timeout: 20_000 });
  return view;
}

export const cardOf = (view: Locator, user: string) =>
  view
    .locator('.letsconnect-card')
    .filter({ has: view.page().getByRole('heading', { name: user, exact: true }) });

/**
 * Runs the bot's directory task as the operator would. Test files run in parallel, so two
 * runs may meet: a run that lost an edit conflict to the other is simply run again.
 */
export async function runDirectoryTask(): Promise<void> {
  let result = await runBot(['directory'], botEnv());
  if (result.code !== 0) {
    // Two test files may run the bot at the same moment; say so when it happens, then retry.
    console.warn(`bot directory exited ${result.code}, retrying once: ${result.stderr}`);
    result = await runBot(['directory'], botEnv());
  }
  if (result.code !== 0) throw new Error(`bot directory exited ${result.code}: ${result.stderr}`);
}

/**
 * A newcomer for a test file: a browser, and a new account logged in before the first test
 * (closed after the last). `session()` is valid inside tests.
 */
export function newcomer(prefix: string): { user: string; session: () => Session } {
  const user = newUserName(prefix);
  let browser: Browser | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    session = await newSession(browser);
    await createAccount(session.page, user);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    user,
    session: () => {
      if (!session) throw new Error('the newcomer is set up in beforeAll');
      return session;
    },
  };
}

/**
 * A page as a reader without JavaScript gets it, in a browser that can still run axe: the
 * document's scripts (inline ones and ResourceLoader's startup) are taken out before it
 * loads, so nothing of the wiki's or the gadget's runs and `<html>` keeps `client-nojs`; a
 * page opened with JavaScript disabled cannot run axe (its promises never settle).
 */
export async function openWithoutScripts(
  browser: Browser,
  url: string,
  viewport = DESKTOP,
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    return route.fulfill({ response, body });
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}
