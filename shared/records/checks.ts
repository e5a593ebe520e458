/** Small validation checks shared by the record types. Each returns the problems it finds. */
import { problem, type Problem } from '../problems';
import { EMAIL_LIKE, isUsername } from './vocabulary';

export function checkRequired(field: string, value: string): Problem[] {
  return value.trim() === '' ? [problem(field, 'letsconnect-problem-required', [field])] : [];
}

/** A required user name that MediaWiki would accept. */
export function checkUsername(field: string, value: string): Problem[] {
  if (value === '') return checkRequired(field, value);
  return isUsername(value) ? [] : [problem(field, 'letsconnect-problem-username', [field, value])];
}

/** An optional user name (empty is fine). */
export function checkOptionalUsername(field: string, value: string): Problem[] {
  return value === '' ? [] : checkUsername(field, value);
}

export function checkLength(field: string, value: string, max: number): Problem[] {
  const length = [...value].length;
  return length > max ? [problem(field, 'letsconnect-problem-too-long', [field, max, length])] : [];
}

/** Email addresses must never be published on-wiki, even inside free text. */
export function checkNoEmail(field: string, value: string): Problem[] {
  return EMAIL_LIKE.test(value)
    ? [problem(field, 'letsconnect-problem-email-in-text', [field])]
    : [];
}

/** An http(s) link without spaces, or ''. */
export function checkUrl(field: string, value: string): Problem[] {
  if (value === '' || /^https?:\/\/[^\s]+$/.test(value)) return [];
  return [problem(field, 'letsconnect-problem-url', [field, value])];
}
