/**
 * The fields of "add a resource", each with its label, help and problems: title, link,
 * topic, language, type and description. What is typed lives in the form's state.
 */
import { defineComponent, type PropType } from 'vue';
import { CdxSelect, CdxTextArea, CdxTextInput } from '@wikimedia/codex';
import { RESOURCE_KINDS } from '../../../shared/records/vocabulary';
import { Field, useEnv } from '../../kit';
import type { FieldName, ResourceFormState } from './use-resource-form';

type Choice = { value: string; label: string };

export const ResourceFields = defineComponent({
  name: 'ResourceFields',
  props: {
    form: { type: Object as PropType<ResourceFormState>, required: true },
  },
  setup(props) {
    const { t } = useEnv();
    const { draft, set } = props.form;
    const kinds = RESOURCE_KINDS.map((k) => ({
      value: k,
      label: t(`letsconnect-gadget-resource-${k}`),
    }));

    const field = (name: FieldName, labelKey: string, control: () => unknown, help = '') => (
      <Field
        label={t(labelKey)}
        problems={props.form.problemsOf(name)}
        help={help}
        class={`letsconnect-resource-form__${name}`}
      >
        {{ default: control }}
      </Field>
    );
    const text = (key: 'title' | 'url' | 'language', type: 'text' | 'url' = 'text') => (
      <CdxTextInput
        modelValue={draft.value[key]}
        inputType={type}
        {...{ dir: key === 'title' ? 'auto' : 'ltr' }}
        onUpdate:modelValue={(v: string) => set(key, v)}
      />
    );
    const select = (key: 'topic' | 'kind', labelKey: string, items: Choice[]) => (
      <CdxSelect
        {...{ 'aria-label': t(labelKey) }}
        selected={draft.value[key] === '' ? null : draft.value[key]}
        defaultLabel={t('letsconnect-resource-choose')}
        menuItems={items}
        menuConfig={{ visibleItemLimit: 8 }}
        onUpdate:selected={(v: string) => set(key, v)}
      />
    );

    return () => [
      field('title', 'letsconnect-resource-field-title', () => text('title')),
      field(
        'url',
        'letsconnect-resource-field-url',
        () => text('url', 'url'),
        t('letsconnect-resource-field-url-help'),
      ),
      field('topics', 'letsconnect-resource-field-topic', () =>
        select('topic', 'letsconnect-resource-field-topic', props.form.topics.value),
      ),
      field(
        'languages',
        'letsconnect-resource-field-language',
        () => text('language'),
        t('letsconnect-resource-field-language-help'),
      ),
      field('kind', 'letsconnect-resource-field-kind', () =>
        select('kind', 'letsconnect-resource-field-kind', kinds),
      ),
      field('description', 'letsconnect-resource-field-description', () => (
        <CdxTextArea
          modelValue={draft.value.description}
          {...{ rows: 3 }}
          onUpdate:modelValue={(v: string) => set('description', v)}
        />
      )),
    ];
  },
});
