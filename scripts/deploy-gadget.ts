import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { deployGadget, deployToLocalWiki } from './gadget/deploy';
import { isTreeClean, repoSha } from './lib/git';
import { localWiki } from './wiki/config';

/** A real wiki: its URL from --api-url, the deployer's BotPassword from the environment. */
function remoteCredentials(apiUrl: string | undefined): {
  apiUrl: string;
  username: string;
  password: string;
} {
  const username = process.env.LETSCONNECT_DEPLOY_USERNAME;
  const password = process.env.LETSCONNECT_DEPLOY_PASSWORD;
  if (!apiUrl) throw new Error('No wiki: pass --api-url (or --local).');
  if (!username || !password) {
    throw new Error(
      'No credentials: set LETSCONNECT_DEPLOY_USERNAME and LETSCONNECT_DEPLOY_PASSWORD.',
    );
  }
  return { apiUrl, username, password };
}

async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('deploy-gadget')
    .usage(
      "$0 [options]\n\nBuilds the Let's Connect gadget and publishes it to a wiki. Credentials: a BotPassword of an interface administrator in LETSCONNECT_DEPLOY_USERNAME / LETSCONNECT_DEPLOY_PASSWORD (or --local for the local wiki).",
    )
    .option('api-url', {
      type: 'string',
      default: process.env.LETSCONNECT_API_URL,
      describe: "The wiki's api.php URL",
    })
    .option('local', {
      type: 'boolean',
      default: false,
      describe: 'Deploy to the local wiki (npm run wiki:up) with its credentials',
    })
    .option('dry-run', {
      type: 'boolean',
      default: false,
      describe: 'Print the diffs; write nothing',
    })
    .option('allow-dirty', {
      type: 'boolean',
      default: false,
      describe: 'Deploy even with uncommitted changes in the tree',
    })
    .strict()
    .parseAsync();

  if (!args.allowDirty && !args.dryRun && !isTreeClean()) {
    throw new Error(
      'The working tree has uncommitted changes: commit them (the edit summary names the commit) or pass --allow-dirty.',
    );
  }
  const result = args.local
    ? await deployToLocalWiki(localWiki(), console.log, args.dryRun)
    : await deployGadget({
        ...remoteCredentials(args.apiUrl),
        sha: repoSha(),
        dryRun: args.dryRun,
        log: console.log,
      });
  console.log(
    `Gadget: ${result.changed.length} page(s) ${args.dryRun ? 'would change' : 'changed'}, ${result.unchanged.length} unchanged; modules (gzipped) ${result.build.modules.map((m) => `${m.name} ${(m.gzipBytes / 1024).toFixed(1)} KiB`).join(', ')}.`,
  );
}

main().catch((err: unknown) => {
  console.error(`deploy-gadget: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
