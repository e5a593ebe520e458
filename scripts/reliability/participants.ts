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
 * - A forged edit: random profiles written by their owner, then by another account (named or
 *   temporary); the gadget's profile form loads the page (`loadOwnProfile`) and the owner
 *   saves a change. A field that holds the other account's value, in the form or on the
 *   saved page, is one "adopted".
 * - Withdrawal: random profiles (with text around the call) withdrawn through the form's
 *   path (`withdrawOwnProfile`); every personal field left on the saved page, and any text
 *   beside the call, is one left.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import {
  loadOwnProfile,
  saveOwnProfile,
  withdrawOwnProfile,
} from '../../gadget/views/profile-form/profile-page';
import { canonicalUser, sameUser } from '../../shared/accounts';
import { clinicRoster, type RosterClinic, type SignupEntry } from '../../shared/clinics/roster';
import { summariseClinic } from '../../shared/clinics/summary';
import type { Signup } from '../../shared/records/clinic';
import { parseSingleRecord, serialiseRecord } from '../../shared/records/codec';
import {
  KEPT_WHEN_WITHDRAWN,
  profileCodec,
  withdrawnProfile,
  type Profile,
} from '../../shared/records/profile';
import { profilePageTitle } from '../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import type { PageRevision, SaveResult, WikiClient } from '../../shared/wiki-client';
import { profileArb } from '../../test/unit/shared/arbitraries';
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

/** A wiki of one page's history in memory: enough for the profile form's load and save. */
export class HistoryWiki implements WikiClient {
  revisions: Array<{ title: string; revid: number; user: string; content: string }> = [];

  constructor(private readonly me: string) {}

  write(title: string, content: string, user: string): number {
    const revid = this.revisions.length + 1;
    this.revisions.push({ title, revid, user, content });
    return revid;
  }

  private of(title: string) {
    return this.revisions.filter((r) => r.title === title).reverse();
  }

  readPages(titles: readonly string[]): Promise<PageRevision[]> {
    return Promise.resolve(
      titles.map((title) => {
        const [latest] = this.of(title);
        return latest ? { ...latest, exists: true } : { title, exists: false };
      }),
    );
  }

  readHistory(title: string, limit: number): Promise<PageRevision[]> {
    return Promise.resolve(
      this.of(title)
        .slice(0, limit)
        .map((r) => ({ ...r, exists: true })),
    );
  }

  listPages(): Promise<string[]> {
    return Promise.resolve([...new Set(this.revisions.map((r) => r.title))]);
  }

  save(title: string, content: string, _s: string, base: number | null): Promise<SaveResult> {
    if ((this.of(title)[0]?.revid ?? null) !== base) throw new Error('editconflict');
    return Promise.resolve({ title, revid: this.write(title, content, this.me), nochange: false });
  }
}

/** A profile as its page gives it back (the codec trims and normalises what it reads). */
const asRead = (p: Profile): Profile =>
  parseSingleRecord(profileCodec, serialiseRecord(profileCodec, p)).parsed!.record;

const OWNER = 'Bruna Wikimedian';
const TITLE = profilePageTitle(DEFAULT_ROOT, OWNER);
const FORGERS = ['Amani Wikimedian', '~2026-1513'];
/** Fields an owner's save may change, or that a save sets: not evidence of adoption. */
const OWN_FIELDS: readonly (keyof Profile)[] = ['username', 'updated', 'about', 'withdrawn'];

/** The profile form's ways in (the shared ones, or others to show the counts see a hole). */
export interface FormPath {
  load: typeof loadOwnProfile;
  withdraw: typeof withdrawOwnProfile;
}
const FORM: FormPath = { load: loadOwnProfile, withdraw: withdrawOwnProfile };

/**
 * Another account's edit adopted into the owner's profile by the form: over `runs` random
 * histories (owner, then one or two edits by someone else), the fields of the form's profile
 * and of the owner's next save that hold the other account's value.
 */
