import { computed, defineComponent, h, ref, type PropType } from 'vue';
import { CdxButton, CdxRadio, CdxSelect } from '@wikimedia/codex';
import type { Roster } from '../../../shared/clinics/roster';
import { DEFAULT_CLINIC_CAPACITY, type Clinic, type Signup } from '../../../shared/records/clinic';
import { SIGNUP_ROLES, type SignupRole } from '../../../shared/records/vocabulary';
import { useEnv } from '../../kit';
import { languageName } from '../../kit';
import { clinicField, sessionTime } from './format';

export interface SignupChoice {
  session: number | null;
  role: SignupRole;
  interpretation: string;
}

/**
 * Sign up (or change a sign-up): which session when there are two, as what, and whether
 * interpretation is needed. A full session is offered as its waiting list. The choice stays
 * in the form whatever happens to the save.
 */
export const SignupForm = defineComponent({
  name: 'SignupForm',
  props: {
    clinic: { type: Object as PropType<Clinic>, required: true },
    roster: { type: Object as PropType<Roster>, required: true },
    existing: { type: Object as PropType<Signup | null>, default: null },
    zone: { type: String, required: true },
    busy: { type: Boolean, default: false },
  },
  emits: { submit: (_c: SignupChoice) => true, close: () => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';
    const two = computed(() => props.clinic.sessions.length > 1);
    const choice = ref<SignupChoice>({
      session: props.existing?.session ?? (two.value ? null : 1),
      role: props.existing?.role || 'participant',
      interpretation: props.existing?.interpretation ?? '',
    });
    const missingSession = ref(false);
    const capacity = props.clinic.capacity ?? DEFAULT_CLINIC_CAPACITY;
    const isFull = (n: number) => (props.roster.sessions[n - 1]?.confirmed.length ?? 0) >= capacity;
    const waits = computed(
      () => choice.value.role === 'participant' && isFull(choice.value.session ?? 1),
    );
    const set = (patch: Partial<SignupChoice>) => {
      choice.value = { ...choice.value, ...patch };
      if (choice.value.session !== null) missingSession.value = false;
    };
    const submit = () => {
      if (two.value && choice.value.session === null) {
        missingSession.value = true;
        return;
      }
      emit('submit', { ...choice.value });
    };
    const radio = (
      name: string,
      value: string | number,
      current: string | number | null,
      label: string,
      pick: () => void,
    ) =>
      h(
        CdxRadio,
        {
          key: String(value),
          name: `letsconnect-clinic-${name}`,
          inputValue: value,
          modelValue: current ?? '',
          'onUpdate:modelValue': pick,
        },
        () => label,
      );

    return () => {
      const c = choice.value;
      const languages = props.clinic.interpretation;
      return h(
        'form',
        {
          class: 'letsconnect-form letsconnect-clinic-signup',
          'aria-labelledby': 'letsconnect-clinic-signup-title',
          novalidate: true,
          onSubmit: (e: Event) => {
            e.preventDefault();
            submit();
          },
        },
        [
          h('h3', { id: 'letsconnect-clinic-signup-title' }, t('letsconnect-clinic-signup-title')),
          two.value
            ? clinicField(
                'session',
                t('letsconnect-clinic-signup-session'),
                () =>
                  props.clinic.sessions.map((start, i) =>
                    radio(
                      'session',
                      i + 1,
                      c.session,
                      t(
                        isFull(i + 1)
                          ? 'letsconnect-clinic-signup-session-full'
                          : 'letsconnect-clinic-signup-session-option',
                        String(i + 1),
                        sessionTime(start, ui, props.zone),
                      ),
                      () => set({ session: i + 1 }),
                    ),
                  ),
                {
                  fieldset: true,
                  error: missingSession.value ? t('letsconnect-clinic-signup-session-missing') : '',
                },
              )
            : null,
          clinicField(
            'role',
            t('letsconnect-clinic-signup-role'),
            () =>
              SIGNUP_ROLES.map((role) =>
                radio('role', role, c.role, t(`letsconnect-clinic-role-${role}`), () =>
                  set({ role }),
                ),
              ),
            { fieldset: true, help: t('letsconnect-clinic-signup-role-help') },
          ),
          languages.length > 0
            ? clinicField('interpretation', t('letsconnect-clinic-signup-interpretation'), () =>
                h(CdxSelect, {
                  'aria-label': t('letsconnect-clinic-signup-interpretation'),
                  selected: c.interpretation,
                  menuItems: [
                    { value: '', label: t('letsconnect-clinic-signup-interpretation-none') },
                    ...languages.map((l) => ({ value: l, label: languageName(l, ui) })),
                  ],
                  'onUpdate:selected': (v: string) => set({ interpretation: v }),
                }),
              )
            : null,
          waits.value ? h('p', t('letsconnect-clinic-signup-will-wait')) : null,
          h('div', { class: 'letsconnect-form__buttons' }, [
            h(
              CdxButton,
              { type: 'submit', action: 'progressive', weight: 'primary', disabled: props.busy },
              () =>
                t(
                  props.busy
                    ? 'letsconnect-clinic-saving'
                    : waits.value
                      ? 'letsconnect-clinic-signup-wait'
                      : 'letsconnect-clinic-signup-save',
                ),
            ),
            h(
              CdxButton,
              { type: 'button', disabled: props.busy, onClick: () => emit('close') },
              () => t('letsconnect-clinic-close'),
            ),
          ]),
        ],
      );
    };
  },
});
