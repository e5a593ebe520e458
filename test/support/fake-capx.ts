/**
 * A local Capacity Exchange for tests, on 127.0.0.1, answering as wikimediabrasil/capx-backend
 * does (read at b29bf2f42cd256c755a831b8df42f437384ef4d5, release 2.2.27):
 *
 * - `GET /users/` (`UsersViewSet`, CapX/urls.py `router.register('users', …)`): filter
 *   `user__username` (exact), `LimitOffsetPagination` with PAGE_SIZE 50 (`limit`, `offset`;
 *   `{count, next, previous, results}`, `next`/`previous` absolute URLs or null), each result
 *   `ProfileSerializer` with `fields = "__all__"`: the nested `user` (`id, username, email,
 *   is_staff, is_active, date_joined`), `is_manager`, `last_login`, `badges`, `language`
 *   (`[{id, proficiency}]`), the model's fields (`about`, `contact`, … `skills_known`,
 *   `skills_available`, `skills_wanted` as Skill row ids, `last_update`). An unknown user is
 *   an empty page.
 * - `GET /users/<id>/`: one profile, or 404 `{"detail": "No Profile matches the given query."}`.
 * - `GET /list/skills/` (`QuickListViewSet.retrieve`): `{ "<id>": "<skill_wikidata_item>" }`.
 * - `GET /skill/` (`SkillViewSet`): paginated `{id, skill_wikidata_item, skill_type}`.
 * - Writes without a token: 401 `{"detail": "Authentication credentials were not provided."}`
 *   (`IsAuthenticatedOrReadOnly` with knox); an unknown path: Django's HTML 404 page.
 *
 * Faults, set on `state.fault` between requests: `5xx` (HTML 503 for the next `faultCount`
 * requests, -1: all), `slow` (answers after `slowMs`), `malformed` (a 200 with cut-off JSON).
 */
import { sendJson, sendNotFound, startFakeServer, type FakeServerState } from './fake-server';

export interface FakeCapxUser {
  id: number;
  username: string;
  email: string;
  about: string;
  known: number[];
  available: number[];
  wanted: number[];
  lastUpdate: string;
}

export interface FakeCapxState extends FakeServerState {
  users: FakeCapxUser[];
  /** Skill row id → QID and parent id. */
  skills: Array<{ id: number; qid: string; parent: number | null }>;
  fault: 'none' | '5xx' | 'slow' | 'malformed';
  faultCount: number;
}

const PAGE_SIZE = 50;

function serialise(u: FakeCapxUser) {
  return {
    id: u.id,
    user: {
      id: u.id,
      username: u.username,
      email: u.email,
      is_staff: false,
      is_active: true,
      date_joined: '2024-03-01T12:00:00Z',
    },
    is_manager: [],
    last_login: null,
    badges: [],
    language: [{ id: 1, proficiency: '3' }],
    display_name: u.username,
    pronoun: '',
    about: u.about,
    wikidata_qid: '',
    wiki_alt: '',
    team: '',
    contact: [{ display_name: 'Email', value: u.email }],
    social: null,
    last_update: u.lastUpdate,
    automated_lets_connect: null,
    avatar: null,
    about_language: null,
    territory: [],
    affiliation: [],
    wikimedia_project: [],
    skills_known: u.known,
    skills_available: u.available,
    skills_wanted: u.wanted,
  };
}

/** DRF's LimitOffsetPagination, with its absolute next/previous links. */
function paginate<T>(url: URL, base: string, items: T[]) {
  const limit = Math.max(1, Number(url.searchParams.get('limit') ?? PAGE_SIZE) || PAGE_SIZE);
  const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
  const link = (o: number) => {
    const u = new URL(url.pathname + url.search, base);
    u.searchParams.set('limit', String(limit));
    if (o > 0) u.searchParams.set('offset', String(o));
    else u.searchParams.delete('offset');
    return u.toString();
  };
  return {
    count: items.length,
    next: offset + limit < items.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    results: items.slice(offset, offset + limit),
  };
}

export async function startFakeCapx(
  port: number,
  initial: Pick<FakeCapxState, 'users' | 'skills'>,
): Promise<{ url: string; state: FakeCapxState; stop: () => Promise<void> }> {
  const state: FakeCapxState = {
    ...initial,
    fault: 'none',
    faultCount: -1,
    slowMs: 0,
    requests: [],
  };
  const server = await startFakeServer(
    port,
    state,
    () => state.fault === 'slow',
    (req, res, url, base) => {
      if (state.fault === '5xx' && state.faultCount !== 0) {
        if (state.faultCount > 0) state.faultCount--;
        res.writeHead(503, { 'Content-Type': 'text/html' });
        res.end('<html><body><h1>503 Service Unavailable</h1></body></html>');
        return;
      }
      if (state.fault === 'malformed') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"count": 1, "next": null, "results": [{"id": 3, "user": {"username": ');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 401, { detail: 'Authentication credentials were not provided.' });
        return;
      }
      const one = /^\/users\/(\d+)\/$/.exec(url.pathname);
      if (url.pathname === '/users/') {
        const name = url.searchParams.get('user__username');
        const users = state.users.filter((u) => name === null || u.username === name);
        sendJson(res, 200, paginate(url, base, users.map(serialise)));
      } else if (one) {
        const user = state.users.find((u) => u.id === Number(one[1]));
        if (user) sendJson(res, 200, serialise(user));
        else sendJson(res, 404, { detail: 'No Profile matches the given query.' });
      } else if (url.pathname === '/list/skills/') {
        sendJson(res, 200, Object.fromEntries(state.skills.map((s) => [String(s.id), s.qid])));
      } else if (url.pathname === '/skill/') {
        const skills = state.skills.map((s) => ({
          id: s.id,
          skill_wikidata_item: s.qid,
          skill_type: s.parent,
        }));
        sendJson(res, 200, paginate(url, base, skills));
      } else sendNotFound(res);
    },
  );
  return { url: server.url, state, stop: server.stop };
}

/** CapX's seven top capacities (ids and QIDs as its front end showed them) and a few more. */
export const FAKE_SKILLS: FakeCapxState['skills'] = [
  { id: 10, qid: 'Q759524', parent: null },
  { id: 12, qid: 'Q8054', parent: 10 },
  { id: 36, qid: 'Q11024', parent: null },
  { id: 47, qid: 'Q202833', parent: 36 },
  { id: 50, qid: 'Q60231731', parent: null },
  { id: 56, qid: 'Q28837578', parent: null },
  { id: 65, qid: 'Q1413287', parent: null },
  { id: 74, qid: 'Q30673599', parent: null },
  { id: 106, qid: 'Q11016', parent: null },
  { id: 109, qid: 'Q5398163', parent: 106 },
  { id: 113, qid: 'Q2013', parent: 109 },
];
