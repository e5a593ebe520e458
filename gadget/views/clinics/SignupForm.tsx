import { CdxSelect } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import type { Roster } from '../../../shared/clinics/roster';
import type { Clinic, Signup } from '../../../shared/records/clinic';
import { SIGNUP_ROLES, type SignupRole } from '../../../shared/records/vocabulary';
import { Field, languageName, useEnv } from '../../kit';
import { ChoiceField } from './ChoiceField';
import { FormButtons } from './FormButtons';
import { useSignupChoice, type SignupChoice } from './use-signup-choice';

/**
 * Sign up (or change a sign-up): which session when there are two, as what, and whether
 * interpretation is needed. A full session is offered as its waiting list. A sharer's or
 * interpreter's role is taken only by those the clinic lists; anyone else is told they join as
 * a participant (and wait when the session is full). The choice stays
 * in the form whatever happens to the save.
 */
export const SignupForm = defineComponent({
  name: 'SignupForm',
  props: {
    username: { type: String, required: true },
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
    const { two, choice, waits, unlisted, sessionOptions, sessionProblems, set, submit } =
      useSignupChoice(props, (c) => emit('submit', c));

    const session = () => (
      <ChoiceField
        class="letsconnect-clinic-form__session"
        label={t('letsconnect-clinic-signup-session')}
        problems={sessionProblems.value}
        name="letsconnect-clinic-session"
        options={sessionOptions.value}
        modelValue={choice.value.session === null ? '' : String(choice.value.session)}
        onUpdate:modelValue={(v: string) => set({ session: Number(v) })}
      />
    );

    const interpretation = (languages: readonly string[]) => (
      <Field
        class="letsconnect-clinic-form__interpretation"
        label={t('letsconnect-clinic-signup-interpretation')}
      >
        {{
          default: () => (
            <CdxSelect
              {...{ 'aria-label': t('letsconnect-clinic-signup-interpretation') }}
              selected={choice.value.interpretation}
              menuItems={[
                { value: '', label: t('letsconnect-clinic-signup-interpretation-none') },
                ...languages.map((l) => ({ value: l, label: languageName(l, ui) })),
              ]}
              onUpdate:selected={(v: string) => set({ interpretation: v })}
            />
          ),
        }}
      </Field>
    );

    return () => (
      <form
        class="letsconnect-form letsconnect-clinic-signup"
        aria-labelledby="letsconnect-clinic-signup-title"
        novalidate
        onSubmit={(e: Event) => {
          e.preventDefault();
          submit();
        }}
      >
        <h3 id="letsconnect-clinic-signup-title">{t('letsconnect-clinic-signup-title')}</h3>
        {two.value ? session() : null}
        <ChoiceField
          class="letsconnect-clinic-form__role"
          label={t('letsconnect-clinic-signup-role')}
          help={t('letsconnect-clinic-signup-role-help')}
          name="letsconnect-clinic-role"
          options={SIGNUP_ROLES.map((role) => ({
            value: role,
            label: t(`letsconnect-clinic-role-${role}`),
          }))}
          modelValue={choice.value.role}
          onUpdate:modelValue={(v: string) => set({ role: v as SignupRole })}
        />
        {props.clinic.interpretation.length > 0
          ? interpretation(props.clinic.interpretation)
          : null}
        {unlisted.value ? (
          <p class="letsconnect-clinic-form__unlisted">
            {t(`letsconnect-clinic-signup-unlisted-${choice.value.role}`)}
          </p>
        ) : null}
        {waits.value ? <p>{t('letsconnect-clinic-signup-will-wait')}</p> : null}
        <FormButtons
          saveLabel={t(
            waits.value ? 'letsconnect-clinic-signup-wait' : 'letsconnect-clinic-signup-save',
          )}
          busy={props.busy}
          onClose={() => emit('close')}
        />
      </form>
    );
  },
});
