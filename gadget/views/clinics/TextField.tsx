/** A labelled text input (or, with `rows`, a text area) with its problems. */
import { CdxTextArea, CdxTextInput } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import type { Problem } from '../../../shared/problems';
import { Field } from '../../kit';

export const TextField = defineComponent({
  name: 'ClinicTextField',
  props: {
    label: { type: String, required: true },
    modelValue: { type: String, required: true },
    problems: { type: Array as PropType<readonly Problem[]>, default: () => [] },
    help: { type: String, default: '' },
    optional: { type: Boolean, default: false },
    type: { type: String as PropType<'text' | 'number' | 'url'>, default: 'text' },
    /** A text area of this many rows (0: a one-line input). */
    rows: { type: Number, default: 0 },
  },
  emits: { 'update:modelValue': (_value: string) => true },
  setup(props, { emit }) {
    const update = (v: string | number) => emit('update:modelValue', String(v));
    return () => (
      <Field
        label={props.label}
        problems={props.problems}
        help={props.help}
        optional={props.optional}
      >
        {{
          default: () =>
            props.rows > 0 ? (
              <CdxTextArea
                modelValue={props.modelValue}
                {...{ rows: props.rows }}
                onUpdate:modelValue={update}
              />
            ) : (
              <CdxTextInput
                modelValue={props.modelValue}
                inputType={props.type}
                onUpdate:modelValue={update}
              />
            ),
        }}
      </Field>
    );
  },
});
