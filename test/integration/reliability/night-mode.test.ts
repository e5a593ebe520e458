/**
 * The reliability section 'night-mode', short form, on a wiki of its own (port 8087): the
 * program's main pages in light and in night mode, no text under WCAG AA contrast. The check
 * itself is tried first on a page where night mode does break a hard-coded colour.
 */
import type { Browser } from 'playwright-core';
import { nightModeFigures, runNightMode } from '../../../scripts/reliability/night-mode';
import { launchBrowser } from '../../support/browser';
import {
  CONTENT,
  applyNightMode,
  contrastProblems,
  svgTextProblems,
} from '../../support/night-mode';

jest.setTimeout(300_000);

describe('reliability: night-mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the check sees hard-coded colours fail in night mode, and tokens pass', async () => {
    const page = await browser.newPage();
    const html = (colour: string) =>
      `<body><div id="${CONTENT.slice(1)}"><p style="color:${colour}">Reason</p>` +
      `<svg width="100" height="20"><text x="0" y="15" style="fill:${colour}">12</text></svg></div></body>`;
    await page.setContent(html('#202122'));
    expect(await contrastProblems(page, CONTENT)).toEqual([]);
    await applyNightMode(page);
    expect(await contrastProblems(page, CONTENT)).toHaveLength(1);
    expect(await svgTextProblems(page, CONTENT)).toHaveLength(1);
    await page.setContent(html('var(--color-base, #202122)'));
    await applyNightMode(page);
    expect(await contrastProblems(page, CONTENT)).toEqual([]);
    expect(await svgTextProblems(page, CONTENT)).toEqual([]);
    await page.close();
  });

  it('no text of the program pages under AA contrast, in light or night mode', async () => {
    const result = await runNightMode({ port: 8087, mode: 'short', log: () => undefined });
    expect(result.botExit).toBe(0);
    expect(result.results.map((r) => `${r.name} ${r.mode}`)).toHaveLength(14);
    const figures = Object.fromEntries(nightModeFigures(result).map((f) => [f.measure, f.value]));
    expect(figures['night-mode contrast violations']).toBe(0);
    expect(result.results.filter((r) => r.problems.length > 0)).toEqual([]);
  });
});
