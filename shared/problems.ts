/**
 * A problem found while reading or validating program data. Problems carry a message key
 * and its parameters, never an English sentence, so the gadget and the bot can show them
 * in the reader's language (messages live in shared/i18n/*.json).
 */

/** Every problem message key, so tests can check each one is translated. */
export const PROBLEM_KEYS = [
  'letsconnect-problem-template-missing',
  'letsconnect-problem-template-unclosed',
  'letsconnect-problem-template-repeated',
  'letsconnect-problem-template-name-case',
  'letsconnect-problem-param-positional',
  'letsconnect-problem-param-unknown',
  'letsconnect-problem-param-private',
  'letsconnect-problem-param-duplicate',
  'letsconnect-problem-param-case',
  'letsconnect-problem-required',
  'letsconnect-problem-consent',
  'letsconnect-problem-too-long',
  'letsconnect-problem-enum',
  'letsconnect-problem-format',
  'letsconnect-problem-number',
  'letsconnect-problem-date',
  'letsconnect-problem-timestamp',
  'letsconnect-problem-boolean',
  'letsconnect-problem-username',
  'letsconnect-problem-timezone',
  'letsconnect-problem-url',
  'letsconnect-problem-email-in-text',
  'letsconnect-problem-role-without-group',
  'letsconnect-problem-same-person',
  'letsconnect-problem-topic-unknown',
  'letsconnect-problem-topic-duplicate',
  'letsconnect-problem-topic-category-conflict',
  'letsconnect-problem-topic-label-missing',
  'letsconnect-problem-json-syntax',
  'letsconnect-problem-json-kind',
  'letsconnect-problem-schema-version',
  'letsconnect-problem-json-shape',
  // Found by the directory task: who wrote a profile, and whether it may be listed.
  'letsconnect-problem-not-owner',
  'letsconnect-problem-no-trusted-revision',
  'letsconnect-problem-username-mismatch',
  'letsconnect-problem-not-listed',
  'letsconnect-problem-withdrawn',
  'letsconnect-problem-untrusted-page',
  'letsconnect-problem-blocked',
  'letsconnect-problem-temporary-account',
  // The resource centre: a link off Wikimedia sites, an item added in someone else's name.
  'letsconnect-resource-problem-site',
  'letsconnect-resource-problem-author',
  'letsconnect-problem-capx-unreachable',
  'letsconnect-problem-capx-unknown-qid',
  'letsconnect-problem-capx-unmapped',
  'letsconnect-problem-capx-no-profile',
  // Community translations (R/Translations/<code>.json): what the bot did not use.
  'letsconnect-translations-problem-title',
  'letsconnect-translations-problem-passed-over',
  'letsconnect-translations-problem-not-json',
  'letsconnect-translations-problem-not-object',
  'letsconnect-translations-problem-unknown-key',
  'letsconnect-translations-problem-not-text',
  'letsconnect-translations-problem-too-long',
  'letsconnect-translations-problem-parameters',
  'letsconnect-translations-problem-missing',
] as const;

export type ProblemKey = (typeof PROBLEM_KEYS)[number];

/**
 * `error`: the value is unusable or was replaced by a default (the record must be fixed
 * before the bot trusts it). `warning`: the record is usable, but someone should look.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** The wiki parameter name (or JSON path) the problem is about; '' for the whole page. */
  field: string;
  key: ProblemKey;
  /** Message parameters $1, $2… in order. */
  params: readonly (string | number)[];
  severity: Severity;
  /** 1-based line in the page, when the problem comes from page text. */
  line?: number;
}

export function problem(
  field: string,
  key: ProblemKey,
  params: readonly (string | number)[] = [],
  severity: Severity = 'error',
): Problem {
  return { field, key, params, severity };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
