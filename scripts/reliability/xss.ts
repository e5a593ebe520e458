/**
 * XSS in Chromium: a corpus of payloads (xss-corpus.ts) placed in every text field of
 * profiles, clinics and their feedback, proposals, outcomes, resources and topics, imported
 * as their owners (escaped as the gadget writes them, and some hand-typed raw), the bot's
 * whole pipeline run over them, the gadget deployed, then every gadget view opened in
 * Chromium: anonymous, as a working-group member (review buttons, create form, resource
 * form) and as a participant (own profile form and preview, outcome form, clinic sign-up).
 * Each payload sets `top.__xss` (or opens a dialog) if it runs; each carries a marker class
 * that shows if its markup became an element.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_ROOT } from '../../shared/program';
import { launchBrowser } from '../../test/support/browser';
import { deployToLocalWiki } from '../gadget/deploy';
import { run } from '../lib/exec';
import { MEDIAWIKI_DIR, phpEnv, type LocalWiki } from '../wiki/config';
import { RAW_PAYLOADS, XSS_PAYLOADS } from './xss-corpus';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';
import { startStack, type WikiStack } from './wiki-stack';
import { withPayloads, type Placement } from './xss-placements';

export interface ViewResult {
  view: string;
  as: string;
  /** Placement ids whose text the view holds as text (shown, or in a closed part). */
  shown: number[];
  /** Placement ids whose canary ran here. */
  executed: number[];
  dialogs: string[];
  /** Elements made from a value's markup, or script-capable attributes carrying a canary. */
  interpreted: string[];
  errors: string[];
}

export interface XssResult {
  payloads: number;
  placements: Placement[];
  views: ViewResult[];
  botExit: number;
}

const SCAN = `(async (rawPage) => {
  // Hover and focus everything once: handlers that wait for a person run now.
  for (const el of document.querySelectorAll('body *')) {
    el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
  }
  await new Promise((r) => setTimeout(r, 300));
  const gadget = '.letsconnect-app, .letsconnect-directory-app, [data-v-app], .cdx-dialog, .letsconnect-proposal-tools, .letsconnect-outcome-form';
  const interpreted = [];
  for (const el of document.querySelectorAll('*')) {
    const inGadget = el.closest(gadget) !== null;
    const cls = typeof el.className === 'string' ? el.className : (el.getAttribute('class') || '');
    const m = /\\bxss(m|r)(\\d+)\\b/.exec(cls);
    if (m && (m[1] === 'm' || inGadget || !rawPage)) interpreted.push(el.tagName + '.' + m[0]);
    for (const a of el.attributes) {
      const v = a.value;
      if (!v.includes('__xss')) continue;
      const name = a.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || name === 'style' ||
          (/^(href|src|action|data|formaction|xlink:href|content)$/.test(name) && /^\\s*(javascript|data):/i.test(v.replace(/[\\s\\u0000-\\u001f]/g, '')))) {
        interpreted.push(el.tagName + '[' + name + ']');
      }
    }
    if (el.tagName === 'SCRIPT' && (el.textContent || '').includes('__xss')) interpreted.push('SCRIPT');
  }
  const values = [...document.querySelectorAll('input, textarea')].map((e) => e.value).join(' ');
  const text = document.body.textContent + ' ' + values;
  const shown = [...new Set([...text.matchAll(/__xss,(\\d+)\\]/g)].map((x) => Number(x[1])))];
  const executed = String(window.top.__xss === undefined ? '' : window.top.__xss)
    .split(',').filter((s) => s !== '').map(Number);
  return { shown, executed, interpreted };
})`;

/**
 * What a payload did on this page: the placements shown as text, those whose canary ran, and
 * elements made from a value's markup (`rawPage`: the page itself holds hand-typed markup,
 * which MediaWiki may render outside the gadget's views).
 */
export async function scanPage(
  page: Page,
  rawPage: boolean,
): Promise<{ shown: number[]; executed: number[]; interpreted: string[] }> {
  return (await page.evaluate(`${SCAN}(${JSON.stringify(rawPage)})`)) as {
    shown: number[];
    executed: number[];
    interpreted: string[];
  };
}

async function login(context: BrowserContext, server: string, user: string, password: string) {
  const page = await context.newPage();
  await page.goto(`${server}/index.php?title=Special:UserLogin`);
  await page.fill('input[name="wpName"]', user);
  await page.fill('input[name="wpPassword"]', password);
  await Promise.all([page.waitForNavigation(), page.click('#wpLoginAttempt')]);
  const name = await page.evaluate("mw.config.get('wgUserName')");
  await page.close();
  if (name !== user) throw new Error(`could not log in as ${user}`);
}

