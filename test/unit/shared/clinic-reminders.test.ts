import {
  movedUp,
  planClinicNotices,
  reminderKey,
  type ClinicWithSignups,
} from '../../../shared/clinics/reminders';
import { clinicRoster, type SignupEntry } from '../../../shared/clinics/roster';
import type { Clinic, Signup } from '../../../shared/records/clinic';
import { clinicFixture } from '../support/clinic-fixture';

const NOW = new Date('2026-11-05T12:00:00Z');

const entry = (pageid: number, username: string, over: Partial<Signup> = {}): SignupEntry => ({
  pageid,
  signup: {
    username,
    session: 1,
    role: 'participant',
    interpretation: '',
    signed: `2026-10-0${pageid}T10:00Z`,
    cancelled: '',
    ...over,
  },
});

const clinicWith = (
  title: string,
  over: Partial<Clinic>,
  entries: SignupEntry[],
): ClinicWithSignups => ({
  title,
  clinic: clinicFixture({ capacity: 2, sharers: ['Sharer One'], ...over }),
  entries,
});

const plan = (
  clinics: ClinicWithSignups[],
  sent = [] as Parameters<typeof planClinicNotices>[0]['sent'],
) =>
  planClinicNotices({ now: NOW, clinics, sent }).map(
    (n) => `${n.kind} ${n.user} ${n.sessions.join('+')}`,
  );

describe('clinic reminders', () => {
  it('reminds the people with a place and the listed team once a session is 24 to 48 hours ahead', () => {
    const c = clinicWith('Tomorrow', { sessions: ['2026-11-06T18:00Z'] }, [
      entry(1, 'A'),
      entry(2, 'B'),
      entry(3, 'Waiting'),
      entry(4, 'Cancelled', { cancelled: '2026-10-01T09:00Z' }),
    ]);
    expect(plan([c])).toEqual(['reminder A 1', 'reminder B 1', 'reminder Sharer One 1']);
  });

  it('does not remind outside the window, nor for a cancelled clinic', () => {
    const soon = clinicWith('In 10 hours', { sessions: ['2026-11-05T22:00Z'] }, [entry(1, 'A')]);
    const far = clinicWith('In 4 days', { sessions: ['2026-11-09T12:00Z'] }, [entry(1, 'A')]);
    const off = clinicWith('Cancelled', { sessions: ['2026-11-06T18:00Z'], status: 'cancelled' }, [
      entry(1, 'A'),
    ]);
    expect(plan([soon, far, off])).toEqual([]);
  });

  it('reminds each person once per clinic: a recorded reminder is not planned again', () => {
    const c = clinicWith('Tomorrow', { sessions: ['2026-11-06T18:00Z'], sharers: [] }, [
      entry(1, 'A'),
    ]);
    expect(
      plan(
        [c],
        [
          {
            key: reminderKey('Tomorrow', 'A'),
            kind: 'reminder',
            clinic: 'Tomorrow',
            user: 'A',
            at: '',
            status: 'excluded',
          },
        ],
      ),
    ).toEqual([]);
  });

  it('reminds a listed sharer without a sign-up of every session still ahead', () => {
    const c = clinicWith(
      'Two sessions',
      { sessions: ['2026-11-06T18:00Z', '2026-11-07T02:00Z'] },
      [],
    );
    expect(plan([c])).toEqual(['reminder Sharer One 1+2']);
  });

  it('takes a configured window', () => {
    const c = clinicWith('In 4 days', { sessions: ['2026-11-09T12:00Z'], sharers: [] }, [
      entry(1, 'A'),
    ]);
    expect(
      planClinicNotices({
        now: NOW,
        clinics: [c],
        sent: [],
        window: { fromHours: 72, toHours: 100 },
      }).map((n) => n.user),
    ).toEqual(['A']);
  });
});

describe('moving up from the waiting list', () => {
  const clinic = clinicFixture({ capacity: 2, sessions: ['2026-11-20T18:00Z'] });

  it('tells the person who waited and has a place after a cancellation', () => {
    const entries = [
      entry(1, 'A', { cancelled: '2026-10-09T10:00Z' }),
      entry(2, 'B'),
      entry(3, 'Waited'),
      entry(4, 'Still waiting'),
    ];
    expect(movedUp(clinic, entries, clinicRoster(clinic, entries), 'Waited')).toBe(1);
    expect(movedUp(clinic, entries, clinicRoster(clinic, entries), 'B')).toBeNull();
    expect(movedUp(clinic, entries, clinicRoster(clinic, entries), 'Still waiting')).toBeNull();
    expect(plan([{ title: 'Later', clinic, entries }])).toEqual(['moved-up Waited 1']);
  });

  it('does not tell someone who signed up after the cancellation: they never waited', () => {
    const entries = [
      entry(1, 'A', { cancelled: '2026-10-02T11:00Z' }),
      entry(2, 'B'),
      entry(3, 'Straight in'),
    ];
    expect(plan([{ title: 'Later', clinic, entries }])).toEqual([]);
  });

  it('tells no one once the session has started, and no one without the time they signed up', () => {
    const entries = [
      entry(1, 'A', { cancelled: '2026-10-09T10:00Z' }),
      entry(2, 'B'),
      entry(3, 'Waited', { signed: '' }),
    ];
    expect(plan([{ title: 'Later', clinic, entries }])).toEqual([]);
    const started = clinicFixture({ capacity: 2, sessions: ['2026-11-05T11:00Z'] });
    const e2 = [entry(1, 'A', { cancelled: '2026-10-09T10:00Z' }), entry(2, 'B'), entry(3, 'W')];
    expect(plan([{ title: 'Now', clinic: started, entries: e2 }])).toEqual([]);
  });
});
