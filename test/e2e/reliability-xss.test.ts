/**
 * The reliability section 'xss', short form, on a wiki of its own (port 8084): the corpus in
 * every text field, the bot run over it, every gadget view opened in Chromium; nothing runs
 * and no value's markup becomes an element. The detector itself is checked first on a page
 * where a payload does run.
 */
import type { Browser } from 'playwright-core';
import { runXss, scanPage, xssFigures } from '../../scripts/reliability/xss';
import { placePayload, XSS_PAYLOADS } from '../../scripts/reliability/xss-corpus';
import { launchBrowser } from '../support/browser';

jest.setTimeout(600_000);

describe('reliability: xss', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the detector sees a payload that runs and markup that became an element', async () => {
    const page = await browser.newPage();
    const html = [XSS_PAYLOADS[0]!, XSS_PAYLOADS[1]!, XSS_PAYLOADS[12]!]
      .map((p, i) => placePayload(p, i + 1, false))
      .join('');
    await page.setContent(`<div>${html}</div><p>${placePayload('{C}', 9, false)}</p>`);
    await page.waitForTimeout(300);
    const scan = await scanPage(page, false);
    expect(scan.executed.sort()).toEqual([1, 2, 3]);
    expect(scan.interpreted.length).toBeGreaterThanOrEqual(3);
    expect(scan.shown).toContain(9);
    await page.close();
  });

  it('no payload runs or becomes markup in any gadget view', async () => {
    const result = await runXss({ port: 8084, mode: 'short', log: () => undefined });
    const figures = Object.fromEntries(xssFigures(result).map((f) => [f.measure, f.value]));
    expect(result.botExit).toBe(0);
    expect(result.views.length).toBeGreaterThan(15);
    expect(figures['XSS payloads tried (payload × field × view)']).toBeGreaterThan(50);
    // Every kind of record shows its payloads somewhere.
    const shown = new Set(result.views.flatMap((v) => v.shown));
    const fields = new Set(result.placements.filter((p) => shown.has(p.id)).map((p) => p.field));
    for (const kind of ['profile', 'clinic', 'proposal', 'resource', 'topic']) {
      expect([kind, [...fields].some((f) => f.startsWith(`${kind}.`))]).toEqual([kind, true]);
    }
    expect(result.views.filter((v) => v.executed.length > 0 || v.dialogs.length > 0)).toEqual([]);
    expect(result.views.filter((v) => v.interpreted.length > 0)).toEqual([]);
  });
});
