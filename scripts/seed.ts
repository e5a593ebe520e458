import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { seedProgram } from './seed/seed-program';
import { localWiki } from './wiki/config';

async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('seed')
    .usage(
      "$0 [options]\n\nFills the local wiki (npm run wiki:up) with the program's pages and sample data. Never overwrites a page that exists.",
    )
    .option('profiles', {
      type: 'number',
      default: 300,
      describe: 'Number of sample participant profiles',
    })
    .strict()
    .parseAsync();
  if (!Number.isInteger(args.profiles) || args.profiles < 0)
    throw new Error('--profiles must be a whole number, 0 or more.');
  await seedProgram({ wiki: localWiki(), profiles: args.profiles, log: console.log });
}

main().catch((err: unknown) => {
  console.error(`seed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