export async function runForgedEditTrials(
  runs: number,
  seed: number,
  path: FormPath = FORM,
): Promise<{ cases: number; adopted: number }> {
  const cases = fc.sample(
    fc.record({
      mine: profileArb,
      theirs: fc.array(profileArb, { minLength: 1, maxLength: 2 }),
      forger: fc.constantFrom(...FORGERS),
    }),
    { numRuns: runs, seed },
  );
  let adopted = 0;
  for (const { mine, theirs, forger } of cases) {
    const wiki = new HistoryWiki(OWNER);
    const own = asRead({ ...mine, username: OWNER, withdrawn: false });
    wiki.write(TITLE, serialiseRecord(profileCodec, own), OWNER);
    const forged = theirs.map((p) => asRead({ ...p, username: OWNER, withdrawn: false }));
    for (const p of forged) wiki.write(TITLE, serialiseRecord(profileCodec, p), forger);
    const loaded = await path.load(wiki, DEFAULT_ROOT, DEFAULT_BOT_NAME, OWNER);
    const form = loaded.profile ?? withdrawnProfile(OWNER);
    const saved = await saveOwnProfile(
      wiki,
      loaded,
      { ...form, about: 'Changed by the owner', withdrawn: false },
      'update',
      new Date('2026-12-01T12:00:00Z'),
    );
    const page = parseSingleRecord(profileCodec, saved.own.text).parsed?.record;
    const fromThem = (p: Profile | undefined) =>
      (Object.keys(own) as (keyof Profile)[]).filter(
        (k) =>
          !OWN_FIELDS.includes(k) &&
          p !== undefined &&
          forged.some((f) => !isDeepStrictEqual(f[k], own[k]) && isDeepStrictEqual(p[k], f[k])),
      ).length;
    adopted += Math.max(fromThem(loaded.profile ?? undefined), fromThem(page)) > 0 ? 1 : 0;
  }
  return { cases: runs, adopted };
}

/**
 * Personal fields left on a withdrawn profile page: over `runs` random profiles (with other
 * text on the page), withdrawn through the form's path, the fields the page still holds
 * beside the user name and the withdrawn flag, and any text beside the call.
 */
export async function runWithdrawalTrials(
  runs: number,
  seed: number,
  path: FormPath = FORM,
): Promise<{ cases: number; left: number }> {
  const cases = fc.sample(fc.record({ p: profileArb, around: fc.boolean() }), {
    numRuns: runs,
    seed,
  });
  let left = 0;
  for (const { p, around } of cases) {
    const wiki = new HistoryWiki(OWNER);
    const call = serialiseRecord(profileCodec, { ...p, username: OWNER, withdrawn: false });
    wiki.write(TITLE, around ? `A few words.\n${call}\n[[Category:Mine]]\n` : call, OWNER);
    const loaded = await path.load(wiki, DEFAULT_ROOT, DEFAULT_BOT_NAME, OWNER);
    await path.withdraw(wiki, loaded, 'withdraw', new Date('2026-12-01T12:00:00Z'));
    const [page] = await wiki.readPages([TITLE]);
    const text = page?.content ?? '';
    const parsed = parseSingleRecord(profileCodec, text).parsed;
    const blank = withdrawnProfile(OWNER);
    if (!parsed) continue;
    const record = parsed.record;
    left += (Object.keys(blank) as (keyof Profile)[]).filter(
      (k) => !KEPT_WHEN_WITHDRAWN.includes(k) && !isDeepStrictEqual(record[k], blank[k]),
    ).length;
    if (!record.withdrawn || !sameUser(record.username, OWNER)) left++;
    if (text.slice(0, parsed.start).trim() !== '' || text.slice(parsed.end).trim() !== '') left++;
  }
  return { cases: runs, left };
}

export const participantsSection: ReliabilitySection = {
  name: 'participants',
  async run(options: ReliabilityOptions): Promise<Figure[]> {
    const runs = options.mode === 'short' ? 300 : 3000;
    const capacity = runCapacityTrials(runs, options.seed);
    for (const e of capacity.examples) options.log(`PAST CAPACITY ${e}`);
    options.log(`${capacity.cases} clinics tried`);
    const forged = await runForgedEditTrials(runs / 3, options.seed);
    options.log(`${forged.cases} forged profile edits tried`);
    const withdrawn = await runWithdrawalTrials(runs / 3, options.seed);
    options.log(`${withdrawn.cases} withdrawals tried`);
    return [
      {
        measure: 'sign-ups past capacity through the sharer/interpreter role accepted',
        value: capacity.accepted,
        target: 0,
      },
      {
        measure: "another account's edit adopted into the owner's profile by the form",
        value: forged.adopted,
        target: 0,
      },
      {
        measure: 'personal fields left on a withdrawn profile page',
        value: withdrawn.left,
        target: 0,
      },
    ];
  },
};
