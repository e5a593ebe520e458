import { defineComponent, h, onMounted, ref, shallowRef, type PropType } from 'vue';
import { CdxMessage } from '@wikimedia/codex';
import type { WikiClient } from '../../../shared/wiki-client';
import { useEnv } from '../../kit';
import { ProfileForm } from '../profile-form/ProfileForm';
import { loadOwnProfile, type OwnProfile } from '../profile-form/profile-page';
import { WelcomePanel } from '../welcome/WelcomePanel';

/**
 * The program pages' app: the welcome panel, whose button opens the profile form (or, for a
 * reader who is not logged in, the login page that brings them back here). The reader's
 * own profile is read once, on load, so the button can say "Edit my profile".
 */
export const ProgramApp = defineComponent({
  name: 'ProgramApp',
  props: {
    client: { type: Object as PropType<WikiClient>, required: true },
    root: { type: String, required: true },
    botName: { type: String, required: true },
    /** The logged-in reader, or null. */
    username: { type: String as PropType<string | null>, default: null },
    /** The page being read, for returning to it after logging in. */
    pageTitle: { type: String, required: true },
    /** Leaves the page (the login link); a prop so tests need not navigate. */
    navigate: { type: Function as PropType<(url: string) => void>, required: true },
    /** Open the form straight away (the person's own profile page, `?letsconnect=edit`). */
    startEditing: { type: Boolean, default: false },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const own = shallowRef<OwnProfile | null>(null);
    const editing = ref(false);
    const loadFailed = ref('');

    async function load(): Promise<void> {
      if (props.username === null) return;
      try {
        own.value = await loadOwnProfile(props.client, props.root, props.botName, props.username);
        if (props.startEditing) editing.value = true;
      } catch (err) {
        loadFailed.value = err instanceof Error ? err.message : String(err);
      }
    }
    onMounted(load);

    const join = () => {
      if (props.username === null) {
        props.navigate(env.url('Special:UserLogin', { returnto: props.pageTitle }));
        return;
      }
      if (own.value) editing.value = true;
      else void load().then(() => (editing.value = own.value !== null));
    };

    return () => {
      if (editing.value && own.value) {
        return h(ProfileForm, {
          own: own.value,
          client: props.client,
          onSaved: (saved: OwnProfile) => (own.value = saved),
          onCancel: () => (editing.value = false),
        });
      }
      return h('div', [
        h(WelcomePanel, {
          t,
          registered: !!own.value?.profile && !own.value.profile.withdrawn,
          onJoin: join,
        }),
        loadFailed.value === ''
          ? null
          : h(
              CdxMessage,
              { type: 'error' },
              {
                default: () => t('letsconnect-gadget-load-failed', loadFailed.value),
              },
            ),
      ]);
    };
  },
});
