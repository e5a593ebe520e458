import fs from 'node:fs';
import path from 'node:path';
import Banana from 'banana-i18n/dist/cjs/banana-i18n.cjs';
import type { MessageLookup } from '../shared/taxonomy/taxonomy';

export type Translate = (key: string, ...params: (string | number)[]) => string;

const I18N_DIR = path.join(__dirname, '../shared/i18n');

const loaded = new Map<string, Record<string, string>>();

/** A language's messages, read once per process. */
function load(language: string): Record<string, string> {
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
 * The bot's messages for the pages it writes, through banana-i18n (MediaWiki's message
 * syntax: $1, PLURAL, GENDER), in `language` with English as the fallback.
 */
export function botMessages(language = 'en'): { t: Translate; lookup: MessageLookup } {
  const banana = new Banana(language, { finalFallback: 'en' });
  banana.load(load('en'), 'en');
  if (language !== 'en') banana.load(load(language), language);
  const known = new Set([...Object.keys(load('en')), ...Object.keys(load(language))]);
  return {
    t: (key, ...params) => banana.i18n(key, ...params),
    lookup: (key) => (known.has(key) ? banana.i18n(key) : null),
  };
}

/** True when `language`'s own file has `key` (not just English standing in). */
export function hasMessage(language: string, key: string): boolean {
  return language === 'en' ? key in load('en') : key in load(language);
}
