/**
 * The gadget's WikiClient: mw.Api in the reader's browser, logged in as the reader. Every
 * request asserts the session it expects, so an expired login is reported instead of an
 * edit being saved as an IP address (or, where the wiki makes them, as a new temporary
 * account). Without a named account it saves nothing at all.
 */
import type { PageRevision, SaveResult, WikiClient } from '../../shared/wiki-client';
import { ApiError, NOT_NAMED } from './api-error';

type Params = Record<string, string | number | boolean | string[] | undefined>;

/** The part of mw.Api used here (tests pass a fake with the same shape). */
export interface ApiLike {
  get(params: Params): JQuery.Promise<unknown>;
  postWithEditToken(params: Params): JQuery.Promise<unknown>;
}

type ApiRevision = NonNullable<RevisionPage['revisions']>[number];

const revisionOf = (title: string, rev: ApiRevision): PageRevision => ({
  title,
  exists: true,
  revid: rev.revid,
  timestamp: rev.timestamp,
  user: rev.user ?? '',
  content: rev.slots.main.content ?? '',
});

interface RevisionPage {
  title: string;
  missing?: boolean;
  invalid?: boolean;
  lastrevid?: number;
  revisions?: Array<{
    revid: number;
    timestamp: string;
    user?: string;
    slots: { main: { content?: string } };
  }>;
}

/** The API's limit for titles in one query, for ordinary users. */
const TITLES_PER_REQUEST = 50;

/** mw.Api rejects with (code, answer): keep both, as a real Error. */
function call(promise: JQuery.Promise<unknown>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    promise.then(
      (data: unknown) => resolve(data as Record<string, unknown>),
      (code: unknown, data: unknown) => {
        const info = (data as { error?: { info?: string } } | undefined)?.error?.info;
        reject(new ApiError(typeof code === 'string' ? code : 'http', info ?? ''));
      },
    );
  });
}

export class MwApiWikiClient implements WikiClient {
  /**
   * `assertUser`: the named account the reader is logged in with, or null for a reader who is
   * logged out or on a temporary account (kit/reader.ts): such a client reads but never saves.
   */
  constructor(
    private readonly api: ApiLike,
    private readonly assertUser: string | null,
  ) {}

  private get assert(): Params {
    return this.assertUser === null ? {} : { assert: 'user', assertuser: this.assertUser };
  }

  async readPages(titles: readonly string[]): Promise<PageRevision[]> {
    const out: PageRevision[] = [];
    for (let i = 0; i < titles.length; i += TITLES_PER_REQUEST) {
      const pages = await this.revisions({
        titles: titles.slice(i, i + TITLES_PER_REQUEST) as string[],
      });
      for (const page of pages) {
        const rev = page.revisions?.[0];
        if (page.missing || page.invalid || !rev) out.push({ title: page.title, exists: false });
        else out.push(revisionOf(page.title, rev));
      }
    }
    return out;
  }

  async readHistory(
    title: string,
    limit: number,
    stopAt?: (user: string) => boolean,
  ): Promise<PageRevision[]> {
    if (!stopAt) {
      const [page] = await this.revisions({ titles: title, rvlimit: limit });
      return (page?.revisions ?? []).map((rev) => revisionOf(page?.title ?? title, rev));
    }
    // Authors first (small), then the content of the revisions down to the stop only.
    const [authors] = await this.revisions({ titles: title, rvlimit: limit, rvprop: 'ids|user' });
    const revs = authors?.revisions ?? [];
    if (revs.length === 0) return [];
    const stop = revs.findIndex((r) => stopAt(r.user ?? ''));
    const last = revs[stop === -1 ? revs.length - 1 : stop]!;
    const [page] = await this.revisions({
      titles: title,
      rvlimit: limit,
      rvstartid: revs[0]!.revid,
      rvendid: last.revid,
    });
    return (page?.revisions ?? []).map((rev) => revisionOf(page?.title ?? title, rev));
  }

  /** Revisions with their authors and content (the latest of each title, or `rvlimit` of one). */
  private async revisions(params: Params): Promise<RevisionPage[]> {
    const data = await call(
      this.api.get({
        action: 'query',
        prop: 'revisions',
        rvprop: ['ids', 'timestamp', 'user', 'content'],
        rvslots: 'main',
        formatversion: 2,
        ...params,
      }),
    );
    return (data.query as { pages?: RevisionPage[] } | undefined)?.pages ?? [];
  }

  async listPages(namespace: number, prefix: string): Promise<string[]> {
    const titles: string[] = [];
    let next: Record<string, string> | undefined = {};
    while (next) {
      const data = await call(
        this.api.get({
          action: 'query',
          list: 'allpages',
          apnamespace: namespace,
          apprefix: prefix,
          aplimit: 'max',
          formatversion: 2,
          ...next,
        }),
      );
      const pages = (data.query as { allpages?: Array<{ title: string }> } | undefined)?.allpages;
      titles.push(...(pages ?? []).map((p) => p.title));
      next = data.continue as Record<string, string> | undefined;
    }
    return titles;
  }

  /** The page's latest revision id right now (0 when it does not exist). */
  private async currentRevid(title: string): Promise<number> {
    const data = await call(
      this.api.get({ action: 'query', prop: 'info', titles: title, formatversion: 2 }),
    );
    const page = (data.query as { pages?: RevisionPage[] } | undefined)?.pages?.[0];
    return page && !page.missing ? (page.lastrevid ?? 0) : 0;
  }

  async save(
    title: string,
    content: string,
    summary: string,
    baseRevid: number | null,
  ): Promise<SaveResult> {
    if (this.assertUser === null) throw new ApiError(NOT_NAMED);
    // MediaWiki merges non-overlapping edits made since `baserevid`; a profile must never be
    // merged behind its owner's back, so a page that moved on is a conflict, full stop.
    if ((await this.currentRevid(title)) !== (baseRevid ?? 0)) throw new ApiError('editconflict');
    const params: Params = {
      action: 'edit',
      title,
      text: content,
      summary,
      formatversion: 2,
      ...this.assert,
      ...(baseRevid === null ? { createonly: true } : { baserevid: baseRevid, nocreate: true }),
    };
    const data = await call(this.api.postWithEditToken(params));
    const edit = data.edit as {
      result?: string;
      newrevid?: number;
      nochange?: boolean;
      title?: string;
    };
    if (edit?.result !== 'Success')
      throw new ApiError(String(edit?.result ?? 'unknown').toLowerCase());
    if (edit.nochange) return { title: edit.title ?? title, revid: baseRevid ?? 0, nochange: true };
    return { title: edit.title ?? title, revid: edit.newrevid ?? 0, nochange: false };
  }
}
