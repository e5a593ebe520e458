/**
 * Reading JSON from services beside the wiki (the Capacity Exchange, letsconn), politely:
 * a User-Agent with the operator's contact (as Wikimedia's policy asks of every client), one
 * request at a time with a pause between them, retries with backoff on 5xx, 429 (honouring
 * Retry-After), time-outs and dropped connections, answers of a run cached by URL, and a size
 * limit. Every failure after the retries is an ExternalServiceError, which callers turn into
 * a reported problem: a service beside the wiki never fails a run.
 */
import type { Logger } from '../log';

export class ExternalServiceError extends Error {
  constructor(
    readonly service: string,
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${service}: ${reason} (${url})`);
    this.name = 'ExternalServiceError';
  }
}

export interface HttpJsonOptions {
  service: string;
  userAgent: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  /** First backoff; doubled each retry. */
  backoffMs: number;
  /** Pause between two requests. */
  spacingMs: number;
  /** Larger answers are refused. */
  maxBytes: number;
  log?: Logger;
}

export interface JsonAnswer {
  status: number;
  /** The parsed body of a 2xx answer; null for other statuses (their body is not trusted). */
  body: unknown;
}

export const HTTP_DEFAULTS = {
  timeoutMs: 20_000,
  retries: 3,
  backoffMs: 1_000,
  spacingMs: 200,
  maxBytes: 5_000_000,
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds (an HTTP date is not worth the parsing here), capped at a minute. */
function retryAfterMs(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Math.min(Number(header) * 1000, 60_000);
}

export class HttpJson {
  private readonly cache = new Map<string, JsonAnswer>();
  private last = 0;
  requests = 0;

  constructor(readonly options: HttpJsonOptions) {}

  /** GET a URL's JSON: a 2xx answer parsed, or any 4xx status as it is; anything else throws. */
  async get(url: string): Promise<JsonAnswer> {
    const cached = this.cache.get(url);
    if (cached) return cached;
    const { retries, backoffMs, service } = this.options;
    let reason = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) this.options.log?.warn(`${service}: ${reason}; retrying`, { url, attempt });
      let wait = backoffMs * 2 ** attempt;
      try {
        const answer = await this.attempt(url);
        if (answer.status < 500 && answer.status !== 429) {
          this.cache.set(url, answer);
          return answer;
        }
        reason = `HTTP ${answer.status}`;
        wait = answer.retryAfter ?? wait;
      } catch (err) {
        if (err instanceof ExternalServiceError) throw err;
        reason =
          (err as Error).name === 'AbortError' ? 'no answer in time' : (err as Error).message;
      }
      if (attempt < retries) await sleep(wait);
    }
    throw new ExternalServiceError(service, url, `${reason} after ${retries + 1} attempts`);
  }

  private async attempt(url: string): Promise<JsonAnswer & { retryAfter: number | null }> {
    const { userAgent, timeoutMs, spacingMs, maxBytes, service } = this.options;
    const gap = this.last + spacingMs - Date.now();
    if (gap > 0) await sleep(gap);
    this.requests++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(url, {
        headers: { 'User-Agent': userAgent, Accept: 'application/json' },
        signal: controller.signal,
        redirect: 'follow',
      });
      const length = Number(res.headers.get('content-length') ?? 0);
      if (length > maxBytes) {
        await res.body?.cancel();
        throw new ExternalServiceError(service, url, `answer too large (${length} bytes)`);
      }
      const text = await res.text();
      const retryAfter = retryAfterMs(res.headers.get('retry-after'));
      if (!res.ok) return { status: res.status, body: null, retryAfter };
      if (text.length > maxBytes)
        throw new ExternalServiceError(service, url, `answer too large (${text.length} bytes)`);
      try {
        return { status: res.status, body: JSON.parse(text) as unknown, retryAfter };
      } catch {
        throw new ExternalServiceError(service, url, 'the answer is not JSON');
      }
    } finally {
      clearTimeout(timer);
      this.last = Date.now();
    }
  }
}
