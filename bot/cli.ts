import yargs from 'yargs';
import { DEFAULT_ROOT } from '../shared/program';
import { connectBot, UsageError } from './connect';
import { EXIT } from './exit-codes';
import { formatStatus, status } from './status/status';

const EPILOG = `Credentials come from the environment, never from files in the repository:
  LETSCONNECT_BOT_USERNAME / LETSCONNECT_BOT_PASSWORD   a BotPassword (Special:BotPasswords)
  LETSCONNECT_OAUTH2_TOKEN                              or an owner-only OAuth 2 token
  LETSCONNECT_API_URL                                   default for --api-url
  LETSCONNECT_CONTACT                                   contact for the User-Agent

Exit codes: ${EXIT.OK} done; ${EXIT.FAILED} failed (see the message); ${EXIT.USAGE} bad command line,
configuration or credentials; ${EXIT.SHUTOFF} the shutoff page is missing or says stop (nothing
written); ${EXIT.NOT_IMPLEMENTED} this task is not built yet.

For the local development wiki: npm run wiki:up, then
  set -a; . .wiki/credentials.env; set +a; letsconnect-bot status`;

/** Tasks planned for later issues: the command exists so --help shows the whole tool. */
const PLANNED_TASKS: Record<string, string> = {
  directory: 'build the skills directory (JSON, R/Directory, R/Maintenance) from profile pages',
  match: 'propose 1:1 and small-group connections for the working group to review',
  notify: 'notify people of approved connections and follow up on outcomes',
  clinics: 'write clinic summaries, invitations and the calendar',
  report: 'write the program report',
  run: 'run every task in order',
  schedule: 'run the tasks on a schedule (node-cron), until stopped',
};

function isLocalApi(apiUrl: string): boolean {
  const host = new URL(apiUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

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
      default: process.env.LETSCONNECT_API_URL,
      defaultDescription: '$LETSCONNECT_API_URL',
    })
    .option('root', { type: 'string', describe: "The program's root page", default: DEFAULT_ROOT })
    .option('config', { type: 'string', describe: 'A JSON configuration file' })
    .option('dry-run', {
      type: 'boolean',
      default: false,
      describe: 'Print the diff of every page it would write; write nothing',
    })
    .option('verbose', { type: 'boolean', default: false, describe: 'Log every step' })
    .command(
      'status',
      "Log in, check the shutoff page, print the wiki's name and the bot's rights",
      () => undefined,
      async (args) => {
        const apiUrl = requireApiUrl(args.apiUrl);
        const client = await connectBot({ apiUrl, root: args.root, env: process.env });
        const report = await status(client, { isLocalWiki: isLocalApi(apiUrl) && !args.dryRun });
        console.log(formatStatus(report));
        if (report.shutoff !== 'running') exitCode = EXIT.SHUTOFF;
      },
    )
    .demandCommand(
      1,
      'Name a command: status, directory, match, notify, clinics, report, run or schedule.',
    )
    .strict()
    .epilog(EPILOG)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    });
  for (const [name, description] of Object.entries(PLANNED_TASKS)) {
    parser.command(
      name,
      description,
      () => undefined,
      () => {
        console.error(`"${name}" is not built yet: it arrives with its own issue.`);
        exitCode = EXIT.NOT_IMPLEMENTED;
      },
    );
  }
  await parser.parseAsync();
  return exitCode;
}

function requireApiUrl(apiUrl: string | undefined): string {
  if (!apiUrl) throw new UsageError('No wiki: pass --api-url or set LETSCONNECT_API_URL.');
  try {
    new URL(apiUrl);
  } catch {
    throw new UsageError(`--api-url is not a URL: "${apiUrl}"`);
  }
  return apiUrl;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const usage = err instanceof UsageError;
    console.error(`letsconnect-bot: ${err instanceof Error ? err.message : String(err)}`);
    if (usage) console.error('Run "letsconnect-bot --help" for usage.');
    process.exitCode = usage ? EXIT.USAGE : EXIT.FAILED;
  },
);
