/**
 * Content Security Policy: the sample program on a wiki of its own that sends a CSP like
 * Meta's (scripts/wiki/php/MetaLikeSettings.php), the bot's pipeline run over it, the gadget
 * deployed, then a main page of every view opened in Chromium: every `securitypolicyviolation`
 * counted (test/support/browser.ts reports them), and every other page or console error.
 */
import type { Browser, Page } from 'playwright-core';
import { VIEWS, viewModule, viewsFor, type ViewName } from '../../gadget/routes';
import { directoryPageTitle, requestsPageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { CSP_VIOLATION, takePageProblems } from '../../test/support/browser';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';
import { withDeployedProgram } from './wiki-stack';
import { allProgramPages } from './xss';

export interface CspPage {
  view: ViewName;
  title: string;
  /** The page was served with a Content-Security-Policy header. */
  policy: boolean;
  /** The view's module loaded (its state reached `ready`). */
  loaded: boolean;
  violations: string[];
  /** Page and console errors other than CSP violations. */
  errors: string[];
}

export interface CspResult {
  botExit: number;
  pages: CspPage[];
}

/** A page of each view's main place: the first title of the program the route table sends there. */
export function pagePerView(titles: readonly string[]): Array<{ view: ViewName; title: string }> {
  return VIEWS.flatMap((view) => {
    const title =
      view === 'directory'
        ? directoryPageTitle(DEFAULT_ROOT)
        : titles.find(
            (t) =>
              viewsFor({
                root: DEFAULT_ROOT,
                title: t,
                latest: true,
                directoryPlaceholder: false,
                otherPlaceholder: false,
              })[0] === view,
          );
    // A seeded wiki has no requests page yet: a participant's own one, before any request.
    const participant = titles.find((t) => t.includes('/Participants/'));
    const fallback =
      view === 'requests' && participant
        ? requestsPageTitle(DEFAULT_ROOT, participant.split('/Participants/')[1]!)
        : undefined;
    const page = title ?? fallback;
    return page ? [{ view, title: page }] : [];
  });
}

/** Opens `title` and waits for `view` to load and settle; what the page reported on the way. */
export async function openUnderCsp(
  browser: Browser,
  server: string,
  view: ViewName,
  title: string,
): Promise<CspPage> {
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    takePageProblems();
    const response = await page.goto(
      `${server}/index.php?title=${encodeURIComponent(title.replace(/ /g, '_'))}`,
    );
    const policy = Boolean((await response?.allHeaders())?.['content-security-policy']);
    const loaded = await page
      .waitForFunction(
        `mw.loader.getState(${JSON.stringify(viewModule(view))}) === 'ready'`,
        undefined,
        {
          timeout: 20_000,
        },
      )
      .then(() => true)
      .catch(() => false);
    // Whatever the view fetches once mounted (messages, data pages) gets its chance to be blocked.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const problems = takePageProblems();
    const isViolation = (p: string) => p.startsWith(`console: ${CSP_VIOLATION}`);
    return {
      view,
      title,
      policy,
      loaded,
      violations: problems.filter(isViolation),
      errors: problems.filter((p) => !isViolation(p)),
    };
  } finally {
    await context.close();
  }
}

export async function runCsp(options: {
  port: number;
  mode: 'short' | 'full';
  log: (line: string) => void;
}): Promise<CspResult> {
  const { botExit, value: pages } = await withDeployedProgram(options, async (stack, browser) => {
    const pages: CspPage[] = [];
    for (const { view, title } of pagePerView(await allProgramPages(stack))) {
      const result = await openUnderCsp(browser, stack.wiki.server, view, title);
      pages.push(result);
      options.log(
        `${view} ${title}: policy ${result.policy}, loaded ${result.loaded}, ${result.violations.length} violations, ${result.errors.length} errors`,
      );
      for (const p of [...result.violations, ...result.errors]) options.log(`  ${p}`);
    }
    return pages;
  });
  return { botExit, pages };
}

export function cspFigures(result: CspResult): Figure[] {
  const sum = (f: (p: CspPage) => number) => result.pages.reduce((n, p) => n + f(p), 0);
  return [
    {
      measure: 'CSP: views opened under the policy',
      value: result.pages.length,
      target: VIEWS.length,
    },
    {
      measure: 'CSP: pages served without the policy',
      value: sum((p) => (p.policy ? 0 : 1)),
      target: 0,
    },
    { measure: 'CSP: views that did not load', value: sum((p) => (p.loaded ? 0 : 1)), target: 0 },
    { measure: 'CSP violations', value: sum((p) => p.violations.length), target: 0 },
    { measure: 'CSP: page and console errors', value: sum((p) => p.errors.length), target: 0 },
  ];
}

export const cspSection: ReliabilitySection = {
  name: 'csp',
  async run(options: ReliabilityOptions): Promise<Figure[]> {
    const result = await runCsp({
      port: Number(process.env.LETSCONNECT_RELIABILITY_CSP_PORT ?? 8095),
      mode: options.mode,
      log: options.log,
    });
    return cspFigures(result);
  },
};
