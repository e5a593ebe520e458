import fs from 'node:fs';
import type { Options } from 'yargs';
import { SHUTOFF_RUNNING, shutoffPageTitle } from '../shared/program';
import {
  cliLabel,
  envLabel,
  fromEnvironment,
  machineSettingsOnWiki,
  parseConfigJson,
  resolveConfig,
  type BotConfig,
  type ConfigSource,
  type ConfigSourceEntry,
} from './config/config';
import { connectBot, isLocalApi, UsageError } from './connect';
import { runDirectory } from './directory/task';
import { loadPublishedTranslations } from './directory/translations';
import { runMatch } from './match/task';
import { runNotify } from './notify/task';
import { runClinics } from './clinics/task';
import { runReport } from './report/task';
import { EXIT } from './exit-codes';
import { botMessages } from './i18n';
import { createLogger, type Logger } from './log';
import type { RunContext, TaskReport } from './run-context';
import { ShutoffError } from './wiki/errors';
import type { MwnWikiClient } from './wiki/mwn-client';
import { SafeEditor } from './wiki/safe-edit';
import { holdRunLock, runLockPath, RunLockedError } from './run-lock';

export type TaskName = 'directory' | 'match' | 'notify' | 'clinics' | 'report';

/** A task: the CLI makes a command of each, and `run` runs them all. */
export interface Task {
  /** One line for --help; bot/<task>/README.md and docs/operator.md state it (a unit test compares). */
  description: string;
  /** Options of this command only, as yargs takes them. */
  options?: Record<string, Options>;
  /** More help, printed by `letsconnect-bot <task> --help`. */
  help?: string;
  run: (ctx: RunContext) => Promise<TaskReport>;
}

/** The tasks, in the order `run` takes them. */
export const TASKS: Record<TaskName, Task> = {
  directory: {
    description:
      'Build the skills directory (JSON, R/Directory, R/Maintenance) from the profile pages',
    run: runDirectory,
  },
  match: {
    description:
      "Propose this month's connections on R/Connections/<YYYY-MM> for the working group to review",
    options: {
      format: {
        choices: ['text', 'json'],
        describe: 'json: print the round (proposals with reasons, unmatched learners) on stdout',
      },
    },
    run: (ctx) => runMatch(ctx, { json: ctx.format === 'json' }),
  },
  notify: {
    description:
      'Introduce approved connections on talk pages, remind about outcomes, pause the unresponsive',
    run: runNotify,
  },
  clinics: {
    description:
      'Summarise past clinics, remind the people in upcoming ones, invite interested participants, write R/Clinics, R/Calendar and R/Hot topics',
    help: 'Invites only people whose profile has the clinic-participant format (opted in), at most once per clinic and once a week; --now decides which clinics are past or upcoming.',
    run: runClinics,
  },
  report: {
    description:
      "Index the resource centre (R/Resources/By topic), write the program report (R/Report, its numbers as JSON for the gadget's charts), the portal on the root page and R/Connections",
    run: runReport,
  },
};

export const TASK_NAMES = Object.keys(TASKS) as TaskName[];

/** How a run is asked to behave beyond the settings: for operators, scripts and tests. */
export interface RunOptions {
  /** Act as if it were this time (rounds are months; reminders count days). */
  now?: Date;
  /** `json`: the match task prints its round as JSON on stdout; the summary goes to stderr. */
  format?: 'text' | 'json';
}

/** What the command line said (undefined: not said, so later sources may set it). */
export type CliValues = ConfigSource & { config?: string };

