/** A labelled group of radio buttons (one choice among a few, its value a string). */
import { CdxRadio } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import type { Problem } from '../../../shared/problems';
import { Field } from '../../kit';

export interface ChoiceOption {
  value: string;
  label: string;
}

export const ChoiceField = defineComponent({
  name: 'ClinicChoiceField',
  props: {
    label: { type: String, required: true },
    /** The radios' shared name. */
    name: { type: String, required: true },
    options: { type: Array as PropType<readonly ChoiceOption[]>, required: true },
    /** The chosen value ('' for none yet). */
    modelValue: { type: String, default: '' },
    problems: { type: Array as PropType<readonly Problem[]>, default: () => [] },
    help: { type: String, default: '' },
    optional: { type: Boolean, default: false },
    inline: { type: Boolean, default: false },
  },
  emits: { 'update:modelValue': (_value: string) => true },
  setup(props, { emit }) {
    return () => (
      <Field
        label={props.label}
        problems={props.problems}
        help={props.help}
        optional={props.optional}
        fieldset
      >
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
