import type { PageRevision, SaveResult, WikiClient } from '../../../shared/wiki-client';
import { ApiError } from '../../../gadget/api/api-error';

interface StoredPage {
  content: string;
  revid: number;
  user: string;
}

const revisionOf = (title: string, p: StoredPage): PageRevision => ({
  title,
  exists: true,
  revid: p.revid,
  timestamp: '2025-05-01T00:00:00Z',
  user: p.user,
  content: p.content,
});

/**
 * An in-memory wiki with the WikiClient contract: a save based on an old revision is an
 * edit conflict, never an overwrite. `failNextSave` stages a fault the real wiki cannot be
 * made to produce on demand (a dropped connection, a block).
 */
export class FakeWiki implements WikiClient {
  pages = new Map<string, StoredPage>();
  saves: Array<{ title: string; content: string; summary: string; baseRevid: number | null }> = [];
  reads: string[][] = [];
  private nextRevid = 100;
  private fault: ApiError | null = null;

  constructor(private readonly user = 'Tester') {}

  /** Every revision of each page, oldest first. */
  history = new Map<string, StoredPage[]>();

  put(title: string, content: string, user = this.user): number {
    const revid = this.nextRevid++;
    this.pages.set(title, { content, revid, user });
    this.history.set(title, [...(this.history.get(title) ?? []), { content, revid, user }]);
    return revid;
  }

  async readHistory(
    title: string,
    limit: number,
    stopAt: (user: string) => boolean = () => false,
  ): Promise<PageRevision[]> {
    this.reads.push([`history:${title}`]);
    const newest = [...(this.history.get(title) ?? [])].reverse().slice(0, limit);
    const stop = newest.findIndex((p) => stopAt(p.user));
    return newest.slice(0, stop === -1 ? undefined : stop + 1).map((p) => revisionOf(title, p));
  }

  failNextSave(code: string, info = ''): void {
    this.fault = new ApiError(code, info);
  }

  async readPages(titles: readonly string[]): Promise<PageRevision[]> {
    this.reads.push([...titles]);
    return titles.map((title) => {
      const p = this.pages.get(title);
      return p ? revisionOf(title, p) : { title, exists: false };
    });
  }

  async listPages(): Promise<string[]> {
    return [...this.pages.keys()];
  }

  async save(
    title: string,
    content: string,
    summary: string,
    baseRevid: number | null,
  ): Promise<SaveResult> {
    this.saves.push({ title, content, summary, baseRevid });
    if (this.fault) {
      const f = this.fault;
      this.fault = null;
      throw f;
    }
    const current = this.pages.get(title);
    if ((current?.revid ?? null) !== baseRevid) throw new ApiError('editconflict');
    if (current?.content === content) return { title, revid: current.revid, nochange: true };
    return { title, revid: this.put(title, content), nochange: false };
  }
}
