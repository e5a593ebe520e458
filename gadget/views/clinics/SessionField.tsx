/** One session of a new clinic: its date, time and time zone, as one group of inputs. */
import { CdxTextInput } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import { Field, useEnv } from '../../kit';
import type { DraftProblem, SessionInput } from './create-clinic';

const PARTS = [
  { key: 'date', type: 'date', label: 'letsconnect-clinic-create-date' },
  { key: 'time', type: 'time', label: 'letsconnect-clinic-create-time' },
  { key: 'zone', type: 'text', label: 'letsconnect-clinic-create-zone' },
] as const;

/** The time zone input offers the zones the browser knows (the form's datalist). */
const ZONE_INPUT = { list: 'letsconnect-clinic-zones', autocomplete: 'off' };

export const SessionField = defineComponent({
  name: 'SessionField',
  props: {
    name: { type: String as PropType<'first' | 'second'>, required: true },
    modelValue: { type: Object as PropType<SessionInput>, required: true },
    problems: { type: Array as PropType<readonly DraftProblem[]>, default: () => [] },
  },
  emits: { 'update:modelValue': (_s: SessionInput) => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const update = (key: keyof SessionInput, v: string | number) =>
      emit('update:modelValue', { ...props.modelValue, [key]: String(v).trim() });
    return () => (
      <Field
        class={`letsconnect-clinic-form__${props.name}`}
        label={t(`letsconnect-clinic-create-${props.name}`)}
        problems={props.problems}
        help={t('letsconnect-clinic-create-when-help')}
        fieldset
      >
        {{
          default: () =>
            PARTS.map((part) => (
              <label class="letsconnect-clinic-form__when-part">
                <span>{t(part.label)}</span>
                <CdxTextInput
                  modelValue={props.modelValue[part.key]}
                  inputType={part.type}
                  onUpdate:modelValue={(v: string | number) => update(part.key, v)}
                  {...(part.key === 'zone' ? ZONE_INPUT : {})}
                />
              </label>
            )),
        }}
      </Field>
    );
  },
});
