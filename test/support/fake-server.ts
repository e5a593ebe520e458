/**
 * What the local stand-ins for services beside the wiki share (test/support/fake-capx.ts,
 * fake-letsconn.ts): a server on 127.0.0.1 that records each request and its User-Agent,
 * answers slowly on demand, and stops cleanly.
 */
import http from 'node:http';

export interface FakeServerState {
  slowMs: number;
  /** Every request: path with query, and its User-Agent. */
  requests: Array<{ path: string; userAgent: string }>;
}

/** Django's 404 page with DEBUG off, as both services send it for an unknown path or record. */
export const DJANGO_NOT_FOUND_HTML =
  '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n';

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', Vary: 'Accept, Cookie' });
  res.end(JSON.stringify(body));
}

export function sendNotFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/html' });
  res.end(DJANGO_NOT_FOUND_HTML);
}

/** Port 0: the system chooses. `slow()` says whether to answer after `state.slowMs`. */
export async function startFakeServer(
  port: number,
  state: FakeServerState,
  slow: () => boolean,
  answer: (req: http.IncomingMessage, res: http.ServerResponse, url: URL, base: string) => void,
): Promise<{ url: string; stop: () => Promise<void> }> {
  let base = `http://127.0.0.1:${port}`;
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    state.requests.push({
      path: url.pathname + url.search,
      userAgent: req.headers['user-agent'] ?? '',
    });
    if (!slow()) {
      answer(req, res, url, base);
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer(req, res, url, base);
    }, state.slowMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: base,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
