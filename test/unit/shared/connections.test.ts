import { findOutcome, upsertOutcome } from '../../../shared/connections/outcomes';
import {
  introducedProposals,
  messageKey,
  NOTIFY_POLICY,
  planNotifications,
  type NotifyInput,
} from '../../../shared/connections/notify-plan';
import { replayRound, type RoundRevision } from '../../../shared/connections/replay';
import { applyReview } from '../../../shared/connections/review';
import type {
  DirectoryEntry,
  MatchHistory,
  SentMessage,
} from '../../../shared/documents/documents';
import { parseRecords, serialiseRecord } from '../../../shared/records/codec';
import {
  outcomeCodec,
  proposalCodec,
  type Outcome,
  type Proposal,
} from '../../../shared/records/proposal';
import { profileFixture } from '../support/profile-fixture';
import { proposalFixture } from '../support/proposal-fixture';

const proposal = proposalFixture;

const page = (...ps: Proposal[]) =>
  `Intro text.\n== Proposals ==\n${ps.map((p) => serialiseRecord(proposalCodec, p)).join('\n')}\n== Tail ==\n`;

const AT = new Date('2026-11-05T10:00:00Z');

describe('applyReview', () => {
  const text = page(proposal(), proposal({ id: '2026-11-002', learners: ['M'] }));

  it('approves one proposal with reviewer, time and comment, keeping every other character', () => {
    const out = applyReview(text, {
      proposal: '2026-11-002',
      action: { kind: 'approve' },
      reviewer: 'W',
      at: AT,
      comment: ' good fit | {{x}} ',
    });
    if (!('text' in out)) throw new Error(out.error);
    const ps = parseRecords(proposalCodec, out.text).map((r) => r.record);
    expect(ps[0]).toEqual(proposal());
    expect(ps[1]).toMatchObject({
      status: 'approved',
      reviewer: 'W',
      reviewed: '2026-11-05T10:00Z',
      note: 'good fit | {{x}}',
    });
    expect(out.text.startsWith('Intro text.\n== Proposals ==\n')).toBe(true);
    expect(out.text.endsWith('\n== Tail ==\n')).toBe(true);
  });

  it('swaps a learner or the sharer and approves the new pairing', () => {
    const swapped = applyReview(text, {
      proposal: '2026-11-001',
      action: { kind: 'swap', from: 'S', to: 'T_2' },
      reviewer: 'W',
      at: AT,
      comment: '',
    });
    if (!('text' in swapped)) throw new Error(swapped.error);
    expect(parseRecords(proposalCodec, swapped.text)[0]?.record).toMatchObject({
      sharer: 'T 2',
      learners: ['L'],
      status: 'approved',
    });
  });

  it.each([
    ['an unknown proposal', '2026-11-009', { kind: 'approve' as const }, 'not-found'],
    [
      'a swap of someone not in it',
      '2026-11-001',
      { kind: 'swap' as const, from: 'X', to: 'Y' },
      'swap-person',
    ],
    [
      'a swap to someone already in it',
      '2026-11-001',
      { kind: 'swap' as const, from: 'S', to: 'L' },
      'swap-same',
    ],
  ])('refuses %s', (_name, id, action, error) => {
    expect(applyReview(text, { proposal: id, action, reviewer: 'W', at: AT, comment: '' })).toEqual(
      {
        error: `letsconnect-review-error-${error}`,
      },
    );
  });

  it('refuses to change a proposal whose people were already notified', () => {
    const notified = page(proposal({ status: 'notified', reviewer: 'W' }));
    expect(
      applyReview(notified, {
        proposal: '2026-11-001',
        action: { kind: 'decline' },
        reviewer: 'W',
        at: AT,
        comment: '',
      }),
    ).toEqual({ error: 'letsconnect-review-error-closed' });
  });
});

describe('upsertOutcome', () => {
  const outcome: Outcome = {
    proposal: '2026-11-001',
    reporter: 'L',
    result: 'met',
    date: '2026-11-12',
    rating: 4,
    comment: 'ok',
    public: false,
  };

  it('adds a report, then replaces it on the same proposal, and keeps reports on others', () => {
    const first = upsertOutcome('', outcome);
    const second = upsertOutcome(first, { ...outcome, proposal: '2026-10-004' });
    const third = upsertOutcome(second, { ...outcome, rating: 2, public: true });
    const all = parseRecords(outcomeCodec, third).map((r) => r.record);
    expect(all).toHaveLength(2);
    expect(findOutcome(third, '2026-11-001')).toEqual({ ...outcome, rating: 2, public: true });
    expect(findOutcome(third, '2026-10-004')?.rating).toBe(4);
    expect(findOutcome(third, 'nope')).toBeNull();
  });
});

