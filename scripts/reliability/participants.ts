/**
 * Participants: what a participant can take that is not theirs, through the rules the gadget
 * and the bot share. Seeded random trials (fast-check) over the pure rules, so every run can
 * be repeated with `--seed`.
 *
 * - Clinic capacity: random clinics (places, one or two sessions, listed sharers and
 *   interpreters) and sign-ups in every role by listed and unlisted people. The roster
 *   (`shared/clinics/roster.ts`, which the gadget shows and the bot summarises) must keep
 *   every session within its places: a sign-up outside the places that the clinic does not
 *   list in that role, or a confirmed place past capacity, is one accepted.
 */
import fc from 'fast-check';
import { canonicalUser } from '../../shared/accounts';
import { clinicRoster, type RosterClinic, type SignupEntry } from '../../shared/clinics/roster';
import { summariseClinic } from '../../shared/clinics/summary';
import type { Signup } from '../../shared/records/clinic';
import { SIGNUP_ROLES } from '../../shared/records/vocabulary';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';

/** The roster rule under test: the shared one, or another to show the count can see a bypass. */
export type RosterRule = typeof clinicRoster;

const PEOPLE = ['Ana', 'Bruna', 'Chidi', 'Dewi', 'Emre', 'Farah', 'Gus', 'Hana', 'Ivo', 'Jun'];
/** The same people as typed on a page: underscores, a small first letter. */
const spelled = (name: string) => fc.constantFrom(name, name.toLowerCase(), `${name}_`);

const capacityCase = fc
  .record({
    capacity: fc.integer({ min: 1, max: 4 }),
    sessions: fc.integer({ min: 1, max: 2 }),
    sharers: fc.subarray(PEOPLE, { maxLength: 3 }),
    interpreters: fc.subarray(PEOPLE, { maxLength: 3 }),
    signups: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom(...PEOPLE),
        role: fc.constantFrom(...SIGNUP_ROLES, '' as const),
        session: fc.constantFrom(null, 1, 2, 3),
        cancelled: fc.boolean(),
      }),
      { selector: (s) => s.name, maxLength: PEOPLE.length },
    ),
  })
  .chain((c) =>
    fc.record({
      c: fc.constant(c),
      sharers: fc.tuple(...c.sharers.map(spelled)),
      interpreters: fc.tuple(...c.interpreters.map(spelled)),
    }),
  );

/**
 * Sign-ups past capacity through the sharer/interpreter role: how many the roster let in
 * without a place although the clinic does not list them in that role, plus confirmed places
 * past capacity, over `runs` random clinics.
 */
export function runCapacityTrials(
  runs: number,
  seed: number,
  rule: RosterRule = clinicRoster,
): { cases: number; accepted: number; examples: string[] } {
  let accepted = 0;
  const examples: string[] = [];
  for (const { c, sharers, interpreters } of fc.sample(capacityCase, { numRuns: runs, seed })) {
    const clinic: RosterClinic = {
      capacity: c.capacity,
      sessions: Array.from({ length: c.sessions }, (_, i) => `2026-12-0${i + 1}T10:00Z`),
      sharers,
      interpreters,
    };
    const entries: SignupEntry[] = c.signups.map((s, i) => ({
      pageid: i + 1,
      signup: {
        username: s.name,
        session: s.session,
        role: s.role,
        interpretation: '',
        signed: '',
        cancelled: s.cancelled ? '2026-11-30T10:00Z' : '',
      } satisfies Signup,
    }));
    const roster = rule(clinic, entries);
    const role = new Map(c.signups.map((s) => [s.name, s.role]));
    const listedAs = (name: string) => [
      ...(c.sharers.includes(name) ? ['sharer'] : []),
      ...(c.interpreters.includes(name) ? ['interpreter'] : []),
    ];
    let found = 0;
    for (const s of roster.sessions) {
      for (const name of s.team) {
        if (!listedAs(canonicalUser(name)).includes(role.get(name) ?? '')) found++;
      }
      found += Math.max(0, s.confirmed.length - c.capacity);
    }
    // The bot's summary counts from the same roster: its places never pass capacity either.
    const summary = summariseClinic({ attended: null }, roster, []);
    found += Math.max(0, summary.confirmed - c.capacity * roster.sessions.length);
    if (found > 0 && examples.length < 3) examples.push(JSON.stringify({ clinic, roster }));
    accepted += found;
  }
  return { cases: runs, accepted, examples };
}

export const participantsSection: ReliabilitySection = {
  name: 'participants',
  run(options: ReliabilityOptions): Promise<Figure[]> {
    const runs = options.mode === 'short' ? 300 : 3000;
    const capacity = runCapacityTrials(runs, options.seed);
    for (const e of capacity.examples) options.log(`PAST CAPACITY ${e}`);
    options.log(`${capacity.cases} clinics tried`);
    return Promise.resolve([
      {
        measure: 'sign-ups past capacity through the sharer/interpreter role accepted',
        value: capacity.accepted,
        target: 0,
      },
    ]);
  },
};
