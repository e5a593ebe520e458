import { computed, defineComponent, h, ref, type PropType } from 'vue';
import { CdxButton, CdxDialog, CdxField, CdxTextInput } from '@wikimedia/codex';
import type { Profile } from '../../../shared/records/profile';
import { useEnv } from '../../kit';
import { readerDate } from '../../kit';

const DAY_MS = 86_400_000;

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
    const today = () => env.now().toISOString().slice(0, 10);
    const tomorrow = () => new Date(env.now().getTime() + DAY_MS).toISOString().slice(0, 10);
    const until = ref(new Date(env.now().getTime() + 30 * DAY_MS).toISOString().slice(0, 10));
    const asking = ref<'snooze' | 'resume' | 'withdraw' | null>(null);
    const snoozed = computed(
      () => props.profile.snoozeUntil !== '' && props.profile.snoozeUntil >= today(),
    );
    const validDate = computed(
      () => /^\d{4}-\d{2}-\d{2}$/.test(until.value) && until.value >= tomorrow(),
    );

    const confirm = () => {
      const what = asking.value;
      asking.value = null;
      if (what === 'withdraw') emit('withdraw');
      else if (what === 'snooze') emit('snooze', until.value);
      else if (what === 'resume') emit('snooze', '');
    };

    const dialogText = () => {
      if (asking.value === 'withdraw') return t('letsconnect-gadget-withdraw-explain');
      if (asking.value === 'resume') return t('letsconnect-gadget-resume-explain');
      return t('letsconnect-gadget-snooze-explain', readerDate(until.value, ui));
    };

    return () =>
      h('section', { class: 'letsconnect-status', 'aria-labelledby': 'letsconnect-status-title' }, [
        h('h3', { id: 'letsconnect-status-title' }, t('letsconnect-gadget-status-title')),
        snoozed.value
          ? h('p', [
              t('letsconnect-gadget-card-snoozed', readerDate(props.profile.snoozeUntil, ui)),
              ' ',
              h(
                CdxButton,
                { type: 'button', disabled: props.busy, onClick: () => (asking.value = 'resume') },
                {
                  default: () => t('letsconnect-gadget-resume'),
                },
              ),
            ])
          : h('div', { class: 'letsconnect-status__snooze' }, [
              h(
                CdxField,
                {
                  status: validDate.value ? 'default' : 'error',
                  messages: { error: t('letsconnect-gadget-snooze-date-invalid') },
                },
                {
                  label: () => t('letsconnect-gadget-snooze-until'),
                  default: () =>
                    h(CdxTextInput, {
                      inputType: 'date',
                      modelValue: until.value,
                      min: tomorrow(),
                      'onUpdate:modelValue': (v: string | number) => (until.value = String(v)),
                    }),
                },
              ),
              h(
                CdxButton,
                {
                  type: 'button',
                  disabled: props.busy || !validDate.value,
                  onClick: () => (asking.value = 'snooze'),
                },
                {
                  default: () => t('letsconnect-gadget-snooze'),
                },
              ),
            ]),
        h('p', [
          h(
            CdxButton,
            {
              type: 'button',
              action: 'destructive',
              disabled: props.busy,
              onClick: () => (asking.value = 'withdraw'),
            },
            {
              default: () => t('letsconnect-gadget-withdraw'),
            },
          ),
        ]),
        h(
          CdxDialog,
          {
            open: asking.value !== null,
            title: t(`letsconnect-gadget-${asking.value ?? 'snooze'}-confirm-title`),
            useCloseButton: true,
            closeButtonLabel: t('letsconnect-gadget-form-cancel'),
            primaryAction: {
              label: t(`letsconnect-gadget-${asking.value ?? 'snooze'}-confirm`),
              actionType: asking.value === 'withdraw' ? 'destructive' : 'progressive',
            },
            defaultAction: { label: t('letsconnect-gadget-form-cancel') },
            'onUpdate:open': (open: boolean) => {
              if (!open) asking.value = null;
            },
            onPrimary: confirm,
            onDefault: () => (asking.value = null),
          },
          { default: () => h('p', dialogText()) },
        ),
      ]);
  },
});
