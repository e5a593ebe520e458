import type { Profile } from '../../../shared/records/profile';

/**
 * A listed Spanish-speaking profile from Latin America with nothing else set: tests spell
 * out only what they are about.
 */
export function profileFixture(over: Partial<Profile> = {}): Profile {
  return {
    username: 'A',
    groups: [],
    experience: '',
    region: 'lac',
    country: '',
    languages: [{ code: 'es', level: 'N' }],
    learn: [],
    share: [],
    learnOther: '',
    shareOther: '',
    formats: ['one-to-one'],
    timezone: '',
    availability: [],
    connectionsPerMonth: 1,
    snoozeUntil: '',
    listed: true,
    withdrawn: false,
    updated: '',
    about: '',
    ...over,
  };
}

/**
 * A person as the matching tests use them: no connections offered, in Bogotá, free on
 * weekday evenings; tests add what they learn and share.
 */
export const matchFixture = (username: string, over: Partial<Profile> = {}): Profile =>
  profileFixture({
    username,
    connectionsPerMonth: 0,
    timezone: 'America/Bogota',
    availability: [{ days: 'weekdays', from: 18, to: 21 }],
    ...over,
  });
/** Someone who wants to learn `topic` and be invited to clinics: English, in Lisbon. */
export function clinicLearnerFixture(topic: string, over: Partial<Profile> = {}): Profile {
  return profileFixture({
    learn: [topic],
    formats: ['clinic-participant'],
    languages: [{ code: 'en', level: '4' }],
    timezone: 'Europe/Lisbon',
    ...over,
  });
}
