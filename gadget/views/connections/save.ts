/**
 * Saving a review (on the round page) and an outcome report (on the reader's own outcomes
 * page), each through the conflict-safe WikiClient save: based on the revision read. When
 * someone else saved first, the page is read again and the same edit applied to it, unless
 * the very record being saved changed meanwhile: then the person is told, and nothing of
 * theirs or the other person's is lost.
 */
import { findOutcome, upsertOutcome } from '../../../shared/connections/outcomes';
import {
  applyBulkReview,
  type BulkEdit,
  type BulkProblem,
  type BulkReview,
} from '../../../shared/connections/review-queue';
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

export type BulkResult =
  /** `applied` saved in one edit; `problems` (someone else's changes, refusals) left alone. */
  | {
      kind: 'saved';
      round: PageState;
      /** The saved page's proposals, in page order. */
      records: Proposal[];
      applied: string[];
      problems: Map<string, BulkProblem>;
    }
  /** Nothing left to save: every proposal chosen was changed meanwhile or cannot be. */
  | { kind: 'none'; round: PageState; problems: Map<string, BulkProblem> }
  | Failed;

/**
 * Applies one decision to many proposals and saves them in one edit based on `round`. On an
 * edit conflict the page is read again and the decision applied again to what is there: a
 * proposal that is no longer as the reviewer saw it (`seen`) is reported, never overwritten.
 * `onAttempt` hears each attempt (1 first, 2 and 3 after a conflict), for the progress shown.
 */
export async function saveBulkReview(
  client: WikiClient,
  round: PageState,
  seen: ReadonlyMap<string, Proposal>,
  review: BulkReview,
  summary: string,
  onAttempt: (attempt: number) => void = () => undefined,
): Promise<BulkResult> {
  let attempt = 0;
  // The edit as last applied: what a successful save saved.
  const made: { edit: BulkEdit | null } = { edit: null };
  const outcome = await saveWithRetry<Extract<BulkResult, { kind: 'none' }>>(
    client,
    round,
    summary,
    (page) => {
      onAttempt(++attempt);
      const edit = applyBulkReview(page.text, seen, review);
      made.edit = edit;
      if (edit.applied.length === 0)
        return { stop: { kind: 'none', round: page, problems: edit.problems } };
      return { text: edit.text };
    },
  );
  if ('stop' in outcome) return outcome.stop;
  if (!('saved' in outcome)) return outcome;
  const { records, applied, problems } = made.edit ?? {
    records: [],
    applied: [],
    problems: new Map<string, BulkProblem>(),
  };
  return { kind: 'saved', round: outcome.saved, records, applied, problems };
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
