import { ensureDebianPackages, BROWSER_PACKAGES } from '../../scripts/lib/system-packages';
import { wikiUp } from '../../scripts/wiki/lifecycle';
import { readCredentials } from '../../scripts/wiki/credentials';
import { deployGadget } from '../../scripts/gadget/deploy';
import { repoSha } from '../../scripts/lib/git';
import { seedProgram } from '../../scripts/seed/seed-program';

/**
 * End-to-end tests: the real wiki with the gadget as built from this working tree,
 * deployed by the same script an interface administrator uses, and Debian's Chromium.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
  ensureDebianPackages(BROWSER_PACKAGES, log);
  const wiki = await wikiUp(log);
  const creds = readCredentials(wiki);
  await seedProgram({ wiki, profiles: 0, log });
  await deployGadget({
    apiUrl: wiki.apiUrl,
    username: creds.LETSCONNECT_DEPLOY_USERNAME,
    password: creds.LETSCONNECT_DEPLOY_PASSWORD,
    sha: repoSha(),
    dryRun: false,
    log,
  });
}
