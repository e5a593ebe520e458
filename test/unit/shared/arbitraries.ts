/** fast-check arbitraries for every record type: free text is anything, the rest valid. */
import fc from 'fast-check';
import {
  clinicCodec,
  feedbackCodec,
  signupCodec,
  type Clinic,
  type Feedback,
  type Signup,
} from '../../../shared/records/clinic';
import type { RecordCodec } from '../../../shared/records/codec';
import { memberCodec, type Member } from '../../../shared/records/member';
import { profileCodec, type Profile } from '../../../shared/records/profile';
import {
  outcomeCodec,
  proposalCodec,
  type Outcome,
  type Proposal,
} from '../../../shared/records/proposal';
import { resourceCodec, type Resource } from '../../../shared/records/resource';
import { topicCodec, type TopicRecord } from '../../../shared/records/topic';
import * as V from '../../../shared/records/vocabulary';
import { anyString } from './hostile';

const maybe = <T extends string>(values: readonly T[]): fc.Arbitrary<T | ''> =>
  fc.constantFrom<T | ''>('', ...values);
const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const langCode = fc.constantFrom('en', 'es', 'ar', 'fa', 'zh-hans', 'be-tarask', 'pt-br', 'yue');
const date = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const timestamp = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 16) + 'Z');
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | ''> =>
  fc.oneof(fc.constant('' as const), arb);
/** Any non-empty string: numbered values (learner1…) that are empty are skipped by design. */
const nonEmpty = anyString.filter((s) => s !== '');
const intOrNull = (min: number, max: number) => fc.option(fc.integer({ min, max }), { nil: null });

export const profileArb: fc.Arbitrary<Profile> = fc.record({
  username: anyString,
  groups: fc.array(fc.record({ group: nonEmpty, role: maybe(V.ROLES) }), { maxLength: 4 }),
  experience: maybe(V.EXPERIENCE_LEVELS),
  region: maybe(V.REGIONS),
  country: optional(fc.stringMatching(/^[A-Z]{2}$/)),
  languages: fc.array(fc.record({ code: langCode, level: fc.constantFrom(...V.LANGUAGE_LEVELS) }), {
    maxLength: 4,
  }),
  learn: fc.array(kebab, { maxLength: 5 }),
  share: fc.array(kebab, { maxLength: 5 }),
  learnOther: anyString,
  shareOther: anyString,
  formats: fc.subarray([...V.FORMATS]),
  timezone: fc.constantFrom(
    '',
    'UTC',
    'Africa/Lagos',
    'America/Argentina/Buenos_Aires',
    'Asia/Kolkata',
  ),
  availability: fc.array(
    fc
      .record({
        days: fc.constantFrom(...V.DAYS),
        from: fc.integer({ min: 0, max: 23 }),
        span: fc.integer({ min: 1, max: 24 }),
      })
      .map(({ days, from, span }) => ({ days, from, to: Math.min(24, from + span) })),
    { maxLength: 3 },
  ),
  connectionsPerMonth: fc.integer({ min: 0, max: 10 }),
  snoozeUntil: optional(date),
  listed: fc.boolean(),
  withdrawn: fc.boolean(),
  updated: optional(timestamp),
  about: anyString,
  fromCapx: fc.option(fc.constant(true), { nil: undefined }),
});

export const topicArb: fc.Arbitrary<TopicRecord> = fc.record({
  id: kebab,
  category: fc.constantFrom('funding', 'technical', 'new-category'),
  labels: fc.dictionary(langCode, nonEmpty, { maxKeys: 4 }),
  description: anyString,
  featured: fc.boolean(),
  retired: fc.boolean(),
  capx: fc.array(fc.integer({ min: 1, max: 99_999_999 }).map((n) => `Q${n}`), { maxLength: 3 }),
});

export const memberArb: fc.Arbitrary<Member> = fc.record({
  username: anyString,
  role: maybe(V.MEMBER_ROLES),
  region: maybe(V.REGIONS),
  languages: fc.array(langCode, { maxLength: 3 }),
  since: optional(date),
});

