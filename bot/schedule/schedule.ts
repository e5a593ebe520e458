import cron from 'node-cron';
import { UsageError } from '../connect';
import { EXIT } from '../exit-codes';
import { createLogger } from '../log';
import { loadConfig, runTasks, TASK_NAMES, type CliValues } from '../runner';

/**
 * `schedule`: runs every task on the configured cron schedule (UTC) until SIGTERM or
 * SIGINT. node-cron's noOverlap skips a tick while a run is still going, so two runs never
 * overlap; on a signal it stops ticking, lets the current run finish, and exits 0.
 */
export async function runSchedule(cli: CliValues, env: NodeJS.ProcessEnv): Promise<number> {
  const config = await loadConfig(cli, env);
  if (!cron.validate(config.schedule))
    throw new UsageError(`schedule is not a valid cron expression: "${config.schedule}"`);
  const log = createLogger({
    verbose: config.verbose,
    json: env.LETSCONNECT_LOG_FORMAT === 'json',
  });
  let current: Promise<void> | null = null;
  let runs = 0;
  const job = async () => {
    runs++;
    log.info('Scheduled run started', { run: runs });
    current = runTasks(TASK_NAMES, cli, env).then(
      (code) => log.info('Scheduled run finished', { run: runs, exitCode: code }),
      (err: unknown) =>
        log.error('Scheduled run failed', {
          run: runs,
          error: err instanceof Error ? err.message : String(err),
        }),
    );
    await current;
    current = null;
  };
  const task = cron.schedule(config.schedule, job, {
    name: 'letsconnect',
    timezone: 'Etc/UTC',
    noOverlap: true,
  });
  log.info(`Scheduled: "${config.schedule}" (UTC). Stop with SIGTERM or Ctrl-C.`);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log.info(`${signal}: stopping after the current run`);
  await task.stop();
  if (current) await current;
  await task.destroy();
  log.info('Stopped', { runs });
  return EXIT.OK;
}
