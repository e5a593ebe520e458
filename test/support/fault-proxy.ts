/**
 * A fault-injecting HTTP proxy between the bot and a real local wiki (127.0.0.1 only).
 *
 * The bot is pointed at `http://127.0.0.1:<proxy port>/api.php`; every request is forwarded
 * to the wiki, and at a configurable rate (with a seeded PRNG, so a run can be repeated) an
 * API request meets a fault instead:
 *
 * - `5xx`: an HTTP 500/502/503/504 answer, nothing forwarded;
 * - `maxlag`: the API's maxlag error with a Retry-After header, nothing forwarded;
 * - `ratelimited`, `readonly`, `badtoken`: the API's error for an edit, nothing forwarded;
 * - `session`: the session expires: from this request on, the session cookie it carries is
 *   no longer passed on (as if the wiki had forgotten it), so the wiki itself answers
 *   `assertuserfailed` until the bot logs in again and gets a new session;
 * - `editconflict`: before the bot's edit of a talk page is forwarded, the page's owner side
 *   (another account, straight against the wiki) adds a note at its end, so that MediaWiki
 *   itself answers `editconflict` (or `articleexists` for a page the bot meant to create);
 * - `slow`: the request is held for a while, then forwarded;
 * - `drop`: the connection is destroyed mid-request, either before the request reaches the
 *   wiki or after the wiki has done it (the bot cannot tell which: the hardest case).
 *
 * Only API requests (`api.php`) are faulted; with rate 0 it is a plain proxy.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULT_KINDS = [
  '5xx',
  'maxlag',
  'ratelimited',
  'readonly',
  'badtoken',
  'session',
  'editconflict',
  'slow',
  'drop',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
  /** The wiki's origin, e.g. http://127.0.0.1:8088. Must be on 127.0.0.1. */
  target: string;
  /** Probability that an API request meets a fault (0..1). */
  rate?: number;
  seed?: number;
  /** The kinds that may be injected (default: all). */
  kinds?: readonly FaultKind[];
  /** How long a `slow` request is held, in ms. */
  slowMs?: number;
  /** Retry-After sent with `maxlag`, in seconds. */
  retryAfter?: number;
  /**
   * Makes a real conflicting edit to `title` as another account, straight against the wiki
   * (not through the proxy). Without it, no `editconflict` fault is injected.
   */
  interfere?: (title: string) => Promise<void>;
  /**
   * Called for every API request, after it is counted and before it goes on to the wiki (e.g.
   * to kill the bot at the Nth, or at an edit that then still reaches the wiki).
   */
  onApiRequest?: (count: number, params: ReadonlyMap<string, string>) => void;
  /** Only requests this accepts may meet a fault (default: every API request). */
  only?: (params: Map<string, string>) => boolean;
  /** Share of faulted edits that meet an edit's own faults (ratelimited, readonly, …). */
  editShare?: number;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same faults in the same order. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The API parameters of a request: query string and form body (urlencoded or multipart). */
export function apiParams(url: string, headers: http.IncomingHttpHeaders, body: Buffer) {
  const params = new Map<string, string>();
  for (const [k, v] of new URL(url, 'http://127.0.0.1').searchParams) params.set(k, v);
  const type = headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.set(k, v);
  } else if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
    if (boundary) {
      for (const part of body.toString('utf8').split(`--${boundary}`)) {
        const m =
          /^\r\nContent-Disposition: form-data; name="([^"]+)"[^]*?\r\n\r\n([^]*)\r\n$/i.exec(part);
        if (m?.[1] !== undefined && m[2] !== undefined) params.set(m[1], m[2]);
      }
    }
  }
  return params;
}

/** The session cookies (`name=value`) in a Cookie header: MediaWiki's end in `session`. */
function sessionCookies(header: string | undefined): string[] {
  return (header ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter((c) => /^[^=]*session=/i.test(c));
}

const apiError = (code: string, info: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ error: { code, info, ...extra }, servedby: 'fault-proxy' });

export class FaultProxy {
  /** Faults injected so far, by kind. */
  readonly counts: Record<FaultKind, number> = Object.fromEntries(
    FAULT_KINDS.map((k) => [k, 0]),
  ) as Record<FaultKind, number>;
  /** Injected edit conflicts that the wiki itself answered as one (editconflict, articleexists). */
  wikiConflicts = 0;
  /** API requests seen so far. */
  apiRequests = 0;
  rate: number;
  /** Called for every API request, after it is counted (e.g. to kill the bot at the Nth). */
  onApiRequest: ((count: number, params: ReadonlyMap<string, string>) => void) | undefined;
  private random: () => number;
  private readonly server: http.Server;
  private readonly target: URL;
  private kinds: ReadonlySet<FaultKind>;
  /** Session cookies (name=value) the "wiki" has forgotten. */
  private readonly deadSessions = new Set<string>();

