/**
 * The reliability section 'csp', short form, on a wiki of its own (port 8095): a page of every
 * view opened under the local wiki's Meta-like Content Security Policy; no violation, no
 * error. The detector itself is checked first on a page that breaks its policy.
 */
import type { Browser } from 'playwright-core';
import { cspFigures, runCsp } from '../../../scripts/reliability/csp';
import { CSP_VIOLATION, launchBrowser, takePageProblems } from '../../support/browser';

jest.setTimeout(600_000);

describe('reliability: csp', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the detector sees a request the policy blocks', async () => {
    const page = await browser.newPage();
    // Served by the test itself: nothing leaves the machine (the blocked request is never made).
    await page.route('http://127.0.0.1:9/csp-check', (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'" },
        body: "<script>fetch('http://127.0.0.2:9/').catch(() => {});</script>",
      }),
    );
    takePageProblems();
    await page.goto('http://127.0.0.1:9/csp-check');
    await page.waitForTimeout(300);
    const problems = takePageProblems();
    expect(
      problems.filter((p) => p.startsWith(`console: ${CSP_VIOLATION} connect-src`)),
    ).toHaveLength(1);
    await page.close();
  });

  it('no view breaks the policy', async () => {
    const result = await runCsp({ port: 8095, mode: 'short', log: () => undefined });
    expect(result.botExit).toBe(0);
    expect(result.pages.map((p) => p.view).sort()).toEqual([
      'clinics',
      'connections',
      'directory',
      'program',
      'report',
      'requests',
      'resources',
    ]);
    expect(result.pages.filter((p) => p.violations.length + p.errors.length > 0)).toEqual([]);
    for (const f of cspFigures(result))
      expect({ [f.measure]: f.value }).toEqual({ [f.measure]: f.target });
  });
});
