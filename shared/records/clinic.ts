/**
 * A learning clinic (~20 people, 1.5 h, two sessions in two time zones, interpretation) on
 * `R/Clinics/<YYYY-MM-DD> <name>`: one `{{Let's Connect/Clinic}}` call. Each person signs up on
 * a page of their own, `…/Sign-ups/<User>` (one `{{Let's Connect/Sign-up}}`), and gives
 * feedback on `…/Feedback/<User>` (one `{{Let's Connect/Feedback}}`): no two people ever edit
 * the same page, so twenty sign-ups in the same minute cannot conflict.
 */
import type { Problem } from '../problems';
import { TEMPLATES } from '../templates/index';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { unknownTopicProblems } from '../taxonomy/taxonomy';
import type { RecordCodec } from './codec';
import {
  checkLength,
  checkNoEmail,
  checkOptionalUsername,
  checkRequired,
  checkUrl,
  checkUsername,
} from './checks';
import {
  joinList,
  readBool,
  readEnum,
  readInt,
  readList,
  readNumbered,
  readText,
  readTimestamp,
  writeBool,
  writeInt,
  writeNumbered,
} from './fields';
import {
  CLINIC_STATUSES,
  KEBAB_ID,
  LANGUAGE_CODE,
  SIGNUP_ROLES,
  type ClinicStatus,
  type SignupRole,
} from './vocabulary';

export const DEFAULT_CLINIC_MINUTES = 90;
export const DEFAULT_CLINIC_CAPACITY = 20;

export interface Clinic {
  title: string;
  /** Topic id. */
  topic: string;
  /** Start of each session, UTC `YYYY-MM-DDTHH:MMZ` (usually two, for two time zones). */
  sessions: string[];
  /** The organiser's IANA time zone: how the form and the no-JavaScript page show the times. */
  timezone: string;
  /** Length of a session in minutes, or null for the default (90). */
  minutes: number | null;
  sharers: string[];
  /**
   * Who interprets. Only people listed here (or in `sharers`, for the sharer role) take those
   * roles and sit outside the places; the host accepts someone by adding them to the page.
   */
  interpreters: string[];
  /** The Learning Ambassador who hosts it. */
  host: string;
  languages: string[];
  /** Languages interpretation is offered into. */
  interpretation: string[];
  /** Places per session, or null for the default (20). */
  capacity: number | null;
  status: ClinicStatus | '';
  /** Where to join (an https link), or ''. */
  link: string;
  recording: string;
  description: string;
  /** How many people attended (all sessions), counted by the host afterwards; null until then. */
  attended: number | null;
}

export const clinicCodec: RecordCodec<Clinic> = {
  template: TEMPLATES.clinic.name,
  params: [
    'title',
    'topic',
    'session#',
    'timezone',
    'minutes',
    'sharer#',
    'interpreter#',
    'host',
    'languages',
    'interpretation',
    'capacity',
    'status',
    'link',
    'recording',
    'description',
    'attended',
  ],
  toParams: (c) => [
    ['title', c.title],
    ['topic', c.topic],
    ...writeNumbered('session#', c.sessions),
    ['timezone', c.timezone],
    ['minutes', writeInt(c.minutes)],
    ...writeNumbered('sharer#', c.sharers),
    ...writeNumbered('interpreter#', c.interpreters),
    ['host', c.host],
    ['languages', joinList(c.languages)],
    ['interpretation', joinList(c.interpretation)],
    ['capacity', writeInt(c.capacity)],
    ['status', c.status],
    ['link', c.link],
    ['recording', c.recording],
    ['description', c.description],
    ['attended', writeInt(c.attended)],
  ],
  fromParams: (bag) => ({
    title: readText(bag, 'title'),
    topic: bag.get('topic').trim().toLowerCase(),
    sessions: bag.numbersOf('session#').flatMap((n) => {
      const at = readTimestamp(bag, `session${n}`);
      return at === '' ? [] : [at];
    }),
    timezone: bag.get('timezone').trim(),
    minutes: readInt(bag, 'minutes', 15, 480),
    sharers: readNumbered(bag, 'sharer#'),
    interpreters: readNumbered(bag, 'interpreter#'),
    host: readText(bag, 'host'),
    languages: readList(bag, 'languages', LANGUAGE_CODE),
    interpretation: readList(bag, 'interpretation', LANGUAGE_CODE),
    capacity: readInt(bag, 'capacity', 1, 1000),
    status: readEnum(bag, 'status', CLINIC_STATUSES),
    link: bag.get('link').trim(),
    recording: bag.get('recording').trim(),
    description: readText(bag, 'description'),
    attended: readInt(bag, 'attended', 0, 100000),
  }),
};

