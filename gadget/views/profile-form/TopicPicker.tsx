import { CdxCheckbox, CdxSearchInput } from '@wikimedia/codex';
import { computed, defineComponent, ref, type PropType } from 'vue';
import { foldText } from '../../../shared/directory/search';
import { categoryLabel, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { messageLookup, useEnv } from '../../kit';

/**
 * A searchable topic picker, grouped by category: one fieldset of checkboxes per category
 * (native semantics, so keyboards and screen readers need nothing special), filtered as
 * the person types. Topics already chosen stay visible whatever the filter.
 */
export const TopicPicker = defineComponent({
  name: 'TopicPicker',
  props: {
    /** `learn` or `share`: used in ids and the search box's label. */
    side: { type: String as PropType<'learn' | 'share'>, required: true },
    modelValue: { type: Array as PropType<readonly string[]>, required: true },
    taxonomy: { type: Object as PropType<Taxonomy>, required: true },
    topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
  },
  emits: { 'update:modelValue': (_ids: string[]) => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const lookup = messageLookup(t);
    const filter = ref('');
    const groups = computed(() => {
      const words = foldText(filter.value)
        .split(/\s+/)
        .filter((w) => w !== '');
      return props.taxonomy.categories
        .map((category) => ({
          category,
          topics: [...props.taxonomy.topics.values()].filter((topic) => {
            if (topic.category !== category) return false;
            if (props.modelValue.includes(topic.id)) return true;
            if (topic.retired) return false;
            const text = foldText(
              `${props.topicLabel(topic.id)} ${categoryLabel(category, lookup)}`,
            );
            return words.every((w) => text.includes(w));
          }),
        }))
        .filter((g) => g.topics.length > 0);
    });
    // Ids on the page that the taxonomy does not know (typed by hand): kept, shown, removable.
    const unknown = computed(() => props.modelValue.filter((id) => !props.taxonomy.topics.has(id)));
    const toggle = (id: string, on: boolean) =>
      emit(
        'update:modelValue',
        on
          ? [...props.modelValue.filter((x) => x !== id), id]
          : props.modelValue.filter((x) => x !== id),
      );

    const box = (id: string, label: string) => (
      <CdxCheckbox
        class="letsconnect-topics__topic"
        modelValue={props.modelValue.includes(id)}
        onUpdate:modelValue={(on: boolean) => toggle(id, on)}
      >
        {{ default: () => label }}
      </CdxCheckbox>
    );

    return () => (
      <div class="letsconnect-topics">
        <CdxSearchInput
          modelValue={filter.value}
          onUpdate:modelValue={(v: string | number) => (filter.value = String(v))}
          {...{
            'aria-label': t(`letsconnect-gadget-form-topics-filter-${props.side}`),
            placeholder: t('letsconnect-gadget-form-topics-filter-placeholder'),
          }}
          clearable={true}
        />
        <p class="letsconnect-topics__count" aria-live="polite">
          {t('letsconnect-gadget-form-topics-chosen', String(props.modelValue.length))}
        </p>
        {groups.value.map((g) => (
          <fieldset class="letsconnect-topics__category">
            <legend>{categoryLabel(g.category, lookup)}</legend>
            <div class="letsconnect-topics__list">
              {g.topics.map((topic) => box(topic.id, props.topicLabel(topic.id)))}
            </div>
          </fieldset>
        ))}
        {groups.value.length === 0 ? (
          <p class="letsconnect-topics__none">{t('letsconnect-gadget-form-topics-none')}</p>
        ) : null}
        {unknown.value.map((id) => box(id, id))}
      </div>
    );
  },
});
