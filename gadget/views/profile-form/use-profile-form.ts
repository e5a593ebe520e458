/**
 * The profile form's state and saving: the profile being edited, its problems (shown once
 * the person has tried to save), and the saves (join or update, withdraw, snooze), each
 * ending in a notice. A failed save keeps everything typed and says why.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue';
import { hasErrors, type Problem } from '../../../shared/problems';
import type { Profile } from '../../../shared/records/profile';
import { topicLabel } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import {
  browserTimeZone,
  failed,
  messageLookup,
  readerDate,
  useEnv,
  useSave,
  type NoticeData,
} from '../../kit';
import { copyProfile, formProblems, newProfile } from './form-model';
import {
  REVISION_DELETION_PAGE,
  saveOwnProfile,
  withdrawOwnProfile,
  type OwnProfile,
} from './profile-page';

export interface ProfileFormState {
  /** The page as last read or saved. */
  current: Ref<OwnProfile>;
  form: Ref<Profile>;
  busy: Ref<boolean>;
  /** Problems to show next to the fields (none until the first try to save). */
  shown: ComputedRef<Problem[]>;
  notice: ComputedRef<NoticeData | null>;
  label: (id: string) => string;
  update: (patch: Partial<Profile>) => void;
  /** Saves the form (joining, or updating): refused while the checks find errors. */
  save: () => Promise<void>;
  /** Withdraws or snoozes the saved profile (not the form's unsaved changes). */
  withdraw: (saved: Profile) => Promise<void>;
  snooze: (saved: Profile, until: string) => Promise<void>;
  /** Fills the form with the owner's profile from before they left (from the history). */
  restoreBefore: () => void;
}

export function useProfileForm(
  props: { own: OwnProfile; client: WikiClient },
  onSaved: (own: OwnProfile) => void,
): ProfileFormState {
  const env = useEnv();
  const { t } = env;
  const lookup = messageLookup(t);
  const cycle = useSave('profile');
  const current = ref<OwnProfile>(props.own);
  // A withdrawn page keeps nothing but the name: rejoining starts from a fresh form.
  const fresh = (own: OwnProfile) =>
    own.profile && !own.profile.withdrawn
      ? copyProfile(own.profile)
      : newProfile(own.username, browserTimeZone());
  const form = ref<Profile>(fresh(props.own));
  const attempted = ref(false);
  /** The last try to save was refused by the checks. */
  const invalid = ref(false);
  const problems = computed(() => formProblems(form.value, current.value.taxonomy));
  // Problems show once the person has tried to save, then follow every change.
  const shown = computed(() => (attempted.value ? problems.value : []));

  const notice = computed((): NoticeData | null => {
    if (!invalid.value) return cycle.notice.value;
    const count = problems.value.filter((p) => p.severity === 'error').length;
    // Once everything is fixed the warning has done its job.
    return count === 0
      ? null
      : { type: 'error', text: t('letsconnect-gadget-form-invalid-see-top', String(count)) };
  });

  const savedNotice = (summaryKey: string): NoticeData => {
    const withdrawn = summaryKey === 'letsconnect-gadget-summary-withdraw';
    const generated = current.value.directoryGenerated;
    const ui = env.languages[0] ?? 'en';
    return {
      type: 'success',
      text: [
        t(withdrawn ? 'letsconnect-gadget-saved-withdrawn' : 'letsconnect-gadget-saved'),
        t(withdrawn ? 'letsconnect-gadget-saved-when-removed' : 'letsconnect-gadget-saved-when'),
        ...(generated === ''
          ? []
          : [t('letsconnect-gadget-saved-last-run', readerDate(generated, ui, true))]),
        ...(withdrawn ? [t('letsconnect-gadget-withdraw-history')] : []),
      ],
      link: withdrawn
        ? { href: env.url(REVISION_DELETION_PAGE), text: t('letsconnect-gadget-withdraw-revdel') }
        : { href: env.url(current.value.title), text: t('letsconnect-gadget-saved-view') },
    };
  };

  // The profile form refuses a conflict rather than re-applying it: the page is the person's
  // own, so another edit there is worth a look (the notice links to the history).
  const failedNotice = (err: unknown): NoticeData => {
    const f = failed(err);
    const history = {
      href: env.url(current.value.title, { action: 'history' }),
      text: t('letsconnect-gadget-save-conflict-history'),
    };
    return { ...cycle.failedNotice(f), ...(f.failure === 'conflict' ? { link: history } : {}) };
  };

  function write(profile: Profile, summaryKey: string, ...params: string[]): Promise<void> {
    invalid.value = false;
    return cycle.run(async () => {
      try {
        const summary = t(summaryKey, ...params);
        const saved = profile.withdrawn
          ? await withdrawOwnProfile(props.client, current.value, summary, env.now())
          : await saveOwnProfile(props.client, current.value, profile, summary, env.now());
        current.value = saved.own;
        form.value = fresh(saved.own);
        onSaved(saved.own);
        return savedNotice(summaryKey);
      } catch (err) {
        return failedNotice(err);
      }
    });
  }

  async function save(): Promise<void> {
    attempted.value = true;
    if (hasErrors(problems.value)) {
      invalid.value = true;
      return;
    }
    const key =
      current.value.profile && !current.value.profile.withdrawn
        ? 'letsconnect-gadget-summary-update'
        : 'letsconnect-gadget-summary-join';
    // Saving the form is joining: it also undoes an earlier withdrawal.
    await write({ ...form.value, withdrawn: false }, key);
  }

  return {
    current,
    form,
    busy: cycle.busy,
    shown,
    notice,
    label: (id) => {
      const topic = current.value.taxonomy.topics.get(id);
      return topic ? topicLabel(topic, env.languages, lookup) : id;
    },
    update: (patch) => (form.value = { ...form.value, ...patch }),
    save,
    withdraw: (saved) =>
      write({ ...saved, withdrawn: true }, 'letsconnect-gadget-summary-withdraw'),
    restoreBefore: () => {
      const before = current.value.before;
      if (before)
        form.value = { ...copyProfile(before), username: current.value.username, withdrawn: false };
    },
    snooze: (saved, until) =>
      write(
        { ...saved, snoozeUntil: until },
        until === '' ? 'letsconnect-gadget-summary-resume' : 'letsconnect-gadget-summary-snooze',
        until,
      ),
  };
}
