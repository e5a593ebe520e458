import { computed, defineComponent, h, onMounted, ref, shallowRef, type PropType } from 'vue';
import { CdxButton, CdxMessage } from '@wikimedia/codex';
import {
  DEFAULT_CLINIC_CAPACITY,
  type Feedback,
  type Signup,
} from '../../../shared/records/clinic';
import { topicLabel } from '../../../shared/taxonomy/taxonomy';
import { messageLookup, useEnv } from '../../kit';
import { browserTimeZone } from '../../kit';
import { canonicalUser } from '../../kit';
import { failureText } from '../../kit';
import { calendarFile, clinicEvents, downloadFile, icsFileName } from './calendar';
import {
  feedbackOpen,
  feedbackText,
  loadClinic,
  minuteStamp,
  placeOf,
  saveOwnPage,
  signupText,
  type ClinicState,
  type OwnSaveResult,
  type Place,
} from './clinic-data';
import type { ClinicWiki } from './clinic-wiki';
import { loadResources } from '../../kit';
import { TopicResources } from '../resources/TopicResources';
import { FeedbackForm } from './FeedbackForm';
import { sessionTime } from './format';
import { SignupForm, type SignupChoice } from './SignupForm';

type Notice = { type: 'success' | 'error'; text: string };

/**
 * A clinic page: its times in the reader's time zone (and the organiser's), the places
 * left, the reader's own place ("confirmed", "waiting, number N"), Sign up / Cancel, "Add
 * to my calendar", and after the session a feedback form. Everything the reader saves goes
 * to a page of their own under the clinic.
 */
