/**
 * Capacity that remembers the month: the connections a sharer already has this month, which
 * count against their connections-a-month before a round is solved, so re-running a round,
 * or running one mid-month, never gives anyone more than they offered:
 * - this round's proposals that still hold their people (proposed, approved, notified; a
 *   declined or cancelled one frees its place);
 * - an earlier round's proposal approved this month (its people meet this month);
 * - a self-made connection (issue 17) accepted this month.
 */
import type { MatchHistory } from '../documents/documents';
import type { Proposal } from '../records/proposal';
import type { Commitment } from './types';

/** Proposals that hold their people this round; declined and cancelled ones free them. */
export const LIVE_STATUSES: ReadonlyArray<Proposal['status']> = [
  '',
  'proposed',
  'approved',
  'notified',
];

/**
 * A connection two participants made themselves, as far as capacity is concerned: the
 * seam for issue 17's self-made connections (map its records to this shape).
 */
export interface SelfMadeConnection {
  id: string;
  /** The one who shares the topic (whose connections-a-month it uses). */
  sharer: string;
  learner: string;
  /** When both sides' own edits said yes, `YYYY-MM-DD…`; '' while not accepted. */
  accepted: string;
}

export function commitmentsThisMonth(
  month: string,
  rounds: Iterable<Pick<MatchHistory, 'round' | 'proposals'>>,
  selfMade: readonly SelfMadeConnection[] = [],
): Commitment[] {
  const out: Commitment[] = [];
  for (const round of rounds) {
    for (const p of round.proposals) {
      const held =
        round.round === month
          ? LIVE_STATUSES.includes(p.status)
          : round.round < month &&
            (p.status === 'approved' || p.status === 'notified') &&
            p.reviewed.startsWith(month);
      if (held) out.push({ sharer: p.sharer, learners: p.learners, id: p.id, source: 'proposal' });
    }
  }
  for (const c of selfMade) {
    if (c.accepted.startsWith(month))
      out.push({ sharer: c.sharer, learners: [c.learner], id: c.id, source: 'self-made' });
  }
  return out;
}
