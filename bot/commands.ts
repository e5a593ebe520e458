import { connectBot, isLocalApi, UsageError } from './connect';
import { EXIT } from './exit-codes';
import { runEarlier } from './earlier/task';
import { runFeed } from './feed/command';
import {
  loadConfig,
  runJobs,
  runTasks,
  TASK_NAMES,
  TASKS,
  type CliValues,
  type RunOptions,
  type Task,
} from './runner';
import { runSchedule } from './schedule/schedule';
import { formatStatus, status } from './status/status';

/** What the command line gave a command: the global options and the command's own. */
export interface CommandArgs {
  apiUrl?: string;
  root?: string;
  config?: string;
  dryRun?: boolean;
  verbose?: boolean;
  now?: string;
  format?: string;
  csv?: string;
  invite?: boolean;
  host?: string;
  port?: number;
  checkSeconds?: number;
}

/** A command of letsconnect-bot; the CLI makes its --help and handler from this table. */
export interface Command extends Pick<Task, 'description' | 'options' | 'help'> {
  name: string;
  /** The page that documents the command, from the repository's root; it states `description`. */
  docs: string;
  /** Does the work and says how it ended (an exit code). */
  run: (args: CommandArgs, env: NodeJS.ProcessEnv) => Promise<number>;
}

/** --now: an ISO date or date-time, checked here so a typo is a usage error, not a wrong round. */
function runOptions(args: CommandArgs): RunOptions {
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
function cliValues(args: CommandArgs): CliValues {
  const out: CliValues = {};
  if (args.apiUrl !== undefined) out.apiUrl = args.apiUrl;
  if (args.root !== undefined) out.root = args.root;
  if (args.dryRun !== undefined) out.dryRun = args.dryRun;
  if (args.verbose !== undefined) out.verbose = args.verbose;
  if (args.config !== undefined) out.config = args.config;
  return out;
}

/** Every command, in the order --help lists them: status, one per task, run, schedule. */
export const COMMANDS: readonly Command[] = [
  {
    name: 'status',
    description: "Log in, check the shutoff page, print the wiki's name and the bot's rights",
    docs: 'bot/status/README.md',
    run: async (args, env) => {
      const config = await loadConfig(cliValues(args), env);
      const client = await connectBot(config, env);
      const report = await status(client, {
        isLocalWiki: isLocalApi(config.apiUrl) && !config.dryRun,
      });
      console.log(formatStatus(report));
      return report.shutoff === 'running' ? EXIT.OK : EXIT.SHUTOFF;
    },
  },
  ...TASK_NAMES.map((name): Command => ({
    name,
    description: TASKS[name].description,
    docs: `bot/${name}/README.md`,
    ...(TASKS[name].options && { options: TASKS[name].options }),
    ...(TASKS[name].help && { help: TASKS[name].help }),
    run: (args, env) => runTasks([name], cliValues(args), env, runOptions(args)),
  })),
  {
    name: 'earlier',
    description:
      "List people with an earlier Let's Connect record and no profile; offer the record to their profile form; --invite: ask each once to claim their profile",
    docs: 'bot/earlier/README.md',
    options: {
      csv: {
        type: 'string',
        describe:
          "the working group's CSV export of the earlier records (see bot/earlier/README.md)",
      },
      invite: {
        type: 'boolean',
        describe: 'leave each person listed one "claim your profile" message (once ever)',
      },
    },
    help: 'Only the public columns of the CSV are read (username, affiliation, territory, languages, want_to_learn, want_to_share); letsconn is asked for each name (letsconnUrl). Nothing goes into the directory until the person saves their form.',
    run: (args, env) =>
      runJobs(
        [
          {
            name: 'earlier',
            run: (ctx) =>
              runEarlier(ctx, {
                ...(args.csv !== undefined && { csv: args.csv }),
                invite: args.invite === true,
              }),
          },
        ],
        cliValues(args),
        env,
        runOptions(args),
      ),
  },
  {
    name: 'feed',
    description:
      "Serve the calendar feed calendar apps subscribe to (the program and each person), from the clinics task's User:<bot>/Calendar.json, until stopped",
    docs: 'bot/feed/README.md',
    options: {
      host: {
        type: 'string',
        describe: 'the address to listen on [default: 127.0.0.1; on Toolforge: 0.0.0.0]',
      },
      port: {
        type: 'number',
        describe: 'the port to listen on [default: $PORT, else 8000]',
      },
      'check-seconds': {
        type: 'number',
        describe: 'ask the wiki at most this often whether the calendar changed [default: 60]',
      },
    },
    help: 'No credentials: it reads one public page through api.php (--api-url). Set feedUrl to where it answers, so the gadget offers the subscriptions.',
    run: (args, env) =>
      runFeed(
        cliValues(args),
        {
          ...(args.host !== undefined && { host: args.host }),
          ...(args.port !== undefined && { port: args.port }),
          ...(args.checkSeconds !== undefined && { checkSeconds: args.checkSeconds }),
        },
        env,
      ),
  },
  {
    name: 'run',
    description: `Run every task, in order: ${TASK_NAMES.join(', ')}`,
    docs: 'docs/operator.md',
    run: (args, env) => runTasks(TASK_NAMES, cliValues(args), env, runOptions(args)),
  },
  {
    name: 'schedule',
    description: 'Run every task on the configured schedule (node-cron, UTC) until stopped',
    docs: 'bot/schedule/README.md',
    run: (args, env) => runSchedule(cliValues(args), env),
  },
];
