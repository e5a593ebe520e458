/**
 * A participant's profile: one `{{Let's Connect/Profile}}` call on `R/Participants/<Username>`.
 * Nothing private is part of it (no email, gender or age; see ParamBag for the refusal).
 */
import { problem, type Problem } from '../problems';
import { TEMPLATES } from '../templates/index';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { unknownTopicProblems } from '../taxonomy/taxonomy';
import type { RecordCodec } from './codec';
import {
  joinList,
  readBool,
  readDate,
  readEnum,
  readEnumList,
  readInt,
  readList,
  readText,
  readTimestamp,
  splitList,
  writeBool,
} from './fields';
import type { ParamBag } from './param-bag';
import { checkLength, checkNoEmail, checkUsername } from './checks';
import {
  DAYS,
  EXPERIENCE_LEVELS,
  FORMATS,
  COUNTRY_CODE,
  KEBAB_ID,
  REGIONS,
  ROLES,
  isTimeZone,
  type Day,
  type Experience,
  type Format,
  type LanguageLevel,
  type Region,
  type Role,
} from './vocabulary';

export interface GroupMembership {
  /** The group or affiliate, as its members write it (free text). */
  group: string;
  role: Role | '';
}

export interface LanguageSkill {
  code: string;
  level: LanguageLevel;
}

/** A weekly window in the profile's own time zone, whole hours, `from` < `to` ≤ 24. */
export interface AvailabilitySlot {
  days: Day;
  from: number;
  to: number;
}

export interface Profile {
  username: string;
  groups: GroupMembership[];
  /** Organising experience, so sharers and learners can be told apart. */
  experience: Experience | '';
  region: Region | '';
  /** ISO 3166-1 alpha-2, or ''. */
  country: string;
  languages: LanguageSkill[];
  /** Topic ids to learn and to share (taxonomy ids; unknown ids are kept and reported). */
  learn: string[];
  share: string[];
  /** Free-text topic suggestions, for the working group to turn into topics. */
  learnOther: string;
  shareOther: string;
  formats: Format[];
  /** IANA time zone, e.g. `America/Bogota`, or ''. */
  timezone: string;
  availability: AvailabilitySlot[];
  /** Connections a month the person can take as a sharer (0 = none). */
  connectionsPerMonth: number;
  /** `YYYY-MM-DD` until which matching is paused, or ''. */
  snoozeUntil: string;
  /** Consent to be listed in the directory and matched. Off unless said. */
  listed: boolean;
  /**
   * True when the person turned off requests to connect (`requests = no`): nobody can ask them
   * from the directory. Absent means requests are welcome.
   */
  requestsOff?: boolean;
  withdrawn: boolean;
  /** `YYYY-MM-DDTHH:MM[:SS]Z` of the last update through the gadget, or ''. */
  updated: string;
  /** A few words about oneself (free text, may be multi-line). */
  about: string;
  /**
   * Opted in to "Bring my capacities from the Capacity Exchange" (param `capx`, written only
   * when yes). Off unless said; absent on records made before it existed.
   */
  fromCapx?: boolean;
}

export const MAX_CONNECTIONS_PER_MONTH = 10;

/**
 * A withdrawn profile as its page keeps it: the user name and the withdrawn flag, every
 * personal field blank. (`updated` is set when saved.)
 */
export function withdrawnProfile(username: string): Profile {
  return {
    username,
    groups: [],
    experience: '',
    region: '',
    country: '',
    languages: [],
    learn: [],
    share: [],
    learnOther: '',
    shareOther: '',
    formats: [],
    timezone: '',
    availability: [],
    connectionsPerMonth: 0,
    snoozeUntil: '',
    listed: false,
    withdrawn: true,
    updated: '',
    about: '',
  };
}

/** The fields a withdrawn page keeps; every other one is personal and blanked. */
export const KEPT_WHEN_WITHDRAWN: readonly (keyof Profile)[] = ['username', 'withdrawn', 'updated'];

const LANGUAGE_SKILL = /^([a-z]{2,3}(?:-[a-z0-9]{2,8})*)-([0-5n])$/;
const AVAILABILITY_SLOT = new RegExp(`^(${DAYS.join('|')}) ([0-9]{1,2})-([0-9]{1,2})$`);

function readLanguages(bag: ParamBag): LanguageSkill[] {
  const out: LanguageSkill[] = [];
  // readList has already lower-cased and checked each item against LANGUAGE_SKILL.
  for (const item of readList(bag, 'languages', LANGUAGE_SKILL)) {
    const m = LANGUAGE_SKILL.exec(item);
    if (m) out.push({ code: m[1] ?? '', level: (m[2] ?? '0').toUpperCase() as LanguageLevel });
  }
  return out;
}

function readAvailability(bag: ParamBag): AvailabilitySlot[] {
  const out: AvailabilitySlot[] = [];
  for (const item of splitList(bag.get('availability'))) {
    const m = AVAILABILITY_SLOT.exec(item.toLowerCase().replace(/\s+/g, ' '));
    const from = Number(m?.[2]);
    const to = Number(m?.[3]);
    if (m && from < to && to <= 24) out.push({ days: m[1] as Day, from, to });
    else bag.report(problem('availability', 'letsconnect-problem-format', ['availability', item]));
  }
  return out;
}

const hour = (h: number): string => String(h).padStart(2, '0');

