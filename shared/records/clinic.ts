/**
 * A learning clinic (~20 people, 1.5 h, two sessions in two time zones, interpretation) on
 * `R/Clinics/<YYYY-MM-DD> <topic>`: one `{{Let's Connect/Clinic}}` call, then one
 * `{{Let's Connect/Sign-up}}` per person and one `{{Let's Connect/Feedback}}` per response.
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
  readEnum,
  readInt,
  readList,
  readNumbered,
  readText,
  readTimestamp,
  writeInt,
  writeNumbered,
} from './fields';
import {
  CLINIC_STATUSES,
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
  /** Length of a session in minutes, or null for the default (90). */
  minutes: number | null;
  sharers: string[];
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
}

export const clinicCodec: RecordCodec<Clinic> = {
  template: TEMPLATES.clinic.name,
  params: [
    'title',
    'topic',
    'session#',
    'minutes',
    'sharer#',
    'host',
    'languages',
    'interpretation',
    'capacity',
    'status',
    'link',
    'recording',
    'description',
  ],
  toParams: (c) => [
    ['title', c.title],
    ['topic', c.topic],
    ...writeNumbered('session#', c.sessions),
    ['minutes', writeInt(c.minutes)],
    ...writeNumbered('sharer#', c.sharers),
    ['host', c.host],
    ['languages', joinList(c.languages)],
    ['interpretation', joinList(c.interpretation)],
    ['capacity', writeInt(c.capacity)],
    ['status', c.status],
    ['link', c.link],
    ['recording', c.recording],
    ['description', c.description],
  ],
  fromParams: (bag) => ({
    title: readText(bag, 'title'),
    topic: bag.get('topic').trim().toLowerCase(),
    sessions: bag.numbersOf('session#').flatMap((n) => {
      const at = readTimestamp(bag, `session${n}`);
      return at === '' ? [] : [at];
    }),
    minutes: readInt(bag, 'minutes', 15, 480),
    sharers: readNumbered(bag, 'sharer#'),
    host: readText(bag, 'host'),
    languages: readList(bag, 'languages', LANGUAGE_CODE),
    interpretation: readList(bag, 'interpretation', LANGUAGE_CODE),
    capacity: readInt(bag, 'capacity', 1, 1000),
    status: readEnum(bag, 'status', CLINIC_STATUSES),
    link: bag.get('link').trim(),
    recording: bag.get('recording').trim(),
    description: readText(bag, 'description'),
  }),
};

export function validateClinic(c: Clinic, taxonomy?: Taxonomy): Problem[] {
  return [
    ...checkRequired('title', c.title),
    ...checkRequired('topic', c.topic),
    ...checkRequired('session1', c.sessions[0] ?? ''),
    ...checkOptionalUsername('host', c.host),
    ...c.sharers.flatMap((s, i) => checkUsername(`sharer${i + 1}`, s)),
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
}

export const signupCodec: RecordCodec<Signup> = {
  template: TEMPLATES.signup.name,
  params: ['username', 'session', 'role', 'interpretation', 'signed'],
  toParams: (s) => [
    ['username', s.username],
    ['session', writeInt(s.session)],
    ['role', s.role],
    ['interpretation', s.interpretation],
    ['signed', s.signed],
  ],
  fromParams: (bag) => ({
    username: readText(bag, 'username'),
    session: readInt(bag, 'session', 1, 9),
    role: readEnum(bag, 'role', SIGNUP_ROLES),
    interpretation: readList(bag, 'interpretation', LANGUAGE_CODE)[0] ?? '',
    signed: readTimestamp(bag, 'signed'),
  }),
};

export function validateSignup(s: Signup): Problem[] {
  return checkUsername('username', s.username);
}

export interface Feedback {
  username: string;
  /** How useful the clinic was, 1–5, or null. */
  rating: number | null;
  comment: string;
  /** `YYYY-MM-DDTHH:MMZ`, or ''. */
  given: string;
}

export const feedbackCodec: RecordCodec<Feedback> = {
  template: TEMPLATES.feedback.name,
  params: ['username', 'rating', 'comment', 'given'],
  toParams: (f) => [
    ['username', f.username],
    ['rating', writeInt(f.rating)],
    ['comment', f.comment],
    ['given', f.given],
  ],
  fromParams: (bag) => ({
    username: readText(bag, 'username'),
    rating: readInt(bag, 'rating', 1, 5),
    comment: readText(bag, 'comment'),
    given: readTimestamp(bag, 'given'),
  }),
};

export function validateFeedback(f: Feedback): Problem[] {
  return [
    ...checkUsername('username', f.username),
    ...checkLength('comment', f.comment, 2000),
    ...checkNoEmail('comment', f.comment),
  ];
}
