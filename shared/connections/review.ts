/**
 * The working group's review of a round page, as one pure edit of its wikitext: the gadget
 * applies it to the revision it read and saves against that revision (on a conflict it reads
 * again and applies it again), so a review never overwrites someone else's.
 */
import { parseRecords, replaceRecord } from '../records/codec';
import { proposalCodec, type Proposal } from '../records/proposal';

export type ReviewAction =
  | { kind: 'approve' }
  | { kind: 'decline' }
  /** Put `to` in place of `from` (the sharer or a learner); the reviewer approves the new pairing. */
  | { kind: 'swap'; from: string; to: string };

export interface Review {
  proposal: string;
  action: ReviewAction;
  reviewer: string;
  /** The review's time; written as `YYYY-MM-DDTHH:MMZ`. */
  at: Date;
  /** Optional comment, kept in the proposal's `note`. */
  comment: string;
}

export type ReviewError =
  | 'letsconnect-review-error-not-found'
  | 'letsconnect-review-error-closed'
  | 'letsconnect-review-error-swap-person'
  | 'letsconnect-review-error-swap-same';

/** Statuses a reviewer may still change: once the bot has notified people, the pairing stands. */
export const REVIEWABLE_STATUSES: ReadonlyArray<Proposal['status']> = [
  '',
  'proposed',
  'approved',
  'declined',
];

export const reviewTimestamp = (at: Date): string => `${at.toISOString().slice(0, 16)}Z`;

/** The proposal as the review leaves it, or the reason it cannot be applied. */
export function reviewedProposal(p: Proposal, review: Review): Proposal | ReviewError {
  if (!REVIEWABLE_STATUSES.includes(p.status)) return 'letsconnect-review-error-closed';
  const stamp = {
    reviewer: review.reviewer,
    reviewed: reviewTimestamp(review.at),
    note: review.comment.trim() === '' ? p.note : review.comment.trim(),
  };
  const { action } = review;
  if (action.kind === 'approve') return { ...p, ...stamp, status: 'approved' };
  if (action.kind === 'decline') return { ...p, ...stamp, status: 'declined' };
  // The engine's reason described the old pair: the bot says it again for the new one.
  const swappedStamp = { ...stamp, reason: '' };
  const to = action.to.trim().replace(/_/g, ' ');
  if (to === '' || to === p.sharer || p.learners.includes(to))
    return 'letsconnect-review-error-swap-same';
  if (p.sharer === action.from) return { ...p, ...swappedStamp, sharer: to, status: 'approved' };
  if (!p.learners.includes(action.from)) return 'letsconnect-review-error-swap-person';
  return {
    ...p,
    ...swappedStamp,
    learners: p.learners.map((l) => (l === action.from ? to : l)),
    status: 'approved',
  };
}

/** `text` with the review applied to its proposal, every other character kept. */
export function applyReview(
  text: string,
  review: Review,
): { text: string } | { error: ReviewError } {
  const found = parseRecords(proposalCodec, text).find((r) => r.record.id === review.proposal);
  if (!found) return { error: 'letsconnect-review-error-not-found' };
  const next = reviewedProposal(found.record, review);
  if (typeof next === 'string') return { error: next };
  return { text: replaceRecord(proposalCodec, text, found, next) };
}
