/** A new clinic's one topic, chosen in the topic picker (the newest choice replaces the last). */
import { defineComponent, type PropType } from 'vue';
import type { Problem } from '../../../shared/problems';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { Field, useEnv } from '../../kit';
import { TopicPicker } from '../profile-form/TopicPicker';

export const TopicField = defineComponent({
  name: 'ClinicTopicField',
  props: {
    /** The topic's id ('' for none yet). */
    modelValue: { type: String, required: true },
    taxonomy: { type: Object as PropType<Taxonomy>, required: true },
    topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
    problems: { type: Array as PropType<readonly Problem[]>, default: () => [] },
  },
  emits: { 'update:modelValue': (_id: string) => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    return () => (
      <Field label={t('letsconnect-clinic-create-topic')} problems={props.problems} fieldset>
        {{
          default: () => (
            <TopicPicker
              side="share"
              modelValue={props.modelValue === '' ? [] : [props.modelValue]}
              taxonomy={props.taxonomy}
              topicLabel={props.topicLabel}
              onUpdate:modelValue={(ids: string[]) =>
                emit('update:modelValue', ids[ids.length - 1] ?? '')
              }
            />
          ),
        }}
      </Field>
    );
  },
});
