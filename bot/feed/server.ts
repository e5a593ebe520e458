/**
 * The calendar feed: a small web service next to the bot that calendar apps subscribe to.
 * MediaWiki's raw action cannot serve `text/calendar`, so this serves what the clinics task
 * published in `User:<bot>/Calendar.json`, read through api.php without logging in (the page
 * is public). It asks the wiki at most once every `checkSeconds` whether the page changed
 * (one small request), fetches its text only when the revision moved, and keeps each
 * calendar it made by revision, language and scope. Answers carry an ETag and Last-Modified
 * (the revision's), so a calendar app polling an unchanged feed gets a 304. Anything it cannot
 * answer gets a 4xx or 5xx in plain words, never a stack trace.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';
import { feedCalendar } from '../../shared/calendar/feed';
import type { CalendarDocument } from '../../shared/documents/documents';
import { readDocument } from '../../shared/documents/read-document';
import { calendarDataTitle } from '../../shared/pages';
import { botMessages } from '../i18n';
import { FEED_HELP, feedRoute, type FeedRoute } from './routes';

export interface FeedOptions {
  /** The wiki's api.php. */
  apiUrl: string;
  botName: string;
  /** Wikimedia's User-Agent policy: the tool and a contact. */
  userAgent: string;
  /** How long a revision read is trusted before the wiki is asked again. */
  checkSeconds: number;
  /** Logs one line per problem (never to the client). */
  log?: (message: string) => void;
}

interface Published {
  revid: number;
  /** The revision's time, as Last-Modified. */
  modified: Date;
  doc: CalendarDocument;
}

/** A reason the feed cannot be made, with the status and words the client gets. */
class FeedUnavailable extends Error {
  constructor(
    readonly status: 502 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** The published document, read as seldom as `checkSeconds` allows. */
function publishedReader(options: FeedOptions) {
  const title = calendarDataTitle(options.botName);
  let current: Published | null = null;
  let checkedAt = -Infinity;
  let pending: Promise<Published> | null = null;

  async function api(params: Record<string, string>): Promise<unknown> {
    const url = new URL(options.apiUrl);
    const all = { format: 'json', formatversion: '2', maxlag: '5', ...params };
    for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await fetch(url, { headers: { 'User-Agent': options.userAgent } });
    } catch (err) {
      options.log?.(`feed: the wiki did not answer: ${(err as Error).message}`);
      throw new FeedUnavailable(502, 'The wiki could not be reached. Try again later.');
    }
    if (!response.ok) {
      options.log?.(`feed: the wiki answered HTTP ${response.status}`);
      throw new FeedUnavailable(502, 'The wiki did not answer properly. Try again later.');
    }
    return response.json();
  }

  async function read(): Promise<Published> {
    // One small request: has the page moved on since the revision we have?
    const info = (await api({ action: 'query', prop: 'info', titles: title })) as {
      query?: { pages?: Array<{ missing?: boolean; lastrevid?: number }> };
    };
    const page = info.query?.pages?.[0];
    if (!page || page.missing || !page.lastrevid)
      throw new FeedUnavailable(503, 'The bot has not published the calendar yet.');
    if (current && current.revid === page.lastrevid) return current;
    const data = (await api({
      action: 'query',
      prop: 'revisions',
      titles: title,
      rvprop: 'ids|timestamp|content',
      rvslots: 'main',
    })) as {
      query?: {
        pages?: Array<{
          revisions?: Array<{
            revid: number;
            timestamp: string;
            slots?: { main?: { content?: string } };
          }>;
        }>;
      };
    };
    const rev = data.query?.pages?.[0]?.revisions?.[0];
    const read = readDocument(rev?.slots?.main?.content ?? '', 'calendar');
    if (!rev || !read.document) {
      options.log?.(
        `feed: ${title} could not be read (${read.problems.map((p) => p.key).join(', ')})`,
      );
      throw new FeedUnavailable(503, 'The published calendar could not be read.');
    }
    return { revid: rev.revid, modified: new Date(rev.timestamp), doc: read.document };
  }

  return async function published(): Promise<Published> {
    if (current && Date.now() - checkedAt < options.checkSeconds * 1000) return current;
    // Requests arriving together share one look-up.
    pending ??= read()
      .then((p) => {
        current = p;
        checkedAt = Date.now();
        return p;
      })
      .catch((err: unknown) => {
        // The wiki is away: the last calendar read is better than none.
        if (current && err instanceof FeedUnavailable && err.status === 502) return current;
        throw err;
      })
      .finally(() => (pending = null));
    return pending;
  };
}

/** A page's address on the wiki, from its api.php. */
function pageUrl(apiUrl: string): (title: string) => string {
  const index = apiUrl.replace(/api\.php$/, 'index.php');
  return (title) => `${index}?title=${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

function plain(res: http.ServerResponse, status: number, text: string, head: boolean): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(status === 405 && { Allow: 'GET, HEAD' }),
  });
  res.end(head ? undefined : text.endsWith('\n') ? text : `${text}\n`);
}

export function createFeedServer(options: FeedOptions): http.Server {
  const published = publishedReader(options);
  const absoluteUrl = pageUrl(options.apiUrl);
  /** Calendars made from the current revision, by scope and language. */
  const made = new Map<string, { body: string; etag: string }>();
  let madeFrom = 0;

  async function serve(
    route: Extract<FeedRoute, { kind: 'feed' }>,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    const p = await published();
    if (p.revid !== madeFrom) {
      made.clear();
      madeFrom = p.revid;
    }
    const key = `${route.language}|${route.scope.kind === 'person' ? `person:${route.scope.user}` : 'program'}`;
    let cal = made.get(key);
    if (!cal) {
      const body = feedCalendar(p.doc, route.scope, botMessages(route.language).t, absoluteUrl);
      const etag = `"${p.revid}-${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
      cal = { body, etag };
      made.set(key, cal);
    }
    const lastModified = p.modified.toUTCString();
    const headers = {
      ETag: cal.etag,
      'Last-Modified': lastModified,
      'Cache-Control': `public, max-age=${options.checkSeconds}`,
      'Access-Control-Allow-Origin': '*',
    };
    const match = req.headers['if-none-match'];
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    const unchanged =
      match !== undefined
        ? match.split(',').some((m) => m.trim() === cal.etag)
        : !Number.isNaN(since) &&
          Math.floor(p.modified.getTime() / 1000) <= Math.floor(since / 1000);
    if (unchanged) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="letsconnect.ics"',
    });
    res.end(req.method === 'HEAD' ? undefined : cal.body);
  }

  return http.createServer((req, res) => {
    const head = req.method === 'HEAD';
    const route = feedRoute(req.method, req.url);
    if (route.kind === 'refused') return plain(res, route.status, route.message, head);
    if (route.kind === 'index') return plain(res, 200, FEED_HELP, head);
    serve(route, req, res).catch((err: unknown) => {
      if (err instanceof FeedUnavailable) return plain(res, err.status, err.message, head);
      options.log?.(`feed: ${(err as Error).stack ?? String(err)}`);
      plain(res, 500, 'The calendar could not be made. Try again later.', head);
    });
  });
}

/** Starts the feed and resolves once it listens; the address it listens on. */
export async function startFeed(
  options: FeedOptions & { host: string; port: number },
): Promise<{ server: http.Server; url: string }> {
  const server = createFeedServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://${options.host}:${port}` };
}
