import type { Browser, Page } from 'playwright-core';
import { DEFAULT_ROOT } from '../../shared/program';
import { wiki } from '../support/local-wiki';
import { collectErrors, launchBrowser, screenshot } from '../support/browser';
import { seriousViolations } from '../support/axe';

jest.setTimeout(60_000);

const rootUrl = `${wiki.server}/wiki/${encodeURIComponent(DEFAULT_ROOT.replace(/ /g, '_')).replace(/%3A/g, ':').replace(/%2F/g, '/')}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  url: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = collectErrors(page);
  await page.goto(url);
  return { page, errors };
}

describe('the gadget on the real wiki, in Chromium', () => {
  it('mounts its Codex panel on the program page (Vector 2022), accessibly and without errors', async () => {
    const { page, errors } = await open(rootUrl);
    const button = page.locator('.letsconnect-welcome button.cdx-button');
    await button.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await button.textContent()).toBe("Join Let's Connect");
    expect(await page.evaluate("mw.loader.getState('ext.gadget.letsconnect')")).toBe('ready');
    expect(await page.evaluate("mw.loader.getState('ext.gadget.letsconnect-core')")).toBe('ready');
    expect(await page.evaluate("mw.loader.getState('ext.gadget.letsconnect-program')")).toBe('ready');
    // Only the view this page shows: the others' modules are never fetched.
    expect(await page.evaluate("mw.loader.getState('ext.gadget.letsconnect-clinics')")).toBe(
      'registered',
    );
    expect(await page.locator('body.skin-vector-2022').count()).toBe(1);
    await screenshot(page, 'gadget-program-page-vector-2022');
    expect(await seriousViolations(page, '.letsconnect-app')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works on a phone in Minerva', async () => {
    const { page, errors } = await open(`${rootUrl}?useskin=minerva`, { width: 375, height: 740 });
    const panel = page.locator('.letsconnect-welcome');
    await panel.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('body.skin-minerva').count()).toBe(1);
    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    // Fits the phone's width: no sideways scrolling.
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await screenshot(page, 'gadget-program-page-minerva-phone');
    expect(await seriousViolations(page, '.letsconnect-app')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays out of pages outside the program', async () => {
    const { page, errors } = await open(`${wiki.server}/wiki/Main_Page`);
    // Page code runs in the browser, where `mw` exists: passed as a string.
    await page.waitForFunction(
      "mw.loader.getState('ext.gadget.letsconnect') === 'ready'",
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.locator('.letsconnect-app').count()).toBe(0);
    // Only the loader ran: the app, Vue and Codex were never fetched on this page.
    expect(await page.evaluate("mw.loader.getState('ext.gadget.letsconnect-core')")).toBe(
      'registered',
    );
    expect(await page.evaluate("mw.loader.getState('vue')")).toBe('registered');
    expect(errors).toEqual([]);
    await page.close();
  });
});
