/**
 * The pages a participant lands on, as the wiki renders them (issue 14 §1, §3, §6): a
 * profile, the directory and a topic's table, a round, the calendar and a clinic, without
 * JavaScript in English and Arabic, on a phone (Minerva, 375 px) and in night mode, and with
 * the gadget in Vector. Each shows words, not the data's ids, is axe-clean, and leaves a
 * screenshot in test-artifacts/ (`words-<page>-<variant>.png`).
 */
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { connectionsPageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { applyNightMode, mainPages, type PageToCheck } from '../support/night-mode';
import { findRawIds } from '../support/raw-ids';
import { runBot } from '../support/run-cli';
import { botEnv, wiki } from '../support/local-wiki';
import { runDirectoryTask } from './helpers/gadget-pages';

jest.setTimeout(600_000);

let browser: Browser;
let pages: PageToCheck[] = [];

interface Variant {
  name: string;
  context: BrowserContextOptions;
  query: Record<string, string>;
  night?: boolean;
}

const VARIANTS: Variant[] = [
  {
    name: 'nojs-en',
    context: { javaScriptEnabled: false, viewport: { width: 1100, height: 900 } },
    query: {},
  },
  {
    name: 'nojs-ar',
    context: { javaScriptEnabled: false, viewport: { width: 1100, height: 900 } },
    query: { uselang: 'ar' },
  },
  {
    name: 'nojs-minerva-375',
    context: { javaScriptEnabled: false, viewport: { width: 375, height: 800 }, isMobile: true },
    query: { useskin: 'minerva' },
  },
  {
    name: 'nojs-night',
    context: { javaScriptEnabled: false, viewport: { width: 1100, height: 900 } },
    query: {},
    night: true,
  },
  { name: 'vector-js', context: { viewport: { width: 1100, height: 900 } }, query: {} },
];

/** Pages of this issue: the program's main pages but the root (the portal) and the report. */
const OURS = ['profile', 'directory', 'directory-topic', 'round', 'calendar', 'clinic'];

beforeAll(async () => {
  await runDirectoryTask();
  for (const task of ['clinics', 'match']) {
    let result = await runBot([task], botEnv());
    // Another test file may run the bot at the same moment: once more after a lost conflict.
    if (result.code !== 0) result = await runBot([task], botEnv());
    if (result.code !== 0) throw new Error(`bot ${task} exited ${result.code}: ${result.stderr}`);
  }
  // The round the bot wrote this month (other tests write rounds of their own).
  const round = connectionsPageTitle(DEFAULT_ROOT, new Date().toISOString().slice(0, 7));
  const main = await mainPages(wiki, DEFAULT_ROOT, round);
  const url = (title: string) =>
    `${wiki.server}/index.php?${new URLSearchParams({ title: title.replace(/ /g, '_') }).toString()}`;
  pages = [
    ...main.filter((p) => OURS.includes(p.name)),
    {
      name: 'directory-topic',
      url: url(`${DEFAULT_ROOT}/Directory/social-media-press`),
      ready: '.letsconnect-directory',
    },
  ];
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(VARIANTS)('the pages people land on, $name', (variant) => {
  it.each(OURS)('%s reads in words, axe-clean', async (name) => {
    const target = pages.find((p) => p.name === name)!;
    const context = await browser.newContext(variant.context);
    const page = await context.newPage();
    const url = new URL(target.url);
    for (const [k, v] of Object.entries(variant.query)) url.searchParams.set(k, v);
    await page.goto(url.toString());
    if (variant.night) await applyNightMode(page);
    await page.locator('#mw-content-text').waitFor();
    if (variant.context.javaScriptEnabled !== false && name === 'calendar') {
      // The gadget adds the reader's own time beside each UTC time.
      await page.locator('.letsconnect-time__reader').first().waitFor({ timeout: 30_000 });
    }
    const text = await page.locator('#mw-content-text').innerText();
    if (variant.context.javaScriptEnabled === false) expect(findRawIds(text)).toEqual([]);
    if (variant.name === 'nojs-ar') expect(text).toMatch(/[\u0600-\u06ff]/);
    expect(await seriousViolations(page, '#mw-content-text')).toEqual([]);
    await screenshot(page, `words-${name}-${variant.name}`);
    await context.close();
  });
});
