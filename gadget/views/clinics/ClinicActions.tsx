/**
 * The reader's place in a clinic and what they can do (a logged-in reader with a named
 * account; ClinicApp shows the others AccountPrompt): sign up (or change a sign-up) and
 * cancel while sign-ups are open (after a confirmation: the place goes to the first person
 * waiting), give feedback once their session has ended, if they had a place. After the
 * session the place is told in the past tense.
 */
import { CdxButton } from '@wikimedia/codex';
import { defineComponent, ref, type PropType } from 'vue';
import type { Clinic } from '../../../shared/records/clinic';
import { ConfirmDialog, useEnv } from '../../kit';
import { feedbackOpen, sessionOver, type Place } from './clinic-data';
import { placeText } from './format';

export const ClinicActions = defineComponent({
  name: 'ClinicActions',
  props: {
    clinic: { type: Object as PropType<Clinic>, required: true },
    place: { type: Object as PropType<Place>, required: true },
    signedUp: { type: Boolean, required: true },
    /** The reader gave feedback before (the button then offers to edit it). */
    gaveFeedback: { type: Boolean, required: true },
    /** The form open below, if any (its button is hidden). */
    open: { type: String as PropType<'signup' | 'feedback' | null>, default: null },
    busy: { type: Boolean, default: false },
  },
  emits: { open: (_form: 'signup' | 'feedback') => true, cancel: () => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const confirming = ref(false);
    const button = (label: string, onClick: () => void, primary = false) => (
      <CdxButton
        action={primary ? 'progressive' : 'default'}
        weight={primary ? 'primary' : 'normal'}
        {...{ type: 'button', disabled: props.busy }}
        onClick={onClick}
      >
        {{ default: () => t(label) }}
      </CdxButton>
    );
    return () => {
      const c = props.clinic;
      const lastStart = Math.max(...c.sessions.map((x) => Date.parse(x)));
      const closed =
        c.status === 'cancelled' || c.status === 'done' || env.now().getTime() >= lastStart;
      const feedback = feedbackOpen(c, props.place, env.now()) && props.open !== 'feedback';
      return [
        <p class="letsconnect-clinic-app__place">
          {placeText(t, props.place, sessionOver(c, props.place, env.now()))}
        </p>,
        closed ? <p>{t('letsconnect-clinic-closed')}</p> : null,
        <div class="letsconnect-form__buttons">
          {!closed && props.open !== 'signup'
            ? button(
                props.signedUp ? 'letsconnect-clinic-change' : 'letsconnect-clinic-signup-open',
                () => emit('open', 'signup'),
                !props.signedUp,
              )
            : null}
          {!closed && props.signedUp
            ? button('letsconnect-clinic-cancel', () => (confirming.value = true))
            : null}
          {feedback
            ? button(
                props.gaveFeedback
                  ? 'letsconnect-clinic-feedback-edit'
                  : 'letsconnect-clinic-feedback-open',
                () => emit('open', 'feedback'),
                true,
              )
            : null}
        </div>,
        <ConfirmDialog
          open={confirming.value}
          title={t('letsconnect-clinic-cancel-confirm-title')}
          question={t('letsconnect-clinic-cancel-confirm-question')}
          confirmLabel={t('letsconnect-clinic-cancel-confirm')}
          destructive={true}
          onConfirm={() => {
            confirming.value = false;
            emit('cancel');
          }}
          onCancel={() => (confirming.value = false)}
        />,
      ];
    };
  },
});
