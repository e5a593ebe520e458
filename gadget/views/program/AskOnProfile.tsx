/**
 * "Ask to connect" on another participant's profile page, under the same rule as on their
 * directory card (askRefusal: the reader is listed; the person is listed, not snoozed, takes
 * requests, is not the reader). Both people's entries come from the bot's directory (two
 * requests: the index, then only the shards that hold them); nothing shows until they do,
 * and nothing at all when the person cannot be asked.
 */
import { CdxButton } from '@wikimedia/codex';
import { computed, defineComponent, onMounted, ref, type PropType } from 'vue';
import { askRefusal } from '../../../shared/connections/requests';
import type { DirectoryEntry } from '../../../shared/documents/documents';
import { topicLabel, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { loadDirectoryPeople, messageLookup, useEnv } from '../../kit';
import { AskDialog } from '../directory/AskDialog';

export const AskOnProfile = defineComponent({
  name: 'AskOnProfile',
  props: {
    client: { type: Object as PropType<WikiClient>, required: true },
    root: { type: String, required: true },
    botName: { type: String, required: true },
    /** The reader's named account. */
    username: { type: String, required: true },
    /** Whose profile page this is. */
    person: { type: String, required: true },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const lookup = messageLookup(t);
    const entry = ref<DirectoryEntry | null>(null);
    const taxonomy = ref<Taxonomy | null>(null);
    const asking = ref(false);
    onMounted(async () => {
      try {
        const found = await loadDirectoryPeople(props.client, props.botName, [
          props.username,
          props.person,
        ]);
        const today = env.now().toISOString().slice(0, 10);
        const to = found.entries.get(props.person);
        const listed = found.entries.has(props.username);
        if (to && askRefusal(props.username, listed, to, today) === null) {
          taxonomy.value = found.taxonomy;
          entry.value = to;
        }
      } catch {
        // The button is an extra on a page that reads fine without it: no button, no error.
      }
    });
    const labelOf = computed(() => (id: string) => {
      const topic = taxonomy.value?.topics.get(id);
      return topic ? topicLabel(topic, env.languages, lookup) : id;
    });

    return () =>
      entry.value === null ? null : (
        <div class="letsconnect-ask-profile">
          <CdxButton
            class="letsconnect-ask-profile__button"
            action="progressive"
            onClick={() => (asking.value = true)}
          >
            {{ default: () => t('letsconnect-ask-button') }}
          </CdxButton>
          <AskDialog
            person={asking.value ? entry.value : null}
            username={props.username}
            client={props.client}
            root={props.root}
            botName={props.botName}
            topicLabel={labelOf.value}
            onClose={() => (asking.value = false)}
          />
        </div>
      );
  },
});
