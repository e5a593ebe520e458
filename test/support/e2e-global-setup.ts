import { ensureDebianPackages, BROWSER_PACKAGES } from '../../scripts/lib/system-packages';
import { wikiUp } from '../../scripts/wiki/lifecycle';
import { deployToLocalWiki } from '../../scripts/gadget/deploy';
import { seedProgram } from '../../scripts/seed/seed-program';

/**
 * End-to-end tests: the real wiki with the gadget as built from this working tree,
 * deployed by the same script an interface administrator uses, and Debian's Chromium.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
  ensureDebianPackages(BROWSER_PACKAGES, log);
  const wiki = await wikiUp(log);
  await seedProgram({ wiki, profiles: 20, log });
  await deployToLocalWiki(wiki, log);
}
