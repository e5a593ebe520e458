import { CdxTextInput } from '@wikimedia/codex';
import { defineComponent } from 'vue';
import { PROFILE_LIMITS, type Profile } from '../../../shared/records/profile';
import { CharacterCount, Field, useEnv } from '../../kit';
import { fieldProblems, type Section } from './form-model';
import { partEmits, topicPartProps } from './part';
import { TopicPicker } from './TopicPicker';

/** "Topics": what the person wants to learn and can share, and topics not on the list yet. */
export const TopicsPart = defineComponent({
  name: 'TopicsPart',
  props: topicPartProps,
  emits: partEmits,
  setup(props, { emit }) {
    const { t } = useEnv();
    const set = (patch: Partial<Profile>) => emit('update', patch);

    const picker = (side: 'learn' | 'share', section: Section, label: string) => (
      <Field
        class={`letsconnect-form__${section}`}
        anchor={`letsconnect-form-${section}`}
        label={label}
        problems={fieldProblems(props.problems, section)}
        fieldset
        optional={side === 'share'}
      >
        {{
          default: () => (
            <TopicPicker
              side={side}
              modelValue={props.profile[side]}
              taxonomy={props.taxonomy}
              topicLabel={props.topicLabel}
              onUpdate:modelValue={(v) => set({ [side]: v })}
            />
          ),
        }}
      </Field>
    );

    const suggestion = (key: 'learnOther' | 'shareOther', section: Section, label: string) => {
      return (
        <Field
          class={`letsconnect-form__${section}`}
          anchor={`letsconnect-form-${section}`}
          label={label}
          problems={fieldProblems(props.problems, section)}
          help={t('letsconnect-gadget-form-suggest-help')}
          optional
        >
          {{
            // No maxlength: a browser would cut a long paste silently; the count shows the
            // limit and the form's checks refuse a longer text.
            default: () => [
              <CdxTextInput
                modelValue={props.profile[key]}
                onUpdate:modelValue={(v: string) => set({ [key]: v })}
              />,
              <CharacterCount value={props.profile[key]} max={PROFILE_LIMITS.suggestion} />,
            ],
          }}
        </Field>
      );
    };

    return () => (
      <fieldset class="letsconnect-form__part">
        <legend>{t('letsconnect-gadget-form-part-topics')}</legend>
        <p>{t('letsconnect-gadget-form-topics-help')}</p>
        {picker('learn', 'topics', t('letsconnect-gadget-form-learn'))}
        {suggestion('learnOther', 'learn-other', t('letsconnect-gadget-form-learn-other'))}
        {picker('share', 'share', t('letsconnect-gadget-form-share'))}
        {suggestion('shareOther', 'share-other', t('letsconnect-gadget-form-share-other'))}
      </fieldset>
    );
  },
});