export const proposalArb: fc.Arbitrary<Proposal> = fc.record({
  id: fc.oneof(fc.constant(''), kebab),
  learners: fc.array(nonEmpty, { maxLength: 3 }),
  sharer: anyString,
  topic: fc.oneof(fc.constant(''), kebab),
  format: maybe(V.FORMATS),
  languages: fc.array(langCode, { maxLength: 3 }),
  score: intOrNull(0, 100),
  reason: anyString,
  status: maybe(V.PROPOSAL_STATUSES),
  reviewer: anyString,
  reviewed: optional(timestamp),
  note: anyString,
});

export const outcomeArb: fc.Arbitrary<Outcome> = fc.record({
  proposal: fc.oneof(fc.constant(''), kebab),
  reporter: anyString,
  result: maybe(V.OUTCOME_RESULTS),
  date: optional(date),
  rating: intOrNull(1, 5),
  comment: anyString,
  public: fc.boolean(),
});

const url = fc.oneof(fc.constant(''), fc.webUrl());

export const clinicArb: fc.Arbitrary<Clinic> = fc.record({
  title: anyString,
  topic: fc.oneof(fc.constant(''), kebab),
  sessions: fc.array(timestamp, { maxLength: 3 }),
  timezone: fc.oneof(
    fc.constant(''),
    fc.constantFrom('Africa/Nairobi', 'America/Sao_Paulo', 'UTC'),
  ),
  minutes: intOrNull(15, 480),
  sharers: fc.array(nonEmpty, { maxLength: 3 }),
  interpreters: fc.array(nonEmpty, { maxLength: 3 }),
  host: anyString,
  languages: fc.array(langCode, { maxLength: 3 }),
  interpretation: fc.array(langCode, { maxLength: 3 }),
  capacity: intOrNull(1, 1000),
  status: maybe(V.CLINIC_STATUSES),
  link: url,
  recording: url,
  description: anyString,
  attended: intOrNull(0, 100000),
});

export const signupArb: fc.Arbitrary<Signup> = fc.record({
  username: anyString,
  session: intOrNull(1, 9),
  role: maybe(V.SIGNUP_ROLES),
  interpretation: fc.oneof(fc.constant(''), langCode),
  signed: optional(timestamp),
  cancelled: optional(timestamp),
});

export const feedbackArb: fc.Arbitrary<Feedback> = fc.record({
  username: anyString,
  useful: fc.oneof(fc.constant(null), fc.boolean()),
  rating: intOrNull(1, 5),
  comment: anyString,
  improve: anyString,
  wanted: fc.array(kebab, { maxLength: 3 }),
  given: optional(timestamp),
});

export const resourceArb: fc.Arbitrary<Resource> = fc.record({
  title: anyString,
  url,
  page: anyString,
  kind: maybe(V.RESOURCE_KINDS),
  topics: fc.array(kebab, { maxLength: 3 }),
  languages: fc.array(langCode, { maxLength: 3 }),
  addedBy: anyString,
  added: optional(date),
  description: anyString,
});

/** Every record type: its name, codec and arbitrary. */
export const CODEC_CASES: Array<[string, RecordCodec<never>, fc.Arbitrary<unknown>]> = [
  ['profile', profileCodec as RecordCodec<never>, profileArb],
  ['topic', topicCodec as RecordCodec<never>, topicArb],
  ['member', memberCodec as RecordCodec<never>, memberArb],
  ['proposal', proposalCodec as RecordCodec<never>, proposalArb],
  ['outcome', outcomeCodec as RecordCodec<never>, outcomeArb],
  ['clinic', clinicCodec as RecordCodec<never>, clinicArb],
  ['sign-up', signupCodec as RecordCodec<never>, signupArb],
  ['feedback', feedbackCodec as RecordCodec<never>, feedbackArb],
  ['resource', resourceCodec as RecordCodec<never>, resourceArb],
];

/**
 * Replaces every non-empty free-text string of a record (at any depth) with `hostile`; ids,
 * codes, dates and links are kept.
 */
export function poison(value: unknown, hostile: string): unknown {
  if (typeof value === 'string')
    return value === '' || /^[a-z0-9:/._-]+$|^https?:\/\//i.test(value) ? value : hostile;
  if (Array.isArray(value)) return value.map((v) => poison(v, hostile));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, hostile)]));
  }
  return value;
}
