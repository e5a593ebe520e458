import { localWiki } from './config';
import { isInstalled } from './install';
import { wikiDown, wikiReset, wikiUp } from './lifecycle';
import { serverState } from './server';

const USAGE = `Usage: tsx scripts/wiki/cli.ts <up|down|reset|status>

  up      install Debian's MediaWiki, PHP and SQLite if missing, install the wiki, start it
  down    stop the wiki server
  reset   restore a clean wiki (accounts kept) in seconds
  status  say whether the wiki is installed and running

Environment: LETSCONNECT_WIKI_PORT (default 8080), LETSCONNECT_WIKI_DIR (default .wiki/).`;

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'up':
      await wikiUp();
      return 0;
    case 'down':
      await wikiDown();
      return 0;
    case 'reset':
      await wikiReset();
      return 0;
    case 'status': {
      const wiki = localWiki();
      const state = await serverState(wiki);
      console.log(
        `installed: ${isInstalled(wiki) ? 'yes' : 'no'}; server: ${state}; ${wiki.server}/wiki/`,
      );
      return state === 'running' ? 0 : 3;
    }
    default:
      console.error(USAGE);
      return command === '--help' || command === '-h' ? 0 : 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
