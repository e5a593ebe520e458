import { beginWikiRun } from './wiki-lease';

/**
 * Integration tests run against the real local wiki: start it (install it first if needed).
 * wiki-global-teardown.ts stops it again if this run started it.
 */
export default async function globalSetup(): Promise<void> {
  await beginWikiRun((line) => process.stderr.write(`[wiki] ${line}\n`));
}
