/**
 * Saving a review (on the round page) and an outcome report (on the reader's own outcomes
 * page), each through the conflict-safe WikiClient save: based on the revision read. When
 * someone else saved first, the page is read again and the same edit applied to it, unless
 * the very record being saved changed meanwhile: then the person is told, and nothing of
 * theirs or the other person's is lost.
 */
import { findOutcome, upsertOutcome } from '../../../shared/connections/outcomes';
import { applyReview, type Review, type ReviewError } from '../../../shared/connections/review';
import type { Outcome, Proposal } from '../../../shared/records/proposal';
import type { WikiClient } from '../../../shared/wiki-client';
import { errorCode, failureKind, type FailureKind } from '../../api/api-error';
import type { Translate } from '../common/env';
import { proposalsOf, readPage, type PageState } from './round';

/** Reads and retries after an edit conflict: a busy round page settles within a few. */
export const SAVE_ATTEMPTS = 3;

export type Failed = { kind: 'failed'; failure: FailureKind; code: string };

export type ReviewResult =
  | { kind: 'saved'; round: PageState; proposal: Proposal }
  /** Someone else changed this proposal since the reviewer saw it: `proposal` is it now. */
  | { kind: 'changed'; round: PageState; proposal: Proposal }
  | { kind: 'refused'; round: PageState; key: ReviewError }
  | Failed;

export type OutcomeSaveResult =
  | { kind: 'saved'; page: PageState }
  /** The reader's report on this proposal changed elsewhere (another tab, another person). */
  | { kind: 'changed'; page: PageState; current: Outcome | null }
  | Failed;

const failed = (err: unknown): Failed => ({
  kind: 'failed',
  failure: failureKind(err),
  code: errorCode(err),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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

/** Applies `review` to the round page and saves it, unless `seen` is no longer what is there. */
export async function saveReview(
  client: WikiClient,
  round: PageState,
  seen: Proposal,
  review: Review,
  summary: string,
): Promise<ReviewResult> {
  const outcome = await saveWithRetry<Exclude<ReviewResult, Failed | { kind: 'saved' }>>(
    client,
    round,
    summary,
    (page) => {
      const current = proposalsOf(page.text).get(review.proposal);
      if (!current)
        return {
          stop: { kind: 'refused', round: page, key: 'letsconnect-review-error-not-found' },
        };
      if (!same(current, seen))
        return { stop: { kind: 'changed', round: page, proposal: current } };
      const applied = applyReview(page.text, review);
      if ('error' in applied) return { stop: { kind: 'refused', round: page, key: applied.error } };
      return applied;
    },
  );
  if ('stop' in outcome) return outcome.stop;
  if (!('saved' in outcome)) return outcome;
  // applyReview kept the proposal's id, so it is on the saved page.
  const proposal = proposalsOf(outcome.saved.text).get(review.proposal) ?? seen;
  return { kind: 'saved', round: outcome.saved, proposal };
}

/** Adds or replaces the reader's report on its proposal, unless it changed since `seen`. */
export async function saveOutcome(
  client: WikiClient,
  page: PageState,
  seen: Outcome | null,
  outcome: Outcome,
  summary: string,
): Promise<OutcomeSaveResult> {
  const result = await saveWithRetry<{ kind: 'changed'; page: PageState; current: Outcome | null }>(
    client,
    page,
    summary,
    (p) => {
      const current = findOutcome(p.text, outcome.proposal);
      if (!same(current, seen)) return { stop: { kind: 'changed', page: p, current } };
      return { text: upsertOutcome(p.text, outcome) };
    },
  );
  if ('stop' in result) return result.stop;
  if (!('saved' in result)) return result;
  return { kind: 'saved', page: result.saved };
}

/** Why a save failed, in the reader's words; `view` picks the messages that name what was saved. */
export function failureText(
  t: Translate,
  view: 'review' | 'outcome' | 'clinic',
  f: Failed,
): string {
  const own: Partial<Record<FailureKind, string>> = {
    conflict: `letsconnect-${view}-failed-conflict`,
    blocked: `letsconnect-${view}-failed-blocked`,
    protected: `letsconnect-${view}-failed-protected`,
    other: `letsconnect-${view}-failed-other`,
  };
  // Session, network, read-only and refused are said the same way for every save.
  return t(own[f.failure] ?? `letsconnect-gadget-save-${f.failure}`, f.code);
}
