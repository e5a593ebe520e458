/**
 * The directory view wherever a placeholder asks for it, and on R/Directory in place of the
 * bot's no-JavaScript table (which stays for readers without JavaScript).
 */
import type { Browser } from 'playwright-core';
import { DEFAULT_ROOT } from '../../shared/program';
import { launchBrowser } from '../support/browser';
import { adminClient, uniqueTitle } from '../support/local-wiki';
import { newSession, openDirectory, pageUrl, runDirectoryTask } from './helpers/gadget-pages';

jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await runDirectoryTask();
});
afterAll(async () => {
  await browser?.close();
});

it("mounts on a placeholder on any program page, leaving the page's own content alone", async () => {
  const title = uniqueTitle('Directory placeholder');
  const admin = await adminClient([DEFAULT_ROOT]);
  await admin.save(
    title,
    'Find a peer below.\n<div class="letsconnect-app letsconnect-directory-app"></div>\n{| class="wikitable mine"\n| keep me\n|}\n',
    'test page with a directory placeholder',
    null,
  );
  const { page, errors } = await newSession(browser);
  await page.goto(pageUrl(title, { 'lc-region': 'ssa' }));
  const view = page.locator('.letsconnect-directory');
  await view.locator('.letsconnect-card').first().waitFor({ timeout: 20_000 });
  // The filter came from the link, and only people of that region are shown.
  const places = await view.locator('.letsconnect-card__where').allTextContents();
  expect(places.length).toBeGreaterThan(0);
  expect(places.every((p) => p.startsWith('Sub-Saharan Africa'))).toBe(true);
  expect(await page.locator('table.mine').isVisible()).toBe(true);
  expect(await page.locator('.letsconnect-welcome').count()).toBe(0);
  expect(errors).toEqual([]);
});

it("replaces the bot's table on R/Directory, which readers without JavaScript still get", async () => {
  const { page, errors } = await newSession(browser);
  await openDirectory(page);
  expect(await page.locator('table[class*="letsconnect-directory"]').first().isHidden()).toBe(true);
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(pageUrl(`${DEFAULT_ROOT}/Directory`));
  expect(await plain.locator('table[class*="letsconnect-directory"]').first().isVisible()).toBe(
    true,
  );
  expect(errors).toEqual([]);
});
