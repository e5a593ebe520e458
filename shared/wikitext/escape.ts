/**
 * The one escaping function for every value written into wikitext, and its inverse.
 *
 * Values are written as template parameters (`| about = …`). A user's text must stay data:
 * it must not close the template, add parameters, start links, lists, headings, tables,
 * signatures, comments, HTML or behaviour switches, and it must survive MediaWiki's
 * trimming of named parameters. We therefore replace every character that could mean
 * something to the parser with a character reference (`&#124;`, `&amp;`…). MediaWiki
 * decodes those references only when it renders HTML, after the page structure is fixed, so
 * the value renders as the plain text the user typed, and `unescapeValue` gives it back
 * exactly: `unescapeValue(escapeValue(s)) === s` for every JavaScript string.
 *
 * Decisions (documented here because hand-editors meet them in the page source):
 * - `&` is always written as `&amp;`, so a literal "&#124;" typed by a user round-trips.
 * - Newlines are written as `&#10;` (and `\r` as `&#13;`): a value is always on one source
 *   line, so nothing in it can ever be at the start of a line. Templates that show free
 *   text use `white-space: pre-line` so the line breaks still show.
 * - Leading and trailing whitespace is encoded, because MediaWiki trims named parameters.
 * - Characters that only matter in runs (`''` bold/italic, `__NOTOC__`, `!!` table cells,
 *   `~~~~` signatures) are encoded when they repeat; a single apostrophe stays readable.
 * - A leading `*`, `#`, `:`, `;` or `----` is encoded: MediaWiki starts a new line before a
 *   template result that begins with them.
 * - A `:` between a letter and a non-space (`http://`, `mailto:x`) is encoded: MediaWiki
 *   turns a bare URL into a link, and one running past an encoded newline would swallow the
 *   next lines. "Time: 18:00" stays as typed. The one exception is a value that is a single
 *   http(s) URL and nothing else (no space, bracket, quote, brace or bar): its scheme's colon
 *   stays, so templates can make it a link (`[{{{link}}} …]`); it cannot run into anything,
 *   and MediaWiki decodes the references in the rest of it (`&amp;`, `&#61;`) in the href.
 * - Bidi embedding/override/isolate controls, BOM, line/paragraph separators, control
 *   characters, noncharacters and unpaired surrogates are encoded so the page source cannot
 *   be visually spoofed or mangled when saved. Joiners (ZWJ/ZWNJ, needed by Persian and
 *   Indic scripts) and LRM/RLM stay as typed.
 * - MediaWiki normalises saved text to NFC. Characters that NFC would change are encoded;
 *   if the result as a whole still is not NFC-stable (e.g. text typed in decomposed form),
 *   every non-ASCII character is encoded, trading source readability for an exact round trip.
 */

/** Always encoded, wherever they are. */
const ALWAYS = new Set(['&', '|', '=', '{', '}', '[', ']', '<', '>', '"', '~']);

/** Encoded when next to the same character. */
const IN_RUNS = new Set(["'", '_', '!', '-']);

/** Encoded when first in the value (line-start markup). */
const AT_START = new Set(['*', '#', ':', ';']);

// Maps, not object literals: a value like "&constructor;" must not find Object's members.
const NAMED_OUT: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
]);

const NAMED_IN: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

function isInvisibleOrUnsafe(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0xfeff ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    (cp >= 0xfdd0 && cp <= 0xfdef) ||
    (cp & 0xfffe) === 0xfffe
  );
}

const WHITESPACE = /^\s$/u;

function reference(ch: string): string {
  return NAMED_OUT.get(ch) ?? `&#${ch.codePointAt(0) ?? 0};`;
}

function mustEncode(chars: readonly string[], i: number, lead: number, trail: number): boolean {
  const ch = chars[i] ?? '';
  const cp = ch.codePointAt(0) ?? 0;
  if (ALWAYS.has(ch) || isInvisibleOrUnsafe(cp)) return true;
  if (i < lead || i >= trail) return true; // leading/trailing whitespace
  if (IN_RUNS.has(ch) && (chars[i - 1] === ch || chars[i + 1] === ch)) return true;
  if (i === 0 && AT_START.has(ch)) return true;
  if (ch === ':' && /[A-Za-z]/.test(chars[i - 1] ?? '') && !/^\s?$/.test(chars[i + 1] ?? ''))
    return true;
  return cp > 0x7f && ch.normalize('NFC') !== ch;
}

function encodeWith(chars: readonly string[], everyNonAscii: boolean): string {
  let lead = 0;
  while (lead < chars.length && WHITESPACE.test(chars[lead] ?? '')) lead++;
  let trail = chars.length;
  while (trail > lead && WHITESPACE.test(chars[trail - 1] ?? '')) trail--;
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const encode = mustEncode(chars, i, lead, trail) || (everyNonAscii && ch > '\u007f');
    out += encode ? reference(ch) : ch;
  }
  return out;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Fast path: an ASCII value matching none of this is written as it is (same rules as above). */
const ASCII_NEEDING_ESCAPE = /[&|={}[\]<>"~]|''|__|!!|--|^[\s*#:;]|\s$|[A-Za-z]:\S/;

/** A value that is one URL and nothing else: its scheme's colon may stay (see above). */
const SINGLE_URL = /^https?:\/\/[^\s[\]<>"{}|]+$/;

/** Escapes one value for use as a template parameter value. */
export function escapeValue(value: string): string {
  const escaped = escapeText(value);
  return SINGLE_URL.test(value) ? escaped.replace(/^(https?)&#58;\/\//, '$1://') : escaped;
}

function escapeText(value: string): string {
  if (PRINTABLE_ASCII.test(value) && !ASCII_NEEDING_ESCAPE.test(value)) return value;
  // Array.from splits by code point; an unpaired surrogate stays a one-unit element.
  const chars = Array.from(value);
  const out = encodeWith(chars, false);
  if (PRINTABLE_ASCII.test(out)) return out; // ASCII is always NFC: skip the costly check
  return out.normalize('NFC') === out ? out : encodeWith(chars, true);
}

const REFERENCE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

/**
 * Decodes character references in a value read from wikitext: every numeric reference, and
 * the few named ones people type by hand (`&amp; &lt; &gt; &quot; &apos; &nbsp;`). Anything
 * else (`&eacute;`, a stray `&`) is kept as written, so nothing is lost.
 */
export function unescapeValue(text: string): string {
  return text.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_IN.get(name) ?? whole;
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/** Never part of a title; a link to such a "title" is not written. */
// eslint-disable-next-line no-control-regex
const NOT_IN_TITLE = /[[\]{}|#<>\u0000-\u001f\u007f]/;

/**
 * A page title as a wikilink's target. A leading colon, so a category, file or interwiki is
 * linked, never added to the page or shown; `~` (signatures), `_` (behaviour switches such
 * as `__NOTOC__`), `'` and `&` as character references, which MediaWiki decodes in titles,
 * so nothing in the title is read before the link is. Null for text that cannot be a title.
 */
export function linkTarget(title: string): string | null {
  if (title.trim() === '' || NOT_IN_TITLE.test(title)) return null;
  return `:${title.replace(/[&~_']/g, reference)}`;
}

/** `[[title|label]]`, label escaped; just the label when `title` cannot be a title. */
export function wikiLink(title: string, label: string = title): string {
  const target = linkTarget(title);
  return target === null ? escapeValue(label) : `[[${target}|${escapeValue(label)}]]`;
}
