/**
 * The resources for one topic, from the resource centre as the bot accepted it
 * (User:<bot>/Resources.json): for clinic pages (and any view about a topic). Shows nothing
 * while loading, when there are none or when they cannot be read: it is an extra, never in
 * the way.
 *
 *   <TopicResources topic="budget-development" load={() => loadResources(client, botName)} />
 */
import { computed, defineComponent, type PropType } from 'vue';
import type { ResourceEntry } from '../../../shared/documents/documents';
import { resourcesIndexTitle } from '../../../shared/pages';
import { resourcesFor } from '../../../shared/resources/centre';
import { useEnv, useLoad } from '../../kit';

export const TopicResources = defineComponent({
  name: 'TopicResources',
  props: {
    /** A topic id, or several (any of them). */
    topic: { type: [String, Array] as PropType<string | string[]>, required: true },
    /** Gives the accepted items: loadResources(client, botName), or items already loaded. */
    load: { type: Function as PropType<() => Promise<ResourceEntry[]>>, required: true },
    /** The program root, for the link to every resource by topic ('' for none). */
    root: { type: String, default: '' },
    /** At most this many, newest first. */
    limit: { type: Number, default: 6 },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const { data } = useLoad(() => props.load());
    const shown = computed(() =>
      resourcesFor(
        data.value ?? [],
        new Set(typeof props.topic === 'string' ? [props.topic] : props.topic),
      ).slice(0, props.limit),
    );
    return () =>
      shown.value.length === 0 ? null : (
        <section
          class="letsconnect-resources letsconnect-topic-resources"
          aria-labelledby="letsconnect-topic-resources-title"
        >
          <h3 id="letsconnect-topic-resources-title">{t('letsconnect-resource-list-title')}</h3>
          <ul>
            {shown.value.map((r) => (
              <li key={`${r.revid}:${r.title}`}>
                <a href={r.url !== '' ? r.url : env.url(r.page)} dir="auto">
                  {r.title}
                </a>
                {r.kind === '' ? null : (
                  <span class="letsconnect-resources__kind">
                    {` (${t(`letsconnect-gadget-resource-${r.kind}`)})`}
                  </span>
                )}
                {r.languages.length > 0 ? (
                  <span class="letsconnect-resources__languages" dir="ltr">
                    {` · ${r.languages.join(', ')}`}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {props.root === '' ? null : (
            <p>
              <a href={env.url(resourcesIndexTitle(props.root))}>
                {t('letsconnect-resource-list-all')}
              </a>
            </p>
          )}
        </section>
      );
  },
});
