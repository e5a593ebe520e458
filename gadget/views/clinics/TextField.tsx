/** A labelled text input (or, with `rows`, a text area) with its problems. */
import { CdxTextArea, CdxTextInput } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import { Field, FIELD_PROPS, fieldProps } from '../../kit';

export const TextField = defineComponent({
  name: 'ClinicTextField',
  props: {
    ...FIELD_PROPS,
    modelValue: { type: String, required: true },
    type: { type: String as PropType<'text' | 'number' | 'url'>, default: 'text' },
    /** A text area of this many rows (0: a one-line input). */
    rows: { type: Number, default: 0 },
  },
  emits: { 'update:modelValue': (_value: string) => true },
  setup(props, { emit }) {
    const update = (v: string | number) => emit('update:modelValue', String(v));
    return () => (
      <Field {...fieldProps(props)}>
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