function setPassword(wiki: LocalWiki, user: string, password: string): void {
  run(
    'php',
    [`${MEDIAWIKI_DIR}/maintenance/changePassword.php`, `--user=${user}`, `--password=${password}`],
    { env: phpEnv(wiki) },
  );
}

export async function allProgramPages(stack: WikiStack): Promise<string[]> {
  const admin = await stack.admin();
  const titles: string[] = [];
  let cont: Record<string, string> = {};
  for (;;) {
    const res = (await admin.request({
      action: 'query',
      list: 'allpages',
      apnamespace: '200',
      apprefix: DEFAULT_ROOT.replace(/^Grants:/, ''),
      aplimit: 'max',
      ...cont,
    })) as { query: { allpages: Array<{ title: string }> }; continue?: Record<string, string> };
    titles.push(...res.query.allpages.map((p) => p.title));
    if (!res.continue) break;
    cont = res.continue;
  }
  return titles;
}

interface Visit {
  title: string;
  as: 'anonymous' | 'member' | 'participant';
  query?: Record<string, string>;
  /** Opens a form or card after the view mounts. */
  act?: (page: Page) => Promise<void>;
}

async function clickButton(page: Page, name: RegExp): Promise<void> {
  const button = page.locator('.letsconnect-app button').filter({ hasText: name }).first();
  if ((await button.count()) === 0) return;
  await button.click({ timeout: 5000 }).catch(() => undefined);
  await page.waitForTimeout(800);
}

