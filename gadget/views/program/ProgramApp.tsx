import { defineComponent, onMounted, ref, type PropType } from 'vue';
import type { WikiClient } from '../../../shared/wiki-client';
import { AccountPrompt, Notice, useEnv, useLoad } from '../../kit';
import { ProfileForm } from '../profile-form/ProfileForm';
import { loadOwnProfile, type OwnProfile } from '../profile-form/profile-page';
import { WelcomePanel } from '../welcome/WelcomePanel';
import { usernameFromProfileTitle } from '../../../shared/pages';
import { AskOnProfile } from './AskOnProfile';

/**
 * The program pages' app: the welcome panel, whose button opens the profile form (or, for a
 * reader who is not logged in, the login page that brings them back here; a temporary account
 * gets no button, but why, with links to log in or create an account). The reader's
 * own profile is read once, on load, so the button can say "Edit my profile".
 */
export const ProgramApp = defineComponent({
  name: 'ProgramApp',
  props: {
    client: { type: Object as PropType<WikiClient>, required: true },
    root: { type: String, required: true },
    botName: { type: String, required: true },
    /** The reader's named account, or null (logged out, or a temporary account). */
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
    const editing = ref(false);
    // Read only for a logged-in reader; the welcome panel shows meanwhile, not a loading line.
    const own = useLoad(
      () => loadOwnProfile(props.client, props.root, props.botName, props.username ?? ''),
      { immediate: false },
    );
    // The read started on mount; a click on the button while it runs waits for it rather
    // than reading the same pages a second time.
    let reading: Promise<void> | null = null;
    onMounted(async () => {
      if (props.username === null) return;
      reading = own.reload();
      await reading;
      if (props.startEditing && own.data.value) editing.value = true;
    });

    const join = () => {
      if (props.username === null) {
        props.navigate(env.url('Special:UserLogin', { returnto: props.pageTitle }));
        return;
      }
      if (own.data.value) {
        editing.value = true;
        return;
      }
      const ready = own.status.value === 'loading' && reading ? reading : own.reload();
      void ready.then(() => (editing.value = own.data.value !== undefined));
    };

    return () => {
      const mine = own.data.value;
      if (editing.value && mine) {
        return (
          <ProfileForm
            own={mine}
            client={props.client}
            botName={props.botName}
            onSaved={(saved: OwnProfile) => (own.data.value = saved)}
            onCancel={() => (editing.value = false)}
          />
        );
      }
      const failed = own.status.value === 'failed';
      const owner = usernameFromProfileTitle(props.root, props.pageTitle);
      return (
        <div>
          <WelcomePanel
            t={t}
            registered={!!mine?.profile && !mine.profile.withdrawn}
            joinable={!env.reader.temporary}
            onJoin={join}
          />
          {props.username !== null && owner !== null && owner !== props.username ? (
            <AskOnProfile
              client={props.client}
              root={props.root}
              botName={props.botName}
              username={props.username}
              person={owner}
            />
          ) : null}
          <AccountPrompt returnto={props.pageTitle} />
          <Notice
            notice={
              failed
                ? { type: 'error', text: t('letsconnect-gadget-load-failed', own.failure.value) }
                : null
            }
          />
        </div>
      );
    };
  },
});
