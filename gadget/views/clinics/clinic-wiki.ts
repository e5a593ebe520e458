/**
 * What the clinic views read beyond the WikiClient: every subpage of a clinic (sign-ups,
 * feedback) with its page id, latest editor and text, in as few requests as the API allows.
 * Page ids say who signed up first (see shared/clinics/roster.ts).
 */
import type { WikiClient } from '../../../shared/wiki-client';
import { type ApiLike, ApiError } from '../../api';

export interface Subpage {
  title: string;
  pageid: number;
  revid: number;
  /** The latest revision's author. */
  user: string;
  content: string;
}

export interface ClinicWiki extends WikiClient {
  /** Every page whose title starts with `prefix` (a full title, namespace included). */
  readSubpages(prefix: string): Promise<Subpage[]>;
}

interface GeneratedPage {
  pageid?: number;
  title: string;
  revisions?: Array<{ revid: number; user?: string; slots: { main: { content?: string } } }>;
}

/** `Grants:Knowledge Sharing/…` → namespace 200 and `Knowledge Sharing/…`, from the wiki's own table. */
export function splitNamespace(
  title: string,
  namespaceIds: Record<string, number>,
): { namespace: number; text: string } {
  const colon = title.indexOf(':');
  if (colon > 0) {
    const ns = namespaceIds[title.slice(0, colon).toLowerCase().replace(/ /g, '_')];
    if (ns !== undefined) return { namespace: ns, text: title.slice(colon + 1) };
  }
  return { namespace: 0, text: title };
}

/** Adds `readSubpages` to the gadget's WikiClient: one generator query, followed to its end. */
export function withSubpages(
  client: WikiClient,
  api: ApiLike,
  namespaceIds: Record<string, number>,
): ClinicWiki {
  const readSubpages = async (prefix: string): Promise<Subpage[]> => {
    const { namespace, text } = splitNamespace(prefix, namespaceIds);
    const byId = new Map<number, Subpage>();
    let next: Record<string, string> | undefined = {};
    while (next) {
      const data = await new Promise<Record<string, unknown>>((resolve, reject) =>
        api
          .get({
            action: 'query',
            generator: 'allpages',
            gapnamespace: namespace,
            gapprefix: text,
            gaplimit: 50,
            prop: 'revisions',
            rvprop: ['ids', 'user', 'content'],
            rvslots: 'main',
            formatversion: 2,
            ...next,
          })
          .then(
            (d: unknown) => resolve(d as Record<string, unknown>),
            (code: unknown) => reject(new ApiError(typeof code === 'string' ? code : 'http')),
          ),
      );
      const pages = (data.query as { pages?: GeneratedPage[] } | undefined)?.pages ?? [];
      for (const page of pages) {
        const rev = page.revisions?.[0];
        if (page.pageid === undefined || !rev || rev.slots.main.content === undefined) continue;
        byId.set(page.pageid, {
          title: page.title,
          pageid: page.pageid,
          revid: rev.revid,
          user: rev.user ?? '',
          content: rev.slots.main.content,
        });
      }
      next = data.continue as Record<string, string> | undefined;
    }
    return [...byId.values()].sort((a, b) => a.pageid - b.pageid);
  };
  return {
    readPages: (titles) => client.readPages(titles),
    listPages: (namespace, prefix) => client.listPages(namespace, prefix),
    save: (title, content, summary, baseRevid) => client.save(title, content, summary, baseRevid),
    readSubpages,
  };
}

/** Named accounts on the wiki, for the clinic form's sharers. */
export interface AccountLookup {
  /** Up to ten existing accounts whose names begin with `prefix`. */
  search(prefix: string): Promise<string[]>;
  /** Which of `names` are not existing accounts (as the wiki spells them). */
  missing(names: readonly string[]): Promise<string[]>;
}

function apiGet(api: ApiLike, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) =>
    api.get({ formatversion: 2, ...params }).then(
      (d: unknown) => resolve(d as Record<string, unknown>),
      (code: unknown) => reject(new ApiError(typeof code === 'string' ? code : 'http')),
    ),
  );
}

/** `list=allusers` for the menu; `list=users` to check names before saving. */
export function accountLookup(api: ApiLike): AccountLookup {
  return {
    async search(prefix) {
      const data = await apiGet(api, {
        action: 'query',
        list: 'allusers',
        auprefix: prefix.charAt(0).toUpperCase() + prefix.slice(1),
        aulimit: 10,
      });
      const users = (data.query as { allusers?: Array<{ name: string }> } | undefined)?.allusers;
      return (users ?? []).map((u) => u.name);
    },
    async missing(names) {
      if (names.length === 0) return [];
      const data = await apiGet(api, { action: 'query', list: 'users', ususers: names.join('|') });
      const users = (
        data.query as
          { users?: Array<{ name: string; missing?: boolean; invalid?: boolean }> } | undefined
      )?.users;
      return (users ?? []).filter((u) => u.missing || u.invalid).map((u) => u.name);
    },
  };
}