export function validateClinic(c: Clinic, taxonomy?: Taxonomy): Problem[] {
  return [
    ...checkRequired('title', c.title),
    ...checkRequired('topic', c.topic),
    ...checkRequired('session1', c.sessions[0] ?? ''),
    ...checkOptionalUsername('host', c.host),
    ...c.sharers.flatMap((s, i) => checkUsername(`sharer${i + 1}`, s)),
    ...c.interpreters.flatMap((s, i) => checkUsername(`interpreter${i + 1}`, s)),
    ...checkUrl('link', c.link),
    ...checkUrl('recording', c.recording),
    ...checkLength('title', c.title, 200),
    ...checkLength('description', c.description, 4000),
    ...checkNoEmail('description', c.description),
    ...(taxonomy && c.topic !== '' ? unknownTopicProblems(taxonomy, 'topic', [c.topic]) : []),
  ];
}

export interface Signup {
  username: string;
  /** Which session (1, 2…), or null when any. */
  session: number | null;
  role: SignupRole | '';
  /** Language the person needs interpretation into, or ''. */
  interpretation: string;
  /** When they signed up, `YYYY-MM-DDTHH:MMZ`, or ''. */
  signed: string;
  /** When they cancelled, `YYYY-MM-DDTHH:MMZ`, or '' while signed up. */
  cancelled: string;
}

export const signupCodec: RecordCodec<Signup> = {
  template: TEMPLATES.signup.name,
  params: ['username', 'session', 'role', 'interpretation', 'signed', 'cancelled'],
  toParams: (s) => [
    ['username', s.username],
    ['session', writeInt(s.session)],
    ['role', s.role],
    ['interpretation', s.interpretation],
    ['signed', s.signed],
    ['cancelled', s.cancelled],
  ],
  fromParams: (bag) => ({
    username: readText(bag, 'username'),
    session: readInt(bag, 'session', 1, 9),
    role: readEnum(bag, 'role', SIGNUP_ROLES),
    interpretation: readList(bag, 'interpretation', LANGUAGE_CODE)[0] ?? '',
    signed: readTimestamp(bag, 'signed'),
    cancelled: readTimestamp(bag, 'cancelled'),
  }),
};

export function validateSignup(s: Signup): Problem[] {
  return checkUsername('username', s.username);
}

export interface Feedback {
  username: string;
  /** Was the clinic useful (yes/no), or null when not answered. */
  useful: boolean | null;
  /** How useful the clinic was, 1–5, or null. */
  rating: number | null;
  comment: string;
  /** What to improve. */
  improve: string;
  /** Topic ids the person wants a clinic on next. */
  wanted: string[];
  /** `YYYY-MM-DDTHH:MMZ`, or ''. */
  given: string;
}

export const feedbackCodec: RecordCodec<Feedback> = {
  template: TEMPLATES.feedback.name,
  params: ['username', 'useful', 'rating', 'comment', 'improve', 'wanted', 'given'],
  toParams: (f) => [
    ['username', f.username],
    ['useful', f.useful === null ? '' : writeBool(f.useful)],
    ['rating', writeInt(f.rating)],
    ['comment', f.comment],
    ['improve', f.improve],
    ['wanted', joinList(f.wanted)],
    ['given', f.given],
  ],
  fromParams: (bag) => ({
    username: readText(bag, 'username'),
    useful: bag.get('useful').trim() === '' ? null : readBool(bag, 'useful', false),
    rating: readInt(bag, 'rating', 1, 5),
    comment: readText(bag, 'comment'),
    improve: readText(bag, 'improve'),
    wanted: readList(bag, 'wanted', KEBAB_ID),
    given: readTimestamp(bag, 'given'),
  }),
};

export function validateFeedback(f: Feedback): Problem[] {
  return [
    ...checkUsername('username', f.username),
    ...checkLength('comment', f.comment, 2000),
    ...checkNoEmail('comment', f.comment),
    ...checkLength('improve', f.improve, 2000),
    ...checkNoEmail('improve', f.improve),
  ];
}
