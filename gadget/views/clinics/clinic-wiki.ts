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
