/**
 * Night mode as Vector 2022 applies it on MediaWiki 1.45 (Meta), recreated on the local 1.39
 * wiki, whose Vector has none: the dark values of Codex's design tokens
 * (`@wikimedia/codex-design-tokens`, the version matching Codex) as CSS custom properties on
 * `<html class="skin-theme-clientpref-night">`, with `color-scheme: dark`, and the few rules by
 * which 1.45's skin and core colour page content from those tokens (page background, text,
 * headings, links, code, wikitables), since 1.39's own rules are hard-coded light colours.
 * Then axe-core's colour-contrast rule on the page content, and a check of SVG text, which
 * axe does not measure.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './browser';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const NIGHT_CLASS = 'skin-theme-clientpref-night';

const DARK_TOKENS = fs
  .readFileSync(
    require.resolve('@wikimedia/codex-design-tokens/dist/theme-wikimedia-ui-mode-dark.css'),
    'utf8',
  )
  .replace(/:root\s*\{/, `html.${NIGHT_CLASS} {\n  color-scheme: dark;`);

const N = `html.${NIGHT_CLASS}`;
/** What 1.45's Vector and core styles do with the tokens in page content (1.39's are fixed colours). */
const SKIN_RULES = `
${N} body, ${N} .mw-page-container, ${N} .mw-body, ${N} .vector-body, ${N} #content {
  background-color: var(--background-color-base); color: var(--color-base); }
${N} h1, ${N} h2, ${N} h3, ${N} h4, ${N} h5, ${N} h6 { color: var(--color-emphasized); }
${N} a, ${N} .mw-parser-output a.external { color: var(--color-progressive); }
${N} a:visited, ${N} .mw-parser-output a.external:visited { color: var(--color-visited); }
${N} a.new, ${N} a.new:visited { color: var(--color-destructive); }
${N} pre, ${N} code, ${N} .mw-code {
  background-color: var(--background-color-neutral-subtle); color: var(--color-emphasized); }
${N} .wikitable { background-color: var(--background-color-neutral-subtle); color: var(--color-base); }
${N} .wikitable > * > tr > th { background-color: var(--background-color-neutral); }
`;

/** The CSS a test injects: the dark tokens, then the skin's use of them. */
export const NIGHT_MODE_CSS = `@media screen {\n${DARK_TOKENS}\n${SKIN_RULES}\n}`;

export type Mode = 'light' | 'night';

/**
 * Puts the page in night mode, as Vector's client preference does. The style goes in by one
 * synchronous evaluation, not `addStyleTag` (which waits for an event a page opened with
 * JavaScript disabled never fires), so pages read without JavaScript get night mode too.
 */
