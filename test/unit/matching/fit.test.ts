/** "Best for me": the engine's own pair score and reasons, from one reader's side. */
import { matchConfig } from '../../../shared/matching/config';
import { matchRound } from '../../../shared/matching/engine';
import { fitsFor } from '../../../shared/matching/fit';
import type { MatchPerson } from '../../../shared/matching/types';
import { matchFixture } from '../support/profile-fixture';

const ROUND = '2025-06';
const person = (username: string, over: Partial<MatchPerson> = {}): MatchPerson =>
  matchFixture(username, over);

describe('fitsFor', () => {
  const ana = person('Ana', { learn: ['fundraising'] });
  const bea = person('Bea', { share: ['fundraising'], connectionsPerMonth: 1 });

  it('gives the score and reasons matchRound gives the same pair, from either side', () => {
    const round = matchRound(
      { round: ROUND, people: [ana, bea] },
      { config: matchConfig({ groups: false }) },
    );
    const proposal = round.proposals[0];
    expect(proposal).toBeDefined();
    const fromAna = fitsFor('Ana', [ana, bea], ROUND).get('Bea');
    expect(fromAna).toMatchObject({
      direction: 'learn',
      topic: 'fundraising',
      score: proposal?.score,
      reasons: proposal?.reasons,
    });
    const fromBea = fitsFor('Bea', [ana, bea], ROUND).get('Ana');
    expect(fromBea).toMatchObject({ direction: 'share', score: proposal?.score });
  });

  it('ranks an exact topic above a topic of the same category, and more common hours higher', () => {
    const people = [
      ana,
      person('Category', { share: ['financial-management'], connectionsPerMonth: 1 }),
      bea,
      person('Evenings', {
        share: ['fundraising'],
        connectionsPerMonth: 1,
        availability: [{ days: 'weekdays', from: 20, to: 21 }],
      }),
    ];
    const fits = fitsFor('Ana', people, ROUND);
    const order = [...fits.values()].sort((a, b) => b.score - a.score).map((f) => f.username);
    expect(order).toEqual(['Bea', 'Evenings', 'Category']);
    expect(fits.get('Category')?.reasons[0]).toEqual({
      key: 'letsconnect-match-reason-topic-category',
      params: ['fundraising', 'financial-management'],
    });
  });

  it('has no fit where the engine could never propose the pair', () => {
    const people = [
      ana,
      person('NoLanguage', {
        share: ['fundraising'],
        connectionsPerMonth: 1,
        languages: [{ code: 'fi', level: 'N' }],
      }),
      person('NoFormat', {
        share: ['fundraising'],
        connectionsPerMonth: 1,
        formats: ['resource-sharing'],
      }),
      person('NoCapacity', { share: ['fundraising'], connectionsPerMonth: 0 }),
      person('Snoozed', {
        share: ['fundraising'],
        connectionsPerMonth: 1,
        snoozeUntil: '2025-07-01',
      }),
      person('NoTopic', { share: ['wikidata-basics'], connectionsPerMonth: 1 }),
      bea,
    ];
    expect([...fitsFor('Ana', people, ROUND).keys()]).toEqual(['Bea']);
  });

  it('gives nothing for a reader who is not in the directory or cannot take part', () => {
    expect(fitsFor('Zoe', [ana, bea], ROUND).size).toBe(0);
    const away = person('Ana', { learn: ['fundraising'], snoozeUntil: '2025-12-01' });
    expect(fitsFor('Ana', [away, bea], ROUND).size).toBe(0);
    expect(fitsFor('Ana', [ana, bea], 'June').size).toBe(0);
  });
});
