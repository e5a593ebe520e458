import { rankHotTopics } from '../../../shared/clinics/hot-topics';
import { toDirectoryEntry, type DirectoryEntry } from '../../../shared/documents/documents';
import type { Profile } from '../../../shared/records/profile';
import { profileFixture } from '../support/profile-fixture';

const entry = (username: string, over: Partial<Profile>): DirectoryEntry =>
  toDirectoryEntry(profileFixture({ username, ...over }), 1)!;

describe('rankHotTopics', () => {
  const entries = [
    entry('L1', { learn: ['wiki-loves', 'grants', 'grants'] }),
    entry('L2', { learn: ['wiki-loves', 'grants'] }),
    entry('L3', { learn: ['wiki-loves', 'policy'] }),
    entry('Zed', { share: ['grants'], formats: ['clinic-sharer'] }),
    entry('Amy', { share: ['grants'] }),
    entry('Bob', { share: ['grants', 'policy'], snoozeUntil: '2027-01-01' }),
    entry('Cat', { share: ['wiki-loves'], snoozeUntil: '2026-01-01' }),
  ];

  it('ranks by unmet demand, then the gap, then learners, with sharer counts and candidates', () => {
    const rows = rankHotTopics({
      entries,
      unmetDemand: [{ topic: 'policy', unmatchedLearners: 1, activeSharers: 0 }],
      today: '2026-11-05',
    });
    expect(rows.map((r) => [r.topic, r.learners, r.sharers, r.gap, r.unmatched])).toEqual([
      ['policy', 1, 1, 0, 1],
      ['wiki-loves', 3, 1, 2, 0],
      ['grants', 2, 3, -1, 0],
    ]);
    // Clinic sharers first, then by name; snoozed sharers left out (a past snooze is over).
    expect(rows.find((r) => r.topic === 'grants')?.candidates).toEqual(['Zed', 'Amy']);
    expect(rows.find((r) => r.topic === 'policy')?.candidates).toEqual([]);
    expect(rows.find((r) => r.topic === 'wiki-loves')?.candidates).toEqual(['Cat']);
  });

  it('without a round, the gap decides; ties go by learners then id; candidates are capped', () => {
    const many = [
      entry('X', { learn: ['b', 'a'] }),
      ...['P1', 'P2', 'P3'].map((u) => entry(u, { share: ['c'] })),
      entry('Y', { learn: ['c'] }),
    ];
    const rows = rankHotTopics({
      entries: many,
      unmetDemand: [],
      today: '2026-11-05',
      maxCandidates: 2,
    });
    expect(rows.map((r) => r.topic)).toEqual(['a', 'b', 'c']);
    expect(rows[2]?.candidates).toEqual(['P1', 'P2']);
  });

  it('lists no topic no one wants to learn', () => {
    expect(
      rankHotTopics({ entries: [entry('S', { share: ['x'] })], unmetDemand: [], today: '' }),
    ).toEqual([]);
  });
});
