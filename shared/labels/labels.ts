/**
 * Labels for the ids the on-wiki data uses (topics, categories, regions, roles, formats,
 * language levels, days), from one source: the messages in shared/i18n and the taxonomy.
 *
 * Three readers use the same keys:
 * - the gadget, through its `t()` (it ships these messages in its bundle);
 * - the bot, through `labeler()` below, for the few words it writes itself;
 * - the wiki's templates and the bot's pages, through `Module:Let's Connect/Labels`, which
 *   reads `labelData()` from a JSON page the deploy keeps equal to this repository (see
 *   scripts/gadget/content-pages.ts): the module renders in the reader's language
 *   (`?uselang=`), which text written by the bot could not.
 *
 * Pure: no I/O; the caller passes the messages.
 */
import type { MessageLookup, Taxonomy } from '../taxonomy/taxonomy';
import { topicLabel } from '../taxonomy/taxonomy';
import { categoryMessageKey, topicMessageKey } from '../taxonomy/default-topics';
import { escapeValue } from '../wikitext/escape';

/** Version of the label-data JSON page; the Lua module checks it. */
export const LABEL_DATA_VERSION = 1;

/** The module that renders labels on the wiki (`{{#invoke:…}}`), and its data page. */
export const LABEL_MODULE = "Let's Connect/Labels";
export const LABEL_MODULE_TITLE = `Module:${LABEL_MODULE}`;
export const LABEL_DATA_TITLE = `Module:${LABEL_MODULE}/data.json`;

/**
 * Message keys the module needs: every vocabulary's labels, the card's words (the profile
 * page shows what the gadget's card shows), the day names, the templates' own words, the
 * request and reply templates' format and answer words (the same words the bot's notices and
 * the gadget's reply buttons use), and the words of the bot's front pages (the portal,
 * R/Clinics, R/Connections).
 */
export const LABEL_KEY = new RegExp(
  '^letsconnect-(?:' +
    [
      // labels and template words
      '(?:category|topic|region|role|format|experience|clinic-role|review-status|outcome-result|gadget-card|gadget-day|gadget-resource|template|notice-request-format|requests-reply)-',
      // the bot's pages: portal, R/Clinics, R/Connections, R/Calendar, round pages, directory,
      // report, resources by topic, clinic summaries, hot topics (not their edit summaries)
      '(?:portal|clinics-page|connections-index|calendar-page|round|hot-topics|directory-col|directory-role|match-unmatched|match-excluded|pairing)-',
      '(?:resource-page|clinics-bot)-(?!generated|summary)',
      'report-(?!page-generated|page-summary|chart|loading|failed|not-)',
      'directory-(?:page-intro|topic-intro|next-part)$',
    ].join('|') +
    ')',
);

export function isLabelKey(key: string): boolean {
  return LABEL_KEY.test(key);
}

/** What the Lua module reads: messages by language, and the topics' categories and on-wiki labels. */
export interface LabelData {
  version: number;
  /** Language code → message key → text (label keys only). English is complete. */
  messages: Record<string, Record<string, string>>;
  /** Topic id → its category and any labels given on-wiki (language → label). */
  topics: Record<string, { category: string; labels: Record<string, string> }>;
}

/** The label data for the module, from each language's message file and the taxonomy. */
export function labelData(
  messageFiles: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  taxonomy: Taxonomy,
): LabelData {
  const messages: LabelData['messages'] = {};
  for (const [language, file] of Object.entries(messageFiles)) {
    if (language === 'qqq') continue;
    const labels: Record<string, string> = {};
    for (const [key, text] of Object.entries(file)) {
      if (isLabelKey(key) && typeof text === 'string') labels[key] = text;
    }
    if (Object.keys(labels).length > 0) messages[language] = labels;
  }
  const topics: LabelData['topics'] = {};
  for (const topic of taxonomy.topics.values()) {
    topics[topic.id] = { category: topic.category, labels: { ...topic.labels } };
  }
  return { version: LABEL_DATA_VERSION, messages, topics };
}

/** A language skill as the data writes it (`es-N`, `en-3`): the code and the level. */
export interface LevelledLanguage {
  code: string;
  level: string;
}

/** Words for ids, in one language, for text the bot composes itself (edit summaries, logs). */
export interface Labeler {
  topic(id: string): string;
  category(id: string): string;
  region(id: string): string;
  role(id: string): string;
  format(id: string): string;
  /** "Spanish (native)", "English (level 3)" */
  language(skill: LevelledLanguage): string;
}

/**
 * A labeler over a message lookup (the bot's `botMessages(language).lookup`). `languageName`
 * names a language code (the bot has Intl; the gadget its kit's `languageName`).
 */
