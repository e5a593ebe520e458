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
import { saveWithRetry, type Failed, type PageState } from '../../api';
import { proposalsOf } from './round';

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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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