/** Settings from every source but the wiki, and the wiki's own page once logged in. */
export async function loadConfig(
  cli: CliValues,
  env: NodeJS.ProcessEnv,
  wikiConfig?: ConfigSource,
): Promise<BotConfig> {
  const sources: ConfigSourceEntry[] = [
    { name: 'the command line', values: cli, label: cliLabel },
    { name: 'the environment', values: fromEnvironment(env), label: envLabel },
  ];
  const problems: string[] = [];
  if (cli.config) {
    if (!fs.existsSync(cli.config)) throw new UsageError(`--config: no such file: ${cli.config}`);
    const parsed = parseConfigJson(fs.readFileSync(cli.config, 'utf8'), cli.config);
    problems.push(...parsed.problems);
    sources.push({ name: cli.config, values: parsed.values });
  }
  if (wikiConfig) sources.push({ name: 'the on-wiki configuration page', values: wikiConfig });
  const resolved = resolveConfig(sources);
  problems.push(...resolved.problems);
  if (problems.length > 0 || !resolved.config)
    throw new UsageError(`Bad configuration:\n  ${problems.join('\n  ')}`);
  return resolved.config;
}

async function readWikiConfig(
  client: MwnWikiClient,
  botName: string,
): Promise<ConfigSource | undefined> {
  const title = `User:${botName}/config.json`;
  const [page] = await client.readPages([title]);
  if (!page?.exists || page.content === undefined) return undefined;
  const parsed = parseConfigJson(page.content, title);
  parsed.problems.push(...machineSettingsOnWiki(parsed.values, title));
  if (parsed.problems.length > 0)
    throw new UsageError(`Bad configuration:\n  ${parsed.problems.join('\n  ')}`);
  return parsed.values;
}

/** On the local development wiki a missing shutoff page is created; anywhere else a person must create it. */
async function ensureShutoffPage(
  client: MwnWikiClient,
  config: BotConfig,
  log: Logger,
): Promise<void> {
  const title = shutoffPageTitle(config.botName);
  const [page] = await client.readPages([title]);
  if (page?.exists) return;
  if (!isLocalApi(config.apiUrl) || config.dryRun) {
    throw new ShutoffError(
      `The shutoff page ${title} does not exist: create it with the text "${SHUTOFF_RUNNING}" before running the bot.`,
    );
  }
  await client.save(title, SHUTOFF_RUNNING, 'Create the emergency shutoff page (local wiki)', null);
  log.info(`Created the shutoff page ${title} (local wiki)`);
}

/** Why the summary counts more problems than R/Maintenance lists. */
const hiddenNote = (hidden: number): string =>
  hidden === 0
    ? ''
    : ` (${hidden} of them not on R/Maintenance: people who withdrew or did not agree to be listed are never named there)`;

