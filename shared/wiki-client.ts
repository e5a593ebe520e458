/**
 * The one interface business logic uses to talk to a wiki. Two adapters implement it:
 * `mw.Api` in the gadget (gadget/api/) and `mwn` in the bot (bot/wiki/). Tests use the
 * real local wiki through the bot adapter, or a small fake.
 */

export interface PageRevision {
  title: string;
  /** False when the page does not exist; the other fields are then absent. */
  exists: boolean;
  revid?: number;
  timestamp?: string;
  user?: string;
  content?: string;
}

export interface SaveResult {
  title: string;
  /** The new revision, or the current one when nothing changed. */
  revid: number;
  /** True when the content was identical and no edit was made. */
  nochange: boolean;
}

export interface WikiClient {
  /** Reads the latest revision of each title, batching as the API allows. */
  readPages(titles: readonly string[]): Promise<PageRevision[]>;
  /**
   * The newest revisions of `title` (at most `limit`), newest first, with their authors and
   * content; with `stopAt`, only down to and including the newest one by a user it accepts
   * (the gadget checks who made a round page's changes since the bot's last edit with it, and
   * downloads only those revisions' content). Optional: the bot reads histories its own way.
   */
  readHistory?(
    title: string,
    limit: number,
    stopAt?: (user: string) => boolean,
  ): Promise<PageRevision[]>;
  /** Lists every page title starting with `prefix` in `namespace`, following continuation to the end. */
  listPages(namespace: number, prefix: string): Promise<string[]>;
  /**
   * Saves `content` to `title` only if the page is still at `baseRevid` (null: the page
   * must not exist yet). Rejects with an `editconflict` error otherwise: never overwrites.
   */
  save(
    title: string,
    content: string,
    summary: string,
    baseRevid: number | null,
  ): Promise<SaveResult>;
}
