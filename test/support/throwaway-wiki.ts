import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localWiki, type LocalWiki } from '../../scripts/wiki/config';
import { botEnvironment } from '../../scripts/wiki/credentials';
import { wikiDown, wikiUp } from '../../scripts/wiki/lifecycle';

/**
 * A wiki of a test's own, in a temporary folder on its own port: for tests that need to
 * control every page under the program root (the shared test wiki has other tests' pages).
 */
export async function startThrowawayWiki(
  port: number,
): Promise<{ wiki: LocalWiki; env: NodeJS.ProcessEnv; stop: () => Promise<void> }> {
  const wiki = localWiki({
    LETSCONNECT_WIKI_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'letsconnect-wiki-')),
    LETSCONNECT_WIKI_PORT: String(port),
  });
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
