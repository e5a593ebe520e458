import { localWiki } from '../../scripts/wiki/config';
import { releaseWiki, wikiLeaseDeps } from './wiki-lease';

/** After the integration and e2e tests: stops the wiki if this run started it (see wiki-lease.ts). */
export default async function globalTeardown(): Promise<void> {
  const wiki = localWiki();
  const outcome = await releaseWiki(
    wiki.dir,
    wikiLeaseDeps(wiki, (line) => process.stderr.write(`[wiki] ${line}\n`)),
  );
  if (outcome !== 'stopped') process.stderr.write(`[wiki] left running: ${outcome}\n`);
}
