/**
 * The engine's reasons (message keys with topic ids and language codes as values) as
 * sentences in a reader's language, with topic labels and language names instead of ids.
 * Plain text: whoever puts it in wikitext escapes it.
 */
import type { MatchMessage } from '../../shared/matching/types';
import { topicLabel, type MessageLookup, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import { isLabelKey, labelCall, pageMessage } from '../../shared/labels/labels';
import { escapeValue } from '../../shared/wikitext/escape';
import { botMessages, type Translate } from '../i18n';

export interface Speaker {
  language: string;
  t: Translate;
  lookup: MessageLookup;
  taxonomy: Taxonomy;
}

export function speaker(language: string, taxonomy: Taxonomy): Speaker {
  return { language, taxonomy, ...botMessages(language) };
}

/** A language code's name in the reader's language (Node has full ICU); the code if unknown. */
export function languageName(s: Speaker, code: string): string {
  try {
    return new Intl.DisplayNames([s.language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const LANGUAGE_KEYS = new Set([
  'letsconnect-match-reason-languages',
  'letsconnect-match-reason-fluent',
  'letsconnect-match-reason-interpretation',
]);

function value(s: Speaker, key: string, v: string | number): string | number {
  if (typeof v === 'number') return v;
  if (key === 'letsconnect-match-reason-rare-region')
    return s.lookup(`letsconnect-region-${v}`) ?? v;
  return v
    .split(/,\s*/)
    .map((part) => {
      const topic = s.taxonomy.topics.get(part);
      if (topic) return topicLabel(topic, [s.language], s.lookup);
      return LANGUAGE_KEYS.has(key) ? languageName(s, part) : part;
    })
    .join(', ');
}

export function messageText(s: Speaker, m: MatchMessage): string {
  return s.t(m.key, ...m.params.map((v) => value(s, m.key, v)));
}

export function reasonsText(s: Speaker, reasons: readonly MatchMessage[]): string {
  return reasons.map((m) => messageText(s, m)).join(' ');
}

/**
 * A reason as wikitext the label module renders in the reader's language: topics, regions,
 * languages and dates as its label calls, anything else escaped. A reason the label data does
 * not carry is written in the bot's language, escaped.
 */
export function messageWikitext(s: Speaker, m: MatchMessage): string {
  if (!isLabelKey(m.key)) return escapeValue(messageText(s, m));
  const param = (v: string | number): string | number => {
    if (typeof v === 'number') return v;
    if (m.key === 'letsconnect-match-reason-rare-region') return labelCall('region', v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return labelCall('date', v);
    const parts = v.split(/,\s*/);
    if (parts.every((part) => s.taxonomy.topics.has(part))) return labelCall('topics', v);
    if (LANGUAGE_KEYS.has(m.key)) return labelCall('languages', v);
    return escapeValue(v);
  };
  return pageMessage(m.key, ...m.params.map(param));
}
