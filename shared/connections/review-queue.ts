/**
 * The working group's review queue for a round page: which proposals a set of filters shows,
 * how far the review has got ("41 of 228 reviewed"), and a decision on many proposals applied
 * to the page's wikitext in one edit. Pure: the gadget applies the edit to the revision it
 * read and saves against it; on a conflict it reads again and applies it again, so a
 * proposal someone else changed meanwhile is reported and left as they made it.
 */
import { parseRecords, serialiseRecord, type ParsedRecord } from '../records/codec';
import { proposalCodec, type Proposal } from '../records/proposal';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../records/vocabulary';
import { reviewedProposal, type Review, type ReviewError } from './review';

/** What the queue shows: '' in a field means any. */
export interface QueueFilter {
  status: ProposalStatus | '';
  topic: string;
  category: string;
  language: string;
  region: string;
  /** Part of a learner's or the sharer's user name (any case). */
  name: string;
}

export const EMPTY_QUEUE_FILTER: QueueFilter = {
  status: '',
  topic: '',
  category: '',
  language: '',
  region: '',
  name: '',
};

/** What the round page does not say and the directory does: a topic's category, a person's region. */
export interface QueueFacts {
  categoryOf: (topic: string) => string | undefined;
  regionOf: (username: string) => string | undefined;
}

/** A proposal's status, a new one (no status yet) counting as proposed. */
export const queueStatus = (p: Proposal): ProposalStatus =>
  p.status === '' ? 'proposed' : p.status;

/** Decided by the working group: anything but still proposed. */
export const isReviewed = (p: Proposal): boolean => queueStatus(p) !== 'proposed';

export interface QueueCounts {
  total: number;
  reviewed: number;
  byStatus: Record<ProposalStatus, number>;
}

export function queueCounts(proposals: Iterable<Proposal>): QueueCounts {
  const byStatus = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, 0])) as Record<
    ProposalStatus,
    number
  >;
  let total = 0;
  for (const p of proposals) {
    total++;
    byStatus[queueStatus(p)]++;
  }
  return { total, reviewed: total - byStatus.proposed, byStatus };
}

/** Everyone in the proposal, learners first. */
export const peopleOf = (p: Proposal): string[] => [...p.learners, p.sharer];

/** Whether the queue shows `p` under `filter`. */
export function matchesQueue(p: Proposal, filter: QueueFilter, facts: QueueFacts): boolean {
  if (filter.status !== '' && queueStatus(p) !== filter.status) return false;
  if (filter.topic !== '' && p.topic !== filter.topic) return false;
  if (filter.category !== '' && facts.categoryOf(p.topic) !== filter.category) return false;
  if (filter.language !== '' && !p.languages.includes(filter.language)) return false;
  if (filter.region !== '' && !peopleOf(p).some((u) => facts.regionOf(u) === filter.region))
    return false;
  const name = filter.name.trim().replace(/_/g, ' ').toLocaleLowerCase();
  if (name !== '' && !peopleOf(p).some((u) => u.toLocaleLowerCase().includes(name))) return false;
  return true;
}

/** Why one proposal of a bulk decision was not saved. */
export type BulkProblem =
  /** Someone else changed it since the reviewer saw it: `current` is it now, left as they made it. */
  { kind: 'changed'; current: Proposal } | { kind: 'refused'; key: ReviewError };

export interface BulkEdit {
  text: string;
  /** Every proposal on the page after the edit, in page order (so no one parses it again). */
  records: Proposal[];
  /** The proposals the edit decides, in page order. */
  applied: string[];
  problems: Map<string, BulkProblem>;
}

/** One decision for many proposals: the same review, each on its own proposal. */
export interface BulkReview {
  ids: readonly string[];
  action: Extract<Review['action'], { kind: 'approve' | 'decline' }>;
  reviewer: string;
  at: Date;
}

const same = (a: Proposal, b: Proposal) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `text` with `review` applied to each of its proposals that is still as the reviewer saw it
 * (`seen`); every other character kept. The page is parsed once and rebuilt once, so a
 * round of a thousand proposals costs one parse whatever the number decided.
 */
export function applyBulkReview(
  text: string,
  seen: ReadonlyMap<string, Proposal>,
  review: BulkReview,
): BulkEdit {
  const wanted = new Set(review.ids);
  const problems = new Map<string, BulkProblem>();
  const found = new Map<string, ParsedRecord<Proposal>>();
  const parsed = parseRecords(proposalCodec, text);
  for (const r of parsed) {
    if (wanted.has(r.record.id) && !found.has(r.record.id)) found.set(r.record.id, r);
  }
  const edits: Array<{ start: number; end: number; next: Proposal; id: string }> = [];
  for (const id of review.ids) {
    const call = found.get(id);
    const before = seen.get(id);
    if (!call || !before) {
      problems.set(id, { kind: 'refused', key: 'letsconnect-review-error-not-found' });
      continue;
    }
    if (!same(call.record, before)) {
      problems.set(id, { kind: 'changed', current: call.record });
      continue;
    }
    const next = reviewedProposal(call.record, {
      proposal: id,
      action: review.action,
      reviewer: review.reviewer,
      at: review.at,
      comment: '',
    });
    if (typeof next === 'string') problems.set(id, { kind: 'refused', key: next });
    else edits.push({ start: call.start, end: call.end, next, id });
  }
  edits.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), serialiseRecord(proposalCodec, e.next));
    at = e.end;
  }
  parts.push(text.slice(at));
  const decided = new Map(edits.map((e) => [e.start, e.next]));
  return {
    text: parts.join(''),
    records: parsed.map((r) => decided.get(r.start) ?? r.record),
    applied: edits.map((e) => e.id),
    problems,
  };
}
