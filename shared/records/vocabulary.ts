/**
 * The closed vocabularies records use. Ids are stable and never derived from labels; labels
 * are messages (`letsconnect-<vocabulary>-<id>` in shared/i18n).
 */

/** Wikimedia's funding regions. */
export const REGIONS = ['mena', 'ssa', 'south-asia', 'eseap', 'cee', 'nwe', 'lac', 'na'] as const;
export type Region = (typeof REGIONS)[number];

/** A person's role in a group or affiliate. */
export const ROLES = ['volunteer', 'organiser', 'core-team', 'staff', 'board', 'other'] as const;
export type Role = (typeof ROLES)[number];

/** How much organising a person has done (the pilot: mostly new and intermediate). */
export const EXPERIENCE_LEVELS = ['new', 'intermediate', 'experienced'] as const;
export type Experience = (typeof EXPERIENCE_LEVELS)[number];

/** The ways of learning a person is open to. */
export const FORMATS = [
  'one-to-one',
  'small-group',
  'clinic-sharer',
  'clinic-participant',
  'resource-sharing',
] as const;
export type Format = (typeof FORMATS)[number];

/** Babel levels: 0 (none) to 5 (professional), N (native). */
export const LANGUAGE_LEVELS = ['0', '1', '2', '3', '4', '5', 'N'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const DAYS = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
  'weekdays',
  'weekends',
  'daily',
] as const;
export type Day = (typeof DAYS)[number];

/** A match proposal's life: the bot proposes, the working group approves or declines,
 * the bot notifies approved ones; anyone involved may cancel. */
export const PROPOSAL_STATUSES = [
  'proposed',
  'approved',
  'declined',
  'notified',
  'cancelled',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const OUTCOME_RESULTS = ['met', 'scheduled', 'not-met'] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

export const CLINIC_STATUSES = ['planned', 'open', 'full', 'done', 'cancelled'] as const;
export type ClinicStatus = (typeof CLINIC_STATUSES)[number];

export const SIGNUP_ROLES = ['participant', 'sharer', 'interpreter'] as const;
export type SignupRole = (typeof SIGNUP_ROLES)[number];

export const RESOURCE_KINDS = [
  'recording',
  'slides',
  'guide',
  'document',
  'toolkit',
  'reference',
  'other',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const MEMBER_ROLES = ['working-group', 'ambassador'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Topic and category ids: lower-case kebab-case. */
export const KEBAB_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Language codes as MediaWiki uses them (`en`, `pt-br`, `zh-hans`, `be-tarask`). */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/** ISO 3166-1 alpha-2, upper case. */
export const COUNTRY_CODE = /^[A-Z]{2}$/;

/**
 * Characters MediaWiki refuses in user names, plus `/` (it would make a subpage). Built from a
 * string: a `\p{…}` literal is ES2018, newer than the gadget's ES2017 (scripts/gadget/es2017.ts).
 */
const USERNAME_FORBIDDEN = new RegExp('[#<>[\\]|{}/@:=\\p{Cc}\\ufffd]', 'u');

export function isUsername(name: string): boolean {
  return (
    name !== '' &&
    name.length <= 85 &&
    name.trim() === name &&
    !/\s\s/.test(name) &&
    !USERNAME_FORBIDDEN.test(name)
  );
}

/** True for a time zone the platform knows (IANA names, e.g. `Africa/Lagos`, or `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Something that looks like an email address in free text (the design forbids them). */
export const EMAIL_LIKE = /[^\s@&;]+@[^\s@&;]+\.[A-Za-z]{2,}/;
