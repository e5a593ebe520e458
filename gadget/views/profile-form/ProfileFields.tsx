import { CdxTextArea } from '@wikimedia/codex';
import { defineComponent } from 'vue';
import { PROFILE_LIMITS, type Profile } from '../../../shared/records/profile';
import { CharacterCount, Field, useEnv } from '../../kit';
import { fieldProblems } from './form-model';
import { partEmits, topicPartProps } from './part';
import { TopicsPart } from './TopicsPart';
import { WhenPart } from './WhenPart';
import { YouPart } from './YouPart';

/**
 * The profile's fields, in three plain parts (about you; topics; how and when) and a free
 * text. Every control is a labelled Codex component; values go up as `update` events.
 */
export const ProfileFields = defineComponent({
  name: 'ProfileFields',
  props: topicPartProps,
  emits: partEmits,
  setup(props, { emit }) {
    const { t } = useEnv();
    const set = (patch: Partial<Profile>) => emit('update', patch);
    return () => [
      <YouPart profile={props.profile} problems={props.problems} onUpdate={set} />,
      <TopicsPart
        profile={props.profile}
        problems={props.problems}
        taxonomy={props.taxonomy}
        topicLabel={props.topicLabel}
        onUpdate={set}
      />,
      <WhenPart profile={props.profile} problems={props.problems} onUpdate={set} />,
      <Field
        class="letsconnect-form__about"
        anchor="letsconnect-form-about"
        label={t('letsconnect-gadget-form-about')}
        problems={fieldProblems(props.problems, 'about')}
        help={t('letsconnect-gadget-form-about-help', String(PROFILE_LIMITS.about))}
        optional
      >
        {{
          default: () => [
            <CdxTextArea
              modelValue={props.profile.about}
              {...{ rows: 4 }}
              onUpdate:modelValue={(v: string) => set({ about: v })}
            />,
            <CharacterCount value={props.profile.about} max={PROFILE_LIMITS.about} />,
          ],
        }}
      </Field>,
    ];
  },
});
