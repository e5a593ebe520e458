/**
 * Finds ids of the data contract in text a reader sees, where a label exists: topic ids,
 * language codes with levels and lists of bare codes, region, role and format ids, and ISO
 * timestamps. Used by the check over every bot-written page and every template rendering
 * (test/integration/bot/labels-everywhere.test.ts).
 *
 * Ids that are plain words ("fundraising", "volunteer") are looked for only in the forms the
 * data writes them in (a role in lower case in brackets); a word in a sentence is not an id.
 */
import { DEFAULT_ROOT } from '../../shared/program';
import { defaultTaxonomy } from '../../shared/taxonomy/taxonomy';
import { FORMATS, REGIONS, ROLES } from '../../shared/records/vocabulary';

export interface RawId {
  kind: string;
  text: string;
  /** Some text around it, to find it on the page. */
  context: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (ids: readonly string[]) => ids.map(escape).join('|');

/** Two-letter language codes Intl can name: a list of two or more of them reads as codes. */
function languageCodes(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
  const out: string[] = [];
  for (let i = 97; i < 123; i++) {
    for (let j = 97; j < 123; j++) {
      const code = String.fromCharCode(i, j);
      if (names.of(code) !== code) out.push(code);
    }
  }
  return out;
}

function patterns(): Array<[string, RegExp]> {
  const hyphenatedTopics = [...defaultTaxonomy().topics.keys()].filter((id) => id.includes('-'));
  const codes = anyOf(languageCodes());
  // Not a letter, digit or hyphen on either side (\b treats "-" as a boundary).
  const whole = (body: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}-])(?:${body})(?![\\p{L}\\p{N}-])`, 'gu');
  return [
    ['topic id', whole(anyOf(hyphenatedTopics))],
    ['language code with level', whole(`[a-z]{2,3}-(?:[0-5]|N|n)`)],
    ['list of language codes', whole(`(?:${codes})(?:, ?(?:${codes}))+`)],
    ['region id', whole(anyOf(REGIONS))],
    // "(other)" is also how a resource of the kind "other" reads in English: not an id there.
    [
      'role id',
      new RegExp(
        `\\((?:${anyOf(ROLES.filter((r) => r !== 'other'))})\\)|(?<![\\p{L}-])core-team(?![\\p{L}-])`,
        'gu',
      ),
    ],
    ['format id', whole(anyOf(FORMATS.filter((f) => f.includes('-'))))],
    ['ISO timestamp', /\d{4}-\d{2}-\d{2}(?:T| )\d{2}:\d{2}(?::\d{2})?Z?/g],
  ];
}

let compiled: Array<[string, RegExp]> | null = null;

export function findRawIds(text: string): RawId[] {
  compiled ??= patterns();
  const found: RawId[] = [];
  for (const [kind, re] of compiled) {
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      found.push({
        kind,
        text: m[0],
        context: text.slice(Math.max(0, at - 40), at + m[0].length + 40).replace(/\s+/g, ' '),
      });
    }
  }
  return found;
}

/**
 * The text a reader sees in a rendered page's HTML (action=parse): no tags, no edit-section
 * links, no comments or styles, entities decoded.
 */
export function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<span class="mw-editsection">[\s\S]*?<\/span>\s*<\/span>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');
}

/**
 * A page as a reader in `language` sees it: its current wikitext parsed afresh (no parser
 * cache, so templates and the label module are as they are now).
 */
export async function renderedPageText(
  apiUrl: string,
  title: string,
  language = 'en',
): Promise<string> {
  const query = new URLSearchParams({
    action: 'query',
    prop: 'revisions',
    rvprop: 'content',
    rvslots: 'main',
    titles: title,
    format: 'json',
    formatversion: '2',
  });
  const page = (
    (await (await fetch(`${apiUrl}?${query}`)).json()) as {
      query: { pages: { revisions?: { slots: { main: { content: string } } }[] }[] };
    }
  ).query.pages[0];
  const wikitext = page?.revisions?.[0]?.slots.main.content;
  if (wikitext === undefined) throw new Error(`No page ${title}`);
  const body = (await (
    await fetch(apiUrl, {
      method: 'POST',
      body: new URLSearchParams({
        action: 'parse',
        title,
        text: wikitext,
        contentmodel: 'wikitext',
        prop: 'text',
        uselang: language,
        disablelimitreport: '1',
        format: 'json',
        formatversion: '2',
      }),
    })
  ).json()) as { parse?: { text: string }; error?: { info: string } };
  if (!body.parse) throw new Error(`Cannot render ${title}: ${body.error?.info ?? 'no answer'}`);
  return visibleText(body.parse.text);
}

/** Every page under the program root (profiles, clinics, sign-ups, rounds, the bot's pages…). */
export async function pagesUnderRoot(apiUrl: string): Promise<string[]> {
  const query = new URLSearchParams({
    action: 'query',
    list: 'allpages',
    apnamespace: '200',
    apprefix: DEFAULT_ROOT.replace(/^Grants:/, '') + '/',
    aplimit: 'max',
    format: 'json',
    formatversion: '2',
  });
  const body = (await (await fetch(`${apiUrl}?${query}`)).json()) as {
    query: { allpages: { title: string }[] };
  };
  return body.query.allpages.map((p) => p.title);
}
