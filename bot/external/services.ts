/**
 * The services beside the wiki, each behind its own polite client (bot/external/http-json.ts)
 * with the bot's User-Agent. `LETSCONNECT_EXTERNAL_TIMEOUT_MS`, `_RETRIES` and `_BACKOFF_MS`
 * in the environment change how long it waits and how often it retries.
 */
import { BOT_VERSION } from '../connect';
import type { RunContext } from '../run-context';
import { CapxClient } from './capx';
import { HTTP_DEFAULTS, HttpJson } from './http-json';
import { LetsconnClient } from './letsconn';

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = Number(env[name]);
  return env[name] !== undefined && env[name] !== '' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

export function externalHttp(ctx: RunContext, service: string, env = process.env): HttpJson {
  return new HttpJson({
    service,
    userAgent: `LetsConnectBot/${BOT_VERSION} (${ctx.config.contact}; Let's Connect peer-learning program)`,
    timeoutMs: number(env, 'LETSCONNECT_EXTERNAL_TIMEOUT_MS', HTTP_DEFAULTS.timeoutMs),
    retries: number(env, 'LETSCONNECT_EXTERNAL_RETRIES', HTTP_DEFAULTS.retries),
    backoffMs: number(env, 'LETSCONNECT_EXTERNAL_BACKOFF_MS', HTTP_DEFAULTS.backoffMs),
    spacingMs: HTTP_DEFAULTS.spacingMs,
    maxBytes: HTTP_DEFAULTS.maxBytes,
    log: ctx.log,
  });
}

/** The Capacity Exchange's client, or null when the operator turned it off. */
export function capxClient(ctx: RunContext): CapxClient | null {
  const url = ctx.config.capxUrl;
  return url === '' ? null : new CapxClient(externalHttp(ctx, 'the Capacity Exchange'), url);
}

export function letsconnClient(ctx: RunContext): LetsconnClient | null {
  const url = ctx.config.letsconnUrl;
  return url === '' ? null : new LetsconnClient(externalHttp(ctx, 'letsconn'), url);
}
