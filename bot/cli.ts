import yargs from 'yargs';
import { DEFAULT_ROOT } from '../shared/program';
import { COMMANDS, type CommandArgs } from './commands';
import { ENV_NAMES } from './config/config';
import { UsageError } from './connect';
import { EXIT, EXIT_MEANINGS } from './exit-codes';
import { WikiAccessError } from './wiki/errors';

const EPILOG = `Settings, first source wins: the command line; the environment (${Object.values(
  ENV_NAMES,
).join(', ')}); the --config JSON file; the on-wiki page User:<bot>/config.json; the defaults.

Credentials come from the environment only:
  LETSCONNECT_BOT_USERNAME / LETSCONNECT_BOT_PASSWORD   a BotPassword (Special:BotPasswords)
  LETSCONNECT_OAUTH2_TOKEN                              or an owner-only OAuth 2 token
Logs go to stderr (LETSCONNECT_LOG_FORMAT=json for JSON lines); the summary to stdout.

Exit codes:
${Object.entries(EXIT_MEANINGS)
  .map(([code, meaning]) => `  ${code}  ${meaning}`)
  .join('\n')}

On the local development wiki (npm run wiki:up):
  set -a; . .wiki/credentials.env; set +a; letsconnect-bot directory --dry-run

The operator guide is docs/operator.md; each command's page is bot/<command>/README.md.`;

async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.OK;
  const parser = yargs(argv)
    .scriptName('letsconnect-bot')
    .usage(
      "$0 <command> [options]\n\nThe Let's Connect bot: turns the program's wiki pages into a skills directory, proposes connections and writes reports back on-wiki.",
    )
    .option('api-url', {
      type: 'string',
      describe: "The wiki's api.php URL, e.g. https://meta.wikimedia.org/w/api.php",
    })
    .option('root', {
      type: 'string',
      describe: `The program's root page [default: "${DEFAULT_ROOT}"]`,
    })
    .option('config', {
      type: 'string',
      describe: 'A JSON configuration file (settings as in the epilogue, camelCase)',
    })
    .option('dry-run', {
      type: 'boolean',
      describe:
        'Print what it would write (a diff; for JSON documents, what changes); write nothing',
    })
    .option('verbose', {
      type: 'boolean',
      describe: 'Log every step; in a dry run, the full diff of JSON documents too',
    })
    .option('now', {
      type: 'string',
      describe:
        'Act as if it were this date or time (UTC), e.g. to re-run a past round or test reminders',
    });
  for (const command of COMMANDS) {
    parser.command(
      command.name,
      command.description,
      (y) => {
        if (command.options) y.options(command.options);
        if (command.help) y.epilog(command.help);
        return y;
      },
      async (args) => {
        exitCode = await command.run(args as CommandArgs, process.env);
      },
    );
  }
  await parser
    .demandCommand(1, `Name a command: ${COMMANDS.map((c) => c.name).join(', ')}.`)
    .strict()
    .epilog(EPILOG)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .parseAsync();
  return exitCode;
}

let finished = false;
// When nothing is left to run but the command has not finished (a promise that can never
// settle, as when mwn waited for itself while logging in), Node would end with exit code 0
// as if all had gone well: the scheduler must hear that it did not.
process.once('beforeExit', () => {
  if (finished) return;
  console.error(
    'letsconnect-bot: stopped before finishing: a request to the wiki never completed. Run it again.',
  );
  process.exitCode = EXIT.FAILED;
});

main(process.argv.slice(2)).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (err: unknown) => {
    finished = true;
    const usage = err instanceof UsageError;
    console.error(`letsconnect-bot: ${err instanceof Error ? err.message : String(err)}`);
    if (usage) console.error('Run "letsconnect-bot --help" for usage.');
    // A wrong address or wrong credentials: the operator's to fix, like a bad option.
    process.exitCode = usage || err instanceof WikiAccessError ? EXIT.USAGE : EXIT.FAILED;
  },
);
