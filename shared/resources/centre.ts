/**
 * The resource centre: `R/Resources` holds one `{{Let's Connect/Resource}}` call per item,
 * added by anyone. What may be linked (Wikimedia sites and recordings on them), how a new
 * item is added without losing anyone else's, which items the bot accepts (each call is
 * attributed to the revision that added it) and how they are indexed by topic and language.
 */
import type { ResourceEntry } from '../documents/documents';
import { problem, type Problem } from '../problems';
import { parseRecords, serialiseRecord } from '../records/codec';
import { resourceCodec, validateResource, type Resource } from '../records/resource';
import type { Taxonomy } from '../taxonomy/taxonomy';

/** Wikimedia sites (and their subdomains): the only places a resource may link to. */
export const WIKIMEDIA_DOMAINS = [
  'wikimedia.org',
  'wikipedia.org',
  'wikidata.org',
  'wiktionary.org',
  'wikibooks.org',
  'wikinews.org',
  'wikiquote.org',
  'wikisource.org',
  'wikiversity.org',
  'wikivoyage.org',
  'wikifunctions.org',
  'mediawiki.org',
  'wikimediafoundation.org',
  'toolforge.org',
] as const;

/** Characters that could end an external link or a wiki link early: never in a stored link. */
const LINK_UNSAFE = /[\s[\]{}|<>"'\\^`]/;

/**
 * The host of an https URL on a Wikimedia site, or null. Recordings qualify when they are on
 * Commons (`commons.wikimedia.org/wiki/File:…` or `upload.wikimedia.org/…`).
 */
export function wikimediaHost(url: string): string | null {
  if (!/^https:\/\//i.test(url) || LINK_UNSAFE.test(url)) return null;
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
    host = parsed.hostname.toLowerCase();
  } catch {
    return null;
  }
  return WIKIMEDIA_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`)) ? host : null;
}

/** A title on this wiki that can go into `[[…]]` safely. */
const SAFE_PAGE = /^[^[\]{}|#<>\n\r\t]{1,255}$/;

/**
 * Everything wrong with an item: the record's own checks, a link that is not on a Wikimedia
 * site, a page title that is not one; with `strict` (the form), topic, language and kind are
 * required too. Hand-written items without them are still accepted by the bot.
 */
export function resourceProblems(r: Resource, taxonomy?: Taxonomy, strict = false): Problem[] {
  const problems = validateResource(r, taxonomy);
  if (r.url !== '' && !problems.some((p) => p.field === 'url') && wikimediaHost(r.url) === null) {
    problems.push(problem('url', 'letsconnect-resource-problem-site', [r.url]));
  }
  if (r.page !== '' && !SAFE_PAGE.test(r.page)) {
    problems.push(problem('page', 'letsconnect-problem-format', ['page', r.page]));
  }
  if (strict) {
    if (r.topics.length === 0)
      problems.push(problem('topics', 'letsconnect-problem-required', ['topics']));
    if (r.languages.length === 0)
      problems.push(problem('languages', 'letsconnect-problem-required', ['languages']));
    if (r.kind === '') problems.push(problem('kind', 'letsconnect-problem-required', ['kind']));
  }
  return problems;
}

/**
 * R/Resources with `r` added at the end. Only ever applied to the page's newest text (the
 * gadget re-reads and re-applies on an edit conflict), so no one else's item can be lost.
 */
export function appendResource(pageText: string, r: Resource): string {
  const call = serialiseRecord(resourceCodec, r);
  const base = pageText.replace(/\s+$/, '');
  return base === '' ? `${call}\n` : `${base}\n${call}\n`;
}

/** One revision of R/Resources, oldest first. */
export interface ResourceRevision {
  revid: number;
  user: string;
  content: string;
}

/** A call on the page that the bot did not accept, and why. */
export interface RejectedResource {
  title: string;
  user: string;
  revid: number;
  problems: Problem[];
}

const sameUser = (a: string, b: string) =>
  a.replace(/_/g, ' ').trim() === b.replace(/_/g, ' ').trim();

/** Calls identified by their values: an edited call is a new call by the editor. */
const keyOf = (r: Resource) => JSON.stringify(resourceCodec.toParams(r));

/**
 * The items on the page's newest revision that count: each call is attributed to the
 * revision that added it (diffing every revision against the one before), and counts when
 * that revision's author is the `added-by` person or `trusted` (the working group, the bot),
 * and the item passes resourceProblems. The others are returned with the reason. An item a
 * `temporary` account added never counts, whatever its `added-by` says.
 */
export function acceptResources(
  revisions: readonly ResourceRevision[],
  trusted: (user: string) => boolean,
  taxonomy?: Taxonomy,
  temporary: (user: string) => boolean = () => false,
): { accepted: ResourceEntry[]; rejected: RejectedResource[] } {
  let before = new Map<string, { record: Resource; revid: number; user: string }>();
  for (const rev of revisions) {
    const now = new Map<string, { record: Resource; revid: number; user: string }>();
    for (const { record } of parseRecords(resourceCodec, rev.content)) {
      const key = keyOf(record);
      if (now.has(key)) continue;
      now.set(key, before.get(key) ?? { record, revid: rev.revid, user: rev.user });
    }
    before = now;
  }
  const accepted: ResourceEntry[] = [];
  const rejected: RejectedResource[] = [];
  for (const { record: r, revid, user } of before.values()) {
    const problems = resourceProblems(r, taxonomy).filter((p) => p.severity === 'error');
    if (temporary(user)) {
      problems.push(problem('added-by', 'letsconnect-problem-temporary-account', [user]));
    } else if (!trusted(user) && !sameUser(r.addedBy, user)) {
      problems.push(problem('added-by', 'letsconnect-resource-problem-author', [r.addedBy, user]));
    }
    if (problems.length > 0) {
      rejected.push({ title: r.title, user, revid, problems });
      continue;
    }
    accepted.push({
      title: r.title,
      url: r.url,
      page: r.page,
      kind: r.kind,
      topics: r.topics,
      languages: r.languages,
      addedBy: r.addedBy,
      added: r.added,
      description: r.description,
      revid,
    });
  }
  return { accepted, rejected };
}

/** Items about a topic (any of `topics` when a set is given), newest first. */
export function resourcesFor(
  resources: readonly ResourceEntry[],
  topics: string | ReadonlySet<string>,
): ResourceEntry[] {
  const wanted = typeof topics === 'string' ? new Set([topics]) : topics;
  return resources
    .filter((r) => r.topics.some((id) => wanted.has(id)))
    .sort((a, b) => b.revid - a.revid);
}

/** Items grouped by topic id and by language code, each group in page order. */
export function indexResources(resources: readonly ResourceEntry[]): {
  byTopic: Map<string, ResourceEntry[]>;
  byLanguage: Map<string, ResourceEntry[]>;
} {
  const byTopic = new Map<string, ResourceEntry[]>();
  const byLanguage = new Map<string, ResourceEntry[]>();
  const add = (map: Map<string, ResourceEntry[]>, key: string, r: ResourceEntry) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  for (const r of resources) {
    for (const id of r.topics.length > 0 ? r.topics : ['']) add(byTopic, id, r);
    for (const code of r.languages.length > 0 ? r.languages : ['']) add(byLanguage, code, r);
  }
  return { byTopic, byLanguage };
}
