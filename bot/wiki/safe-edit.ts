import { redactPrivate } from '../../shared/privacy/redact';
import { SHUTOFF_RUNNING } from '../../shared/program';
import type { PageRevision } from '../../shared/wiki-client';
import { botMayPost } from './bots-template';
import { dryRunDiff } from './dry-run-diff';
import { EditConflictError, ShutoffError } from './errors';
import type { MwnWikiClient } from './mwn-client';
import { normalizeTitle, talkPageOwner } from './write-policy';

export interface SafeEditorOptions {
  /** The emergency shutoff page: every write first checks it says "running". */
  shutoffPage: string;
  botName: string;
  /** Print the diff of every page that would change; write nothing. */
  dryRun: boolean;
  /** Where dry-run diffs go (stdout in the CLI). */
  printDiff: (diff: string) => void;
  /** Dry runs print the full diff of JSON documents too, not only what changes in them. */
  verbose?: boolean;
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
    transform: Transform,
    summary: string,
    options: { talkPage?: boolean } = {},
  ): Promise<EditOutcome> {
    const retries = this.options.conflictRetries ?? 3;
    for (let attempt = 0; attempt <= retries; attempt++) {
      const pages = await this.client.readPages([title, this.options.shutoffPage]);
      this.checkShutoff(find(pages, this.options.shutoffPage));
      const outcome = await this.apply(
        find(pages, title) ?? { title, exists: false },
        transform,
        summary,
        options,
      );
      if (outcome !== 'conflict') return outcome;
    }
    throw new EditConflictError(title);
  }

  /**
   * Many pages at once, for a task that rewrites its outputs: one batched read of them all
   * (a run where nothing changed costs that one request), then a save for each page that
   * changes, each after checking the shutoff page again. A conflict falls back to edit().
   */
  async editMany(
    items: ReadonlyArray<{ title: string; transform: Transform }>,
    summary: string,
  ): Promise<EditOutcome[]> {
    const pages = await this.client.readPages([
      ...items.map((i) => i.title),
      this.options.shutoffPage,
    ]);
    this.checkShutoff(find(pages, this.options.shutoffPage));
    let shutoffFresh = true;
    const outcomes: EditOutcome[] = [];
    for (const item of items) {
      const current = find(pages, item.title) ?? { title: item.title, exists: false };
      const outcome = await this.apply(current, item.transform, summary, {}, async () => {
        if (!shutoffFresh)
          this.checkShutoff((await this.client.readPages([this.options.shutoffPage]))[0]);
        shutoffFresh = false;
      });
      outcomes.push(
        outcome === 'conflict' ? await this.edit(item.title, item.transform, summary) : outcome,
      );
    }
    return outcomes;
  }

  /** Computes the new text for `current` and saves it if it differs; 'conflict' if someone edited in between. */
  private async apply(
    current: PageRevision,
    transform: Transform,
    summary: string,
    options: { talkPage?: boolean },
    beforeSave: () => Promise<void> = async () => undefined,
  ): Promise<EditOutcome | 'conflict'> {
    const { title } = current;
    if (
      options.talkPage &&
      current.exists &&
      !botMayPost(current.content ?? '', this.options.botName)
    ) {
      return { title, status: 'excluded' };
    }
    // A temporary account is never messaged (the client refuses it too, as a last line).
    const owner = options.talkPage ? talkPageOwner(title) : null;
    if (owner !== null && (await this.client.isTemporaryAccount(owner))) {
      return { title, status: 'excluded' };
    }
    const computed = await transform(current);
    if (computed === null) return { title, status: 'skipped' };
    // A talk page holds other people's words: only the bot's own pages are filtered (its
    // messages are built from the published directory, already free of addresses).
    const next = options.talkPage ? computed : redactPrivate(computed);
    if (current.exists && (current.content ?? '').trimEnd() === next.trimEnd()) {
      return { title, status: 'unchanged', revid: current.revid };
    }
    if (this.options.dryRun) {
      this.options.printDiff(
        dryRunDiff(title, current.exists ? (current.content ?? '') : null, next, {
          revid: current.revid,
          verbose: this.options.verbose ?? false,
        }),
      );
      this.wouldChange++;
      return { title, status: 'dry-run' };
    }
    await beforeSave();
    try {
      const saved = await this.client.save(
        title,
        next,
        summary,
        current.exists ? (current.revid ?? null) : null,
        options.talkPage ? 'user-talk-message' : 'page',
      );
      return { title, status: saved.nochange ? 'unchanged' : 'saved', revid: saved.revid };
    } catch (err) {
      if (err instanceof EditConflictError) return 'conflict';
      // Name the page: "contenttoobig" alone does not tell the operator where.
      const message = err instanceof Error ? err.message : String(err);
      throw Object.assign(new Error(`Could not save "${title}": ${message}`), {
        code: (err as { code?: string }).code,
      });
    }
  }
}

type Transform = (current: PageRevision) => string | null | Promise<string | null>;

function find(pages: readonly PageRevision[], title: string): PageRevision | undefined {
  return pages.find((p) => normalizeTitle(p.title) === normalizeTitle(title));
}
