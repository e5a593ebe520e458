import type { MwnWikiClient } from '../wiki/mwn-client';

export interface PageInfo {
  title: string;
  lastrevid: number;
  /** Grows with page creation: the order sign-up pages were made in. */
  pageid: number;
}

/**
 * Every page whose title starts with `prefixTitle` (e.g. "R/Participants/") with its latest
 * revision id, following continuation to the end: one request per 5,000 pages (500 without
 * high API limits), no content.
 */
export async function scanPages(client: MwnWikiClient, prefixTitle: string): Promise<PageInfo[]> {
  const title = new client.bot.Title(prefixTitle);
  const responses = await client.bot.continuedQuery(
    {
      action: 'query',
      generator: 'allpages',
      gapnamespace: title.getNamespaceId(),
      gapprefix: title.getMainText(),
      gaplimit: 'max',
      prop: 'info',
    },
    Infinity,
  );
  const out: PageInfo[] = [];
  for (const r of responses) {
    const pages =
      (r.query as { pages?: { title: string; lastrevid: number; pageid: number }[] } | undefined)
        ?.pages ?? [];
    for (const p of pages) out.push({ title: p.title, lastrevid: p.lastrevid, pageid: p.pageid });
  }
  return out.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}
