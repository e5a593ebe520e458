/**
 * The form's data rules that are not the shared validation: a new person's defaults, which
 * form section a shared problem belongs to, and the few checks only a form needs.
 */
import { problem, type Problem } from '../../../shared/problems';
import type { Profile } from '../../../shared/records/profile';
import { validateProfile, withdrawnProfile } from '../../../shared/records/profile';
import { LANGUAGE_CODE } from '../../../shared/records/vocabulary';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';

/** A new person's form: nothing chosen for them except their own time zone and 1:1 connections. */
export function newProfile(username: string, timezone: string): Profile {
  return {
    ...withdrawnProfile(username),
    formats: ['one-to-one'],
    timezone,
    connectionsPerMonth: 1,
    withdrawn: false,
  };
}

/** Deep copy, so the form never edits the loaded profile in place. */
export function copyProfile(p: Profile): Profile {
  return JSON.parse(JSON.stringify(p)) as Profile;
}

/** The form sections problems are shown in (a parameter name maps to one of them). */
export type Section =
  | 'groups'
  | 'experience'
  | 'region'
  | 'country'
  | 'languages'
  | 'topics'
  | 'share'
  | 'learn-other'
  | 'share-other'
  | 'formats'
  | 'timezone'
  | 'availability'
  | 'connections'
  | 'about'
  | 'consent'
  | 'form';

export function sectionOf(field: string): Section {
  if (/^group\d+/.test(field)) return 'groups';
  switch (field) {
    case 'learn':
      return 'topics';
    case 'share':
      return 'share';
    case 'connections-per-month':
      return 'connections';
    case 'listed':
      return 'consent';
    case 'experience':
    case 'region':
    case 'country':
    case 'languages':
    case 'learn-other':
    case 'share-other':
    case 'formats':
    case 'timezone':
    case 'availability':
    case 'about':
      return field;
    default:
      return 'form';
  }
}

/**
 * Everything that keeps the form from saving: the shared rules the bot applies, plus
 * consent (joining means agreeing to be listed) and complete language and time rows.
 */
export function formProblems(p: Profile, taxonomy: Taxonomy): Problem[] {
  const problems = validateProfile(p, taxonomy).filter((x) => x.field !== 'username');
  for (const l of p.languages) {
    if (!LANGUAGE_CODE.test(l.code))
      problems.push(problem('languages', 'letsconnect-problem-format', ['languages', l.code]));
  }
  for (const s of p.availability) {
    if (!(s.from < s.to))
      problems.push(
        problem('availability', 'letsconnect-problem-format', [
          'availability',
          `${s.from}-${s.to}`,
        ]),
      );
  }
  // Said as what to do: tick the box (not '"What becomes public" is required.').
  if (!p.listed) problems.push(problem('listed', 'letsconnect-problem-consent', []));
  return problems;
}

/**
 * The problems a section's field shows: its errors, and next to the topic pickers its
 * warnings too (an unknown topic is worth seeing there; other warnings are not).
 */
export function fieldProblems(problems: readonly Problem[], section: Section): Problem[] {
  const showWarnings = section === 'topics' || section === 'share';
  return problems.filter(
    (p) => sectionOf(p.field) === section && (showWarnings || p.severity === 'error'),
  );
}
