/**
 * Translations by the community (R/Translations/<code>.json): seeded random trials
 * (fast-check, no wiki) through the rules the bot and the gadget use.
 *
 * - Who may translate: random page histories with edits by named accounts, temporary
 *   accounts and IP addresses, each edit giving a key a text of its own. What counts
 *   (`namedTranslations`) is checked (`checkTranslations`); every accepted text that an
 *   unnamed author wrote is one "used".
 * - What a translation can do: random hostile texts (test/fixtures/hostile-strings.json and
 *   random wikitext-like strings) as the community's translation of random keys, written by
 *   the bot (`botMessages`) with our parameters in; any wikitext markup left in the
 *   translation's own text (outside the parameters) is one "rendered as markup".
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { botMessages, repositoryMessages, useCommunityTranslations } from '../../bot/i18n';
import {
  checkTranslations,
  messageParameters,
  namedTranslations,
  type TranslationRevision,
} from '../../shared/i18n/community';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';

/** What of a page's history counts (JSON text): the shared rule, or another to show the count sees a bypass. */
export type HistoryRule = (history: readonly TranslationRevision[]) => string;
const sharedRule: HistoryRule = (history) => namedTranslations(history).text;
/** How the bot turns a key into wikitext: the shared one, or another to show the count sees markup. */
export type Render = (language: string, key: string, params: string[], text: string) => string;

const AUTHORS = [
  'Translator One',
  'Translator Two',
  '~2026-17',
  '~2026-204',
  '192.0.2.7',
  '2001:db8::1',
];
const NAMED = new Set(['Translator One', 'Translator Two']);

const english = repositoryMessages('en');
const KEYS = Object.keys(english).filter((k) => !k.startsWith('@'));

export function runAuthorTrials(
  runs: number,
  seed: number,
  rule: HistoryRule = sharedRule,
): { cases: number; used: number } {
  const edit = fc.record({
    user: fc.constantFrom(...AUTHORS),
    key: fc.constantFrom(...KEYS.slice(0, 40)),
  });
  const cases = fc.sample(fc.array(edit, { minLength: 1, maxLength: 8 }), { numRuns: runs, seed });
  let used = 0;
  for (const edits of cases) {
    // Each edit adds its key with a text naming its author and revision.
    const page: Record<string, string> = {};
    const history = edits.map((e, i) => {
      const params = messageParameters(english[e.key]!).join(' ');
      page[e.key] = `by ${e.user} r${i + 1} ${params}`;
      return { revid: i + 1, user: e.user, content: JSON.stringify(page) };
    });
    const accepted = checkTranslations(rule(history), english).messages;
    for (const text of Object.values(accepted)) {
      const author = /^by (.+) r\d+/.exec(text)?.[1] ?? '';
      if (!NAMED.has(author)) used++;
    }
  }
  return { cases: runs, used };
}

/** Wikitext that would do something: markup the escaper never leaves in a value. */
const MARKUP = /\{\{|\}\}|\[\[|\]\]|<[a-z/!]|~~~|''|__[A-Z]+__|^[*#:;= ]|\||\[https?:|\n/i;

const botRender: Render = (language, key, params) => botMessages(language).t(key, ...params);

const HOSTILE = (
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../test/fixtures/hostile-strings.json'), 'utf8'),
  ) as { strings: string[] }
).strings.filter((s) => s.length < 500);

const wikitextish = fc
  .array(
    fc.constantFrom(
      '{{',
      '}}',
      '[[',
      ']]',
      '|',
      '<script>',
      '</b>',
      '~~~~',
      "''",
      '__TOC__',
      '\n*',
      'x',
      ' ',
      '$',
      '{{PLURAL:',
      '&lt;',
      '&#123;',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

export function runMarkupTrials(
  runs: number,
  seed: number,
  render: Render = botRender,
): { cases: number; markup: number; examples: string[] } {
  const trial = fc.record({
    key: fc.constantFrom(...KEYS),
    hostile: fc.oneof(fc.constantFrom(...HOSTILE), wikitextish, fc.string()),
  });
  let markup = 0;
  const examples: string[] = [];
  for (const { key, hostile } of fc.sample(trial, { numRuns: runs, seed })) {
    const params = messageParameters(english[key]!);
    const text = `${hostile} ${params.join(' ')}`;
    // Through the bot's check first, as on the wiki: a text it refuses is English again.
    const accepted = checkTranslations(JSON.stringify({ [key]: text }), english).messages;
    if (!(key in accepted)) continue;
    useCommunityTranslations(new Map([['de', accepted]]));
    try {
      // Parameters are ours and may be wikitext: a marker each, then the text between them.
      const out = render(
        'de',
        key,
        params.map((_, i) => `\uE002P${i}\uE002`),
        text,
      );
      const own = out.split(/\uE002P\d+\uE002/).join('\uE002');
      if (MARKUP.test(own)) {
        markup++;
        if (examples.length < 5)
          examples.push(`${key}: ${JSON.stringify(hostile)} → ${JSON.stringify(own)}`);
      }
    } finally {
      useCommunityTranslations(new Map());
    }
  }
  return { cases: runs, markup, examples };
}

export const translationsSection: ReliabilitySection = {
  name: 'translations',
  run(options: ReliabilityOptions): Promise<Figure[]> {
    const runs = options.mode === 'short' ? 300 : 3000;
    const authors = runAuthorTrials(runs, options.seed);
    options.log(`${authors.cases} translation page histories tried`);
    const markup = runMarkupTrials(runs, options.seed);
    for (const e of markup.examples) options.log(`MARKUP ${e}`);
    options.log(`${markup.cases} hostile translations tried`);
    return Promise.resolve([
      {
        measure: 'translations by temporary accounts or IP addresses used',
        value: authors.used,
        target: 0,
      },
      {
        measure: 'hostile translations written as wikitext markup',
        value: markup.markup,
        target: 0,
      },
    ]);
  },
};
