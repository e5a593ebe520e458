/**
 * Search and filters over the directory's entries. Built for a directory of 10,000 people
 * filtered on every keystroke: the text each entry is searched by is prepared once
 * (`indexEntries`), and a query is then one pass of cheap comparisons.
 */
import { entryTopics, type DirectoryEntry } from '../documents/documents';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { CATEGORY_PREFIX, type DirectoryQuery } from './query';

export interface IndexedEntry {
  entry: DirectoryEntry;
  /** Folded name, groups and topic labels, joined: what free text is matched against. */
  haystack: string;
  /** Folded user name, for sorting without re-folding. */
  sortName: string;
}

/**
 * Combining marks. Built from a string: a `\p{…}` literal is ES2018 syntax, which Meta's
 * ES2017 validator refuses (scripts/gadget/es2017.ts); as esbuild does for the regular
 * expression features it cannot lower, the pattern is left to the browser at run time.
 */
const MARKS = new RegExp('\\p{M}', 'gu');

/** Lower case without accents, so "Bogota" finds "Bogotá" and "ORGANISER" finds "organiser". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/**
 * Prepares entries for searching. `topicText` gives the words a topic is found by (its label
 * in the reader's language; the id is always included too).
 */
export function indexEntries(
  entries: readonly DirectoryEntry[],
  topicText: (id: string) => string,
): IndexedEntry[] {
  const labels = new Map<string, string>();
  const label = (id: string): string => {
    let text = labels.get(id);
    if (text === undefined) {
      text = `${id} ${topicText(id)}`;
      labels.set(id, text);
    }
    return text;
  };
  return entries.map((entry) => {
    const parts = [
      entry.username,
      ...entry.groups.map((g) => g.group),
      ...entryTopics(entry, 'learn').map(label),
      ...entryTopics(entry, 'share').map(label),
      entry.learnOther,
      entry.shareOther,
    ];
    return { entry, haystack: foldText(parts.join('\n')), sortName: foldText(entry.username) };
  });
}

/** The topic ids a topic filter stands for: one topic, or every topic of a category. */
export function topicsOfFilter(taxonomy: Taxonomy, topic: string): ReadonlySet<string> | null {
  if (topic === '') return null;
  if (!topic.startsWith(CATEGORY_PREFIX)) return new Set([topic]);
  const category = topic.slice(CATEGORY_PREFIX.length);
  return new Set(
    [...taxonomy.topics.values()].filter((t) => t.category === category).map((t) => t.id),
  );
}

function hasAny(ids: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const id of ids) if (wanted.has(id)) return true;
  return false;
}

/**
 * The entries matching every part of `query` (all words of the text, every filter), in the
 * order of `indexed`. Sorting 10,000 entries on every keystroke would cost more than the
 * filtering: callers keep one list per sort order (`sortEntries`) and filter that.
 */
export function matchEntries(
  indexed: readonly IndexedEntry[],
  query: DirectoryQuery,
  taxonomy: Taxonomy,
): IndexedEntry[] {
  const words = foldText(query.text)
    .split(/\s+/)
    .filter((w) => w !== '');
  const topics = topicsOfFilter(taxonomy, query.topic);
  const out: IndexedEntry[] = [];
  for (const item of indexed) {
    const e = item.entry;
    if (query.region !== '' && e.region !== query.region) continue;
    if (query.format !== '' && !(e.formats as string[]).includes(query.format)) continue;
    if (query.role !== '' && !e.groups.some((g) => g.role === query.role)) continue;
    if (query.language !== '' && !e.languages.some((l) => l.code === query.language)) continue;
    if (topics) {
      // Topics brought from the Capacity Exchange count, as in matching.
      const shares = query.side !== 'learn' && hasAny(entryTopics(e, 'share'), topics);
      const learns = query.side !== 'share' && hasAny(entryTopics(e, 'learn'), topics);
      if (!shares && !learns) continue;
    } else if (
      query.side === 'share' &&
      entryTopics(e, 'share').length === 0 &&
      e.shareOther === ''
    )
      continue;
    else if (query.side === 'learn' && entryTopics(e, 'learn').length === 0 && e.learnOther === '')
      continue;
    if (!words.every((w) => item.haystack.includes(w))) continue;
    out.push(item);
  }
  return out;
}

/**
 * "Best for me": `byName` (sorted by name) reordered by each person's fit to the reader,
 * best first; people without a fit keep their name order after the others.
 */
export function sortByFit(
  byName: readonly IndexedEntry[],
  fits: ReadonlyMap<string, { score: number }>,
): IndexedEntry[] {
  const score = (item: IndexedEntry) => fits.get(item.entry.username)?.score ?? -Infinity;
  // Array.prototype.sort is stable: equal scores stay in name order.
  return [...byName].sort((a, b) => score(b) - score(a) || 0);
}

/**
 * A sorted copy: by name (locale-independent, stable), or most recently updated first
 * (`best` needs the reader's fits: see sortByFit; without them it is by name).
 */
export function sortEntries(
  items: readonly IndexedEntry[],
  sort: DirectoryQuery['sort'],
): IndexedEntry[] {
  if (sort === 'updated') {
    return [...items].sort(
      (a, b) =>
        (a.entry.updated < b.entry.updated ? 1 : a.entry.updated > b.entry.updated ? -1 : 0) ||
        (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0),
    );
  }
  return [...items].sort((a, b) =>
    a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0,
  );
}

/** The values present in the directory for a filter, so menus offer only what can match. */
export function presentLanguages(entries: readonly DirectoryEntry[]): string[] {
  const codes = new Set<string>();
  for (const e of entries) for (const l of e.languages) codes.add(l.code);
  return [...codes].sort();
}
