/**
 * Capacity that remembers the month: the connections a sharer already has this month, which
 * count against their connections-a-month before a round is solved, so re-running a round,
 * or running one mid-month, never gives anyone more than they offered:
 * - this round's proposals that still hold their people (proposed, approved, notified; a
 *   declined or cancelled one frees its place);
 * - an earlier round's proposal approved this month (its people meet this month).
 * Self-made connections (issue 17) are recorded in a round as approved proposals with
 * `origin: 'self-made'` and `reviewed` = when they were accepted, so the same two rules count
 * them: in this month's round, or accepted this month.
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

export function commitmentsThisMonth(
  month: string,
  rounds: Iterable<Pick<MatchHistory, 'round' | 'proposals'>>,
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
      if (held) {
        const source = p.origin === 'self-made' ? 'self-made' : 'proposal';
        out.push({ sharer: p.sharer, learners: p.learners, id: p.id, source });
      }
    }
  }
  return out;
}
