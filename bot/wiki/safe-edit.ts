import { createTwoFilesPatch } from 'diff';
import { SHUTOFF_RUNNING } from '../../shared/program';
import type { PageRevision } from '../../shared/wiki-client';
import { botMayPost } from './bots-template';
import { EditConflictError, ShutoffError } from './errors';
import type { MwnWikiClient } from './mwn-client';
import { normalizeTitle } from './write-policy';

export interface SafeEditorOptions {
  /** The emergency shutoff page: every write first checks it says "running". */
  shutoffPage: string;
  botName: string;
  /** Print the diff of every page that would change; write nothing. */
  dryRun: boolean;
  /** Where dry-run diffs go (stdout in the CLI). */
  printDiff: (diff: string) => void;
  /** Edit conflicts tolerated per edit before giving up (a fresh budget for each edit). */
  conflictRetries?: number;
}

export type EditStatus = 'saved' | 'unchanged' | 'skipped' | 'excluded' | 'dry-run';

export interface EditOutcome {
  title: string;
  status: EditStatus;
  revid?: number;
}

/**
 * The one way the bot changes a page: read the page and the shutoff page in one request,
 * stop if the shutoff page says so, honour {{bots}}/{{nobots}} on talk pages, compute the
 * new text from the current one, skip unchanged text, and save against the revision read.
 * On an edit conflict it reads again and recomputes, with a fresh budget for every edit.
 */
export class SafeEditor {
  /** Pages a dry run found would change. */
  wouldChange = 0;

  constructor(
    readonly client: MwnWikiClient,
    private readonly options: SafeEditorOptions,
  ) {}

  /** Throws ShutoffError unless the shutoff page exists and says "running". */
  checkShutoff(shutoff: PageRevision | undefined): void {
    if (!shutoff?.exists) {
      throw new ShutoffError(
        `The shutoff page ${this.options.shutoffPage} does not exist: create it with the text "${SHUTOFF_RUNNING}".`,
      );
    }
    if (shutoff.content?.trim() !== SHUTOFF_RUNNING) {
      throw new ShutoffError(
        `The shutoff page ${this.options.shutoffPage} no longer says "${SHUTOFF_RUNNING}": stopping before any further write.`,
      );
    }
  }

  /**
   * `transform` gets the current page (exists: false for a new one) and returns the text it
   * should have, or null to leave it alone. `talkPage` marks a message to a person: the
   * page's {{bots}}/{{nobots}} decide whether it may be left.
   */
  async edit(
    title: string,
    transform: (current: PageRevision) => string | null | Promise<string | null>,
    summary: string,
    options: { talkPage?: boolean } = {},
  ): Promise<EditOutcome> {
    const retries = this.options.conflictRetries ?? 3;
    for (let attempt = 0; attempt <= retries; attempt++) {
      const pages = await this.client.readPages([title, this.options.shutoffPage]);
      const byTitle = (t: string) =>
        pages.find((p) => normalizeTitle(p.title) === normalizeTitle(t));
      this.checkShutoff(byTitle(this.options.shutoffPage));
      const current = byTitle(title) ?? { title, exists: false };
      if (
        options.talkPage &&
        current.exists &&
        !botMayPost(current.content ?? '', this.options.botName)
      ) {
        return { title, status: 'excluded' };
      }
      const next = await transform(current);
      if (next === null) return { title, status: 'skipped' };
      if (current.exists && (current.content ?? '').trimEnd() === next.trimEnd()) {
        return { title, status: 'unchanged', revid: current.revid };
      }
      if (this.options.dryRun) {
        this.options.printDiff(
          createTwoFilesPatch(
            title,
            title,
            current.content ?? '',
            next,
            current.exists ? `r${current.revid}` : '(new page)',
            '(would be saved)',
          ),
        );
        this.wouldChange++;
        return { title, status: 'dry-run' };
      }
      try {
        const saved = await this.client.save(
          title,
          next,
          summary,
          current.exists ? (current.revid ?? null) : null,
        );
        return { title, status: saved.nochange ? 'unchanged' : 'saved', revid: saved.revid };
      } catch (err) {
        if (err instanceof EditConflictError) {
          if (attempt === retries) throw err;
          continue;
        }
        // Name the page: "contenttoobig" alone does not tell the operator where.
        const message = err instanceof Error ? err.message : String(err);
        throw Object.assign(new Error(`Could not save "${title}": ${message}`), { code: (err as { code?: string }).code });
      }
    }
    throw new EditConflictError(title);
  }
}
