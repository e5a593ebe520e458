/**
 * `letsconnect-bot feed`: runs the calendar feed (server.ts) until SIGTERM or SIGINT. It needs
 * no credentials: it reads one public page through api.php. On Toolforge, `npm start` runs it
 * as the tool's web service (docs/operator.md, "The calendar feed").
 */
import { BOT_VERSION, UsageError } from '../connect';
import { EXIT } from '../exit-codes';
import { createLogger } from '../log';
import { loadConfig, type CliValues } from '../runner';
import { startFeed } from './server';

export interface FeedArgs {
  host?: string;
  port?: number;
  checkSeconds?: number;
}

export async function runFeed(
  cli: CliValues,
  args: FeedArgs,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const config = await loadConfig(cli, env);
  // Toolforge's web service (and most hosts) say the port in PORT.
  const port = args.port ?? (env.PORT ? Number(env.PORT) : 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: not a port number: ${String(args.port ?? env.PORT)}`);
  const checkSeconds = args.checkSeconds ?? 60;
  if (!Number.isFinite(checkSeconds) || checkSeconds < 0)
    throw new UsageError(`--check-seconds: not a number of seconds: ${String(args.checkSeconds)}`);
  const log = createLogger({
    verbose: config.verbose,
    json: env.LETSCONNECT_LOG_FORMAT === 'json',
  });
  const { server, url } = await startFeed({
    apiUrl: config.apiUrl,
    botName: config.botName,
    userAgent: `LetsConnectBot-feed/${BOT_VERSION} (${config.contact}; Let's Connect peer-learning program)`,
    checkSeconds,
    host: args.host ?? '127.0.0.1',
    port,
    log: (message) => log.warn(message),
  });
  log.info(
    `Calendar feed at ${url}/program.ics and ${url}/person/<User name>.ics. Stop with SIGTERM or Ctrl-C.`,
  );
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log.info(`${signal}: stopping the calendar feed`);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return EXIT.OK;
}