export function labeler(
  messages: MessageLookup,
  taxonomy: Taxonomy,
  languages: readonly string[],
  languageName: (code: string) => string,
): Labeler {
  const vocabulary = (prefix: string) => (id: string) =>
    messages(`letsconnect-${prefix}-${id}`) ?? id;
  const fill = (key: string, ...params: string[]) =>
    (messages(key) ?? '').replace(/\$(\d)/g, (_, n: string) => params[Number(n) - 1] ?? '');
  return {
    topic: (id) => {
      const topic = taxonomy.topics.get(id);
      return topic ? topicLabel(topic, languages, messages) : (messages(topicMessageKey(id)) ?? id);
    },
    category: (id) => messages(categoryMessageKey(id)) ?? id,
    region: vocabulary('region'),
    role: vocabulary('role'),
    format: vocabulary('format'),
    language: (skill) => {
      const level =
        skill.level.toUpperCase() === 'N'
          ? fill('letsconnect-gadget-card-level-native')
          : fill('letsconnect-gadget-card-level', skill.level);
      return fill('letsconnect-gadget-card-language', languageName(skill.code), level);
    },
  };
}

/**
 * Wikitext that renders a label in the reader's language through the label module:
 * `{{#invoke:Let's Connect/Labels|topics|social-media-press, fundraising}}`. Each argument
 * is escaped like every value the bot writes, so an id can never become markup.
 */
export function labelCall(fn: LabelFunction, ...args: readonly string[]): string {
  const parts = args.map((a) => `|${escapeValue(a)}`).join('');
  return `{{#invoke:${LABEL_MODULE}|${fn}${parts}}}`;
}

/**
 * A topic's label as wikitext for a bot page: a default topic's through the label module (in the
 * reader's language); a topic the working group added on-wiki has its labels only in the
 * taxonomy the bot read, so its label in the bot's language, escaped; an unknown id escaped.
 */
export function topicWikitext(taxonomy: Taxonomy, messages: MessageLookup, id: string): string {
  const topic = taxonomy.topics.get(id);
  if (!topic) return escapeValue(id);
  return topic.source === 'default'
    ? labelCall('topic', id)
    : escapeValue(topicLabel(topic, ['en'], messages));
}

/** The module's functions the bot's pages call (see shared/templates/labels.lua). */
export type LabelFunction =
  | 'topic'
  | 'topics'
  | 'category'
  | 'region'
  | 'role'
  | 'format'
  | 'formats'
  | 'languages'
  | 'language-names'
  | 'groups'
  | 'date'
  | 'datetime'
  | 'zoned'
  | 'month'
  | 'msg';

/**
 * Whether `wikitext` can be one argument of a module call as it is: every `[[…]]` and `{{…}}`
 * closed, and no `|` or `}}` outside them (a value a person typed is escaped before it gets here,
 * so it has none of these characters at all).
 */
export function fitsInArgument(wikitext: string): boolean {
  const open: string[] = [];
  for (let i = 0; i < wikitext.length; i++) {
    const two = wikitext.slice(i, i + 2);
    if (two === '[[' || two === '{{') {
      open.push(two === '[[' ? ']]' : '}}');
      i++;
    } else if (two === ']]' || two === '}}') {
      if (open.pop() !== two) return false;
      i++;
    } else if (wikitext[i] === '|' && open.length === 0) return false;
  }
  return open.length === 0;
}

/**
 * The bot's page prose in the reader's language: `{{#invoke:Let's Connect/Labels|msg|key|2=…}}`,
 * which the module renders from the label data (its key must match LABEL_KEY) with PLURAL for the
 * reader's language. Same parameters as the bot's own `t()`: numbers, or wikitext the bot built,
 * in which every value a person typed is already escaped (escapeValue) and only the bot's links
 * and label calls are markup. Numbered (`2=`) so an `=` in a link cannot name the argument; a
 * parameter that would break out of its argument is a bug in the caller, and throws.
 */
export function pageMessage(key: string, ...params: readonly (string | number)[]): string {
  if (!isLabelKey(key)) throw new Error(`pageMessage(${key}): not in the label data (LABEL_KEY)`);
  const parts = params.map((p, i) => {
    const text = String(p);
    if (!fitsInArgument(text))
      throw new Error(`pageMessage(${key}): parameter ${i + 1} is not one argument`);
    return `|${i + 2}=${text}`;
  });
  return `{{#invoke:${LABEL_MODULE}|msg|${escapeValue(key)}${parts.join('')}}}`;
}
