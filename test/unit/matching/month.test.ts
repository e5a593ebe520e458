/**
 * Capacity that remembers the month: connections a sharer already has this month count
 * against their connections-a-month before the round is solved.
 */
import { emptyRound } from '../../../bot/connections/rounds';
import { matchConfig } from '../../../shared/matching/config';
import { matchRound } from '../../../shared/matching/engine';
import { commitmentsThisMonth } from '../../../shared/matching/month';
import type { Commitment, MatchPerson } from '../../../shared/matching/types';
import type { Proposal } from '../../../shared/records/proposal';
import { profileFixture } from '../support/profile-fixture';

const ROUND = '2025-06';
const learner = (name: string): MatchPerson =>
  profileFixture({ username: name, learn: ['fundraising'], connectionsPerMonth: 0 });
const sharer = (name: string, perMonth: number): MatchPerson =>
  profileFixture({ username: name, share: ['fundraising'], connectionsPerMonth: perMonth });
const held = (sharerName: string, id: string, source: Commitment['source'] = 'proposal') => ({
  sharer: sharerName,
  learners: ['Someone'],
  id,
  source,
});
const run = (people: MatchPerson[], commitments: Commitment[]) =>
  matchRound({ round: ROUND, people, commitments }, { config: matchConfig({ groups: false }) });

describe('capacity already used this month', () => {
  const people = [learner('Ana'), learner('Cid'), learner('Dov'), sharer('Bea', 2)];

  it('counts each connection held against the sharer before solving', () => {
    expect(run(people, []).proposals).toHaveLength(2);
    const one = run(people, [held('Bea', '2025-06-001')]);
    expect(one.proposals).toHaveLength(1);
    expect(one.stats.committed).toBe(1);
    const full = run(people, [held('Bea', '2025-06-001'), held('Bea', 'self-1', 'self-made')]);
    expect(full.proposals).toEqual([]);
    // A sharer with nothing left this month is not available this round.
    expect(full.unmatched.map((u) => u.reason.key)).toEqual([
      'letsconnect-match-unmatched-no-sharer',
      'letsconnect-match-unmatched-no-sharer',
      'letsconnect-match-unmatched-no-sharer',
    ]);
    // More held than offered takes the capacity to 0, not below; and counts what it took.
    expect(
      run(
        people,
        [1, 2, 3].map((i) => held('Bea', `x${i}`)),
      ).stats.committed,
    ).toBe(2);
  });

  it('counts only the sharer it belongs to', () => {
    const two = [...people, sharer('Eve', 1)];
    expect(run(two, [held('Eve', 'e1')]).proposals.map((p) => p.sharer)).toEqual(['Bea', 'Bea']);
  });
});

describe('which connections hold a sharer this month', () => {
  const p = (id: string, status: Proposal['status'], reviewed = ''): Proposal => ({
    id,
    learners: ['Ana'],
    sharer: 'Bea',
    topic: 'fundraising',
    format: 'one-to-one',
    languages: ['es'],
    score: 50,
    reason: '',
    status,
    reviewer: status === 'approved' || status === 'notified' ? 'Member' : '',
    reviewed,
    note: '',
  });
  const may = emptyRound('2025-05', '2025-05-01T00:00Z');
  may.proposals = [
    p('2025-05-001', 'notified', '2025-05-03T10:00Z'), // met last month: not this month's
    p('2025-05-002', 'approved', '2025-06-02T09:00Z'), // approved this month: counts
    p('2025-05-003', 'declined', '2025-06-02T09:00Z'),
    p('2025-05-004', 'proposed'),
  ];
  const june = emptyRound('2025-06', '2025-06-01T00:00Z');
  june.proposals = [
    p('2025-06-001', 'proposed'),
    p('2025-06-002', 'approved', '2025-06-04T00:00Z'),
    p('2025-06-003', 'notified', '2025-06-04T00:00Z'),
    p('2025-06-004', 'declined', '2025-06-04T00:00Z'),
    p('2025-06-005', 'cancelled', '2025-06-04T00:00Z'),
  ];

  it('this round’s live proposals and earlier ones approved this month; not freed ones', () => {
    expect(commitmentsThisMonth('2025-06', [may, june]).map((c) => c.id)).toEqual([
      '2025-05-002',
      '2025-06-001',
      '2025-06-002',
      '2025-06-003',
    ]);
  });

  it('self-made connections (issue 17) accepted this month, in this round or an earlier one', () => {
    const selfMade = (id: string, reviewed: string): Proposal => ({
      ...p(id, 'approved', reviewed),
      origin: 'self-made',
      request: `Cid/${id}`,
    });
    const april = emptyRound('2025-04', '2025-04-01T00:00Z');
    april.proposals = [selfMade('2025-04-s01', '2025-04-20T08:00Z')];
    const mayMore = { ...may, proposals: [selfMade('2025-05-s01', '2025-06-01T08:00Z')] };
    const juneMore = { ...june, proposals: [selfMade('2025-06-s01', '2025-06-10T08:00Z')] };
    expect(commitmentsThisMonth('2025-06', [april, mayMore, juneMore])).toEqual([
      { sharer: 'Bea', learners: ['Ana'], id: '2025-05-s01', source: 'self-made' },
      { sharer: 'Bea', learners: ['Ana'], id: '2025-06-s01', source: 'self-made' },
    ]);
  });

  it('so a re-run of the round offers a sharer only what is left', () => {
    const people = [learner('Ana'), learner('Cid'), learner('Dov'), sharer('Bea', 3)];
    const result = run(people, commitmentsThisMonth('2025-06', [may, june]));
    expect(result.proposals).toEqual([]);
    expect(result.stats.committed).toBe(3);
  });
});
