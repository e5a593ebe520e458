import {
  invitationKey,
  planInvitations,
  type InvitationRecord,
  type UpcomingClinic,
} from '../../../shared/clinics/invitations';
import { toDirectoryEntry, type DirectoryEntry } from '../../../shared/documents/documents';
import type { Clinic } from '../../../shared/records/clinic';
import type { Profile } from '../../../shared/records/profile';
import { profileFixture } from '../support/profile-fixture';

const NOW = new Date('2026-11-05T12:00:00Z');
const TOPIC = 'grant-writing';

const person = (username: string, over: Partial<Profile> = {}): DirectoryEntry =>
  toDirectoryEntry(
    profileFixture({ username, learn: [TOPIC], formats: ['clinic-participant'], ...over }),
    1,
  )!;

const clinic = (
  title: string,
  over: Partial<Clinic> = {},
  signedUp: string[] = [],
): UpcomingClinic => ({
  title,
  signedUp: new Set(signedUp),
  clinic: {
    title,
    topic: TOPIC,
    sessions: ['2026-11-20T16:00Z'],
    timezone: 'UTC',
    minutes: 90,
    sharers: ['Sharer'],
    interpreters: [],
    host: 'Host',
    languages: ['en'],
    interpretation: [],
    capacity: 20,
    status: 'open',
    link: '',
    recording: '',
    description: '',
    attended: null,
    ...over,
  },
});

const sent = (
  clinicTitle: string,
  user: string,
  at: string,
  status: InvitationRecord['status'] = 'sent',
) => ({
  clinic: clinicTitle,
  user,
  at,
  status,
});

describe('planInvitations', () => {
  it('invites exactly the opted-in, interested people who are not excluded', () => {
    const plan = planInvitations({
      now: NOW,
      clinics: [clinic('C1', {}, ['Signed'])],
      people: [
        person('Yes'),
        person('Other topic', { learn: ['something-else'] }),
        person('No format', { formats: ['one-to-one'] }),
        person('Snoozed', { snoozeUntil: '2026-12-01' }),
        person('Snooze over', { snoozeUntil: '2026-11-01' }),
        person('Signed'),
        person('Sharer'),
        person('Recent'),
        person('Week ago'),
        person('Refused'),
      ],
      sent: [
        sent('Old clinic', 'Recent', '2026-11-01T00:00:00Z'),
        sent('Old clinic', 'Week ago', '2026-10-29T12:00:00Z'),
        sent('C1', 'Refused', '2026-10-01T00:00:00Z', 'excluded'),
      ],
    });
    expect(plan.invitations.map((i) => i.user)).toEqual(['Yes', 'Snooze over', 'Week ago']);
    expect(plan.invitations[0]?.key).toBe(invitationKey('C1', 'Yes'));
    expect(Object.fromEntries(plan.skipped.map((s) => [s.user, s.reason]))).toEqual({
      'No format': 'not-opted-in',
      Snoozed: 'snoozed',
      Signed: 'signed-up',
      Sharer: 'team',
      Recent: 'invited-recently',
      Refused: 'already-invited',
    });
  });

  it('sends one invitation a person per run, for the soonest clinic, and none for closed or past clinics', () => {
    const plan = planInvitations({
      now: NOW,
      clinics: [
        clinic('Later', { sessions: ['2026-12-01T10:00Z'] }),
        clinic('Sooner', { sessions: ['2026-11-10T10:00Z'] }),
        clinic('Full', { status: 'full' }),
        clinic('Past', { sessions: ['2026-11-01T10:00Z'] }),
        clinic('No status', { status: '' }),
      ],
      people: [person('P')],
      sent: [],
    });
    expect(plan.invitations).toEqual([
      { key: invitationKey('Sooner', 'P'), clinic: 'Sooner', user: 'P' },
    ]);
    expect(plan.skipped).toEqual([{ clinic: 'Later', user: 'P', reason: 'one-per-run' }]);
  });

  it('never invites twice to the same clinic, however long ago', () => {
    const plan = planInvitations({
      now: NOW,
      clinics: [clinic('C1')],
      people: [person('P')],
      sent: [sent('C1', 'P', '2026-01-01T00:00:00Z')],
    });
    expect(plan.invitations).toEqual([]);
  });
});

describe('the invitation horizon', () => {
  const people = [person('Keen')];
  const plan = (horizonDays?: number) =>
    planInvitations({
      now: NOW,
      clinics: [
        clinic('In two weeks', { sessions: ['2026-11-19T16:00Z'] }),
        clinic('In ten months', { sessions: ['2027-09-05T16:00Z'] }),
        clinic('In seven weeks', { sessions: ['2026-12-24T16:00Z'] }),
      ],
      people,
      sent: [],
      ...(horizonDays === undefined ? {} : { horizonDays }),
    }).invitations.map((i) => i.clinic);

  it('invites only to clinics within six weeks by default', () => {
    expect(plan()).toEqual(['In two weeks']);
  });

  it('takes a configured horizon', () => {
    expect(plan(60)).toEqual(['In two weeks']); // one invitation a person a run
    expect(
      planInvitations({
        now: NOW,
        clinics: [clinic('In seven weeks', { sessions: ['2026-12-24T16:00Z'] })],
        people,
        sent: [],
        horizonDays: 60,
      }).invitations.map((i) => i.clinic),
    ).toEqual(['In seven weeks']);
    expect(plan(7)).toEqual([]);
  });
});
