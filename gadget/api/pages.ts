/**
 * Reading and saving a wiki page from a view, the one way every view does it: a page is read
 * with the revision a save must be based on, and a save based on that revision that meets an
 * edit conflict reads the page again and re-applies the same edit to the new text (so nothing
 * of the reader's or of the other person's is lost), a few times at most.
 */
import type { PageRevision, WikiClient } from '../../shared/wiki-client';
import { errorCode, failureKind, type FailureKind } from './api-error';

/** A page as read: its text and the revision a save must be based on (null: it does not exist). */
export interface PageState {
  title: string;
  text: string;
  revid: number | null;
}

/** Reads and retries after an edit conflict: a busy page settles within a few. */
export const SAVE_ATTEMPTS = 3;

/** A read or save that did not happen: what kind of failure, and the API's code for it. */
export type Failed = { kind: 'failed'; failure: FailureKind; code: string };

export const failed = (err: unknown): Failed => ({
  kind: 'failed',
  failure: failureKind(err),
  code: errorCode(err),
});

export { canonicalUser, sameUser } from '../../shared/accounts';

export const sameTitle = (a: string, b: string): boolean =>
  a.replace(/_/g, ' ') === b.replace(/_/g, ' ');

/** The page called `title` among pages read together, if the API returned it. */
export function pageNamed(pages: readonly PageRevision[], title: string): PageRevision | undefined {
  return pages.find((p) => sameTitle(p.title, title));
}

export function pageState(title: string, page: PageRevision | undefined): PageState {
  return page?.exists
    ? { title, text: page.content ?? '', revid: page.revid ?? null }
    : { title, text: '', revid: null };
}

/** The latest revision of `title`, as a page state (for reading again after a conflict). */
export async function readPage(client: WikiClient, title: string): Promise<PageState> {
  return pageState(title, pageNamed(await client.readPages([title]), title));
}

/**
 * Writes `text` (computed from `page` by `edit`) based on `page`'s revision; on an edit
 * conflict reads the page again and calls `edit` again on the new text, up to SAVE_ATTEMPTS.
 * `edit` returns `{ stop }` to give up without saving, saying why.
 */
export async function saveWithRetry<T>(
  client: WikiClient,
  first: PageState,
  summary: string,
  edit: (page: PageState) => { text: string } | { stop: T },
): Promise<{ saved: PageState } | { stop: T } | Failed> {
  let page = first;
  for (let attempt = 1; ; attempt++) {
    const next = edit(page);
    if ('stop' in next) return next;
    try {
      const result = await client.save(page.title, next.text, summary, page.revid);
      return { saved: { title: page.title, text: next.text, revid: result.revid } };
    } catch (err) {
      if (failureKind(err) !== 'conflict' || attempt >= SAVE_ATTEMPTS) return failed(err);
    }
    try {
      page = await readPage(client, page.title);
    } catch (err) {
      return failed(err);
    }
  }
}
