/**
 * A throwaway local wiki for one reliability section: seeded with the sample program (each
 * page by its author, optionally changed first), the bot's CLI against it, and what the bot
 * wrote there. Sections that run in the same process use it one at a time.
 */
import type { Browser } from 'playwright-core';
import { MwnWikiClient } from '../../bot/wiki/mwn-client';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import { generateSamplePages } from '../../shared/sample/generate';
import { launchBrowser } from '../../test/support/browser';
import { runBot, type CliResult } from '../../test/support/run-cli';
import { deployToLocalWiki } from '../gadget/deploy';
import { startThrowawayWiki } from '../../test/support/throwaway-wiki';
import { importPages, type PageToImport } from '../seed/import-pages';
import { seedProgram } from '../seed/seed-program';
import type { LocalWiki } from '../wiki/config';
import { readCredentials } from '../wiki/credentials';

export interface WikiStack {
  wiki: LocalWiki;
  env: NodeJS.ProcessEnv;
  /** The seeding time, the sample program's "now". */
  now: string;
  bot(args: readonly string[]): Promise<CliResult>;
  /** An account's client, allowed to write anywhere under `roots` (default: the program root). */
  client(username: string, password: string, roots?: readonly string[]): Promise<MwnWikiClient>;
  admin(): Promise<MwnWikiClient>;
  /** Every revision the bot account made since seeding: its page and text. */
  botWritten(): Promise<Array<{ title: string; text: string }>>;
  stop(): Promise<void>;
}

export async function startStack(options: {
  port: number;
  profiles: number;
  /** Changes the sample pages before they are imported (add, drop or rewrite some). */
  pages?: (pages: PageToImport[]) => PageToImport[];
}): Promise<WikiStack> {
  const stack = await startThrowawayWiki(options.port);
  try {
    const now = new Date().toISOString();
    const sample: PageToImport[] = generateSamplePages({
      profiles: options.profiles,
      root: DEFAULT_ROOT,
      botName: DEFAULT_BOT_NAME,
      now,
    }).map((p) =>
      p.title.endsWith('/Working group') ? { ...p, user: 'Admin' } : { ...p, timestamp: now },
    );
    const pages = options.pages ? options.pages(sample) : sample;
    // Templates, the shutoff page and the root first: pages imported before their templates
    // exist are rendered (and cached) with red links to them.
    await seedProgram({ wiki: stack.wiki, profiles: 0, log: () => undefined });
    if (pages.length > 0) importPages(stack.wiki, pages);
    const creds = readCredentials(stack.wiki);
    const connect = (username: string, password: string, roots: readonly string[]) =>
      MwnWikiClient.connect({
        apiUrl: stack.wiki.apiUrl,
        username,
        password,
        assert: 'user',
        writableRoots: roots,
        userAgent: 'LetsConnectReliability/0.1 (npm run reliability)',
      });
    return {
      wiki: stack.wiki,
      env: stack.env,
      now,
      bot: (args) =>
        runBot(args, { ...stack.env, LETSCONNECT_LOG_FORMAT: 'json', LETSCONNECT_VERBOSE: '' }),
      client: (username, password, roots = [DEFAULT_ROOT]) => connect(username, password, roots),
      admin: () =>
        connect(creds.LETSCONNECT_DEPLOY_USERNAME, creds.LETSCONNECT_DEPLOY_PASSWORD, [
          DEFAULT_ROOT,
          'User:',
          'User talk:',
        ]),
      async botWritten() {
        const admin = await connect(
          creds.LETSCONNECT_DEPLOY_USERNAME,
          creds.LETSCONNECT_DEPLOY_PASSWORD,
          [DEFAULT_ROOT],
        );
        // Every revision the bot made after seeding (the seed imports some pages as the bot).
        const revids: number[] = [];
        let cont: Record<string, string> = {};
        for (;;) {
          const res = (await admin.request({
            action: 'query',
            list: 'usercontribs',
            ucuser: DEFAULT_BOT_NAME,
            uclimit: 'max',
            ucprop: 'ids|timestamp',
            ...cont,
          })) as {
            query: { usercontribs: Array<{ revid: number; timestamp: string }> };
            continue?: Record<string, string>;
          };
          for (const c of res.query.usercontribs) {
            if (Date.parse(c.timestamp) > Date.parse(now) + 1000) revids.push(c.revid);
          }
          if (!res.continue) break;
          cont = res.continue;
        }
        const out: Array<{ title: string; text: string }> = [];
        for (let i = 0; i < revids.length; i += 50) {
          const res = (await admin.request({
            action: 'query',
            prop: 'revisions',
            revids: revids.slice(i, i + 50).join('|'),
            rvprop: 'content',
            rvslots: 'main',
          })) as {
            query: {
              pages: Array<{
                title: string;
                revisions: Array<{ slots: { main: { content: string } } }>;
              }>;
            };
          };
          for (const page of res.query.pages) {
            for (const rev of page.revisions) {
              out.push({ title: page.title, text: rev.slots.main.content });
            }
          }
        }
        return out;
      },
      stop: stack.stop,
    };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

/**
 * The sample program on a wiki of its own (12 profiles, 40 in the full form), the bot's whole
 * pipeline run over it, the gadget deployed, and Chromium: `use` runs with them, then all stop.
 */
export async function withDeployedProgram<T>(
  options: { port: number; mode: 'short' | 'full'; log: (line: string) => void },
  use: (stack: WikiStack, browser: Browser) => Promise<T>,
): Promise<{ botExit: number; value: T }> {
  const stack = await startStack({
    port: options.port,
    profiles: options.mode === 'full' ? 40 : 12,
  });
  try {
    const bot = await stack.bot(['run', '--now', stack.now]);
    options.log(`bot run exited ${bot.code}`);
    await deployToLocalWiki(stack.wiki, () => undefined);
    const browser = await launchBrowser();
    try {
      return { botExit: bot.code ?? -1, value: await use(stack, browser) };
    } finally {
      await browser.close();
    }
  } finally {
    await stack.stop();
  }
}
