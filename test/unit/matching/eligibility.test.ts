/** Each eligibility rule, each reason, limits and group mode, on hand-made profiles. */
import { matchConfig } from '../../../shared/matching/config';
import { matchRound } from '../../../shared/matching/engine';
import { overlapHours, utcOffsetHours, weekMask } from '../../../shared/matching/time';
import type { HistoryPair, MatchPerson } from '../../../shared/matching/types';
import { matchFixture } from '../support/profile-fixture';

const ROUND = '2025-06';
const person = (username: string, over: Partial<MatchPerson> = {}): MatchPerson =>
  matchFixture(username, over);
const learner = (name: string, over: Partial<MatchPerson> = {}) =>
  person(name, { learn: ['fundraising'], ...over });
const sharer = (name: string, over: Partial<MatchPerson> = {}) =>
  person(name, { share: ['fundraising'], connectionsPerMonth: 1, ...over });

const run = (people: MatchPerson[], history: HistoryPair[] = [], groups = false) =>
  matchRound({ round: ROUND, people, history }, { config: matchConfig({ groups }) });
const reasonOf = (people: MatchPerson[], history: HistoryPair[] = []) =>
  run(people, history).unmatched.map((u) => u.reason.key);

describe('who may be paired', () => {
  it('pairs a learner with a sharer of the topic, with reasons in data', () => {
    const result = run([learner('Ana'), sharer('Bea')]);
    expect(result.proposals).toHaveLength(1);
    const p = result.proposals[0];
    expect(p).toMatchObject({
      sharer: 'Bea',
      learners: ['Ana'],
      topic: 'fundraising',
      language: 'es',
      format: 'one-to-one',
    });
    expect(p?.reasons.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        'letsconnect-match-reason-topic-exact',
        'letsconnect-match-reason-languages',
        'letsconnect-match-reason-fluent',
        'letsconnect-match-reason-overlap',
        'letsconnect-match-reason-first-connection',
      ]),
    );
    expect(p?.reasons.find((r) => r.key === 'letsconnect-match-reason-overlap')?.params).toEqual([
      15,
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('never pairs a person with themselves', () => {
    const both = person('Ana', {
      learn: ['fundraising'],
      share: ['fundraising'],
      connectionsPerMonth: 2,
    });
    expect(run([both]).proposals).toEqual([]);
    expect(reasonOf([both])).toEqual(['letsconnect-match-unmatched-no-sharer']);
  });

  it('says when no one shares the topic, and counts the unmet demand', () => {
    const result = run([
      learner('Ana', { learn: ['governance'] }),
      sharer('Bea', { share: ['wikidata-basics'] }),
    ]);
    expect(result.unmatched[0]?.reason).toEqual({
      key: 'letsconnect-match-unmatched-no-sharer',
      params: ['governance'],
    });
    expect(result.unmetDemand).toEqual([
      { topic: 'governance', unmatchedLearners: 1, activeSharers: 0 },
    ]);
  });

  it('needs a common language at a workable level (2 or more, or native)', () => {
    const weak = sharer('Bea', {
      languages: [
        { code: 'en', level: 'N' },
        { code: 'es', level: '1' },
      ],
    });
    expect(reasonOf([learner('Ana'), weak])).toEqual(['letsconnect-match-unmatched-no-language']);
    const workable = sharer('Bea', { languages: [{ code: 'es', level: '2' }] });
    expect(run([learner('Ana'), workable]).proposals).toHaveLength(1);
  });

  it('needs a format both accept', () => {
    const clinicOnly = sharer('Bea', { formats: ['clinic-sharer'] });
    expect(reasonOf([learner('Ana'), clinicOnly])).toEqual([
      'letsconnect-match-unmatched-no-format',
    ]);
    const group = { formats: ['small-group' as const] };
    expect(run([learner('Ana', group), sharer('Bea', group)]).proposals[0]?.format).toBe(
      'small-group',
    );
  });

  it.each([
    ['withdrawn', { withdrawn: true }, 'letsconnect-match-excluded-withdrawn', []],
    ['unlisted', { listed: false }, 'letsconnect-match-excluded-unlisted', []],
    [
      'snoozed past the round start',
      { snoozeUntil: '2025-06-15' },
      'letsconnect-match-excluded-snoozed',
      ['2025-06-15'],
    ],
  ] as const)('leaves out a %s sharer, and says why', (_, over, key, params) => {
    const result = run([learner('Ana'), sharer('Bea', over)]);
    expect(result.proposals).toEqual([]);
    expect(result.excluded).toEqual([{ username: 'Bea', reason: { key, params } }]);
    expect(result.unmatched[0]?.reason.key).toBe('letsconnect-match-unmatched-no-sharer');
  });

  it('leaves out a snoozed or withdrawn learner, and matches once the snooze is over', () => {
    expect(run([learner('Ana', { withdrawn: true }), sharer('Bea')]).excluded).toHaveLength(1);
    expect(
      run([learner('Ana', { snoozeUntil: '2025-06-01' }), sharer('Bea')]).proposals,
    ).toHaveLength(1);
  });

  it('does not pair again within the last rounds, nor ever after a decline', () => {
    const people = [learner('Ana'), sharer('Bea')];
    const h = (round: string, status: string): HistoryPair => ({
      round,
      proposal: `${round}-001`,
      learners: ['Ana'],
      sharer: 'Bea',
      status,
    });
    expect(reasonOf(people, [h('2025-03', 'notified')])).toEqual([
      'letsconnect-match-unmatched-history',
    ]);
    expect(run(people, [h('2024-11', 'notified')]).proposals).toHaveLength(1);
    expect(reasonOf(people, [h('2020-01', 'declined')])).toEqual([
      'letsconnect-match-unmatched-history',
    ]);
    // This round's own entries belong to the caller (a re-run), not to the history.
    expect(run(people, [h('2025-06', 'proposed')]).proposals).toHaveLength(1);
  });

  it('says when every eligible sharer is at capacity', () => {
    const result = run([learner('Ana'), learner('Carla'), sharer('Bea')]);
    expect(result.proposals).toHaveLength(1);
    expect(result.unmatched.map((u) => u.reason.key)).toEqual([
      'letsconnect-match-unmatched-capacity',
    ]);
  });

  it('falls back to a sharer of the same category, scored lower than an exact fit', () => {
    const other = sharer('Bea', { share: ['financial-management'] });
    const p = run([learner('Ana'), other]).proposals[0];
    expect(p).toMatchObject({ topic: 'financial-management', learnTopic: 'fundraising' });
    expect(p?.reasons[0]).toEqual({
      key: 'letsconnect-match-reason-topic-category',
      params: ['fundraising', 'financial-management'],
    });
    const exact = run([learner('Ana'), sharer('Bea')]).proposals[0];
    expect(exact?.score).toBeGreaterThan(p?.score ?? Infinity);
  });
});

describe('what makes a pairing better', () => {
  it('prefers the learner who has waited longer when a sharer has one place', () => {
    const history: HistoryPair[] = [
      { round: '2025-05', proposal: 'x', learners: ['Ana'], sharer: 'Zoe', status: 'notified' },
      { round: '2025-01', proposal: 'y', learners: ['Carla'], sharer: 'Zoe', status: 'notified' },
    ];
    const result = run([learner('Ana'), learner('Carla'), sharer('Bea')], history);
    expect(result.proposals[0]?.learners).toEqual(['Carla']);
    expect(result.proposals[0]?.reasons).toContainEqual({
      key: 'letsconnect-match-reason-waited',
      params: [5],
    });
  });

  it('spreads load: two learners go to two sharers rather than one', () => {
    const result = run([
      learner('Ana'),
      learner('Carla'),
      sharer('Bea', { connectionsPerMonth: 2 }),
      sharer('Dora', { availability: [{ days: 'weekdays', from: 19, to: 21 }] }),
    ]);
    expect(result.proposals.map((p) => p.sharer)).toEqual(['Bea', 'Dora']);
  });

  it('respects a sharer taking several connections a month', () => {
    const result = run([
      learner('Ana'),
      learner('Carla'),
      learner('Eva'),
      sharer('Bea', { connectionsPerMonth: 2 }),
    ]);
    expect(result.proposals).toHaveLength(2);
  });

  it('gives room to sharers from a region rarely seen sharing', () => {
    const people = [
      learner('Ana'),
      sharer('Bea', { region: 'lac' }),
      sharer('Cruz', { region: 'lac' }),
      person('Dina', { region: 'ssa' }),
      person('Efe', { region: 'ssa' }),
      sharer('Femi', { region: 'ssa' }),
    ];
    const p = run(people).proposals[0];
    expect(p?.sharer).toBe('Femi');
    expect(p?.reasons).toContainEqual({
      key: 'letsconnect-match-reason-rare-region',
      params: ['ssa'],
    });
  });
});

describe('group mode', () => {
  const group = { formats: ['one-to-one' as const, 'small-group' as const] };
  it('adds learners left out to a connection on their topic, up to three', () => {
    const people = [
      learner('Ana', group),
      learner('Carla', group),
      learner('Eva', group),
      learner('Gil', group),
      sharer('Bea', group),
    ];
    const result = run(people, [], true);
    expect(result.proposals).toHaveLength(1);
    expect(result.proposals[0]?.learners).toHaveLength(3);
    expect(result.proposals[0]?.format).toBe('small-group');
    expect(result.proposals[0]?.reasons).toContainEqual({
      key: 'letsconnect-match-reason-group',
      params: [3],
    });
    expect(result.unmatched).toHaveLength(1);
  });

  it('adds no one who does not accept small groups', () => {
    const result = run([learner('Ana', group), learner('Carla'), sharer('Bea', group)], [], true);
    expect(result.proposals[0]?.learners).toHaveLength(1);
  });
});

describe('time zones', () => {
  it('moves availability to UTC with the offset on the round date', () => {
    expect(utcOffsetHours('America/Bogota', Date.UTC(2025, 5, 1))).toBe(-5);
    expect(utcOffsetHours('Europe/Paris', Date.UTC(2025, 0, 1))).toBe(1);
    expect(utcOffsetHours('Europe/Paris', Date.UTC(2025, 6, 1))).toBe(2);
    expect(utcOffsetHours('Asia/Kolkata', Date.UTC(2025, 0, 1))).toBe(5);
    expect(utcOffsetHours('Not/AZone', 0)).toBeNull();
    // Bogotá 18–21 is Paris (summer) 01–04 the next day.
    const bogota = weekMask([{ days: 'mon', from: 18, to: 21 }], -5);
    expect(overlapHours(bogota, weekMask([{ days: 'tue', from: 1, to: 3 }], 2))).toBe(2);
    expect(overlapHours(bogota, weekMask([{ days: 'mon', from: 18, to: 21 }], 2))).toBe(0);
  });
});
