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
import { clinicCodec, feedbackCodec } from '../../shared/records/clinic';
import { parseRecords, replaceRecord, type RecordCodec } from '../../shared/records/codec';
import { memberCodec } from '../../shared/records/member';
import { profileCodec } from '../../shared/records/profile';
import { outcomeCodec, proposalCodec } from '../../shared/records/proposal';
import { resourceCodec } from '../../shared/records/resource';
import { topicCodec } from '../../shared/records/topic';
import { DEFAULT_ROOT } from '../../shared/program';
import { launchBrowser } from '../../test/support/browser';
import { deployToLocalWiki } from '../gadget/deploy';
import { run } from '../lib/exec';
import type { PageToImport } from '../seed/import-pages';
import { MEDIAWIKI_DIR, phpEnv, type LocalWiki } from '../wiki/config';
import { placePayload, RAW_PAYLOADS, XSS_PAYLOADS } from './xss-corpus';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';
import { startStack, type WikiStack } from './wiki-stack';

export interface Placement {
  id: number;
  /** Record kind and field ("profile.about"). */
  field: string;
  page: string;
  raw: boolean;
  text: string;
}

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

/** Every free-text field of each record kind, as getters and setters on the record. */
type Fields<T> = Array<[string, (r: T, value: () => string) => T]>;

function rewrite<T>(
  codec: RecordCodec<T>,
  text: string,
  fields: Fields<T>,
  value: (field: string) => string,
  adjust: (r: T, index: number) => T = (r) => r,
): string {
  const records = parseRecords(codec, text);
  let out = text;
  for (let i = records.length - 1; i >= 0; i--) {
    const parsed = records[i]!;
    let record = adjust(parsed.record, i);
    for (const [name, set] of fields) record = set(record, () => value(name));
    out = replaceRecord(codec, out, parsed, record);
  }
  return out;
}

export interface Cast {
  member: string;
  participant: string;
  /** The participant's notified proposal (for the outcome form). */
  proposal: string;
}

/**
 * The sample pages with a payload in every text field. Every `rawEvery`-th placement is
 * hand-typed wikitext instead of the escaped form the gadget writes.
 */
export function withPayloads(
  pages: PageToImport[],
  rawEvery = 6,
): { pages: PageToImport[]; placements: Placement[]; rawPages: Set<string>; cast: Cast } {
  const placements: Placement[] = [];
  const rawPages = new Set<string>();
  let next = 1;
  let plain = 0;
  let raw = 0;
  const group = pages.find((p) => p.title.endsWith('/Working group'));
  const members = group ? parseRecords(memberCodec, group.content).map((r) => r.record) : [];
  const member = members.find((m) => m.role === 'working-group')?.username ?? '';
  const round = pages.find((p) => /\/Connections\/\d{4}-\d{2}$/.test(p.title));
  const proposals = round ? parseRecords(proposalCodec, round.content).map((r) => r.record) : [];
  const chosen = proposals.find((p) => p.learners[0] && p.learners[0] !== member);
  const cast: Cast = {
    member,
    participant: chosen?.learners[0] ?? '',
    proposal: chosen?.id ?? '',
  };

  const out = pages.map((page) => {
    const tokens: Array<[string, string]> = [];
    const value = (kind: string) => (field: string) => {
      const id = next++;
      const isRaw = id % rawEvery === 0;
      const template = isRaw
        ? RAW_PAYLOADS[raw++ % RAW_PAYLOADS.length]!
        : XSS_PAYLOADS[plain++ % XSS_PAYLOADS.length]!;
      const text = placePayload(template, id, isRaw);
      placements.push({ id, field: `${kind}.${field}`, page: page.title, raw: isRaw, text });
      if (!isRaw) return text;
      rawPages.add(page.title);
      const token = `RAWSLOT${id}X`;
      tokens.push([token, text]);
      return token;
    };
    let content = page.content;
    if (page.title.includes('/Participants/')) {
      content = rewrite(
        profileCodec,
        content,
        [
          ['group', (r, v) => ({ ...r, groups: [{ group: v(), role: r.groups[0]?.role ?? '' }] })],
          ['learn-other', (r, v) => ({ ...r, learnOther: v() })],
          ['share-other', (r, v) => ({ ...r, shareOther: v() })],
          ['about', (r, v) => ({ ...r, about: v() })],
        ],
        value('profile'),
      );
    } else if (/\/Clinics\/[^/]+$/.test(page.title)) {
      content = rewrite(
        clinicCodec,
        content,
        [
          ['title', (r, v) => ({ ...r, title: v() })],
          ['description', (r, v) => ({ ...r, description: v() })],
        ],
        value('clinic'),
      );
    } else if (/\/Feedback\/[^/]+$/.test(page.title)) {
      content = rewrite(
        feedbackCodec,
        content,
        [
          ['comment', (r, v) => ({ ...r, comment: v() })],
          ['improve', (r, v) => ({ ...r, improve: v() })],
        ],
        value('feedback'),
      );
    } else if (page === round) {
      content = rewrite(
        proposalCodec,
        content,
        [
          ['reason', (r, v) => ({ ...r, reason: v() })],
          ['note', (r, v) => ({ ...r, note: v() })],
        ],
        value('proposal'),
        // One proposal waits for review, the participant's one was sent to them.
        (r, i) =>
          r.id === cast.proposal
            ? {
                ...r,
                status: 'notified' as const,
                reviewer: member,
                reviewed: r.reviewed || '2025-05-03T10:00Z',
              }
            : i === 0
              ? { ...r, status: 'proposed' as const, reviewer: '', reviewed: '' }
              : r,
      );
    } else if (/\/Outcomes\//.test(page.title) || parseRecords(outcomeCodec, content).length > 0) {
      content = rewrite(
        outcomeCodec,
        content,
        [['comment', (r, v) => ({ ...r, comment: v() })]],
        value('outcome'),
      );
    } else if (parseRecords(resourceCodec, content).length > 0) {
      content = rewrite(
        resourceCodec,
        content,
        [
          ['title', (r, v) => ({ ...r, title: v() })],
          ['description', (r, v) => ({ ...r, description: v() })],
        ],
        value('resource'),
      );
    } else if (parseRecords(topicCodec, content).length > 0) {
      content = rewrite(
        topicCodec,
        content,
        [
          ['label', (r, v) => ({ ...r, labels: { ...r.labels, en: v() } })],
          ['description', (r, v) => ({ ...r, description: v() })],
        ],
        value('topic'),
      );
    }
    for (const [token, text] of tokens) content = content.split(token).join(text);
    return { ...page, content };
  });
  return { pages: out, placements, rawPages, cast };
}

/** Runs in the page (a string: this file is compiled for Node). */
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

async function allProgramPages(stack: WikiStack): Promise<string[]> {
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
      .waitForFunction("mw.loader.getState('ext.gadget.letsconnect-app') === 'ready'", null, {
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
