import { MwnWikiClient } from '../../bot/wiki/mwn-client';
import {
  DEFAULT_BOT_NAME,
  DEFAULT_ROOT,
  SHUTOFF_RUNNING,
  shutoffPageTitle,
} from '../../shared/program';
import type { WikiClient } from '../../shared/wiki-client';
import type { LocalWiki } from '../wiki/config';
import { readCredentials } from '../wiki/credentials';

export interface SeedOptions {
  wiki: LocalWiki;
  /** How many sample participant profiles to create (the demo's default is a few hundred). */
  profiles: number;
  log: (line: string) => void;
}

export interface SeedResult {
  created: string[];
  unchanged: string[];
}

const ROOT_PAGE = `Welcome to '''Let's Connect''', Wikimedia's peer-learning program: register what you want to learn and what you can share, and the program connects you with other Wikimedians.

<div class="letsconnect-app"></div>

This is the local development wiki of the Let's Connect gadget and bot. Program pages live under this page.
`;

/** Creates a page with `content` unless it exists already: seeding never overwrites. */
async function ensurePage(
  client: WikiClient,
  title: string,
  content: string,
  result: SeedResult,
): Promise<void> {
  const [page] = await client.readPages([title]);
  if (page?.exists) {
    result.unchanged.push(title);
    return;
  }
  await client.save(title, content, 'Seed the local wiki', null);
  result.created.push(title);
}

/**
 * Fills the local wiki with the program's pages: the root page and the bot's shutoff
 * page. Idempotent: pages that exist are left as they are.
 */
export async function seedProgram(options: SeedOptions): Promise<SeedResult> {
  const creds = readCredentials(options.wiki);
  const bot = await MwnWikiClient.connect({
    apiUrl: options.wiki.apiUrl,
    username: creds.LETSCONNECT_BOT_USERNAME,
    password: creds.LETSCONNECT_BOT_PASSWORD,
    assert: 'user',
    writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
    userAgent: 'LetsConnectSeed/0.1.0 (local wiki seeding)',
  });
  const result: SeedResult = { created: [], unchanged: [] };
  await ensurePage(bot, shutoffPageTitle(DEFAULT_BOT_NAME), SHUTOFF_RUNNING, result);
  await ensurePage(bot, DEFAULT_ROOT, ROOT_PAGE, result);
  options.log(
    `Seeded: ${result.created.length} page(s) created, ${result.unchanged.length} already there.`,
  );
  return result;
}
