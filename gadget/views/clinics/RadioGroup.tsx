/** Radio buttons sharing a name: one choice among a few, its value a string. */
import { CdxRadio } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';

export interface RadioOption {
  value: string;
  label: string;
}

export const RadioGroup = defineComponent({
  name: 'ClinicRadioGroup',
  props: {
    name: { type: String, required: true },
    options: { type: Array as PropType<readonly RadioOption[]>, required: true },
    /** The chosen value ('' for none yet). */
    modelValue: { type: String, default: '' },
    inline: { type: Boolean, default: false },
  },
  emits: { 'update:modelValue': (_value: string) => true },
  setup(props, { emit }) {
    return () =>
      props.options.map((o) => (
        <CdxRadio
          key={o.value}
          name={props.name}
          inputValue={o.value}
          modelValue={props.modelValue}
          inline={props.inline}
          onUpdate:modelValue={() => emit('update:modelValue', o.value)}
        >
          {{ default: () => o.label }}
        </CdxRadio>
      ));
  },
});
