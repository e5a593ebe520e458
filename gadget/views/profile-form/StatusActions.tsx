import { CdxButton, CdxTextInput } from '@wikimedia/codex';
import { computed, defineComponent, ref, type PropType } from 'vue';
import type { Profile } from '../../../shared/records/profile';
import { ConfirmDialog, Field, readerDate, useEnv } from '../../kit';
import { REVISION_DELETION_PAGE } from './profile-page';

const DAY_MS = 86_400_000;

type Asking = 'snooze' | 'resume' | 'withdraw';

/**
 * Snooze (pause matching until a date, or resume) and withdraw: one button each, each
 * confirmed in a dialog that says what will happen. They act on the saved profile, not on
 * unsaved changes in the form.
 */
export const StatusActions = defineComponent({
  name: 'StatusActions',
  props: {
    profile: { type: Object as PropType<Profile>, required: true },
    busy: { type: Boolean, default: false },
  },
  emits: { withdraw: () => true, snooze: (_until: string) => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';
    const day = (offset: number) =>
      new Date(env.now().getTime() + offset * DAY_MS).toISOString().slice(0, 10);
    const until = ref(day(30));
    const asking = ref<Asking | null>(null);
    const snoozed = computed(
      () => props.profile.snoozeUntil !== '' && props.profile.snoozeUntil >= day(0),
    );
    const validDate = computed(
      () => /^\d{4}-\d{2}-\d{2}$/.test(until.value) && until.value >= day(1),
    );

    const confirm = () => {
      const what = asking.value;
      asking.value = null;
      if (what === 'withdraw') emit('withdraw');
      else if (what === 'snooze') emit('snooze', until.value);
      else if (what === 'resume') emit('snooze', '');
    };
    const ask = (what: Asking, label: string, disabled: boolean, destructive = false) => (
      <CdxButton
        action={destructive ? 'destructive' : 'default'}
        {...{ type: 'button', disabled }}
        onClick={() => (asking.value = what)}
      >
        {{ default: () => label }}
      </CdxButton>
    );

    const snooze = () => (
      <div class="letsconnect-status__snooze">
        {/* Not the kit's Field: this check is the form's own, not a shared Problem. */}
        <Field
          label={t('letsconnect-gadget-snooze-until')}
          error={validDate.value ? '' : t('letsconnect-gadget-snooze-date-invalid')}
        >
          {{
            default: () => (
              <CdxTextInput
                inputType="date"
                modelValue={until.value}
                {...{ min: day(1) }}
                onUpdate:modelValue={(v: string | number) => (until.value = String(v))}
              />
            ),
          }}
        </Field>
        {ask('snooze', t('letsconnect-gadget-snooze'), props.busy || !validDate.value)}
      </div>
    );

    const dialog = () => {
      const what = asking.value ?? 'snooze';
      const question =
        what === 'withdraw'
          ? t('letsconnect-gadget-withdraw-explain')
          : what === 'resume'
            ? t('letsconnect-gadget-resume-explain')
            : t('letsconnect-gadget-snooze-explain', readerDate(until.value, ui));
      return (
        <ConfirmDialog
          open={asking.value !== null}
          title={t(`letsconnect-gadget-${what}-confirm-title`)}
          question={question}
          confirmLabel={t(`letsconnect-gadget-${what}-confirm`)}
          destructive={what === 'withdraw'}
          link={
            what === 'withdraw'
              ? {
                  href: env.url(REVISION_DELETION_PAGE),
                  text: t('letsconnect-gadget-withdraw-revdel'),
                }
              : null
          }
          onConfirm={confirm}
          onCancel={() => (asking.value = null)}
        />
      );
    };

    return () => (
      <section class="letsconnect-status" aria-labelledby="letsconnect-status-title">
        <h3 id="letsconnect-status-title">{t('letsconnect-gadget-status-title')}</h3>
        {snoozed.value ? (
          <p>
            {t('letsconnect-gadget-card-snoozed', readerDate(props.profile.snoozeUntil, ui))}{' '}
            {ask('resume', t('letsconnect-gadget-resume'), props.busy)}
          </p>
        ) : (
          snooze()
        )}
        <p>{ask('withdraw', t('letsconnect-gadget-withdraw'), props.busy, true)}</p>
        {dialog()}
      </section>
    );
  },
});
