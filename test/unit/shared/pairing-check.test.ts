import {
  pairingProblems,
  swapCandidates,
  swapProblems,
  type PairingContext,
} from '../../../shared/connections/pairing-check';
import type { DirectoryEntry } from '../../../shared/documents/documents';
import type { Proposal } from '../../../shared/records/proposal';
import { profileFixture } from '../support/profile-fixture';

const entry = (username: string, over: Partial<DirectoryEntry> = {}): DirectoryEntry => {
  const {
    listed: _l,
    withdrawn: _w,
    ...rest
  } = profileFixture({
    username,
    languages: [{ code: 'en', level: '3' }],
    formats: ['one-to-one', 'small-group'],
  });
  return { ...rest, revid: 1, ...over };
};

const proposal = (over: Partial<Proposal> = {}): Proposal => ({
  id: '2026-12-001',
  learners: ['Lea'],
  sharer: 'Sam',
  topic: 'wikidata-basics',
  format: 'one-to-one',
  languages: ['en'],
  score: 70,
  reason: '',
  status: 'proposed',
  reviewer: '',
  reviewed: '',
  note: '',
  ...over,
});

const people = [
  entry('Sam', { share: ['wikidata-basics'], connectionsPerMonth: 2 }),
  entry('Lea', { learn: ['wikidata-basics'] }),
  entry('Lena', { learn: ['wikidata-basics'] }),
  entry('Leo', { learn: ['wikidata-queries'] }),
  entry('Lou', { learn: ['fundraising'] }),
  entry('Lucía', { learn: ['wikidata-basics'], languages: [{ code: 'es', level: 'N' }] }),
  entry('Luc', { learn: ['wikidata-basics'], languages: [{ code: 'en', level: '1' }] }),
  entry('Lin', { learn: ['wikidata-basics'], formats: ['small-group'] }),
  entry('Liv', { learn: ['wikidata-basics'], snoozeUntil: '2027-01-01' }),
  entry('Sue', { share: ['wikidata-basics'], connectionsPerMonth: 1 }),
  entry('Sol', { share: ['fundraising'], connectionsPerMonth: 3 }),
];

const ctx = (over: Partial<PairingContext> = {}): PairingContext => ({
  people: new Map(people.map((e) => [e.username, e])),
  round: [],
  today: '2026-12-01',
  categories: new Map([
    ['wikidata-basics', 'technology'],
    ['wikidata-queries', 'technology'],
    ['fundraising', 'resources'],
  ]),
  ...over,
});

describe('pairingProblems: can these people meet as the proposal says?', () => {
  it('finds nothing for a pair the engine would propose', () => {
    expect(pairingProblems(proposal(), ctx())).toEqual([]);
  });

  it('names an account that is not in the directory (no such account, temporary, unlisted)', () => {
    for (const name of ['Nobody Here At All', '~2026-1513'])
      expect(pairingProblems(proposal({ learners: [name] }), ctx())).toEqual([
        { user: name, problem: 'unknown' },
      ]);
  });

  it('checks each side against the topic, with the category fallback for learners only', () => {
    expect(pairingProblems(proposal({ learners: ['Leo'] }), ctx())).toEqual([]);
    expect(
      pairingProblems(proposal({ learners: ['Leo'] }), ctx({ categories: new Map() })),
    ).toEqual([{ user: 'Leo', problem: 'not-learning' }]);
    expect(pairingProblems(proposal({ learners: ['Lou'] }), ctx())).toEqual([
      { user: 'Lou', problem: 'not-learning' },
    ]);
    expect(pairingProblems(proposal({ sharer: 'Sol' }), ctx())).toEqual([
      { user: 'Sol', problem: 'not-sharing' },
    ]);
  });

  it('wants a workable common language, and names whoever lacks it', () => {
    expect(pairingProblems(proposal({ learners: ['Lucía'] }), ctx())).toEqual([
      { user: 'Sam', problem: 'language' },
      { user: 'Lucía', problem: 'language' },
    ]);
    // Level 1 is below the engine's workable level (2): Luc has no workable language at all.
    expect(pairingProblems(proposal({ learners: ['Luc'] }), ctx())).toEqual([
      { user: 'Luc', problem: 'language' },
    ]);
    // A pair the engine bridged by interpretation is not asked for a common language.
    expect(
      pairingProblems(
        proposal({ learners: ['Lucía'] }),
        ctx({ interpreted: new Set(['2026-12-001']) }),
      ),
    ).toEqual([]);
    // In a group, only the one without the others' language is named.
    expect(
      pairingProblems(proposal({ learners: ['Lea', 'Lucía'], format: 'small-group' }), ctx()),
    ).toEqual([{ user: 'Lucía', problem: 'language' }]);
  });

  it('checks the format, a snooze, the sharer’s room and learners already in the round', () => {
    expect(pairingProblems(proposal({ learners: ['Lin'] }), ctx())).toEqual([
      { user: 'Lin', problem: 'format' },
    ]);
    expect(pairingProblems(proposal({ learners: ['Liv'] }), ctx())).toEqual([
      { user: 'Liv', problem: 'snoozed' },
    ]);
    const other = proposal({ id: '2026-12-002', sharer: 'Sue', learners: ['Lena'] });
    expect(pairingProblems(proposal({ sharer: 'Sue' }), ctx({ round: [other] }))).toEqual([
      { user: 'Sue', problem: 'full' },
    ]);
    expect(pairingProblems(proposal({ learners: ['Lena'] }), ctx({ round: [other] }))).toEqual([
      { user: 'Lena', problem: 'in-round' },
    ]);
    // A declined proposal holds no place.
    const declined = { ...other, status: 'declined' as const };
    expect(pairingProblems(proposal({ learners: ['Lena'] }), ctx({ round: [declined] }))).toEqual(
      [],
    );
  });
});

describe('swapProblems and swapCandidates: the working group’s swap', () => {
  it('reports only what is wrong with the person swapped in', () => {
    expect(swapProblems(proposal(), 'Lea', 'Nobody Here At All', ctx())).toEqual(['unknown']);
    expect(swapProblems(proposal(), 'Lea', 'Lou', ctx())).toEqual(['not-learning']);
    expect(swapProblems(proposal(), 'Sam', 'Sol', ctx())).toEqual(['not-sharing']);
    expect(swapProblems(proposal(), 'Lea', 'Lena', ctx())).toEqual([]);
  });

  it('suggests only people who fit, names starting with what was typed first', () => {
    expect(swapCandidates(proposal(), 'Lea', 'l', ctx())).toEqual(['Lena', 'Leo']);
    expect(swapCandidates(proposal(), 'Lea', 'EN', ctx())).toEqual(['Lena']);
    expect(swapCandidates(proposal(), 'Sam', '', ctx())).toEqual(['Sue']);
    expect(swapCandidates(proposal(), 'Lea', 'zzz', ctx())).toEqual([]);
  });
});
