import { ensureDebianPackages, WIKI_PACKAGES } from '../lib/system-packages';
import { localWiki, type LocalWiki } from './config';
import { installWiki, isInstalled, restorePristine } from './install';
import { writeResourceLoaderFiles } from './resources';
import { startServer, stopServer } from './server';

/**
 * Brings the local wiki up, idempotently: installs Debian's packages when missing, installs
 * the wiki when it is not installed (or its set-up changed), refreshes the Vue/Codex modules,
 * and starts the server unless it already runs.
 */
export async function wikiUp(
  log: (line: string) => void = console.log,
  wiki: LocalWiki = localWiki(),
): Promise<LocalWiki> {
  ensureDebianPackages(WIKI_PACKAGES, log);
  if (!isInstalled(wiki)) {
    await stopServer(wiki);
    installWiki(wiki, log);
  }
  const versions = writeResourceLoaderFiles(wiki);
  await startServer(wiki, log);
  log(`Wiki running at ${wiki.server}/wiki/ (Vue ${versions.vue}, Codex ${versions.codex})`);
  return wiki;
}

export async function wikiDown(
  log: (line: string) => void = console.log,
  wiki: LocalWiki = localWiki(),
): Promise<void> {
  const stopped = await stopServer(wiki);
  log(stopped ? 'Wiki server stopped.' : 'No wiki server was running.');
}

/** A clean wiki in seconds: restores the pristine copy taken right after install. */
export async function wikiReset(
  log: (line: string) => void = console.log,
  wiki: LocalWiki = localWiki(),
): Promise<LocalWiki> {
  if (!isInstalled(wiki)) return wikiUp(log, wiki);
  await stopServer(wiki);
  restorePristine(wiki);
  writeResourceLoaderFiles(wiki);
  await startServer(wiki, log);
  log(`Wiki reset to a clean install at ${wiki.server}/wiki/`);
  return wiki;
}
