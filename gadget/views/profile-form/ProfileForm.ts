import { computed, defineComponent, h, ref, type PropType } from 'vue';
import { CdxButton, CdxCheckbox, CdxMessage } from '@wikimedia/codex';
import { hasErrors } from '../../../shared/problems';
import type { Profile } from '../../../shared/records/profile';
import { topicLabel } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { FAILURE_MESSAGE, errorCode, failureKind } from '../../kit';
import { messageLookup, useEnv } from '../../kit';
import { browserTimeZone } from '../../kit';
import { PersonCard } from '../person-card/PersonCard';
import { copyProfile, formProblems, newProfile, problemsBySection } from './form-model';
import { saveOwnProfile, type OwnProfile } from './profile-page';
import { ProfileFields, formField } from './ProfileFields';
import { SaveOutcome, type Outcome } from './SaveOutcome';
import { StatusActions } from './StatusActions';

/**
 * Register or update: the whole profile in one Codex form, checked with the same rules
 * the bot applies, previewed as others will see it, and saved to the person's own page.
 * A failed save keeps everything typed and says why.
 */
export const ProfileForm = defineComponent({
  name: 'ProfileForm',
  props: {
    own: { type: Object as PropType<OwnProfile>, required: true },
    client: { type: Object as PropType<WikiClient>, required: true },
  },
  emits: { saved: (_own: OwnProfile) => true, cancel: () => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const lookup = messageLookup(t);
    const current = ref<OwnProfile>(props.own);
    const form = ref<Profile>(
      props.own.profile
        ? copyProfile(props.own.profile)
        : newProfile(props.own.username, browserTimeZone()),
    );
    const attempted = ref(false);
    const saving = ref(false);
    const outcome = ref<Outcome | null>(null);

    const label = (id: string) => {
      const topic = current.value.taxonomy.topics.get(id);
      return topic ? topicLabel(topic, env.languages, lookup) : id;
    };
    const problems = computed(() => formProblems(form.value, current.value.taxonomy));
    // Problems show once the person has tried to save, then follow every change.
    const shown = computed(() => (attempted.value ? problems.value : []));

    /** Saves a profile; on failure the form keeps what was typed and the reason is shown. */
    async function write(profile: Profile, summaryKey: string, ...params: string[]): Promise<void> {
      saving.value = true;
      outcome.value = null;
      try {
        const summary = t(summaryKey, ...params);
        const saved = await saveOwnProfile(
          props.client,
          current.value,
          profile,
          summary,
          env.now(),
        );
        current.value = saved.own;
        form.value = copyProfile(saved.own.profile ?? profile);
        outcome.value = { kind: 'saved', summaryKey };
        emit('saved', saved.own);
      } catch (err) {
        const kind = failureKind(err);
        const message = t(FAILURE_MESSAGE[kind], errorCode(err));
        outcome.value = { kind: 'failed', message, failure: kind };
      } finally {
        saving.value = false;
      }
    }

    async function save(): Promise<void> {
      attempted.value = true;
      if (hasErrors(problems.value)) {
        outcome.value = { kind: 'invalid' };
        return;
      }
      const key = current.value.profile
        ? 'letsconnect-gadget-summary-update'
        : 'letsconnect-gadget-summary-join';
      // Saving the form is joining: it also undoes an earlier withdrawal.
      await write({ ...form.value, withdrawn: false }, key);
    }

    const consent = () =>
      formField(
        t,
        problemsBySection(shown.value).get('consent') ?? [],
        'consent',
        'letsconnect-gadget-form-consent',
        () => [
          h(
            'p',
            { class: 'letsconnect-form__public' },
            t('letsconnect-gadget-form-consent-explain'),
          ),
          h(
            CdxCheckbox,
            {
              modelValue: form.value.listed,
              'onUpdate:modelValue': (on: boolean) => (form.value = { ...form.value, listed: on }),
            },
            { default: () => t('letsconnect-gadget-form-consent-agree') },
          ),
        ],
        { fieldset: true },
      );

    const saveLabel = () => {
      if (saving.value) return t('letsconnect-gadget-form-saving');
      return t(
        current.value.profile ? 'letsconnect-gadget-form-save' : 'letsconnect-gadget-form-join',
      );
    };

    const statusActions = (saved: Profile) =>
      h(StatusActions, {
        profile: saved,
        busy: saving.value,
        onWithdraw: () =>
          void write({ ...saved, withdrawn: true }, 'letsconnect-gadget-summary-withdraw'),
        onSnooze: (until: string) =>
          void write(
            { ...saved, snoozeUntil: until },
            until === ''
              ? 'letsconnect-gadget-summary-resume'
              : 'letsconnect-gadget-summary-snooze',
            until,
          ),
      });

    return () => {
      const own = current.value;
      return h(
        'form',
        {
          class: 'letsconnect-form',
          'aria-labelledby': 'letsconnect-form-title',
          novalidate: true,
          onSubmit: (e: Event) => {
            e.preventDefault();
            void save();
          },
        },
        [
          h(
            'h2',
            { id: 'letsconnect-form-title' },
            t(
              own.profile
                ? 'letsconnect-gadget-form-title-edit'
                : 'letsconnect-gadget-form-title-join',
            ),
          ),
          h('p', { class: 'letsconnect-form__intro' }, t('letsconnect-gadget-form-intro')),
          own.profile?.withdrawn
            ? h(
                CdxMessage,
                { type: 'notice' },
                { default: () => t('letsconnect-gadget-form-withdrawn-notice') },
              )
            : null,
          h(ProfileFields, {
            profile: form.value,
            taxonomy: own.taxonomy,
            topicLabel: label,
            problems: shown.value,
            onUpdate: (patch: Partial<Profile>) => (form.value = { ...form.value, ...patch }),
          }),
          h('details', { class: 'letsconnect-form__preview' }, [
            h('summary', t('letsconnect-gadget-form-preview')),
            h(PersonCard, { person: form.value, topicLabel: label, preview: true }),
          ]),
          consent(),
          h(SaveOutcome, { outcome: outcome.value, own, problems: problems.value }),
          h('div', { class: 'letsconnect-form__buttons' }, [
            h(
              CdxButton,
              { type: 'submit', action: 'progressive', weight: 'primary', disabled: saving.value },
              { default: saveLabel },
            ),
            h(
              CdxButton,
              { type: 'button', onClick: () => emit('cancel') },
              { default: () => t('letsconnect-gadget-form-cancel') },
            ),
          ]),
          own.profile && !own.profile.withdrawn ? statusActions(own.profile) : null,
        ],
      );
    };
  },
});
