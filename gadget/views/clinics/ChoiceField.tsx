/** A labelled group of radio buttons (one choice among a few, its value a string). */
import { CdxRadio } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import { Field, FIELD_PROPS, fieldProps } from '../../kit';

export interface ChoiceOption {
  value: string;
  label: string;
}

export const ChoiceField = defineComponent({
  name: 'ClinicChoiceField',
  props: {
    ...FIELD_PROPS,
    /** The radios' shared name. */
    name: { type: String, required: true },
    options: { type: Array as PropType<readonly ChoiceOption[]>, required: true },
    /** The chosen value ('' for none yet). */
    modelValue: { type: String, default: '' },
    inline: { type: Boolean, default: false },
  },
  emits: { 'update:modelValue': (_value: string) => true },
  setup(props, { emit }) {
    return () => (
      <Field {...fieldProps(props)} fieldset>
        {{
          default: () =>
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
            )),
        }}
      </Field>
    );
  },
});
