/**
 * The skills directory: search and filters over the bot's directory, results as cards (see
 * use-directory for how it stays fast with 10,000 people).
 */
import { defineComponent, ref, type PropType } from 'vue';
import { CdxButton, CdxMessage } from '@wikimedia/codex';
import { EMPTY_QUERY, isFiltered, type DirectoryQuery } from '../../../shared/directory/query';
import { AsyncState, readerDate, useEnv, type LoadedDirectory } from '../../kit';
import { PersonCard } from '../person-card/PersonCard';
import { TopicResources } from '../resources/TopicResources';
import { askRefusal } from '../../../shared/connections/requests';
import type { DirectoryEntry } from '../../../shared/documents/documents';
import type { WikiClient } from '../../../shared/wiki-client';
import { AskDialog } from './AskDialog';
import { DirectoryFilters } from './DirectoryFilters';
import { fitText } from './fit-text';
import { useDirectory } from './use-directory';

export { PAGE_SIZE } from './use-directory';
const MAX_RESOURCES = 6;

export const DirectoryView = defineComponent({
  name: 'DirectoryView',
  props: {
    load: { type: Function as PropType<() => Promise<LoadedDirectory>>, required: true },
    initialQuery: { type: Object as PropType<DirectoryQuery>, default: () => EMPTY_QUERY },
    /** Where "Ask to connect" saves (the reader's own requests page); null: no asking. */
    asking: {
      type: Object as PropType<{ client: WikiClient; root: string; botName: string } | null>,
      default: null,
    },
  },
  emits: { 'update:query': (_q: DirectoryQuery) => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';
    const dir = useDirectory(
      props.load,
      () => props.initialQuery,
      (q) => emit('update:query', q),
    );
    const { query, results } = dir;
    const asked = ref<DirectoryEntry | null>(null);
    const me = env.reader.username;
    const today = env.now().toISOString().slice(0, 10);
    /** The reader may ask: named and listed; the person takes requests (same rule as the bot). */
    const askable = (e: DirectoryEntry) =>
      props.asking !== null &&
      me !== null &&
      askRefusal(me, dir.readerListed.value, e, today) === null;

    const emptyState = () => (
      <div class="letsconnect-empty">
        <p class="letsconnect-empty__title">{t('letsconnect-gadget-dir-empty')}</p>
        <p>{t('letsconnect-gadget-dir-empty-hint')}</p>
        {isFiltered(query.value) ? (
          <CdxButton onClick={dir.clear}>
            {{ default: () => t('letsconnect-gadget-dir-clear') }}
          </CdxButton>
        ) : null}
      </div>
    );

    const loaded = (d: LoadedDirectory) => {
      if (!d.index)
        return (
          <CdxMessage type="notice">
            {{ default: () => t('letsconnect-gadget-dir-not-built') }}
          </CdxMessage>
        );
      const shown = results.value.slice(0, dir.limit.value);
      const topics = dir.filterTopics.value;
      const hidden = results.value.length - shown.length;
      // "Best for me" for a reader who is not listed (a shared link) is shown by name.
      const best = query.value.sort === 'best' && dir.readerListed.value;
      const fitOf = (e: DirectoryEntry): string => {
        const fit = best ? dir.fits.value.get(e.username) : undefined;
        return fit ? fitText(t, fit, dir.labelOf.value, ui) : '';
      };
      return [
        <DirectoryFilters
          query={
            best || query.value.sort !== 'best' ? query.value : { ...query.value, sort: 'name' }
          }
          canFit={dir.readerListed.value}
          taxonomy={d.taxonomy}
          languageCodes={dir.languageCodes.value}
          topicLabel={dir.labelOf.value}
          onUpdate:query={dir.setQuery}
        />,
        <p class="letsconnect-directory__count" role="status" aria-live="polite">
          {t('letsconnect-gadget-dir-count', String(results.value.length))}{' '}
          <span class="letsconnect-directory__generated">
            {t('letsconnect-gadget-dir-generated', readerDate(d.index.generated, ui, true))}
          </span>
        </p>,
        best && dir.fits.value.size === 0 ? (
          <CdxMessage type="notice" class="letsconnect-directory__no-fit">
            {{ default: () => t('letsconnect-gadget-fit-none') }}
          </CdxMessage>
        ) : null,
        topics ? (
          <TopicResources
            topic={[...topics]}
            load={() => Promise.resolve(d.resources)}
            limit={MAX_RESOURCES}
          />
        ) : null,
        results.value.length === 0 ? (
          emptyState()
        ) : (
          <ul class="letsconnect-results">
            {shown.map((item) => (
              <li key={item.entry.username}>
                <PersonCard
                  person={item.entry}
                  topicLabel={dir.labelOf.value}
                  askable={askable(item.entry)}
                  fit={fitOf(item.entry)}
                  onAsk={() => (asked.value = item.entry)}
                />
              </li>
            ))}
          </ul>
        ),
        props.asking && me ? (
          <AskDialog
            person={asked.value}
            username={me}
            client={props.asking.client}
            root={props.asking.root}
            botName={props.asking.botName}
            topicLabel={dir.labelOf.value}
            onClose={() => (asked.value = null)}
          />
        ) : null,
        hidden > 0 ? (
          <CdxButton class="letsconnect-directory__more" onClick={dir.more}>
            {{ default: () => t('letsconnect-gadget-dir-more', String(hidden)) }}
          </CdxButton>
        ) : null,
      ];
    };

    return () => (
      <section class="letsconnect-directory" aria-labelledby="letsconnect-directory-title">
        <h2 id="letsconnect-directory-title">{t('letsconnect-gadget-dir-title')}</h2>
        <AsyncState
          state={dir.loaded}
          loadingText={t('letsconnect-gadget-dir-loading')}
          failedText={(code: string) => t('letsconnect-gadget-dir-failed', code)}
        >
          {{ default: (d: unknown) => loaded(d as LoadedDirectory) }}
        </AsyncState>
      </section>
    );
  },
});
