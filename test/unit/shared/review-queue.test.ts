import {
  applyBulkReview,
  EMPTY_QUEUE_FILTER,
  matchesQueue,
  queueCounts,
  type QueueFacts,
} from '../../../shared/connections/review-queue';
import { parseRecords, serialiseRecord } from '../../../shared/records/codec';
import { proposalCodec, type Proposal } from '../../../shared/records/proposal';
import { proposalFixture } from '../support/proposal-fixture';

const proposal = (n: number, over: Partial<Proposal> = {}): Proposal =>
  proposalFixture({
    id: `2026-11-${String(n).padStart(3, '0')}`,
    learners: ['Lena Learner'],
    sharer: 'Sam Sharer',
    topic: 'fundraising',
    ...over,
  });

const page = (...ps: Proposal[]) =>
  `Intro | {{x}}.\n== Proposals ==\n${ps.map((p) => serialiseRecord(proposalCodec, p)).join('\n')}\n== Tail ==\n`;
const byId = (ps: Proposal[]) => new Map(ps.map((p) => [p.id, p]));
const recordsOf = (text: string) => byId(parseRecords(proposalCodec, text).map((r) => r.record));

const AT = new Date('2026-11-05T10:00:00Z');

const facts: QueueFacts = {
  categoryOf: (topic) => ({ fundraising: 'organisational', 'wikidata-basics': 'technical' })[topic],
  regionOf: (user) => ({ 'Sam Sharer': 'ssa', 'Ana Árabe': 'mena' })[user],
};

describe('queueCounts', () => {
  it('counts what is reviewed (anything but proposed, a new one counting as proposed) and each status', () => {
    const c = queueCounts([
      proposal(1),
      proposal(2, { status: '' }),
      proposal(3, { status: 'approved' }),
      proposal(4, { status: 'declined' }),
      proposal(5, { status: 'notified' }),
    ]);
    expect(c).toEqual({
      total: 5,
      reviewed: 3,
      byStatus: { proposed: 2, approved: 1, declined: 1, notified: 1, cancelled: 0 },
    });
  });
});

describe('matchesQueue', () => {
  const p = proposal(1, { learners: ['Ana Árabe', 'Bo'], languages: ['ar', 'fr'] });
  const m = (patch: Partial<typeof EMPTY_QUEUE_FILTER>) =>
    matchesQueue(p, { ...EMPTY_QUEUE_FILTER, ...patch }, facts);

  it('shows everything with no filter, and applies each filter on its own', () => {
    expect(m({})).toBe(true);
    expect([m({ status: 'proposed' }), m({ status: 'approved' })]).toEqual([true, false]);
    expect([m({ topic: 'fundraising' }), m({ topic: 'wikidata-basics' })]).toEqual([true, false]);
    expect([m({ category: 'organisational' }), m({ category: 'technical' })]).toEqual([
      true,
      false,
    ]);
    expect([m({ language: 'fr' }), m({ language: 'en' })]).toEqual([true, false]);
    // A region any of its people is in: the learner's or the sharer's.
    expect([m({ region: 'mena' }), m({ region: 'ssa' }), m({ region: 'cee' })]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('finds a learner or the sharer by part of the name, in any case, underscores as spaces', () => {
    expect([m({ name: 'árabe' }), m({ name: 'SAM_sh' }), m({ name: '  ' })]).toEqual([
      true,
      true,
      true,
    ]);
    expect(m({ name: 'nobody' })).toBe(false);
  });

  it('needs every filter set to match', () => {
    expect(m({ language: 'ar', region: 'mena', name: 'bo' })).toBe(true);
    expect(m({ language: 'ar', region: 'cee' })).toBe(false);
  });
});

describe('applyBulkReview', () => {
  const ps = [1, 2, 3, 4].map((n) => proposal(n));
  const text = page(...ps);

  it('decides every chosen proposal in one text, keeping every other character', () => {
    const out = applyBulkReview(text, byId(ps), {
      ids: ['2026-11-003', '2026-11-001'],
      action: { kind: 'approve' },
      reviewer: 'Wanda',
      at: AT,
    });
    expect(out.applied).toEqual(['2026-11-001', '2026-11-003']);
    expect(out.problems.size).toBe(0);
    const after = recordsOf(out.text);
    for (const id of ['2026-11-001', '2026-11-003'])
      expect(after.get(id)).toMatchObject({
        status: 'approved',
        reviewer: 'Wanda',
        reviewed: '2026-11-05T10:00Z',
      });
    expect(after.get('2026-11-002')).toEqual(ps[1]);
    // Only the two calls changed.
    const expected = page(
      { ...ps[0]!, status: 'approved', reviewer: 'Wanda', reviewed: '2026-11-05T10:00Z' },
      ps[1]!,
      { ...ps[2]!, status: 'approved', reviewer: 'Wanda', reviewed: '2026-11-05T10:00Z' },
      ps[3]!,
    );
    expect(out.text).toBe(expected);
    // The page's proposals after the edit come with it, as parsing it again would give them.
    expect(out.records).toEqual(parseRecords(proposalCodec, out.text).map((r) => r.record));
  });

  it('reports a proposal someone changed since it was seen, and leaves it as they made it', () => {
    const theirs = { ...ps[1]!, status: 'declined' as const, reviewer: 'Other' };
    const now = page(ps[0]!, theirs, ps[2]!, ps[3]!);
    const out = applyBulkReview(now, byId(ps), {
      ids: ['2026-11-001', '2026-11-002'],
      action: { kind: 'approve' },
      reviewer: 'Wanda',
      at: AT,
    });
    expect(out.applied).toEqual(['2026-11-001']);
    expect(out.problems.get('2026-11-002')).toEqual({ kind: 'changed', current: theirs });
    expect(recordsOf(out.text).get('2026-11-002')).toEqual(theirs);
    expect(out.records).toEqual(parseRecords(proposalCodec, out.text).map((r) => r.record));
  });

  it('refuses a proposal no longer on the page, or notified meanwhile as seen', () => {
    const notified = proposal(5, { status: 'notified' });
    const out = applyBulkReview(page(ps[0]!, notified), byId([...ps, notified]), {
      ids: ['2026-11-004', '2026-11-005'],
      action: { kind: 'decline' },
      reviewer: 'Wanda',
      at: AT,
    });
    expect(out.applied).toEqual([]);
    expect(out.text).toBe(page(ps[0]!, notified));
    expect([...out.problems]).toEqual([
      ['2026-11-004', { kind: 'refused', key: 'letsconnect-review-error-not-found' }],
      ['2026-11-005', { kind: 'refused', key: 'letsconnect-review-error-closed' }],
    ]);
  });
});
