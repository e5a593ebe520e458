import fs from 'node:fs';
import path from 'node:path';
import Banana from 'banana-i18n/dist/cjs/banana-i18n.cjs';
import type { MessageLookup } from '../shared/taxonomy/taxonomy';
import { escapeValue, unescapeValue } from '../shared/wikitext/escape';

export type Translate = (key: string, ...params: (string | number)[]) => string;

const I18N_DIR = path.join(__dirname, '../shared/i18n');

const loaded = new Map<string, Record<string, string>>();

/** A language's messages from the repository, read once per process. */
export function repositoryMessages(language: string): Record<string, string> {
  const cached = loaded.get(language);
  if (cached) return cached;
  const file = path.join(I18N_DIR, `${language}.json`);
  const messages = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>)
    : {};
  delete messages['@metadata'];
  loaded.set(language, messages);
  return messages;
}

/**
 * The community's translations the bot accepted (shared/i18n/community.ts), by language,
 * read from the bot's published documents at the start of each task. Empty until then.
 */
let community: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map();

export function useCommunityTranslations(
  byLanguage: ReadonlyMap<string, Readonly<Record<string, string>>>,
): void {
  community = byLanguage;
}

const communityFor = (language: string): Readonly<Record<string, string>> =>
  language === 'en' ? {} : (community.get(language) ?? {});

// Placeholders for string parameters while a community text is escaped: private-use
// characters, which escapeValue keeps as they are and no message contains.
const slot = (i: number) => `\uE000${i}\uE001`;
const SLOT = /\uE000(\d+)\uE001/;

/**
 * A piece of a community text, escaped as data. The escaper encodes a value's outer spaces
 * (MediaWiki trims template parameters); inside a sentence they are plain spaces, except
 * before the first word, where a space would start a preformatted block.
 */
function escapePiece(piece: string, first: boolean): string {
  const escaped = escapeValue(piece);
  const lead = first ? (/^(?:&#32;)*/.exec(escaped)?.[0] ?? '') : '';
  return lead + escaped.slice(lead.length).replace(/&#32;/g, ' ');
}

/**
 * A community text as inert wikitext: PLURAL and GENDER applied (numbers stay numbers),
 * everything else escaped as data, and only then the parameters (ours, already wikitext) put
 * in. Text banana cannot parse (an unknown `{{…}}`, a broken PLURAL) is shown as written.
 */
function inert(
  banana: InstanceType<typeof Banana>,
  text: string,
  key: string,
  params: (string | number)[],
): string {
  const slots = params.map((p, i) => (typeof p === 'number' ? p : slot(i)));
  let plain: string;
  try {
    // banana writes HTML entities for < > & " ': back to the characters, escaped below.
    plain = unescapeValue(banana.i18n(key, ...slots));
  } catch {
    plain = text.replace(/\$([1-9])/g, (whole, n: string) => String(slots[Number(n) - 1] ?? whole));
  }
  // Escaped piece by piece between the parameters: a piece that is not NFC-stable is encoded
  // whole, which must not touch the placeholders.
  return plain
    .split(SLOT)
    .map((piece, i) => (i % 2 === 1 ? String(params[Number(piece)]) : escapePiece(piece, i === 0)))
    .join('');
}

/**
 * The bot's messages for the pages it writes, through banana-i18n (MediaWiki's message
 * syntax: $1, PLURAL, GENDER), in `language` with English as the fallback, key by key. A key
 * the community translated comes from their text, made inert (see `inert`).
 */
export function botMessages(language = 'en'): { t: Translate; lookup: MessageLookup } {
  const banana = new Banana(language, { finalFallback: 'en' });
  banana.load(repositoryMessages('en'), 'en');
  const own = communityFor(language);
  if (language !== 'en') banana.load({ ...repositoryMessages(language), ...own }, language);
  const known = new Set([
    ...Object.keys(repositoryMessages('en')),
    ...Object.keys(repositoryMessages(language)),
    ...Object.keys(own),
  ]);
  const fromCommunity = (key: string) => Object.prototype.hasOwnProperty.call(own, key);
  return {
    t: (key, ...params) =>
      fromCommunity(key) ? inert(banana, own[key]!, key, params) : banana.i18n(key, ...params),
    // Labels are data: whoever writes them into wikitext escapes them.
    lookup: (key) => (!known.has(key) ? null : fromCommunity(key) ? own[key]! : banana.i18n(key)),
  };
}

/** True when `language` has `key` of its own (the repository's or the community's), not English standing in. */
export function hasMessage(language: string, key: string): boolean {
  return key in repositoryMessages(language) || key in communityFor(language);
}
