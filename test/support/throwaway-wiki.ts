import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localWiki, type LocalWiki } from '../../scripts/wiki/config';
import { botEnvironment } from '../../scripts/wiki/credentials';
import { wikiDown, wikiUp } from '../../scripts/wiki/lifecycle';
import { isAlive } from '../../scripts/wiki/server';

const PREFIX = 'letsconnect-wiki-';
/** Which process started a throwaway wiki, and on which port: for sweepOrphanedWikis. */
const OWNER_FILE = 'owner.json';

/**
 * A wiki of a test's own, in a temporary folder on its own port: for tests that need to
 * control every page under the program root (the shared test wiki has other tests' pages).
 */
export async function startThrowawayWiki(
  port: number,
): Promise<{ wiki: LocalWiki; env: NodeJS.ProcessEnv; stop: () => Promise<void> }> {
  const wiki = localWiki({
    LETSCONNECT_WIKI_DIR: fs.mkdtempSync(path.join(os.tmpdir(), PREFIX)),
    LETSCONNECT_WIKI_PORT: String(port),
  });
  fs.writeFileSync(path.join(wiki.dir, OWNER_FILE), JSON.stringify({ pid: process.pid, port }));
  await wikiUp(() => undefined, wiki);
  const env = botEnvironment(wiki);
  return {
    wiki,
    env,
    stop: async () => {
      await wikiDown(() => undefined, wiki);
      fs.rmSync(wiki.dir, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the throwaway wikis whose test process died without its afterAll (a run killed by
 * hand or by a time limit): their ports would be taken for the next run. Wikis of live
 * processes, and folders without an owner record, are left alone.
 */
export async function sweepOrphanedWikis(
  tmpDir = os.tmpdir(),
  deps: { isAlive: (pid: number) => boolean; stop: (wiki: LocalWiki) => Promise<void> } = {
    isAlive,
    stop: (wiki) => wikiDown(() => undefined, wiki),
  },
): Promise<number[]> {
  const ports: number[] = [];
  for (const name of fs.readdirSync(tmpDir).filter((n) => n.startsWith(PREFIX))) {
    const dir = path.join(tmpDir, name);
    let owner: { pid?: unknown; port?: unknown };
    try {
      owner = JSON.parse(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as typeof owner;
    } catch {
      continue;
    }
    const { pid, port } = owner;
    if (typeof pid !== 'number' || typeof port !== 'number' || deps.isAlive(pid)) continue;
    await deps.stop(localWiki({ LETSCONNECT_WIKI_DIR: dir, LETSCONNECT_WIKI_PORT: String(port) }));
    fs.rmSync(dir, { recursive: true, force: true });
    ports.push(port);
  }
  return ports;
}
