import { CdxButton, CdxMessage } from '@wikimedia/codex';
import { defineComponent, ref, type PropType } from 'vue';
import { AccountPrompt, AsyncState, Notice, loadResources, messageLookup, useEnv } from '../../kit';
import { TopicResources } from '../resources/TopicResources';
import { isPastClinic } from '../../../shared/clinics/summary';
import { calendarProps, loadFeedAddresses } from './calendar';
import { CalendarChoices } from './CalendarChoices';
import type { ClinicState } from './clinic-data';
import type { ClinicWiki } from './clinic-wiki';
import { ClinicActions } from './ClinicActions';
import { ClinicTimes } from './ClinicTimes';
import { FeedbackForm } from './FeedbackForm';
import { SignupForm } from './SignupForm';
import { topicNamer } from './format';
import { useClinic } from './use-clinic';

/**
 * A clinic page: its times in the reader's time zone (and the organiser's), the places
 * left, the reader's own place ("confirmed", "waiting, number N"), Sign up / Cancel, "Add
 * to my calendar", and after the session a feedback form. Everything the reader saves goes
 * to a page of their own under the clinic. A reader not logged in gets a login link, a
 * temporary account why it cannot sign up (AccountPrompt).
 */
export const ClinicApp = defineComponent({
  name: 'ClinicApp',
  props: {
    wiki: { type: Object as PropType<ClinicWiki>, required: true },
    botName: { type: String, required: true },
    pageTitle: { type: String, required: true },
    username: { type: String as PropType<string | null>, default: null },
    ...calendarProps,
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const lookup = messageLookup(t);
    const c = useClinic(props);
    /** "Add to my calendar" opened: the file and the subscriptions. */
    const calendarOpen = ref(false);
    const loadFeed = () =>
      loadFeedAddresses(props.wiki, props.botName, props.username, env.languages[0] ?? 'en');
    const loginUrl = () => env.url('Special:UserLogin', { returnto: props.pageTitle });

    const form = (s: ClinicState) => {
      const close = () => (c.open.value = null);
      if (c.open.value === 'signup')
        return (
          <SignupForm
            username={c.me()}
            clinic={s.clinic}
            roster={s.roster}
            existing={s.ownSignup.signup}
            zone={props.zone || 'UTC'}
            busy={c.busy.value}
            onSubmit={(choice) => void c.signUp(choice)}
            onClose={close}
          />
        );
      if (c.open.value === 'feedback')
        return (
          <FeedbackForm
            username={c.me()}
            existing={s.ownFeedback.feedback}
            taxonomy={s.taxonomy}
            topicLabel={topicNamer(s.taxonomy, env.languages, lookup)}
            busy={c.busy.value}
            onSubmit={(f) => void c.giveFeedback(f)}
            onClose={close}
          />
        );
      return null;
    };

    const clinic = (s: ClinicState) => (
      <section class="letsconnect-clinic-app" aria-labelledby="letsconnect-clinic-app-title">
        <h2 id="letsconnect-clinic-app-title">{t('letsconnect-clinic-app-title')}</h2>
        <ClinicTimes clinic={s.clinic} roster={s.roster} zone={props.zone} />
        {props.username === null ? (
          <AccountPrompt returnto={props.pageTitle}>
            {{
              default: () => (
                <p>
                  <a href={loginUrl()}>{t('letsconnect-clinic-login')}</a>
                </p>
              ),
            }}
          </AccountPrompt>
        ) : (
          <ClinicActions
            clinic={s.clinic}
            place={c.place.value}
            signedUp={c.signedUp.value}
            gaveFeedback={s.ownFeedback.feedback !== null}
            open={c.open.value}
            busy={c.busy.value}
            onOpen={(form) => (c.open.value = form)}
            onCancel={() => void c.cancel()}
          />
        )}
        {form(s)}
        <Notice notice={c.notice.value} />
        {/* After the last session (or a cancelled clinic) there is nothing to put in a calendar. */}
        {s.clinic.sessions.length > 0 &&
        s.clinic.status !== 'cancelled' &&
        !isPastClinic(s.clinic, env.now().getTime()) ? (
          calendarOpen.value ? (
            <CalendarChoices load={loadFeed} onDownload={() => c.addToCalendar(s)} />
          ) : (
            <div class="letsconnect-form__buttons">
              <CdxButton
                {...{ type: 'button', 'aria-expanded': 'false' }}
                onClick={() => (calendarOpen.value = true)}
              >
                {{ default: () => t('letsconnect-calendar-add') }}
              </CdxButton>
            </div>
          )
        ) : null}
        {/* The resource centre's items on the clinic's topic (nothing when there are none). */}
        {s.clinic.topic !== '' ? (
          <TopicResources
            topic={s.clinic.topic}
            load={() => loadResources(props.wiki, props.botName)}
          />
        ) : null}
      </section>
    );

    return () => (
      <AsyncState
        state={c.loaded}
        loadingText={t('letsconnect-clinic-loading')}
        failedText={(code: string) => t('letsconnect-clinic-load-failed', code)}
      >
        {{
          default: (data: unknown) =>
            data === null ? (
              <CdxMessage type="warning">
                {{ default: () => t('letsconnect-clinic-not-found') }}
              </CdxMessage>
            ) : (
              clinic(data as ClinicState)
            ),
        }}
      </AsyncState>
    );
  },
});