function readGroups(bag: ParamBag): GroupMembership[] {
  const numbers = new Set([...bag.numbersOf('group#'), ...bag.numbersOf('group#-role')]);
  const out: GroupMembership[] = [];
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const group = readText(bag, `group${n}`);
    const role = readEnum(bag, `group${n}-role`, ROLES);
    if (group !== '') out.push({ group, role });
    else if (role !== '') {
      bag.report(
        problem(`group${n}-role`, 'letsconnect-problem-role-without-group', [n], 'warning'),
      );
    }
  }
  return out;
}

export const profileCodec: RecordCodec<Profile> = {
  template: TEMPLATES.profile.name,
  params: [
    'username',
    'group#',
    'group#-role',
    'experience',
    'region',
    'country',
    'languages',
    'learn',
    'learn-other',
    'share',
    'share-other',
    'formats',
    'timezone',
    'availability',
    'connections-per-month',
    'snooze-until',
    'listed',
    'requests',
    'withdrawn',
    'updated',
    'about',
    'capx',
  ],
  toParams: (p) => [
    ['username', p.username],
    ...p.groups.flatMap((g, i): Array<[string, string]> => [
      [`group${i + 1}`, g.group],
      [`group${i + 1}-role`, g.role],
    ]),
    ['experience', p.experience],
    ['region', p.region],
    ['country', p.country],
    ['languages', joinList(p.languages.map((l) => `${l.code}-${l.level}`))],
    ['learn', joinList(p.learn)],
    ['learn-other', p.learnOther],
    ['share', joinList(p.share)],
    ['share-other', p.shareOther],
    ['formats', joinList(p.formats)],
    ['timezone', p.timezone],
    [
      'availability',
      joinList(p.availability.map((s) => `${s.days} ${hour(s.from)}-${hour(s.to)}`)),
    ],
    ['connections-per-month', String(p.connectionsPerMonth)],
    ['snooze-until', p.snoozeUntil],
    ['listed', writeBool(p.listed)],
    ['requests', p.requestsOff === true ? writeBool(false) : ''],
    ['withdrawn', writeBool(p.withdrawn)],
    ['updated', p.updated],
    ['about', p.about],
    ['capx', p.fromCapx === true ? 'yes' : ''],
  ],
  fromParams: (bag) => ({
    username: readText(bag, 'username'),
    groups: readGroups(bag),
    experience: readEnum(bag, 'experience', EXPERIENCE_LEVELS),
    region: readEnum(bag, 'region', REGIONS),
    country: bag.get('country').trim().toUpperCase(),
    languages: readLanguages(bag),
    learn: readList(bag, 'learn', KEBAB_ID),
    share: readList(bag, 'share', KEBAB_ID),
    learnOther: readText(bag, 'learn-other'),
    shareOther: readText(bag, 'share-other'),
    formats: readEnumList(bag, 'formats', FORMATS),
    timezone: bag.get('timezone').trim(),
    availability: readAvailability(bag),
    connectionsPerMonth: readInt(bag, 'connections-per-month', 0, MAX_CONNECTIONS_PER_MONTH) ?? 0,
    snoozeUntil: readDate(bag, 'snooze-until'),
    listed: readBool(bag, 'listed', false),
    ...(readBool(bag, 'requests', true) ? {} : { requestsOff: true }),
    withdrawn: readBool(bag, 'withdrawn', false),
    updated: readTimestamp(bag, 'updated'),
    about: readText(bag, 'about'),
    // Only when set: records that never had it stay as they were.
    ...(readBool(bag, 'capx', false) && { fromCapx: true }),
  }),
};

export const PROFILE_LIMITS = { about: 2000, suggestion: 500, group: 200 } as const;

/**
 * Everything wrong with a profile as data, whether it came from a page or from the gadget's
 * form. With a taxonomy, topic ids it does not know are reported (and kept).
 */
export function validateProfile(p: Profile, taxonomy?: Taxonomy): Problem[] {
  const problems: Problem[] = [...checkUsername('username', p.username)];
  if (p.region === '') problems.push(problem('region', 'letsconnect-problem-required', ['region']));
  if (p.country !== '' && !COUNTRY_CODE.test(p.country)) {
    problems.push(problem('country', 'letsconnect-problem-format', ['country', p.country]));
  }
  if (p.languages.length === 0) {
    problems.push(problem('languages', 'letsconnect-problem-required', ['languages']));
  }
  if (p.learn.length + p.share.length === 0 && p.learnOther + p.shareOther === '') {
    problems.push(problem('learn', 'letsconnect-problem-required', ['learn']));
  }
  if (p.timezone !== '' && !isTimeZone(p.timezone)) {
    problems.push(problem('timezone', 'letsconnect-problem-timezone', [p.timezone]));
  }
  problems.push(
    ...checkLength('about', p.about, PROFILE_LIMITS.about),
    ...checkLength('learn-other', p.learnOther, PROFILE_LIMITS.suggestion),
    ...checkLength('share-other', p.shareOther, PROFILE_LIMITS.suggestion),
    ...checkNoEmail('about', p.about),
    ...checkNoEmail('learn-other', p.learnOther),
    ...checkNoEmail('share-other', p.shareOther),
    ...p.groups.flatMap((g, i) => [
      ...checkLength(`group${i + 1}`, g.group, PROFILE_LIMITS.group),
      ...checkNoEmail(`group${i + 1}`, g.group),
    ]),
  );
  if (taxonomy) {
    problems.push(
      ...unknownTopicProblems(taxonomy, 'learn', p.learn),
      ...unknownTopicProblems(taxonomy, 'share', p.share),
    );
  }
  return problems;
}