export const ClinicApp = defineComponent({
  name: 'ClinicApp',
  props: {
    wiki: { type: Object as PropType<ClinicWiki>, required: true },
    botName: { type: String, required: true },
    pageTitle: { type: String, required: true },
    username: { type: String as PropType<string | null>, default: null },
    /** The reader's IANA time zone (the browser's). */
    zone: { type: String, default: () => browserTimeZone() },
    /** Offers a file for download (a prop so tests can catch it). */
    download: {
      type: Function as PropType<(name: string, text: string) => void>,
      default: downloadFile,
    },
    /** A page's full address, for the calendar events. */
    absoluteUrl: { type: Function as PropType<(title: string) => string>, required: true },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';
    const lookup = messageLookup(t);
    const state = shallowRef<ClinicState | null>(null);
    const loadFailed = ref('');
    const notClinic = ref(false);
    const open = ref<'signup' | 'feedback' | null>(null);
    const busy = ref(false);
    const notice = ref<Notice | null>(null);

    async function load(): Promise<void> {
      const s = await loadClinic(props.wiki, props.pageTitle, props.username, props.botName);
      if (s) state.value = s;
      else notClinic.value = true;
    }
    onMounted(() =>
      load().catch((err: unknown) => {
        loadFailed.value = err instanceof Error ? err.message : String(err);
      }),
    );

    const place = computed<Place>(() =>
      state.value && props.username !== null
        ? placeOf(state.value.roster, props.username)
        : { kind: 'none' },
    );
    const me = () => canonicalUser(props.username ?? '');
    const signedUp = computed(() => !['none', 'cancelled'].includes(place.value.kind));

    /** Saves, then reads the clinic again so the place shown is the computed one. */
    async function run(
      save: (s: ClinicState) => Promise<OwnSaveResult>,
      done: (s: ClinicState) => string,
    ): Promise<void> {
      const s = state.value;
      if (!s) return;
      busy.value = true;
      notice.value = null;
      try {
        const result = await save(s);
        if (result.kind !== 'saved') {
          notice.value = {
            type: 'error',
            text: `${failureText(t, 'clinic', result)} ${t('letsconnect-gadget-save-kept')}`,
          };
          return;
        }
        open.value = null;
        await load().catch(() => undefined);
        notice.value = { type: 'success', text: done(state.value ?? s) };
      } finally {
        busy.value = false;
      }
    }

    const placeText = (p: Place): string => {
      switch (p.kind) {
        case 'confirmed':
          return t('letsconnect-clinic-place-confirmed', String(p.session));
        case 'waiting':
          return t('letsconnect-clinic-place-waiting', String(p.session), String(p.position));
        case 'team':
          return t('letsconnect-clinic-place-team', String(p.session));
        case 'cancelled':
          return t('letsconnect-clinic-place-cancelled');
        default:
          return t('letsconnect-clinic-place-none');
      }
    };

    const signUp = (c: SignupChoice) =>
      run(
        (s) => {
          const prev = s.ownSignup.signup;
          const record: Signup = {
            username: me(),
            session: c.session,
            role: c.role,
            interpretation: c.interpretation,
            signed: prev?.signed || minuteStamp(env.now()),
            cancelled: '',
          };
          const summary = t('letsconnect-clinic-signup-summary', s.clinic.title);
          return saveOwnPage(props.wiki, s.ownSignup.page, signupText(record), summary, me());
        },
        (s) => placeText(placeOf(s.roster, me())),
      );

    const cancel = () =>
      run(
        (s) => {
          const record = { ...s.ownSignup.signup!, cancelled: minuteStamp(env.now()) };
          const summary = t('letsconnect-clinic-cancel-summary', s.clinic.title);
          return saveOwnPage(props.wiki, s.ownSignup.page, signupText(record), summary, me());
        },
        () => t('letsconnect-clinic-cancelled'),
      );

    const giveFeedback = (f: Feedback) =>
      run(
        (s) => {
          const record: Feedback = { ...f, username: me(), given: minuteStamp(env.now()) };
          const summary = t('letsconnect-clinic-feedback-summary', s.clinic.title);
          return saveOwnPage(props.wiki, s.ownFeedback.page, feedbackText(record), summary, me());
        },
        () => t('letsconnect-clinic-feedback-saved'),
      );

    function addToCalendar(): void {
      const s = state.value!;
      const events = clinicEvents(t, props.pageTitle, s.clinic, props.absoluteUrl(props.pageTitle));
      const name = props.pageTitle.slice(props.pageTitle.lastIndexOf('/') + 1);
      props.download(icsFileName(name), calendarFile(t, events, env.now()));
    }

    const times = (s: ClinicState) => {
      const c = s.clinic;
      const other = c.timezone !== '' && c.timezone !== props.zone;
      return h('div', { class: 'letsconnect-clinic-app__times' }, [
        h('p', t('letsconnect-clinic-times-yours', props.zone || 'UTC')),
        h(
          'ul',
          c.sessions.map((start, i) =>
            h('li', [
              t(
                'letsconnect-clinic-session',
                String(i + 1),
                sessionTime(start, ui, props.zone || undefined),
              ),
              other
                ? h(
                    'span',
                    { class: 'letsconnect-clinic-app__organiser' },
                    ` ${t('letsconnect-clinic-session-organiser', sessionTime(start, ui, c.timezone), c.timezone)}`,
                  )
                : null,
            ]),
          ),
        ),
        h(
          'ul',
          { class: 'letsconnect-clinic-app__places' },
          s.roster.sessions.map((r) =>
            h(
              'li',
              t(
                'letsconnect-clinic-places',
                String(r.session),
                String(r.confirmed.length),
                String(c.capacity ?? DEFAULT_CLINIC_CAPACITY),
                String(r.waiting.length),
              ),
            ),
          ),
        ),
      ]);
    };

    const actions = (s: ClinicState) => {
      if (props.username === null) {
        const login = env.url('Special:UserLogin', { returnto: props.pageTitle });
        return [h('p', [h('a', { href: login }, t('letsconnect-clinic-login'))])];
      }
      const now = env.now().getTime();
      const lastStart = Math.max(...s.clinic.sessions.map((x) => Date.parse(x)));
      const closed =
        s.clinic.status === 'cancelled' || s.clinic.status === 'done' || now >= lastStart;
      const button = (label: string, onClick: () => void, primary = false) =>
        h(
          CdxButton,
          {
            type: 'button',
            action: primary ? 'progressive' : 'default',
            weight: primary ? 'primary' : 'normal',
            disabled: busy.value,
            onClick,
          },
          () => t(label),
        );
      return [
        h('p', { class: 'letsconnect-clinic-app__place' }, placeText(place.value)),
        closed ? h('p', t('letsconnect-clinic-closed')) : null,
        h('div', { class: 'letsconnect-form__buttons' }, [
          !closed && open.value !== 'signup'
            ? button(
                signedUp.value ? 'letsconnect-clinic-change' : 'letsconnect-clinic-signup-open',
                () => (open.value = 'signup'),
                !signedUp.value,
              )
            : null,
          !closed && signedUp.value
            ? button('letsconnect-clinic-cancel', () => void cancel())
            : null,
          feedbackOpen(s.clinic, place.value, env.now()) && open.value !== 'feedback'
            ? button(
                s.ownFeedback.feedback
                  ? 'letsconnect-clinic-feedback-edit'
                  : 'letsconnect-clinic-feedback-open',
                () => (open.value = 'feedback'),
                true,
              )
            : null,
        ]),
        open.value === 'signup'
          ? h(SignupForm, {
              clinic: s.clinic,
              roster: s.roster,
              existing: s.ownSignup.signup,
              zone: props.zone || 'UTC',
              busy: busy.value,
              onSubmit: (c: SignupChoice) => void signUp(c),
              onClose: () => (open.value = null),
            })
          : null,
        open.value === 'feedback'
          ? h(FeedbackForm, {
              username: me(),
              existing: s.ownFeedback.feedback,
              taxonomy: s.taxonomy,
              topicLabel: (id: string) => {
                const topic = s.taxonomy.topics.get(id);
                return topic ? topicLabel(topic, env.languages, lookup) : id;
              },
              busy: busy.value,
              onSubmit: (f: Feedback) => void giveFeedback(f),
              onClose: () => (open.value = null),
            })
          : null,
      ];
    };

    return () => {
      const s = state.value;
      if (loadFailed.value !== '')
        return h(CdxMessage, { type: 'error' }, () =>
          t('letsconnect-clinic-load-failed', loadFailed.value),
        );
      if (notClinic.value)
        return h(CdxMessage, { type: 'warning' }, () => t('letsconnect-clinic-not-found'));
      if (!s) return null;
      const n = notice.value;
      return h(
        'section',
        { class: 'letsconnect-clinic-app', 'aria-labelledby': 'letsconnect-clinic-app-title' },
        [
          h('h2', { id: 'letsconnect-clinic-app-title' }, t('letsconnect-clinic-app-title')),
          times(s),
          ...actions(s),
          n
            ? h(
                CdxMessage,
                {
                  type: n.type,
                  class: 'letsconnect-notice',
                  role: n.type === 'success' ? 'status' : 'alert',
                },
                () => n.text,
              )
            : null,
          s.clinic.sessions.length > 0
            ? h('div', { class: 'letsconnect-form__buttons' }, [
                h(CdxButton, { type: 'button', onClick: addToCalendar }, () =>
                  t('letsconnect-calendar-add'),
                ),
              ])
            : null,
          // The resource centre's items on the clinic's topic (nothing when there are none).
          s.clinic.topic !== ''
            ? h(TopicResources, {
                topic: s.clinic.topic,
                load: () => loadResources(props.wiki, props.botName),
              })
            : null,
        ],
      );
    };
  },
});