describe('replayRound', () => {
  const trusted = (u: string) => u === 'Bot' || u === 'W';
  const rev = (revid: number, user: string, ...ps: Proposal[]): RoundRevision => ({
    revid,
    user,
    timestamp: `2026-11-0${revid}T00:00:00Z`,
    content: page(...ps),
  });

  it("accepts the working group's changes, rejects others', and attributes by diff", () => {
    const p = proposal();
    const q = proposal({ id: '2026-11-002', learners: ['M'] });
    const { accepted, rejected } = replayRound(
      { lastrevid: 0, proposals: [] },
      [
        rev(1, 'Bot', p, q),
        rev(2, 'X', p, { ...q, status: 'approved', reviewer: 'X' }),
        // W edits p; q keeps X's forged status on the page, but W did not make that change.
        rev(
          3,
          'W',
          { ...p, status: 'declined', reviewer: 'W' },
          { ...q, status: 'approved', reviewer: 'X' },
        ),
        rev(
          4,
          'X',
          { ...p, status: 'declined', reviewer: 'W' },
          { ...q, status: 'approved', reviewer: 'X' },
          proposal({ id: '2026-11-099' }),
        ),
      ],
      trusted,
    );
    expect(accepted.lastrevid).toBe(4);
    expect(accepted.proposals.map((x) => [x.id, x.status, x.reviewer])).toEqual([
      ['2026-11-001', 'declined', 'W'],
      ['2026-11-002', 'proposed', ''],
    ]);
    expect(rejected.map((r) => [r.revid, r.user, r.proposal, r.field])).toEqual([
      [2, 'X', '2026-11-002', 'status'],
      [2, 'X', '2026-11-002', 'reviewer'],
      [4, 'X', '2026-11-099', 'proposal'],
    ]);
  });

  it('continues from a stored state, using its revision only as the "before"', () => {
    const p = proposal({ status: 'approved', reviewer: 'W' });
    const { accepted, rejected } = replayRound(
      { lastrevid: 7, proposals: [p] },
      [rev(7, 'Bot', p), rev(8, 'X', { ...p, learners: ['Z'] }), rev(9, 'Bot', p)],
      trusted,
    );
    expect(accepted).toEqual({ lastrevid: 9, proposals: [p] });
    expect(rejected).toEqual([
      expect.objectContaining({ revid: 8, field: 'learners', from: 'L', to: 'Z' }),
    ]);
  });
});

