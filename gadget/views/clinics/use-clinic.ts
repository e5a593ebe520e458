/**
 * A clinic page's state and actions: the clinic as read, the reader's place, which form is
 * open, and saving a sign-up, a cancellation or feedback on the reader's own page; the
 * clinic as a calendar file.
 */
import { computed, ref } from 'vue';
import type { Feedback, Signup } from '../../../shared/records/clinic';
import {
  canonicalUser,
  useEnv,
  useLoad,
  useSave,
  type NoticeData,
  type PageState,
} from '../../kit';
import { calendarFile, clinicEvents, icsFileName } from './calendar';
import {
  feedbackText,
  loadClinic,
  minuteStamp,
  placeOf,
  saveOwnPage,
  signupText,
  type ClinicState,
  type Place,
} from './clinic-data';
import type { ClinicWiki } from './clinic-wiki';
import { placeText } from './format';
import type { SignupChoice } from './use-signup-choice';

export function useClinic(props: {
  readonly wiki: ClinicWiki;
  readonly botName: string;
  readonly pageTitle: string;
  readonly username: string | null;
  readonly download: (name: string, text: string) => void;
  readonly absoluteUrl: (title: string) => string;
}) {
  const env = useEnv();
  const { t } = env;
  const read = () => loadClinic(props.wiki, props.pageTitle, props.username, props.botName);
  /** The clinic; null when the page holds none. */
  const loaded = useLoad<ClinicState | null>(read);
  const open = ref<'signup' | 'feedback' | null>(null);
  const { busy, notice, run, failedNotice } = useSave('clinic');

  const me = () => canonicalUser(props.username ?? '');
  const place = computed<Place>(() => {
    const s = loaded.data.value;
    return s && props.username !== null ? placeOf(s.roster, props.username) : { kind: 'none' };
  });
  const signedUp = computed(() => !['none', 'cancelled'].includes(place.value.kind));

  /**
   * Saves `text(s)` on one of the reader's own pages, then reads the clinic again so the
   * place shown is the computed one (when that read fails, the page keeps what it showed).
   */
  const saveOwn = (
    page: (s: ClinicState) => PageState,
    text: (s: ClinicState) => string,
    summaryKey: string,
    done: (s: ClinicState) => string,
  ) =>
    run(async (): Promise<NoticeData | null> => {
      const s = loaded.data.value;
      if (!s) return null;
      const summary = t(summaryKey, s.clinic.title);
      const result = await saveOwnPage(props.wiki, page(s), text(s), summary, me());
      if (result.kind !== 'saved') return failedNotice(result);
      open.value = null;
      const again = await read().catch(() => null);
      if (again) loaded.data.value = again;
      return { type: 'success', text: done(again ?? s) };
    });

  const signUp = (c: SignupChoice) =>
    saveOwn(
      (s) => s.ownSignup.page,
      (s) => {
        const record: Signup = {
          username: me(),
          session: c.session,
          role: c.role,
          interpretation: c.interpretation,
          signed: s.ownSignup.signup?.signed || minuteStamp(env.now()),
          cancelled: '',
        };
        return signupText(record);
      },
      'letsconnect-clinic-signup-summary',
      (s) => placeText(t, placeOf(s.roster, me())),
    );

  const cancel = () =>
    saveOwn(
      (s) => s.ownSignup.page,
      (s) => signupText({ ...s.ownSignup.signup!, cancelled: minuteStamp(env.now()) }),
      'letsconnect-clinic-cancel-summary',
      () => t('letsconnect-clinic-cancelled'),
    );

  const giveFeedback = (f: Feedback) =>
    saveOwn(
      (s) => s.ownFeedback.page,
      () => feedbackText({ ...f, username: me(), given: minuteStamp(env.now()) }),
      'letsconnect-clinic-feedback-summary',
      () => t('letsconnect-clinic-feedback-saved'),
    );

  /** The clinic's sessions as an .ics file, made in the browser. */
  function addToCalendar(s: ClinicState): void {
    const events = clinicEvents(t, props.pageTitle, s.clinic, props.absoluteUrl(props.pageTitle));
    const name = props.pageTitle.slice(props.pageTitle.lastIndexOf('/') + 1);
    props.download(icsFileName(name), calendarFile(t, events, env.now()));
  }

  return {
    loaded,
    open,
    busy,
    notice,
    me,
    place,
    signedUp,
    signUp,
    cancel,
    giveFeedback,
    addToCalendar,
  };
}
