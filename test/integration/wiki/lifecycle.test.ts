import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localWiki } from '../../../scripts/wiki/config';
import { wikiDown, wikiReset, wikiUp } from '../../../scripts/wiki/lifecycle';
import { serverState } from '../../../scripts/wiki/server';
import { readCredentials } from '../../../scripts/wiki/credentials';
import { MwnWikiClient } from '../../../bot/wiki/mwn-client';

jest.setTimeout(120_000);

/**
 * A second, throw-away wiki on its own folder and port, so the one the other tests use
 * is never disturbed: install, up twice, a stale server, reset, down.
 */
const wiki = localWiki({
  LETSCONNECT_WIKI_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'letsconnect-wiki-')),
  LETSCONNECT_WIKI_PORT: '8091',
});
const log = () => undefined;

async function pageExists(title: string): Promise<boolean> {
  const res = await fetch(
    `${wiki.apiUrl}?action=query&titles=${encodeURIComponent(title)}&format=json&formatversion=2`,
  );
  const body = (await res.json()) as { query: { pages: { missing?: boolean }[] } };
  return !body.query.pages[0]?.missing;
}

afterAll(async () => {
  await wikiDown(log, wiki);
  fs.rmSync(wiki.dir, { recursive: true, force: true });
});

describe('the local wiki lifecycle', () => {
  it('installs, runs, survives a second "up", replaces a stale server and resets to a clean wiki', async () => {
    await wikiUp(log, wiki);
    expect(await serverState(wiki)).toBe('running');
    const firstPid = fs.readFileSync(wiki.pidFile, 'utf8');

    // Running "up" again changes nothing.
    await wikiUp(log, wiki);
    expect(fs.readFileSync(wiki.pidFile, 'utf8')).toBe(firstPid);

    // Accounts from the credentials file work.
    const creds = readCredentials(wiki);
    const bot = await MwnWikiClient.connect({
      apiUrl: wiki.apiUrl,
      username: creds.LETSCONNECT_BOT_USERNAME,
      password: creds.LETSCONNECT_BOT_PASSWORD,
      assert: 'user',
      writableRoots: ['User:LetsConnectBot'],
      userAgent: 'LetsConnectTests/0.1 (lifecycle test)',
    });
    await bot.save('User:LetsConnectBot/Scratch', 'made before reset', 'test', null);
    expect(await pageExists('User:LetsConnectBot/Scratch')).toBe(true);

    // A server that died without cleaning up leaves a stale pid file: "up" notices and restarts.
    process.kill(-Number(firstPid), 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    expect(await serverState(wiki)).toBe('stale');
    await wikiUp(log, wiki);
    expect(await serverState(wiki)).toBe('running');
    expect(fs.readFileSync(wiki.pidFile, 'utf8')).not.toBe(firstPid);

    // Reset: a clean wiki, same accounts.
    await wikiReset(log, wiki);
    expect(await pageExists('User:LetsConnectBot/Scratch')).toBe(false);
    expect(readCredentials(wiki)).toEqual(creds);

    await wikiDown(log, wiki);
    expect(await serverState(wiki)).toBe('stopped');
  });
});
