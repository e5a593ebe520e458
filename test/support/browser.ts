import fs from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
} from 'playwright-core';
import { REPO_DIR } from '../../scripts/wiki/config';

/**
 * Debian's Chromium, headless, with the flags DESIGN.md lists for this closed network. Every
 * page of every context it opens is watched (see `takePageProblems`): the one place all
 * end-to-end tests open pages.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // browser.newPage() goes through newContext() too.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchContext(context);
    return context;
  };
  return browser;
}

/**
 * Problems seen on any watched page since the last call: page errors, console errors and
 * Content Security Policy violations (the wiki sends a CSP like Meta's,
 * scripts/wiki/php/MetaLikeSettings.php). Every end-to-end test fails on them
 * (test/e2e/setup/page-problems.ts).
 */
export function takePageProblems(): string[] {
  const allowed = allowedProblems.splice(0);
  return pageProblems.splice(0).filter((p) => !allowed.some((pattern) => pattern.test(p)));
}

/**
 * A problem the current test causes on purpose (a request it aborts makes Chromium log
 * "Failed to load resource"): not counted until the next `takePageProblems`, i.e. to the end
 * of the test.
 */
export function allowPageProblem(pattern: RegExp): void {
  allowedProblems.push(pattern);
}

const pageProblems: string[] = [];
const allowedProblems: RegExp[] = [];

/** Prefix of the console error a CSP violation is reported with. */
export const CSP_VIOLATION = 'securitypolicyviolation:';

/**
 * Runs in each page before its own scripts: a CSP violation (an event only the page sees)
 * becomes a console error the test process does see. Chromium's own "Refused to…" lines go
 * to its log, which Playwright's console event does not carry.
 */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error(${JSON.stringify(CSP_VIOLATION)} + ' ' + e.effectiveDirective + ' blocked '
    + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || document.URL) + ':' + e.lineNumber);
}, true);`;

async function watchContext(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: REPORT_CSP_VIOLATIONS });
  context.on('weberror', (e) => pageProblems.push(`pageerror: ${e.error().message}`));
  context.on('console', (m) => {
    if (isPageError(m)) pageProblems.push(`console: ${m.text()}`);
  });
}

/** A console error, less the wiki's missing favicon (not our error). */
function isPageError(m: ConsoleMessage): boolean {
  return m.type() === 'error' && !m.text().includes('404');
}

/** Screenshots go to a git-ignored folder for people to look at. */
export const ARTIFACTS_DIR = path.join(REPO_DIR, 'test-artifacts');

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  // A full-page picture of a long page (R/Report's tables) took over Playwright's default 30 s
  // on a loaded machine; the picture is for people to look at, not a check with a deadline.
  await page.screenshot({ path: file, fullPage: true, timeout: 120_000 });
  return file;
}

/** Collects uncaught page errors and console errors, so a test can assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (isPageError(m)) errors.push(`console: ${m.text()}`);
  });
  return errors;
}