describe('planNotifications', () => {
  /** Someone who can take either side of the fixture's proposals. */
  const entry = (username: string, over: Partial<DirectoryEntry> = {}): DirectoryEntry => {
    const {
      listed: _l,
      withdrawn: _w,
      ...rest
    } = profileFixture({
      username,
      learn: ['growth-paths'],
      share: ['growth-paths'],
      formats: ['one-to-one', 'small-group'],
      connectionsPerMonth: 3,
    });
    return { ...rest, revid: 1, ...over };
  };
  const sent = (kind: SentMessage['kind'], p: string, user: string, at: string): SentMessage => ({
    key: messageKey(kind, p, user),
    kind,
    proposal: p,
    user,
    at,
    status: 'sent',
  });
  const round = (
    month: string,
    proposals: Proposal[],
    messages: SentMessage[] = [],
  ): MatchHistory => ({
    schemaVersion: 1,
    kind: 'match-history',
    generated: '',
    round: month,
    lastrevid: 1,
    proposals,
    reasons: {},
    unmatched: [],
    unmetDemand: [],
    rejected: [],
    messages,
    outcomes: { reported: 0, met: 0, scheduled: 0, notMet: 0, rated: 0, ratingSum: 0 },
  });
  const input = (over: Partial<NotifyInput>): NotifyInput => ({
    now: new Date('2026-11-06T12:00:00Z'),
    rounds: [],
    people: new Map(['S', 'L', 'M', 'N'].map((u) => [u, entry(u)])),
    paused: new Map(),
    outcomes: new Map(),
    ...over,
  });

  it('introduces every participant of an approved proposal, except those already introduced', () => {
    const p = proposal({ status: 'approved', learners: ['L', 'M'] });
    const plan = planNotifications(
      input({
        rounds: [
          round(
            '2026-11',
            [p, proposal({ id: '2026-11-002', learners: ['N'] })],
            [sent('intro', p.id, 'S', '2026-11-06T00:00:00Z')],
          ),
        ],
      }),
    );
    expect(plan.messages.map((m) => [m.kind, m.user])).toEqual([
      ['intro', 'L'],
      ['intro', 'M'],
    ]);
  });

  it('holds a proposal while a participant is snoozed, unlisted or paused', () => {
    const people = new Map([
      ['S', entry('S')],
      ['L', entry('L', { snoozeUntil: '2026-12-01' })],
    ]);
    const plan = planNotifications(
      input({
        people,
        paused: new Map([['S', '2026-10-01']]),
        rounds: [round('2026-11', [proposal({ status: 'approved', learners: ['L', 'Gone'] })])],
      }),
    );
    expect(plan.messages).toEqual([]);
    expect(plan.held.map((h) => [h.user, h.reason])).toEqual([
      ['S', 'paused'],
      ['L', 'snoozed'],
      ['Gone', 'unknown'],
    ]);
  });

  it('reminds once after the wait, then once more, and not those who reported', () => {
    const p = proposal({ status: 'notified', learners: ['L'] });
    const intros = [
      sent('intro', p.id, 'S', '2026-11-01T00:00:00Z'),
      sent('intro', p.id, 'L', '2026-11-01T00:00:00Z'),
    ];
    const reportByL = new Map([[p.id, new Map([['L', {} as Outcome]])]]);
    const at = (day: string) => new Date(`2026-11-${day}T00:00:00Z`);
    const early = planNotifications(
      input({ now: at('07'), rounds: [round('2026-11', [p], intros)] }),
    );
    expect(early.messages).toEqual([]);
    const due = planNotifications(
      input({ now: at('08'), rounds: [round('2026-11', [p], intros)], outcomes: reportByL }),
    );
    expect(due.messages.map((m) => [m.kind, m.user])).toEqual([['follow-up', 'S']]);
    const withFirst = [...intros, sent('follow-up', p.id, 'S', '2026-11-08T00:00:00Z')];
    const last = planNotifications(
      input({
        now: at(String(8 + NOTIFY_POLICY.lastFollowUpDays)),
        rounds: [round('2026-11', [p], withFirst)],
        outcomes: reportByL,
      }),
    );
    expect(last.messages.map((m) => [m.kind, m.user])).toEqual([['last-follow-up', 'S']]);
    const done = [...withFirst, sent('last-follow-up', p.id, 'S', '2026-11-15T00:00:00Z')];
    expect(
      planNotifications(
        input({ now: at('30'), rounds: [round('2026-11', [p], done)], outcomes: reportByL }),
      ).messages,
    ).toEqual([]);
  });

  it('pauses after three unanswered introductions in a row, and resumes on a new profile save', () => {
    const months = ['2026-07', '2026-08', '2026-09'];
    const rounds = months.map((m, i) =>
      round(
        m,
        [proposal({ id: `${m}-001`, status: 'notified', learners: ['L'] })],
        [sent('intro', `${m}-001`, 'L', `${m}-0${i + 1}T00:00:00Z`)],
      ),
    );
    const plan = planNotifications(input({ now: new Date('2026-11-06T00:00:00Z'), rounds }));
    expect(plan.pause).toEqual(['L']);
    // One answered among the last three: no pause.
    const answered = new Map([['2026-08-001', new Map([['L', {} as Outcome]])]]);
    expect(
      planNotifications(
        input({ now: new Date('2026-11-06T00:00:00Z'), rounds, outcomes: answered }),
      ).pause,
    ).toEqual([]);
    // Paused since October; saved the profile in November: resumed.
    const people = new Map([
      ['L', entry('L', { updated: '2026-11-02' })],
      ['S', entry('S')],
    ]);
    const resumed = planNotifications(input({ people, paused: new Map([['L', '2026-10-01']]) }));
    expect(resumed.resume).toEqual(['L']);
  });

  it('marks a proposal introduced once every participant has had (or refused) the introduction', () => {
    const p = proposal({ status: 'approved', learners: ['L'] });
    const refused: SentMessage = {
      ...sent('intro', p.id, 'L', '2026-11-06T00:00:00Z'),
      status: 'excluded',
    };
    expect(
      introducedProposals(
        round('2026-11', [p], [sent('intro', p.id, 'S', '2026-11-06T00:00:00Z')]),
      ),
    ).toEqual([]);
    expect(
      introducedProposals(
        round('2026-11', [p], [sent('intro', p.id, 'S', '2026-11-06T00:00:00Z'), refused]),
      ),
    ).toEqual([p.id]);
  });

  it('tells the others introduced, once each, when a participant says no; the one who did hears nothing', () => {
    const intros = ['S', 'L', 'M'].map((u) =>
      sent('intro', '2026-11-001', u, '2026-11-06T00:00:00Z'),
    );
    const plan = (p: Proposal, messages: SentMessage[] = intros) =>
      planNotifications(input({ rounds: [round('2026-11', [p], messages)] })).messages.map((m) => [
        m.kind,
        m.user,
      ]);
    const away = proposal({ status: 'cancelled', reviewer: 'S', learners: ['L', 'M'] });
    expect(plan(away)).toEqual([
      ['not-this-month', 'L'],
      ['not-this-month', 'M'],
    ]);
    const noFit = proposal({ status: 'declined', reviewer: 'L', learners: ['L'] });
    expect(plan(noFit)).toEqual([['not-a-good-fit', 'S']]);
    // Once: a message already sent (or refused by {{nobots}}) is not planned again.
    const told = {
      ...sent('not-a-good-fit', '2026-11-001', 'S', '2026-11-07T00:00:00Z'),
      status: 'excluded' as const,
    };
    expect(plan(noFit, [...intros, told])).toEqual([]);
    // Only someone who was introduced, and is still in the directory, is told.
    expect(plan(noFit, [])).toEqual([]);
    expect(
      planNotifications(
        input({
          rounds: [round('2026-11', [noFit], intros)],
          people: new Map([['L', entry('L')]]),
        }),
      ).messages,
    ).toEqual([]);
    // The working group declining it, or a connection people made themselves, is not "said no".
    expect(plan(proposal({ status: 'declined', reviewer: 'Admin' }))).toEqual([]);
    expect(plan({ ...noFit, origin: 'self-made' })).toEqual([]);
  });
});
