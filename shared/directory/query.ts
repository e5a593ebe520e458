/**
 * What a reader asked the skills directory for: free text and combinable filters. Pure, so
 * the gadget (and the bot, should it link to filtered views) share one encoding, and a
 * filtered view can be shared as a link.
 */
import { FORMATS, REGIONS, ROLES } from '../records/vocabulary';

export type Side = 'any' | 'share' | 'learn';
/** `best`: "Best for me", by the matcher's pair score with the reader (listed readers only). */
export type SortOrder = 'name' | 'updated' | 'best';

export interface DirectoryQuery {
  /** Free text over names, groups and topics. */
  text: string;
  /** A topic id, `category:<id>` for a whole category, or '' for any. */
  topic: string;
  /** Whether the topic (or the text's topics) must be shared, learned, or either. */
  side: Side;
  /** A language code, or ''. */
  language: string;
  region: string;
  role: string;
  format: string;
  sort: SortOrder;
}

export const EMPTY_QUERY: DirectoryQuery = {
  text: '',
  topic: '',
  side: 'any',
  language: '',
  region: '',
  role: '',
  format: '',
  sort: 'name',
};

/** URL parameter names, prefixed so they never collide with MediaWiki's own. */
const PARAM: Record<keyof DirectoryQuery, string> = {
  text: 'lc-q',
  topic: 'lc-topic',
  side: 'lc-side',
  language: 'lc-lang',
  region: 'lc-region',
  role: 'lc-role',
  format: 'lc-format',
  sort: 'lc-sort',
};

export const QUERY_PARAM_NAMES: readonly string[] = Object.values(PARAM);

export const CATEGORY_PREFIX = 'category:';

/** Only the parameters that differ from the empty query, so shared links stay short. */
export function queryToParams(query: DirectoryQuery): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const key of Object.keys(PARAM) as Array<keyof DirectoryQuery>) {
    const value = query[key];
    if (value !== EMPTY_QUERY[key]) out.push([PARAM[key], value]);
  }
  return out;
}

const oneOf = <T extends string>(value: string, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * Reads a query back from URL parameters. Anything unexpected (a hand-edited link) becomes
 * "no filter" rather than an error; values are length-capped.
 */
export function queryFromParams(get: (name: string) => string | null): DirectoryQuery {
  const read = (key: keyof DirectoryQuery) => (get(PARAM[key]) ?? '').slice(0, 200);
  const code = read('language').toLowerCase();
  return {
    text: read('text'),
    topic: /^(category:)?[a-z0-9]+(-[a-z0-9]+)*$/.test(read('topic')) ? read('topic') : '',
    side: oneOf(read('side'), ['any', 'share', 'learn'] as const, 'any'),
    language: /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(code) ? code : '',
    region: oneOf(read('region'), ['', ...REGIONS] as const, ''),
    role: oneOf(read('role'), ['', ...ROLES] as const, ''),
    format: oneOf(read('format'), ['', ...FORMATS] as const, ''),
    sort: oneOf(read('sort'), ['name', 'updated', 'best'] as const, 'name'),
  };
}

/** True when the reader has narrowed the directory in any way (sorting does not count). */
export function isFiltered(query: DirectoryQuery): boolean {
  return queryToParams({ ...query, sort: EMPTY_QUERY.sort }).length > 0;
}
