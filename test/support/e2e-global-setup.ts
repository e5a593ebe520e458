import { ensureDebianPackages, BROWSER_PACKAGES } from '../../scripts/lib/system-packages';
import { deployToLocalWiki } from '../../scripts/gadget/deploy';
import { seedProgram } from '../../scripts/seed/seed-program';
import { beginWikiRun, endWikiRun } from './wiki-lease';

/**
 * End-to-end tests: the real wiki with the gadget as built from this working tree,
 * deployed by the same script an interface administrator uses, and Debian's Chromium.
 * wiki-global-teardown.ts stops the wiki again if this run started it.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
  ensureDebianPackages(BROWSER_PACKAGES, log);
  const wiki = await beginWikiRun(log);
  try {
    await seedProgram({ wiki, profiles: 20, log });
    await deployToLocalWiki(wiki, log);
  } catch (err) {
    // Jest runs no teardown when a global setup fails.
    await endWikiRun(log);
    throw err;
  }
}
