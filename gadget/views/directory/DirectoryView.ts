import {
  computed,
  defineComponent,
  h,
  onMounted,
  ref,
  shallowRef,
  watch,
  type PropType,
} from 'vue';
import { CdxButton, CdxMessage } from '@wikimedia/codex';
import { EMPTY_QUERY, isFiltered, type DirectoryQuery } from '../../../shared/directory/query';
import {
  indexEntries,
  matchEntries,
  presentLanguages,
  sortEntries,
  topicsOfFilter,
} from '../../../shared/directory/search';
import { topicLabel } from '../../../shared/taxonomy/taxonomy';
import { messageLookup, useEnv } from '../../kit';
import { readerDate } from '../../kit';
import { PersonCard } from '../person-card/PersonCard';
import { TopicResources } from '../resources/TopicResources';
import { DirectoryFilters } from './DirectoryFilters';
import type { LoadedDirectory } from '../../kit';

/** Cards rendered at first and per "show more": enough to scan, few enough to stay instant. */
export const PAGE_SIZE = 24;
const MAX_RESOURCES = 6;

/**
 * The skills directory: search and filters over the bot's directory, results as cards.
 * Filtering runs on every keystroke over data prepared once on load; only one page of
 * cards is rendered at a time, so it stays fast with 10,000 people.
 */
export const DirectoryView = defineComponent({
  name: 'DirectoryView',
  props: {
    load: { type: Function as PropType<() => Promise<LoadedDirectory>>, required: true },
    initialQuery: { type: Object as PropType<DirectoryQuery>, default: () => EMPTY_QUERY },
  },
  emits: { 'update:query': (_q: DirectoryQuery) => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';
    const lookup = messageLookup(t);
    const state = ref<'loading' | 'ready' | 'failed'>('loading');
    const failure = ref('');
    const data = shallowRef<LoadedDirectory | null>(null);
    const query = ref<DirectoryQuery>({ ...props.initialQuery });
    const limit = ref(PAGE_SIZE);

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
    const results = computed(() =>
      data.value
        ? matchEntries(
            query.value.sort === 'updated' ? byUpdated.value : byName.value,
            query.value,
            data.value.taxonomy,
          )
        : [],
    );
    /** The chosen topic (or every topic of the chosen category), when a topic filter is set. */
    const filterTopics = computed(() => {
      const d = data.value;
      return d ? topicsOfFilter(d.taxonomy, query.value.topic) : null;
    });

    const setQuery = (q: DirectoryQuery) => {
      query.value = q;
      limit.value = PAGE_SIZE;
      emit('update:query', q);
    };

    async function start(): Promise<void> {
      state.value = 'loading';
      try {
        data.value = await props.load();
        state.value = 'ready';
      } catch (err) {
        failure.value = err instanceof Error ? err.message : String(err);
        state.value = 'failed';
      }
    }
    onMounted(start);
    watch(
      () => props.initialQuery,
      (q) => (query.value = { ...q }),
    );

    const resourceList = (topics: ReadonlySet<string>) =>
      h(TopicResources, {
        topic: [...topics],
        load: () => Promise.resolve(data.value?.resources ?? []),
        limit: MAX_RESOURCES,
      });

    const emptyState = () =>
      h('div', { class: 'letsconnect-empty' }, [
        h('p', { class: 'letsconnect-empty__title' }, t('letsconnect-gadget-dir-empty')),
        h('p', t('letsconnect-gadget-dir-empty-hint')),
        isFiltered(query.value)
          ? h(
              CdxButton,
              { onClick: () => setQuery({ ...EMPTY_QUERY, sort: query.value.sort }) },
              { default: () => t('letsconnect-gadget-dir-clear') },
            )
          : null,
      ]);

    const body = () => {
      if (state.value === 'loading')
        return h(
          'p',
          { class: 'letsconnect-directory__loading', role: 'status' },
          t('letsconnect-gadget-dir-loading'),
        );
      if (state.value === 'failed')
        return h(
          CdxMessage,
          { type: 'error' },
          {
            default: () => [
              h('p', t('letsconnect-gadget-dir-failed', failure.value)),
              h(CdxButton, { onClick: start }, { default: () => t('letsconnect-gadget-retry') }),
            ],
          },
        );
      const d = data.value!;
      if (!d.index)
        return h(
          CdxMessage,
          { type: 'notice' },
          { default: () => t('letsconnect-gadget-dir-not-built') },
        );
      const shown = results.value.slice(0, limit.value);
      return [
        h(DirectoryFilters, {
          query: query.value,
          taxonomy: d.taxonomy,
          languageCodes: languageCodes.value,
          topicLabel: labelOf.value,
          'onUpdate:query': setQuery,
        }),
        h('p', { class: 'letsconnect-directory__count', role: 'status', 'aria-live': 'polite' }, [
          t('letsconnect-gadget-dir-count', String(results.value.length)),
          ' ',
          h(
            'span',
            { class: 'letsconnect-directory__generated' },
            t('letsconnect-gadget-dir-generated', readerDate(d.index.generated, ui, true)),
          ),
        ]),
        filterTopics.value ? resourceList(filterTopics.value) : null,
        results.value.length === 0
          ? emptyState()
          : h(
              'ul',
              { class: 'letsconnect-results' },
              shown.map((item) =>
                h('li', { key: item.entry.username }, [
                  h(PersonCard, { person: item.entry, topicLabel: labelOf.value }),
                ]),
              ),
            ),
        results.value.length > shown.length
          ? h(
              CdxButton,
              { class: 'letsconnect-directory__more', onClick: () => (limit.value += PAGE_SIZE) },
              {
                default: () =>
                  t('letsconnect-gadget-dir-more', String(results.value.length - shown.length)),
              },
            )
          : null,
      ];
    };

    return () =>
      h(
        'section',
        { class: 'letsconnect-directory', 'aria-labelledby': 'letsconnect-directory-title' },
        [h('h2', { id: 'letsconnect-directory-title' }, t('letsconnect-gadget-dir-title')), body()],
      );
  },
});
