import { readDocument } from '../../shared/documents/read-document';
import type { RunContext } from '../run-context';
import type { DocumentKind, ProgramDocument } from '../../shared/documents/documents';
import type { PageRevision } from '../../shared/wiki-client';

/**
 * MediaWiki pretty-prints JSON pages when saving them (4-space indents), so a page's text
 * never equals what we sent: compare JSON pages by value. `generated` is left out of the
 * comparison, so a run that changes nothing else makes no edit.
 */
export function sameDocument(a: unknown, b: unknown): boolean {
  const strip = (d: unknown) => {
    if (typeof d !== 'object' || d === null) return d;
    const { generated: _generated, ...rest } = d as Record<string, unknown>;
    return rest;
  };
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** The document on a page, or null when the page is missing or holds something else. */
export function documentOn<K extends DocumentKind>(
  page: PageRevision | undefined,
  kind: K,
): Extract<ProgramDocument, { kind: K }> | null {
  if (!page?.exists || page.content === undefined) return null;
  return readDocument(page.content, kind).document;
}

/**
 * The text to save for `doc` on a page that holds `current`: the current text itself when
 * nothing but the timestamp would change (no edit), else the new document.
 */
export function documentText(doc: ProgramDocument, current: PageRevision): string {
  if (current.exists && current.content !== undefined) {
    try {
      if (sameDocument(JSON.parse(current.content), doc)) return current.content;
    } catch {
      /* not JSON: replace it */
    }
  }
  return JSON.stringify(doc);
}

/**
 * Adds `recorded` to a ledger of messages sent (clinic invitations, reminders) and saves it:
 * called in a `finally`, so what was sent before a failure is recorded too.
 */
export async function appendToLedger<R>(
  ctx: Pick<RunContext, 'editor'>,
  title: string,
  ledger: ProgramDocument & { sent: R[] },
  recorded: readonly R[],
  at: string,
  summary: string,
): Promise<void> {
  if (recorded.length === 0) return;
  ledger.sent.push(...recorded);
  ledger.generated = at;
  await ctx.editor.edit(title, (current) => documentText(ledger, current), summary);
}
