import type { Clinic, Signup } from '../../../shared/records/clinic';

/**
 * An open clinic on growth paths with three places, in English and Spanish, organised from
 * Bogotá, with nothing else set: tests spell out only what they are about.
 */
export function clinicFixture(over: Partial<Clinic> = {}): Clinic {
  return {
    title: 'Growth paths',
    topic: 'growth-paths',
    sessions: [],
    timezone: 'America/Bogota',
    minutes: 90,
    sharers: ['Sharer One'],
    interpreters: [],
    host: '',
    languages: ['en', 'es'],
    interpretation: [],
    capacity: 3,
    status: 'open',
    link: '',
    recording: '',
    description: '',
    attended: null,
    ...over,
  };
}

/** A participant's sign-up for session 1, not cancelled. */
export function signupFixture(username: string, over: Partial<Signup> = {}): Signup {
  return {
    username,
    session: 1,
    role: 'participant',
    interpretation: '',
    signed: '',
    cancelled: '',
    ...over,
  };
}
