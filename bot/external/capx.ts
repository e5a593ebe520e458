/**
 * The Capacity Exchange's public read API, as wikimediabrasil/capx-backend serves it (read at
 * b29bf2f4, release 2.2.27): no token for reads (`IsAuthenticatedOrReadOnly`).
 *
 * - `GET /users/?user__username=<name>`: `UsersViewSet`, a django-filter exact match,
 *   paginated by `LimitOffsetPagination` (`{count, next, previous, results}`, 50 a page); each
 *   result is `ProfileSerializer` (`fields = "__all__"`, with the nested `user` holding
 *   `email`), capacities as Skill row ids in `skills_known`, `skills_available` (a subset of
 *   known) and `skills_wanted`, and `last_update` (auto_now). A user without a CapX profile is
 *   an empty page, not a 404.
 * - `GET /list/skills/`: `QuickListViewSet`, `{ "<skill id>": "<skill_wikidata_item>" }` for
 *   every skill, not paginated.
 *
 * Only the fields this program uses are read out of an answer; the rest (the email, the bio,
 * the contact and social lists, everything else) is never kept.
 */
import { QID } from '../../shared/capx/capacity-map';
import { ExternalServiceError, type HttpJson } from './http-json';

export interface CapxProfile {
  username: string;
  /** Skill row ids the person can share ("available") and wants to learn ("wanted"). */
  available: number[];
  wanted: number[];
  /** CapX's `last_update`, as it gives it. */
  updated: string;
}

const ids = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((v): v is number => Number.isInteger(v)) : [];

export class CapxClient {
  constructor(
    private readonly http: HttpJson,
    private readonly baseUrl: string,
  ) {}

  private url(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  private fail(url: string, reason: string): never {
    throw new ExternalServiceError(this.http.options.service, url, reason);
  }

  /** Skill row id → QID, for every capacity CapX has. */
  async skills(): Promise<Map<number, string>> {
    const url = this.url('/list/skills/');
    const { status, body } = await this.http.get(url);
    if (status !== 200 || typeof body !== 'object' || body === null || Array.isArray(body))
      this.fail(url, `unexpected answer (HTTP ${status})`);
    const out = new Map<number, string>();
    for (const [id, qid] of Object.entries(body as Record<string, unknown>)) {
      if (/^\d+$/.test(id) && typeof qid === 'string' && QID.test(qid.trim()))
        out.set(Number(id), qid.trim());
    }
    return out;
  }

  /** A person's capacities, or null when they have no CapX profile. */
  async profile(username: string): Promise<CapxProfile | null> {
    const url = this.url(`/users/?user__username=${encodeURIComponent(username)}`);
    const { status, body } = await this.http.get(url);
    const page = body as { results?: unknown } | null;
    if (status !== 200 || !page || !Array.isArray(page.results))
      this.fail(url, `unexpected answer (HTTP ${status})`);
    for (const result of page.results as unknown[]) {
      if (typeof result !== 'object' || result === null) continue;
      const r = result as Record<string, unknown>;
      const user = r.user as { username?: unknown } | null | undefined;
      // The filter is an exact match, but a result for someone else is never taken.
      if (user?.username !== username) continue;
      return {
        username,
        available: ids(r.skills_available),
        wanted: ids(r.skills_wanted),
        updated: typeof r.last_update === 'string' ? r.last_update : '',
      };
    }
    return null;
  }
}