export async function applyNightMode(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const style = document.createElement('style');
    style.textContent = ${JSON.stringify(NIGHT_MODE_CSS)};
    document.head.appendChild(style);
    document.documentElement.classList.add(${JSON.stringify(NIGHT_CLASS)});
  })()`);
}

export interface ContrastProblem {
  /** A CSS path to the element. */
  target: string;
  /** The start of its markup. */
  html: string;
  /** Text and background colour and their ratio, as measured. */
  detail: string;
}

/** axe-core's colour-contrast rule alone, on `selector`: every element that fails it. */
export async function contrastProblems(page: Page, selector: string): Promise<ContrastProblem[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (sel) => {
    type Node = { target: string[]; html: string; any: Array<{ message: string }> };
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            options: unknown,
          ) => Promise<{ violations: Array<{ nodes: Node[] }> }>;
        };
      }
    ).axe;
    const result = await axe.run(
      { include: [[sel]] },
      { runOnly: { type: 'rule', values: ['color-contrast'] } },
    );
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 160),
        detail: n.any[0]?.message ?? '',
      })),
    );
  }, selector);
}

/**
 * SVG text, which axe leaves out: each `<text>` whose fill against the nearest opaque
 * background of its ancestors is under 4.5:1 (WCAG AA for normal text).
 */
export async function svgTextProblems(page: Page, selector: string): Promise<ContrastProblem[]> {
  return (await page.evaluate(`(() => {
    const rgb = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c); if (!m) return null;
      const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
    const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
    const background = (el) => { for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a === 1) return c; }
      return { r: 255, g: 255, b: 255, a: 1 }; };
    const out = [];
    for (const root of document.querySelectorAll(${JSON.stringify(selector)})) {
      for (const t of root.querySelectorAll('svg text')) {
        if (!(t.textContent || '').trim()) continue;
        const fill = rgb(getComputedStyle(t).fill); if (!fill) continue;
        const bg = background(t.closest('svg'));
        const [hi, lo] = [lum(fill), lum(bg)].sort((a, b) => b - a);
        const ratio = (hi + 0.05) / (lo + 0.05);
        if (ratio < 4.5) out.push({ target: 'svg text', html: t.outerHTML.slice(0, 160),
          detail: 'fill ' + getComputedStyle(t).fill + ' on ' + JSON.stringify(bg) + ': ' + ratio.toFixed(2) });
      }
    }
    return out;
  })()`)) as ContrastProblem[];
}

export interface PageToCheck {
  /** A short name for the table and the screenshot (`root`, `directory`…). */
  name: string;
  url: string;
  /** What must be on the page before it is checked (the gadget's view, the template's box). */
  ready: string;
}

export interface ContrastResult {
  name: string;
  mode: Mode;
  problems: ContrastProblem[];
}

/** Where the program's content is: the wiki page's text, the gadget's views inside it. */
export const CONTENT = '#mw-content-text';

/**
 * Opens each page in light mode (1.39's skin, the tokens' fallbacks) and in night mode, lets
 * the gadget render, and lists the contrast failures in the page's content. Screenshots go to
 * test-artifacts/ as `contrast-<name>-<mode>.png`.
 */
export async function checkContrast(
  browser: Browser,
  pages: readonly PageToCheck[],
  modes: readonly Mode[] = ['light', 'night'],
): Promise<ContrastResult[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const results: ContrastResult[] = [];
  try {
    for (const target of pages) {
      for (const mode of modes) {
        const page = await context.newPage();
        try {
          await page.goto(target.url, { timeout: 30_000 });
          await page
            .waitForFunction("mw.loader.getState('ext.gadget.letsconnect') === 'ready'", null, {
              timeout: 20_000,
            })
            .catch(() => undefined);
          await page.locator(target.ready).first().waitFor({ timeout: 20_000 });
          await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
          if (mode === 'night') await applyNightMode(page);
          await page.waitForTimeout(200);
          await screenshot(page, `contrast-${target.name}-${mode}`);
          const problems = [
            ...(await contrastProblems(page, CONTENT)),
            ...(await svgTextProblems(page, CONTENT)),
          ];
          results.push({ name: target.name, mode, problems });
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await context.close();
  }
  return results;
}

async function apiQuery<T>(apiUrl: string, params: Record<string, string>): Promise<T> {
  const query = new URLSearchParams({ format: 'json', formatversion: '2', ...params });
  const res = await fetch(`${apiUrl}?${query.toString()}`);
  return (await res.json()) as T;
}

async function programTitles(apiUrl: string, root: string, under: string): Promise<string[]> {
  const body = await apiQuery<{ query: { allpages: Array<{ title: string }> } }>(apiUrl, {
    action: 'query',
    list: 'allpages',
    apnamespace: '200',
    apprefix: `${root.replace(/^Grants:/, '')}/${under}`,
    aplimit: '500',
  });
  return body.query.allpages.map((p) => p.title);
}

/**
 * The program's main pages on a seeded wiki: the root with the gadget's panel, a listed
 * profile, the directory, a round (`round`, else the newest), the calendar, a clinic with
 * sign-ups, the report.
 */
export async function mainPages(
  wiki: { server: string; apiUrl: string },
  root: string,
  round?: string,
): Promise<PageToCheck[]> {
  const url = (title: string) =>
    `${wiki.server}/index.php?${new URLSearchParams({ title: title.replace(/ /g, '_') }).toString()}`;
  const listed = await apiQuery<{ query: { categorymembers: Array<{ title: string }> } }>(
    wiki.apiUrl,
    {
      action: 'query',
      list: 'categorymembers',
      cmtitle: "Category:Let's Connect participants",
      cmlimit: '1',
    },
  );
  const profile = listed.query.categorymembers[0]?.title;
  const clinics = await programTitles(wiki.apiUrl, root, 'Clinics/');
  const clinic = clinics.find(
    (t) => !t.includes('/Sign-ups/') && clinics.some((s) => s.startsWith(`${t}/Sign-ups/`)),
  );
  const rounds = (await programTitles(wiki.apiUrl, root, 'Connections/'))
    .filter((t) => /\/Connections\/\d{4}-\d{2}$/.test(t))
    .sort();
  const theRound = round ?? rounds[rounds.length - 1];
  if (!profile || !clinic || !theRound) {
    throw new Error(`not seeded: profile ${profile}, clinic ${clinic}, round ${theRound}`);
  }
  return [
    { name: 'root', url: url(root), ready: '.letsconnect-welcome' },
    { name: 'profile', url: url(profile), ready: '.letsconnect-profile' },
    { name: 'directory', url: url(`${root}/Directory`), ready: '.letsconnect-card' },
    { name: 'round', url: url(theRound), ready: '.letsconnect-proposal' },
    { name: 'calendar', url: url(`${root}/Calendar`), ready: '#mw-content-text' },
    { name: 'clinic', url: url(clinic), ready: '.letsconnect-clinic' },
    { name: 'report', url: url(`${root}/Report`), ready: '.letsconnect-chart svg' },
  ];
}
