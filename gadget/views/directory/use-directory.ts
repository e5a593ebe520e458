/**
 * The directory's state: the data read once, the query, and the results it gives. Filtering
 * runs on every keystroke over data prepared once on load; only one page of cards is shown
 * at a time ("show more" adds a page), so it stays fast with 10,000 people.
 */
import { computed, ref, watch, type ComputedRef, type Ref } from 'vue';
import { EMPTY_QUERY, type DirectoryQuery } from '../../../shared/directory/query';
import {
  indexEntries,
  matchEntries,
  presentLanguages,
  sortByFit,
  sortEntries,
  topicsOfFilter,
  type IndexedEntry,
} from '../../../shared/directory/search';
import { entryTopics } from '../../../shared/documents/documents';
import { fitsFor, type PersonFit } from '../../../shared/matching/fit';
import { topicLabel } from '../../../shared/taxonomy/taxonomy';
import { messageLookup, useEnv, useLoad, type Loaded, type LoadedDirectory } from '../../kit';

/** Cards rendered at first and per "show more": enough to scan, few enough to stay instant. */
export const PAGE_SIZE = 24;

export interface DirectoryState {
  loaded: Loaded<LoadedDirectory>;
  query: Ref<DirectoryQuery>;
  /** How many results are shown. */
  limit: Ref<number>;
  labelOf: ComputedRef<(id: string) => string>;
  languageCodes: ComputedRef<string[]>;
  results: ComputedRef<IndexedEntry[]>;
  /** The reader is listed, so "Best for me" can be offered. */
  readerListed: ComputedRef<boolean>;
  /** Each person's fit to the reader (computed the first time "Best for me" is chosen). */
  fits: ComputedRef<ReadonlyMap<string, PersonFit>>;
  /** The chosen topic (or every topic of the chosen category), when a topic filter is set. */
  filterTopics: ComputedRef<ReadonlySet<string> | null>;
  /** Applies a new query: back to the first page, and told to the page (for the URL). */
  setQuery: (q: DirectoryQuery) => void;
  /** Clears every filter, keeping the order. */
  clear: () => void;
  more: () => void;
}

export function useDirectory(
  load: () => Promise<LoadedDirectory>,
  initialQuery: () => DirectoryQuery,
  emitQuery: (q: DirectoryQuery) => void,
): DirectoryState {
  const env = useEnv();
  const lookup = messageLookup(env.t);
  const loaded = useLoad(load);
  const data = loaded.data;
  const query = ref<DirectoryQuery>({ ...initialQuery() });
  const limit = ref(PAGE_SIZE);
  watch(initialQuery, (q) => (query.value = { ...q }));

  const labelOf = computed(() => {
    const taxonomy = data.value?.taxonomy;
    return (id: string): string => {
      const topic = taxonomy?.topics.get(id);
      return topic ? topicLabel(topic, env.languages, lookup) : id;
    };
  });
  const indexed = computed(() => indexEntries(data.value?.entries ?? [], labelOf.value));
  // One sorted list per order, made once: a keystroke then only filters.
  const byName = computed(() => sortEntries(indexed.value, 'name'));
  const byUpdated = computed(() => sortEntries(indexed.value, 'updated'));
  const languageCodes = computed(() => presentLanguages(data.value?.entries ?? []));
  const me = env.reader.username;
  const readerListed = computed(
    () => me !== null && (data.value?.entries ?? []).some((e) => e.username === me),
  );
  // The matcher's own score, over the same topics it matches on (Capacity Exchange ones too).
  const fits = computed((): ReadonlyMap<string, PersonFit> => {
    const d = data.value;
    if (!d || me === null || !readerListed.value) return new Map();
    const people = d.entries.map((e) => ({
      ...e,
      share: entryTopics(e, 'share'),
      learn: entryTopics(e, 'learn'),
    }));
    return fitsFor(me, people, env.now().toISOString().slice(0, 7), d.taxonomy);
  });
  const byFit = computed(() => sortByFit(byName.value, fits.value));
  const results = computed(() => {
    const d = data.value;
    if (!d) return [];
    const sort = query.value.sort === 'best' && !readerListed.value ? 'name' : query.value.sort;
    const sorted =
      sort === 'updated' ? byUpdated.value : sort === 'best' ? byFit.value : byName.value;
    return matchEntries(sorted, query.value, d.taxonomy);
  });
  const filterTopics = computed(() => {
    const d = data.value;
    return d ? topicsOfFilter(d.taxonomy, query.value.topic) : null;
  });

  const setQuery = (q: DirectoryQuery) => {
    query.value = q;
    limit.value = PAGE_SIZE;
    emitQuery(q);
  };
  return {
    loaded,
    query,
    limit,
    labelOf,
    languageCodes,
    results,
    readerListed,
    fits,
    filterTopics,
    setQuery,
    clear: () => setQuery({ ...EMPTY_QUERY, sort: query.value.sort }),
    more: () => (limit.value += PAGE_SIZE),
  };
}
