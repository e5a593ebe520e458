import yargs from 'yargs';
import { DEFAULT_ROOT } from '../shared/program';
import { connectBot, isLocalApi, UsageError } from './connect';
import { EXIT } from './exit-codes';
import {
  loadConfig,
  runTasks,
  TASKS,
  type CliValues,
  type RunOptions,
  type TaskName,
} from './runner';
import { runSchedule } from './schedule/schedule';
import { formatStatus, status } from './status/status';

const EPILOG = `Settings, first source wins: the command line; the environment (LETSCONNECT_API_URL,
LETSCONNECT_ROOT, LETSCONNECT_BOT_NAME, LETSCONNECT_CONTACT, LETSCONNECT_SCHEDULE,
LETSCONNECT_DRY_RUN, LETSCONNECT_VERBOSE); the --config JSON file; the on-wiki page
User:<bot>/config.json; the defaults.

Credentials come from the environment only:
  LETSCONNECT_BOT_USERNAME / LETSCONNECT_BOT_PASSWORD   a BotPassword (Special:BotPasswords)
  LETSCONNECT_OAUTH2_TOKEN                              or an owner-only OAuth 2 token
Logs go to stderr (LETSCONNECT_LOG_FORMAT=json for JSON lines); the summary to stdout.

clinics invites only people whose profile has the clinic-participant format (opted in), at
most once per clinic and once a week; --now decides which clinics are past or upcoming.

Exit codes: ${EXIT.OK} done; ${EXIT.FAILED} failed (see the message); ${EXIT.USAGE} bad command line,
configuration or credentials; ${EXIT.SHUTOFF} the shutoff page is missing or says stop (nothing
written); ${EXIT.NOT_IMPLEMENTED} this task is not built yet.

On the local development wiki (npm run wiki:up):
  set -a; . .wiki/credentials.env; set +a; letsconnect-bot directory --dry-run`;

/** Tasks planned for later issues: the command exists so --help shows the whole tool. */
const PLANNED_TASKS: Record<string, string> = {};

interface GlobalArgs {
  apiUrl?: string;
  root?: string;
  config?: string;
  dryRun?: boolean;
  verbose?: boolean;
  now?: string;
}

/** --now: an ISO date or date-time, checked here so a typo is a usage error, not a wrong round. */
function runOptions(args: GlobalArgs & { format?: string }): RunOptions {
  const options: RunOptions = {};
  if (args.now !== undefined) {
    const now = new Date(args.now);
    if (!/^\d{4}-\d{2}-\d{2}/.test(args.now) || Number.isNaN(now.getTime())) {
      throw new UsageError(
        `--now: not a date: ${args.now} (use e.g. 2026-11-24 or 2026-11-24T10:00Z)`,
      );
    }
    options.now = now;
  }
  if (args.format === 'json') options.format = 'json';
  return options;
}

/** Only what the operator actually typed: unset options must not hide later sources. */
function cliValues(args: GlobalArgs): CliValues {
  const out: CliValues = {};
  if (args.apiUrl !== undefined) out.apiUrl = args.apiUrl;
  if (args.root !== undefined) out.root = args.root;
  if (args.dryRun !== undefined) out.dryRun = args.dryRun;
  if (args.verbose !== undefined) out.verbose = args.verbose;
  if (args.config !== undefined) out.config = args.config;
  return out;
}

async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.OK;
  const env = process.env;
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
      describe: 'Print the diff of every page it would write; write nothing',
    })
    .option('verbose', { type: 'boolean', describe: 'Log every step' })
    .option('now', {
      type: 'string',
      describe:
        'Act as if it were this date or time (UTC), e.g. to re-run a past round or test reminders',
    })
    .command(
      'status',
      "Log in, check the shutoff page, print the wiki's name and the bot's rights",
      () => undefined,
      async (args) => {
        const config = await loadConfig(cliValues(args), env);
        const client = await connectBot(config, env);
        const report = await status(client, {
          isLocalWiki: isLocalApi(config.apiUrl) && !config.dryRun,
        });
        console.log(formatStatus(report));
        if (report.shutoff !== 'running') exitCode = EXIT.SHUTOFF;
      },
    )
    .command(
      'directory',
      'Build the skills directory (JSON, R/Directory, R/Maintenance) from the profile pages',
      () => undefined,
      async (args) => {
        exitCode = await runTasks(['directory'], cliValues(args), env, runOptions(args));
      },
    )
    .command(
      'match',
      "Propose this month's connections on R/Connections/<YYYY-MM> for the working group to review",
      (y) =>
        y.option('format', {
          choices: ['text', 'json'] as const,
          describe: 'json: print the round (proposals with reasons, unmatched learners) on stdout',
        }),
      async (args) => {
        exitCode = await runTasks(['match'], cliValues(args), env, runOptions(args));
      },
    )
    .command(
      'notify',
      'Introduce approved connections on talk pages, remind about outcomes, pause the unresponsive',
      () => undefined,
      async (args) => {
        exitCode = await runTasks(['notify'], cliValues(args), env, runOptions(args));
      },
    )
    .command(
      'clinics',
      'Summarise past clinics, invite interested participants to upcoming ones, write R/Calendar and R/Hot topics',
      () => undefined,
      async (args) => {
        exitCode = await runTasks(['clinics'], cliValues(args), env, runOptions(args));
      },
    )
    .command(
      'report',
      "Index the resource centre (R/Resources/By topic) and write the program report (R/Report, its numbers as JSON for the gadget's charts)",
      () => undefined,
      async (args) => {
        exitCode = await runTasks(['report'], cliValues(args), env, runOptions(args));
      },
    )
    .command(
      'run',
      'Run every task that is built, in order',
      () => undefined,
      async (args) => {
        const names = Object.keys(TASKS) as TaskName[];
        exitCode = await runTasks(names, cliValues(args), env, runOptions(args));
        const planned = Object.keys(PLANNED_TASKS);
        if (planned.length > 0) console.log(`Not built yet, skipped: ${planned.join(', ')}.`);
      },
    )
    .command(
      'schedule',
      'Run every task on the configured schedule (node-cron, UTC) until stopped',
      () => undefined,
      async (args) => {
        exitCode = await runSchedule(cliValues(args), env);
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
    process.exitCode = usage ? EXIT.USAGE : EXIT.FAILED;
  },
);
