import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEFAULT_ROOT } from '../shared/program';
import { deployToLocalWiki } from './gadget/deploy';
import { seedProgram } from './seed/seed-program';
import { REPO_DIR } from './wiki/config';
import { botEnvironment } from './wiki/credentials';
import { wikiUp } from './wiki/lifecycle';

/**
 * The Quick start's first line: the local wiki up and seeded, the gadget deployed with the
 * same script an interface administrator uses, the bot run, and where to look.
 */
async function main(): Promise<number> {
  const started = Date.now();
  const step = (text: string) => console.log(`\n== ${text}`);
  step('Local wiki');
  const wiki = await wikiUp();
  step('Seeding program pages');
  await seedProgram({ wiki, profiles: 300, log: console.log });
  step('Deploying the gadget');
  await deployToLocalWiki(wiki, console.log);
  step('Running the bot');
  const bot = spawnSync(
    process.execPath,
    [path.join(REPO_DIR, 'bot/bin/letsconnect-bot.js'), 'run'],
    {
      stdio: 'inherit',
      // The demo shows pairs bridged by interpretation (off by default: docs/operator.md).
      env: { ...botEnvironment(wiki), LETSCONNECT_INTERPRETATION: 'es,ar,fr,pt,en' },
    },
  );
  if (bot.status !== 0) {
    console.error(`The bot exited with ${bot.status}.`);
    return bot.status ?? 1;
  }
  const rootUrl = `${wiki.server}/wiki/${encodeURI(DEFAULT_ROOT.replace(/ /g, '_'))}`;
  step(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s. Where to look:`);
  console.log(`  Program page (with the gadget): ${rootUrl}`);
  console.log(`  On a phone (Minerva skin):      ${rootUrl}?useskin=minerva`);
  console.log(`  Skills directory (no JS):       ${rootUrl}/Directory`);
  console.log(`  For the working group:          ${rootUrl}/Maintenance`);
  console.log(
    `  This month's proposed connections: ${rootUrl}/Connections/${new Date().toISOString().slice(0, 7)}`,
  );
  console.log(
    `  Accounts and passwords:         ${path.relative(process.cwd(), wiki.credentialsFile)}`,
  );
  console.log('  Stop the wiki with "npm run wiki:down"; a clean wiki with "npm run wiki:reset".');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`demo: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
