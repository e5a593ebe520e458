/**
 * Translations by the community. Anyone with a named account may add or fix a language's
 * messages on `R/Translations/<code>.json` (a JSON object: message key → text), with no
 * interface-administrator rights. The bot checks each page against the English messages
 * and publishes only what passes, key by key; a reader sees English for every key a
 * language does not have. What passes is still only text: the gadget shows it as text and
 * the bot writes it into wikitext escaped (bot/i18n.ts), so a hostile translation can at
 * worst say something wrong, never add markup, a link, a template or a script.
 */

import { isNamedAuthor, WIKIMEDIA_TEMP_ACCOUNT_PATTERNS } from '../accounts';
import type { ProblemKey } from '../problems';

/** A message longer than this is refused: no message of ours comes near it. */
export const TRANSLATION_MAX_LENGTH = 2000;

/** How many missing keys the maintenance row names as examples. */
export const MISSING_EXAMPLES = 5;

/** `$1`…`$9` a message uses, each once, in order: a translation must use the same ones. */
export function messageParameters(text: string): string[] {
  return [...new Set(text.match(/\$[1-9]/g) ?? [])].sort();
}

export type TranslationProblem =
  | { kind: 'not-json'; detail: string }
  | { kind: 'not-object' }
  | { kind: 'unknown-key'; key: string }
  | { kind: 'not-text'; key: string }
  | { kind: 'parameters'; key: string; expected: string[]; found: string[] }
  | { kind: 'too-long'; key: string };

export interface CheckedTranslations {
  /** The messages that passed, by key. */
  messages: Record<string, string>;
  /** What was refused, and why (each refused key falls back to English). */
  problems: TranslationProblem[];
  /** English keys the language still lacks, in English's order. */
  missing: string[];
}

/**
 * Checks a translation page's text against the English messages: it must be a JSON object;
 * each key must be one of ours, its value text (not empty, not over the limit) with exactly
 * the parameters English has. `@metadata` is allowed and ignored. `alsoHave` are keys the
 * language has from elsewhere (the repository's own file), not counted as missing.
 */
export function checkTranslations(
  text: string,
  english: Readonly<Record<string, string>>,
  alsoHave: ReadonlySet<string> = new Set(),
): CheckedTranslations {
  const keys = Object.keys(english).filter((k) => k !== '@metadata');
  const all = (messages: Record<string, string>, problems: TranslationProblem[]) => ({
    messages,
    problems,
    missing: keys.filter((k) => !(k in messages) && !alsoHave.has(k)),
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return all({}, [{ kind: 'not-json', detail }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return all({}, [{ kind: 'not-object' }]);
  const messages: Record<string, string> = {};
  const problems: TranslationProblem[] = [];
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (key === '@metadata') continue;
    const source = Object.prototype.hasOwnProperty.call(english, key) ? english[key] : undefined;
    if (source === undefined) problems.push({ kind: 'unknown-key', key });
    else if (typeof value !== 'string' || value.trim() === '')
      problems.push({ kind: 'not-text', key });
    else if (value.length > TRANSLATION_MAX_LENGTH) problems.push({ kind: 'too-long', key });
    else {
      const expected = messageParameters(source);
      const found = messageParameters(value);
      if (expected.join() !== found.join())
        problems.push({ kind: 'parameters', key, expected, found });
      else messages[key] = value;
    }
  }
  return all(messages, problems);
}

/** A problem as a message key and its parameters, for R/Maintenance. */
export function translationProblemMessage(p: TranslationProblem): {
  key: ProblemKey;
  params: (string | number)[];
} {
  switch (p.kind) {
    case 'not-json':
      return { key: 'letsconnect-translations-problem-not-json', params: [p.detail] };
    case 'not-object':
      return { key: 'letsconnect-translations-problem-not-object', params: [] };
    case 'unknown-key':
      return { key: 'letsconnect-translations-problem-unknown-key', params: [p.key] };
    case 'not-text':
      return { key: 'letsconnect-translations-problem-not-text', params: [p.key] };
    case 'too-long':
      return {
        key: 'letsconnect-translations-problem-too-long',
        params: [p.key, TRANSLATION_MAX_LENGTH],
      };
    case 'parameters':
      return {
        key: 'letsconnect-translations-problem-parameters',
        params: [p.key, p.expected.join(' ') || '–', p.found.join(' ') || '–'],
      };
  }
}

export interface TranslationRevision {
  revid: number;
  user: string;
  content?: string;
}

export interface NamedTranslations {
  /** The page's text as named accounts wrote it, key by key (JSON), for `checkTranslations`. */
  text: string;
  /** The newest revision by a named account (0: none). */
  revid: number;
  /** Unnamed authors of text on the page now that is not used. */
  passedOver: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What named accounts wrote on a translation page, key by key, from its history (oldest
 * first, with content). A key's text counts only as a named account set it: an edit by a
 * temporary account or an IP address changes nothing that is used, even when a named account
 * later saves the page for another key (anyone may translate, under a name the community can
 * talk to, revert and block). A revision that is not a JSON object leaves the texts as they
 * were; the newest named one of those is reported by `checkTranslations` on its text.
 */
export function namedTranslations(
  history: readonly TranslationRevision[],
  temporaryPatterns: readonly string[] = WIKIMEDIA_TEMP_ACCOUNT_PATTERNS,
): NamedTranslations {
  const accepted = new Map<string, unknown>();
  const changedBy = new Map<string, string>();
  let previous: Record<string, unknown> = {};
  let revid = 0;
  let brokenText: string | null = null;
  for (const rev of history) {
    const named = isNamedAuthor(rev.user, temporaryPatterns);
    let page: unknown = null;
    try {
      page = JSON.parse(rev.content ?? '');
    } catch {
      /* not JSON: below */
    }
    if (named) revid = rev.revid;
    if (!isObject(page)) {
      if (named) brokenText = rev.content ?? '';
      continue;
    }
    if (named) brokenText = null;
    for (const key of new Set([...Object.keys(previous), ...Object.keys(page)])) {
      if (JSON.stringify(previous[key]) === JSON.stringify(page[key])) continue;
      changedBy.set(key, rev.user);
      if (!named) continue;
      if (key in page) accepted.set(key, page[key]);
      else accepted.delete(key);
    }
    previous = page;
  }
  const passedOver = new Set<string>();
  for (const [key, user] of changedBy) {
    if (!isNamedAuthor(user, temporaryPatterns) && previous[key] !== accepted.get(key))
      passedOver.add(user);
  }
  return {
    text: brokenText ?? JSON.stringify(Object.fromEntries(accepted)),
    revid,
    passedOver: [...passedOver],
  };
}
