/**
 * A local letsconn for tests, on 127.0.0.1, answering as wikimediabrasil/letsconn does (read at
 * bf9a0e0047ad82e4db4b882338cd79f831fe748f, `enrollments/urls.py` and `views.py`):
 *
 * - `GET /profile/?username=<name>` (profile_view): the `Profile` row as JSON with exactly
 *   `username, username_org, reconciled_affiliation, reconciled_territory,
 *   reconciled_languages, reconciled_projects, reconciled_want_to_learn,
 *   reconciled_want_to_share` (the model's `full_name` and `email` are not in the answer); no
 *   name: 400 `{"error": "Username parameter is required"}`; no record: `get_object_or_404`,
 *   Django's HTML 404 page. No CORS headers.
 * - `GET /exists/?username=<name>` (exist_view): `{"exists": true|false}`, `_` and `+` read as
 *   spaces.
 *
 * Faults on `state.fault`: `5xx`, `slow`, `malformed`, and `email` (the answer carries the
 * model's `email` and `full_name` too, as a changed endpoint might).
 */
import { sendJson, sendNotFound, startFakeServer, type FakeServerState } from './fake-server';

export interface FakeLetsconnRecord {
  username: string;
  affiliation: string | null;
  territory: string | null;
  languages: unknown;
  projects: unknown;
  learn: unknown;
  share: unknown;
  fullName: string;
  email: string;
}

export interface FakeLetsconnState extends FakeServerState {
  records: FakeLetsconnRecord[];
  fault: 'none' | '5xx' | 'slow' | 'malformed' | 'email';
}

export async function startFakeLetsconn(
  port: number,
  records: FakeLetsconnRecord[],
): Promise<{ url: string; state: FakeLetsconnState; stop: () => Promise<void> }> {
  const state: FakeLetsconnState = { records, fault: 'none', slowMs: 0, requests: [] };
  const server = await startFakeServer(
    port,
    state,
    () => state.fault === 'slow',
    (_req, res, url) => {
      if (state.fault === '5xx') {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<html><body>502 Bad Gateway</body></html>');
        return;
      }
      if (state.fault === 'malformed') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"username": "');
        return;
      }
      const username = url.searchParams.get('username');
      if ((url.pathname === '/profile/' || url.pathname === '/exists/') && !username) {
        sendJson(res, 400, { error: 'Username parameter is required' });
      } else if (url.pathname === '/profile/') {
        const r = state.records.find((x) => x.username === username);
        if (!r) sendNotFound(res);
        else
          sendJson(res, 200, {
            username: r.username,
            username_org: null,
            reconciled_affiliation: r.affiliation,
            reconciled_territory: r.territory,
            reconciled_languages: r.languages,
            reconciled_projects: r.projects,
            reconciled_want_to_learn: r.learn,
            reconciled_want_to_share: r.share,
            ...(state.fault === 'email' && { full_name: r.fullName, email: r.email }),
          });
      } else if (url.pathname === '/exists/') {
        const name = (username ?? '').replace(/[+_]/g, ' ');
        sendJson(res, 200, { exists: state.records.some((x) => x.username === name) });
      } else sendNotFound(res);
    },
  );
  return { url: server.url, state, stop: server.stop };
}