async function visit(
  contexts: Record<Visit['as'], BrowserContext>,
  server: string,
  v: Visit,
  rawPages: Set<string>,
): Promise<ViewResult> {
  const page = await contexts[v.as].newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} ${m.location().url}`);
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    const params = new URLSearchParams({ title: v.title.replace(/ /g, '_'), ...v.query });
    await page.goto(`${server}/index.php?${params.toString()}`, { timeout: 30_000 });
    await page
      .waitForFunction("mw.loader.getState('ext.gadget.letsconnect-core') === 'ready'", null, {
        timeout: 20_000,
      })
      .catch(() => errors.push('gadget did not load'));
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    if (v.act) await v.act(page);
    const scan = await scanPage(page, rawPages.has(v.title));
    return { view: v.title, as: v.as, ...scan, dialogs, errors };
  } finally {
    await page.close();
  }
}

export async function runXss(options: {
  port: number;
  mode: 'short' | 'full';
  log: (line: string) => void;
}): Promise<XssResult> {
  const full = options.mode === 'full';
  let seeded: ReturnType<typeof withPayloads> | undefined;
  const stack = await startStack({
    port: options.port,
    profiles: full ? 40 : 12,
    pages: (pages) => {
      seeded = withPayloads(pages);
      return seeded.pages;
    },
  });
  let browser: Browser | undefined;
  try {
    const { placements, rawPages, cast } = seeded!;
    options.log(
      `${placements.length} placements; member ${cast.member}, participant ${cast.participant}`,
    );
    const bot = await stack.bot(['run', '--now', stack.now]);
    options.log(`bot run exited ${bot.code}`);
    await deployToLocalWiki(stack.wiki, () => undefined);
    const password = `Xss-${Math.random().toString(36).slice(2)}-pw`;
    for (const user of [cast.member, cast.participant]) setPassword(stack.wiki, user, password);

    const titles = await allProgramPages(stack);
    // The sample pages were imported before their templates existed: render them afresh.
    const admin = await stack.admin();
    for (let i = 0; i < titles.length; i += 50) {
      await admin.request({
        action: 'purge',
        titles: titles.slice(i, i + 50).join('|'),
        forcelinkupdate: true,
      });
    }
    const server = stack.wiki.server;
    browser = await launchBrowser();
    const contexts = {
      anonymous: await browser.newContext(),
      member: await browser.newContext(),
      participant: await browser.newContext(),
    };
    await login(contexts.member, server, cast.member, password);
    await login(contexts.participant, server, cast.participant, password);

    const profileOf = (user: string) => `${DEFAULT_ROOT}/Participants/${user}`;
    const isRound = (t: string) => /\/Connections\/\d{4}-\d{2}$/.test(t);
    const isClinic = (t: string) => /\/Clinics\/\d{4}-\d{2}-\d{2} [^/]+$/.test(t);
    const openClinic = titles
      .filter(isClinic)
      .find((t) => t.slice(t.lastIndexOf('/') + 1) >= stack.now.slice(0, 10));
    // Every program page once anonymously (short: one or two of each kind).
    const kinds = new Map<string, number>();
    const anonymous = titles.filter((t) => {
      if (full) return true;
      const kind = t.replace(/\/[^/]*$/, '').replace(/\d{4}-\d{2}(-\d{2} [^/]*)?/, 'D');
      const n = kinds.get(kind) ?? 0;
      kinds.set(kind, n + 1);
      return n < 2;
    });
    const visits: Visit[] = [
      ...anonymous.map((title): Visit => ({ title, as: 'anonymous' })),
      ...titles.filter(isRound).map((title): Visit => ({ title, as: 'member' })),
      { title: `${DEFAULT_ROOT}/Clinics`, as: 'member', act: (p) => clickButton(p, /create/i) },
      { title: `${DEFAULT_ROOT}/Resources`, as: 'member' },
      {
        title: profileOf(cast.participant),
        as: 'participant',
        query: { letsconnect: 'edit' },
        act: async (p) => {
          await p
            .locator('form.letsconnect-form')
            .waitFor({ timeout: 20_000 })
            .catch(() => undefined);
          await p
            .locator('.letsconnect-form__preview summary')
            .click({ timeout: 5000 })
            .catch(() => undefined);
          await p.waitForTimeout(500);
        },
      },
      ...titles.filter(isRound).map((title): Visit => ({
        title,
        as: 'participant',
        query: { 'letsconnect-outcome': cast.proposal },
      })),
      { title: `${DEFAULT_ROOT}/Directory`, as: 'participant' },
      ...(openClinic
        ? [
            {
              title: openClinic,
              as: 'participant' as const,
              act: (p: Page) => clickButton(p, /^sign up$/i),
            },
          ]
        : []),
    ];
    const views: ViewResult[] = [];
    for (const v of visits) {
      const result = await visit(contexts, server, v, rawPages);
      views.push(result);
      options.log(`${v.as} ${v.title}: ${result.shown.length} placements shown`);
      if (result.executed.length + result.dialogs.length + result.interpreted.length > 0) {
        options.log(
          `${v.as} ${v.title}: executed ${result.executed.join(',')} dialogs ${result.dialogs.length} interpreted ${result.interpreted.join(' ')}`,
        );
      }
    }
    return {
      payloads: XSS_PAYLOADS.length + RAW_PAYLOADS.length,
      placements,
      views,
      botExit: bot.code ?? -1,
    };
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

export function xssFigures(result: XssResult): Figure[] {
  const rendered = result.views.reduce((n, v) => n + v.shown.length, 0);
  const executed = new Set(result.views.flatMap((v) => v.executed));
  const dialogs = result.views.reduce((n, v) => n + v.dialogs.length, 0);
  return [
    { measure: 'XSS payloads in the corpus', value: result.payloads },
    { measure: 'XSS placements (payload × field)', value: result.placements.length },
    { measure: 'XSS views opened', value: result.views.length },
    { measure: 'XSS payloads tried (payload × field × view)', value: rendered },
    { measure: 'XSS payloads executed', value: executed.size + dialogs, target: 0 },
    {
      measure: 'XSS markup interpreted',
      value: result.views.reduce((n, v) => n + v.interpreted.length, 0),
      target: 0,
    },
  ];
}

export const xssSection: ReliabilitySection = {
  name: 'xss',
  async run(options: ReliabilityOptions): Promise<Figure[]> {
    const result = await runXss({
      port: Number(process.env.LETSCONNECT_RELIABILITY_XSS_PORT ?? 8084),
      mode: options.mode,
      log: options.log,
    });
    const shownAnywhere = new Set(result.views.flatMap((v) => v.shown));
    const unseen = result.placements.filter((p) => !shownAnywhere.has(p.id));
    options.log(
      `placements shown in no view: ${unseen.length} (${[...new Set(unseen.map((p) => p.field))].join(', ')})`,
    );
    const errors = result.views.flatMap((v) => v.errors.map((e) => `${v.as} ${v.view}: ${e}`));
    if (errors.length > 0) options.log(`browser errors: ${errors.slice(0, 10).join(' | ')}`);
    return xssFigures(result);
  },
};