  constructor(private readonly options: FaultProxyOptions) {
    this.target = new URL(options.target);
    if (this.target.hostname !== '127.0.0.1')
      throw new Error(`The fault proxy talks to 127.0.0.1 only, not ${this.target.hostname}`);
    this.rate = options.rate ?? 0;
    this.random = seededRandom(options.seed ?? 1);
    this.kinds = new Set(options.kinds ?? FAULT_KINDS);
    this.onApiRequest = options.onApiRequest;
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.handle(req, res, Buffer.concat(chunks)).catch((err: unknown) => {
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`fault proxy: ${err instanceof Error ? err.message : String(err)}`);
        });
      });
    });
  }

  /** Starts listening on 127.0.0.1 (an ephemeral port unless one is given). */
  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api.php`;
  }

  /** A fresh sequence of faults: a new seed and rate, counters kept. */
  reseed(seed: number, rate = this.rate, kinds?: readonly FaultKind[]): void {
    this.random = seededRandom(seed);
    this.rate = rate;
    if (kinds) this.kinds = new Set(kinds);
  }

  get injected(): number {
    return FAULT_KINDS.reduce((n, k) => n + this.counts[k], 0);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Which fault this request meets, by what it asks the wiki to do: edits mostly meet an
   * edit's own faults (they are few among many reads), every request the transport's.
   */
  private pick(params: Map<string, string>, cookie: string | undefined): FaultKind | undefined {
    const action = params.get('action') ?? '';
    const general: FaultKind[] = ['5xx', 'maxlag', 'slow', 'drop'];
    if (action !== 'login' && sessionCookies(cookie).length > 0) general.push('session');
    const edit: FaultKind[] = [];
    if (action === 'edit') {
      edit.push('ratelimited', 'readonly', 'badtoken');
      const title = params.get('title') ?? '';
      if (this.options.interfere && /^User talk:/.test(title))
        edit.push('editconflict', 'editconflict');
    }
    const ofEdit = edit.filter((k) => this.kinds.has(k));
    const ofAll = general.filter((k) => this.kinds.has(k));
    const from =
      ofEdit.length > 0 && (ofAll.length === 0 || this.random() < (this.options.editShare ?? 0.7))
        ? ofEdit
        : ofAll;
    return from[Math.floor(this.random() * from.length)];
  }

  private async handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
  ): Promise<void> {
    const url = req.url ?? '/';
    if (!/\/api\.php(\?|$)/.test(url)) return this.forward(req, res, body);
    this.apiRequests++;
    const params = apiParams(url, req.headers, body);
    this.onApiRequest?.(this.apiRequests, params);
    const cookie = req.headers.cookie;
    if (sessionCookies(cookie).some((c) => this.deadSessions.has(c))) {
      // An expired session: the wiki does not know these cookies any more.
      const alive = (cookie ?? '')
        .split(';')
        .map((c) => c.trim())
        .filter((c) => c !== '' && !this.deadSessions.has(c));
      const headers = { ...req.headers };
      if (alive.length > 0) headers.cookie = alive.join('; ');
      else delete headers.cookie;
      return this.forward(req, res, body, { headers });
    }
    if (this.rate <= 0 || (this.options.only && !this.options.only(params)))
      return this.forward(req, res, body);
    if (this.random() >= this.rate) return this.forward(req, res, body);
    const kind = this.pick(params, cookie);
    if (!kind) return this.forward(req, res, body);
    this.counts[kind]++;
    const json = (text: string, headers: http.OutgoingHttpHeaders = {}) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(text);
    };
    switch (kind) {
      case '5xx': {
        const status = [500, 502, 503, 504][Math.floor(this.random() * 4)]!;
        res.writeHead(status, { 'content-type': 'text/html' });
        res.end(`<html><body>${status}: injected server error</body></html>`);
        return;
      }
      case 'maxlag':
        return json(
          apiError('maxlag', 'Waiting for 127.0.0.1: 7 seconds lagged.', {
            host: '127.0.0.1',
            lag: 7,
            type: 'db',
          }),
          {
            'retry-after': String(this.options.retryAfter ?? 1),
            'x-database-lag': '7',
          },
        );
      case 'ratelimited':
        return json(
          apiError(
            'ratelimited',
            'As an anti-abuse measure, you are limited from performing this action too many times in a short space of time, and you have exceeded this limit. Please try again in a few minutes.',
          ),
        );
      case 'readonly':
        return json(
          apiError('readonly', 'The wiki is currently in read-only mode.', {
            readonlyreason: 'Injected by the fault proxy: database maintenance.',
          }),
        );
      case 'badtoken':
        return json(apiError('badtoken', 'Invalid CSRF token.'));
      case 'session': {
        for (const c of sessionCookies(cookie)) this.deadSessions.add(c);
        const headers = { ...req.headers };
        delete headers.cookie;
        return this.forward(req, res, body, { headers });
      }
      case 'editconflict':
        await this.options.interfere!(params.get('title')!);
        return this.forward(req, res, body, {
          inspect: (answer) => {
            if (/"code":"(editconflict|articleexists)"/.test(answer)) this.wikiConflicts++;
          },
        });
      case 'slow':
        await new Promise((r) => setTimeout(r, this.options.slowMs ?? 1500));
        return this.forward(req, res, body);
      case 'drop':
        if (this.random() < 0.5) {
          req.socket.destroy();
          return;
        }
        return this.forward(req, res, body, { dropAfter: true });
    }
  }

  /** Sends the request on to the wiki and its answer back (or drops it once the wiki is done). */
  private forward(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
    options: {
      headers?: http.IncomingHttpHeaders;
      dropAfter?: boolean;
      inspect?: (answer: string) => void;
    } = {},
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const headers = { ...(options.headers ?? req.headers), host: this.target.host };
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: Number(this.target.port || 80),
          method: req.method,
          path: req.url,
          headers,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('error', reject);
          answer.on('end', () => {
            options.inspect?.(Buffer.concat(chunks).toString('utf8'));
            if (options.dropAfter) {
              // The wiki has done what was asked; the bot never hears of it.
              req.socket.destroy();
            } else {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(chunks));
            }
            resolve();
          });
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}
