/** A clinic form's buttons: save (saying "Saving…" while it runs) and close. */
import { CdxButton } from '@wikimedia/codex';
import { defineComponent } from 'vue';
import { useEnv } from '../../kit';

export const FormButtons = defineComponent({
  name: 'ClinicFormButtons',
  props: {
    /** The save button's text (while not saving). */
    saveLabel: { type: String, required: true },
    busy: { type: Boolean, default: false },
  },
  emits: { close: () => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    return () => (
      <div class="letsconnect-form__buttons">
        <CdxButton
          action="progressive"
          weight="primary"
          // Attributes of the native button, not Codex props.
          {...{ type: 'submit', disabled: props.busy }}
        >
          {{ default: () => (props.busy ? t('letsconnect-clinic-saving') : props.saveLabel) }}
        </CdxButton>
        <CdxButton {...{ type: 'button', disabled: props.busy }} onClick={() => emit('close')}>
          {{ default: () => t('letsconnect-clinic-close') }}
        </CdxButton>
      </div>
    );
  },
});
