/**
 * The resource centre and the report as people meet them: a newcomer adds a resource with
 * the form on R/Resources, the bot's report run accepts it, the directory shows it for its
 * topic; R/Report shows the charts drawn from the bot's numbers, axe-clean, with the tables.
 */
import type { Browser } from 'playwright-core';
import { reportPageTitle, resourcesPageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { botEnv } from '../support/local-wiki';
import { runBot } from '../support/run-cli';
import {
  choose,
  createAccount,
  newSession,
  newUserName,
  openDirectory,
  pageUrl,
  runDirectoryTask,
} from './helpers/gadget-pages';

jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await runDirectoryTask();
});
afterAll(async () => {
  await browser?.close();
});

async function runReport(): Promise<void> {
  let result = await runBot(['report'], botEnv());
  // Another test file may run the bot at the same moment: one retry.
  if (result.code !== 0) result = await runBot(['report'], botEnv());
  if (result.code !== 0) throw new Error(`bot report exited ${result.code}: ${result.stderr}`);
}

it('a resource added with the form shows on the directory for its topic after the bot runs', async () => {
  const { page, errors } = await newSession(browser);
  const user = newUserName('Resource Adder');
  await createAccount(page, user);
  await page.goto(pageUrl(resourcesPageTitle(DEFAULT_ROOT)));
  await page.locator('.letsconnect-resource-form__open').click();
  const form = page.locator('form.letsconnect-resource-form');
  await form.waitFor({ state: 'visible', timeout: 20_000 });
  const title = `Budget clinic recording ${Date.now()}`;
  // A link off Wikimedia sites is refused before anything is saved.
  await form.locator('.letsconnect-resource-form__title input').fill(title);
  await form.locator('.letsconnect-resource-form__url input').fill('https://example.org/deck.pdf');
  await choose(page, form.locator('.letsconnect-resource-form__topics'), 'Budget development');
  await choose(page, form.locator('.letsconnect-resource-form__kind'), 'recording');
  await form.locator('button[type="submit"]').click();
  await form.getByText('is not on a Wikimedia site').waitFor();
  await form
    .locator('.letsconnect-resource-form__url input')
    .fill('https://commons.wikimedia.org/wiki/File:Budget_clinic.webm');
  await form.locator('button[type="submit"]').click();
  await form.locator('.letsconnect-resource-form__saved').waitFor({ timeout: 20_000 });
  expect(await seriousViolations(page, 'form.letsconnect-resource-form')).toEqual([]);

  await runReport();
  const view = await openDirectory(page, { 'lc-topic': 'budget-development' });
  const list = view.locator('.letsconnect-topic-resources');
  await list.waitFor({ timeout: 20_000 });
  expect(await list.getByRole('link', { name: title }).getAttribute('href')).toBe(
    'https://commons.wikimedia.org/wiki/File:Budget_clinic.webm',
  );
  // Another topic does not list it.
  const other = await openDirectory(page, { 'lc-topic': 'governance' });
  expect(await other.getByText(title).count()).toBe(0);
  expect(errors).toEqual([]);
});

it("R/Report draws the charts from the bot's numbers, accessibly, and keeps the tables", async () => {
  await runReport();
  const { page, errors } = await newSession(browser);
  await page.goto(pageUrl(reportPageTitle(DEFAULT_ROOT)));
  const charts = page.locator('.letsconnect-report');
  await charts.locator('svg').first().waitFor({ timeout: 20_000 });
  expect(await charts.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(5);
  expect(await charts.locator('#letsconnect-chart-registrations rect').count()).toBeGreaterThan(0);
  expect(await page.locator('table.letsconnect-report-totals').isVisible()).toBe(true);
  expect(await page.locator('table.letsconnect-report-months').isVisible()).toBe(true);
  expect(await seriousViolations(page, '.letsconnect-report')).toEqual([]);
  await screenshot(page, 'report-charts');
  expect(errors).toEqual([]);
});
