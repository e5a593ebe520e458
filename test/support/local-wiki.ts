/**
 * What tests need to reach the real local wiki: its address, accounts and clients.
 * The wiki itself is brought up by jest's global setup (wiki-global-setup.ts).
 */
import { MwnWikiClient } from '../../bot/wiki/mwn-client';
import { DEFAULT_ROOT } from '../../shared/program';
import { localWiki } from '../../scripts/wiki/config';
import {
  botEnvironment,
  readCredentials,
  type LocalCredentials,
} from '../../scripts/wiki/credentials';

export const wiki = localWiki();

export function credentials(): LocalCredentials {
  return readCredentials(wiki);
}

/** The bot account, allowed to write under the program root and its user space. */
export function botClient(): Promise<MwnWikiClient> {
  const c = credentials();
  return MwnWikiClient.connect({
    apiUrl: wiki.apiUrl,
    username: c.LETSCONNECT_BOT_USERNAME,
    password: c.LETSCONNECT_BOT_PASSWORD,
    assert: 'user',
    writableRoots: [DEFAULT_ROOT, 'User:LetsConnectBot'],
    userAgent: 'LetsConnectTests/0.1 (test suite)',
  });
}

/** The administrator (interface admin), allowed to write the given pages. */
export function adminClient(writableRoots: readonly string[]): Promise<MwnWikiClient> {
  const c = credentials();
  return MwnWikiClient.connect({
    apiUrl: wiki.apiUrl,
    username: c.LETSCONNECT_DEPLOY_USERNAME,
    password: c.LETSCONNECT_DEPLOY_PASSWORD,
    assert: 'user',
    writableRoots,
    userAgent: 'LetsConnectTests/0.1 (test suite)',
  });
}

/** Environment for running the bot's CLI against the local wiki. */
export function botEnv(): NodeJS.ProcessEnv {
  return botEnvironment(wiki);
}

/** A page title unique to one test run, under the program root. */
export function uniqueTitle(name: string): string {
  return `${DEFAULT_ROOT}/Test/${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Renders `titles` afresh (action=purge as the administrator): a template or module changed
 * by the deploy reaches pages through the job queue, which the local wiki runs only now and
 * then; a test that reads a page as rendered purges it first.
 */
export async function purgePages(titles: readonly string[]): Promise<void> {
  const admin = await adminClient([]);
  for (let i = 0; i < titles.length; i += 20) {
    await admin.request({ action: 'purge', titles: titles.slice(i, i + 20).join('|') });
  }
}
