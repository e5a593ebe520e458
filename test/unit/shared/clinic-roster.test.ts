import { clinicRoster, teamRole, type SignupEntry } from '../../../shared/clinics/roster';
import { parseClinicTitle } from '../../../shared/pages';
import { signupFixture } from '../support/clinic-fixture';

const signup = signupFixture;

describe('clinicRoster', () => {
  const clinic = {
    sessions: ['2026-12-01T06:00Z', '2026-12-01T16:00Z'],
    capacity: 2,
    sharers: ['Listed sharer'],
    interpreters: ['E'],
  };

  it('confirms by creation order up to capacity per session, then keeps a waiting list', () => {
    const entries: SignupEntry[] = [
      { pageid: 30, signup: signup('C') },
      { pageid: 10, signup: signup('A', { signed: '2030-01-01T00:00Z' }) },
      { pageid: 20, signup: signup('B', { signed: '2000-01-01T00:00Z' }) },
      { pageid: 40, signup: signup('D', { session: 2 }) },
      { pageid: 50, signup: signup('E', { role: 'interpreter' }) },
      { pageid: 60, signup: signup('F', { session: 7 }) },
    ];
    const roster = clinicRoster(clinic, entries);
    expect(roster.sessions).toEqual([
      { session: 1, confirmed: ['A', 'B'], waiting: ['C', 'F'], team: ['E'] },
      { session: 2, confirmed: ['D'], waiting: [], team: [] },
    ]);
  });

  it('takes the sharer and interpreter roles only from those the clinic lists', () => {
    const entries: SignupEntry[] = [
      { pageid: 1, signup: signup('A') },
      { pageid: 2, signup: signup('B') },
      // Not listed: they count as participants, and the session is full, so they wait.
      { pageid: 3, signup: signup('Gatecrasher', { role: 'sharer' }) },
      { pageid: 4, signup: signup('Other', { role: 'interpreter' }) },
      // Listed (the name as MediaWiki writes it): outside the places.
      { pageid: 5, signup: signup('listed_sharer', { role: 'sharer' }) },
      { pageid: 6, signup: signup('E', { role: 'interpreter' }) },
      // A listed interpreter asking for the sharer role is not a listed sharer.
      { pageid: 7, signup: signup('E2', { role: 'sharer' }) },
    ];
    const [first] = clinicRoster(clinic, entries).sessions;
    expect(first).toEqual({
      session: 1,
      confirmed: ['A', 'B'],
      waiting: ['Gatecrasher', 'Other', 'E2'],
      team: ['listed_sharer', 'E'],
    });
    expect(teamRole(clinic, { role: 'sharer', username: 'Listed_sharer' })).toBe(true);
    expect(teamRole(clinic, { role: 'interpreter', username: 'Listed sharer' })).toBe(false);
    expect(teamRole(clinic, { role: 'participant', username: 'E' })).toBe(false);
  });

  it('moves the first person waiting up when someone cancels', () => {
    const entries: SignupEntry[] = ['A', 'B', 'C', 'D'].map((name, i) => ({
      pageid: i + 1,
      signup: signup(name, { cancelled: name === 'A' ? '2026-11-30T10:00Z' : '' }),
    }));
    const roster = clinicRoster({ ...clinic, sessions: ['2026-12-01T06:00Z'] }, entries);
    expect(roster.sessions[0]).toMatchObject({ confirmed: ['B', 'C'], waiting: ['D'] });
    expect(roster.cancelled).toEqual(['A']);
  });

  it('uses the default capacity of 20 when none is set', () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({ pageid: i, signup: signup(`P${i}`) }));
    const [first] = clinicRoster(
      { ...clinic, sessions: ['2026-12-01T06:00Z'], capacity: null },
      entries,
    ).sessions;
    expect(first?.confirmed).toHaveLength(20);
    expect(first?.waiting).toHaveLength(5);
  });
});

describe('parseClinicTitle', () => {
  const R = 'Grants:Knowledge Sharing/Connect';
  it.each([
    [`${R}/Clinics/2026-12-01 Grants basics`, { kind: 'clinic', date: '2026-12-01' }],
    [
      `${R}/Clinics/2026-12-01_Grants_basics/Sign-ups/Some_One`,
      { kind: 'sign-up', username: 'Some One' },
    ],
    [`${R}/Clinics/2026-12-01 Grants basics/Feedback/X`, { kind: 'feedback', username: 'X' }],
    [`${R}/Clinics/2026-12-01 Grants basics/Summary`, { kind: 'summary' }],
  ])('reads %s', (title, expected) => {
    expect(parseClinicTitle(R, title)).toMatchObject({
      ...expected,
      clinic: `${R}/Clinics/2026-12-01 Grants basics`,
    });
  });
  it.each([
    `${R}/Clinics/Grants basics`,
    `${R}/Clinics/2026-12-01 Grants basics/Sign-ups/`,
    `${R}/Clinics/2026-12-01 Grants basics/Other/X`,
    `${R}/Participants/X`,
  ])('refuses %s', (title) => {
    expect(parseClinicTitle(R, title)).toBeNull();
  });
});