function formatSummary(
  reports: TaskReport[],
  client: MwnWikiClient,
  editor: SafeEditor,
  seconds: number,
  dryRun: boolean,
): string {
  const sum = (f: (r: TaskReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const lines = [
    `Summary (${reports.map((r) => r.task).join(', ')}${dryRun ? ', dry run' : ''})`,
    `  pages read      ${sum((r) => r.pagesRead)}`,
    `  API requests    ${client.stats.requests}`,
    `  edits made      ${client.stats.edits}${dryRun ? ` (dry run: ${editor.wouldChange} page(s) would change)` : ''}`,
    `  problems found  ${sum((r) => r.problems)}${hiddenNote(sum((r) => r.hiddenProblems ?? 0))}`,
    `  time taken      ${seconds.toFixed(1)} s`,
  ];
  for (const r of reports) for (const note of r.notes) lines.push(`  ${r.task}: ${note}`);
  return lines.join('\n');
}

/** Runs tasks as the operator asked, and turns what happened into an exit code. */
export function runTasks(
  names: TaskName[],
  cli: CliValues,
  env: NodeJS.ProcessEnv,
  options: RunOptions = {},
): Promise<number> {
  return runJobs(
    names.map((name) => ({ name, run: TASKS[name].run })),
    cli,
    env,
    options,
  );
}

/** A piece of work with a task's set-up and summary: a task, or a command of its own. */
export interface Job {
  name: string;
  run: (ctx: RunContext) => Promise<TaskReport>;
}

export async function runJobs(
  jobs: readonly Job[],
  cli: CliValues,
  env: NodeJS.ProcessEnv,
  options: RunOptions = {},
): Promise<number> {
  const config = await loadConfig(cli, env);
  const log = createLogger({
    verbose: config.verbose,
    json: env.LETSCONNECT_LOG_FORMAT === 'json',
  });
  // One run at a time on a wiki (bot/run-lock.ts); a dry run writes nothing, so it need not wait.
  let release = () => {};
  const asked = Date.now();
  let waited = false;
  if (!config.dryRun) {
    try {
      release = await holdRunLock(
        runLockPath(config.lockDir, config.apiUrl, config.botName),
        config.lockWaitMinutes * 60_000,
        (owner) => {
          waited = true;
          log.info(
            `Waiting up to ${config.lockWaitMinutes} min for another run on this wiki to finish`,
            owner ? { pid: owner.pid, host: owner.host, since: owner.since } : {},
          );
        },
      );
    } catch (err) {
      if (!(err instanceof RunLockedError)) throw err;
      log.error(err.message);
      return EXIT.LOCKED;
    }
  }
  // The summary's time is the run's own; a wait for another run is said here, once.
  const started = Date.now();
  if (waited)
    log.info(`Waited ${((started - asked) / 1000).toFixed(1)} s for the other run to finish`);
  try {
    return await runLocked(jobs, cli, env, options, config, log, started);
  } finally {
    release();
  }
}

/**
 * The run itself, once it holds the wiki's run lock: logs in, reads the on-wiki settings,
 * runs the jobs in order with one editor (so the shutoff page and the write policy hold for
 * all of them) and prints the summary; `started` is when the lock was taken.
 */
async function runLocked(
  jobs: readonly Job[],
  cli: CliValues,
  env: NodeJS.ProcessEnv,
  options: RunOptions,
  loaded: BotConfig,
  log: Logger,
  started: number,
): Promise<number> {
  let config = loaded;
  const client = await connectBot(config, env);
  const wikiConfig = await readWikiConfig(client, config.botName);
  if (wikiConfig) config = await loadConfig(cli, env, wikiConfig);
  try {
    await ensureShutoffPage(client, config, log);
    const editor = new SafeEditor(client, {
      shutoffPage: shutoffPageTitle(config.botName),
      botName: config.botName,
      dryRun: config.dryRun,
      verbose: config.verbose,
      // With --format json stdout carries only the JSON: diffs go to stderr.
      printDiff: (diff) =>
        (options.format === 'json' ? process.stderr : process.stdout).write(`${diff}\n`),
    });
    const { t } = botMessages('en');
    const ctx: RunContext = {
      config,
      client,
      editor,
      t,
      log,
      now: options.now ?? new Date(),
      format: options.format ?? 'text',
    };
    // The community's translations as the bot last published them, for every task's
    // messages in a participant's language (the directory task checks them again).
    await loadPublishedTranslations(ctx);
    const reports: TaskReport[] = [];
    for (const { name, run } of jobs) {
      log.info(`Task ${name}`);
      try {
        reports.push(await run(ctx));
      } catch (err) {
        // Say which task gave up, after the retries the client already made; tasks done
        // before it keep what they wrote, and a re-run takes up from there.
        if (err instanceof ShutoffError || err instanceof UsageError || !(err instanceof Error))
          throw err;
        const done = reports.map((r) => r.task).join(', ') || 'none';
        throw Object.assign(
          new Error(`task "${name}" gave up (tasks done: ${done}): ${err.message}`),
          { code: (err as { code?: string }).code },
        );
      }
    }
    const summary = formatSummary(
      reports,
      client,
      editor,
      (Date.now() - started) / 1000,
      config.dryRun,
    );
    if (options.format === 'json') console.error(summary);
    else console.log(summary);
    return EXIT.OK;
  } catch (err) {
    if (err instanceof ShutoffError) {
      log.error(err.message);
      return EXIT.SHUTOFF;
    }
    throw err;
  }
}
