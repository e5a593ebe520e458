/**
 * The directory's search box and filters. Each filter is a labelled Codex select; every
 * change is emitted as a whole new query, which the view applies and puts in the URL.
 */
import { computed, defineComponent, type PropType } from 'vue';
import { CdxSearchInput, CdxSelect } from '@wikimedia/codex';
import type { DirectoryQuery } from '../../../shared/directory/query';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { Field, useEnv } from '../../kit';
import { filterMenus, type FilterName } from './filter-menus';

const FILTERS: ReadonlyArray<[FilterName, string]> = [
  ['topic', 'letsconnect-gadget-dir-topic'],
  ['side', 'letsconnect-gadget-dir-side'],
  ['language', 'letsconnect-gadget-dir-language'],
  ['region', 'letsconnect-gadget-dir-region'],
  ['role', 'letsconnect-gadget-dir-role'],
  ['format', 'letsconnect-gadget-dir-format'],
  ['sort', 'letsconnect-gadget-dir-sort'],
];

export const DirectoryFilters = defineComponent({
  name: 'DirectoryFilters',
  props: {
    query: { type: Object as PropType<DirectoryQuery>, required: true },
    taxonomy: { type: Object as PropType<Taxonomy>, required: true },
    /** Language codes present in the directory. */
    languageCodes: { type: Array as PropType<readonly string[]>, required: true },
    topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
    /** The reader is listed: "Best for me" is offered. */
    canFit: { type: Boolean, default: false },
  },
  emits: { 'update:query': (_q: DirectoryQuery) => true },
  setup(props, { emit }) {
    const { t, languages } = useEnv();
    const ui = languages[0] ?? 'en';
    const set = (patch: Partial<DirectoryQuery>) =>
      emit('update:query', { ...props.query, ...patch });
    // Built once per directory, not per keystroke: new menu arrays would make every Codex
    // select redo its menu on each letter typed in the search box.
    const menus = computed(() => filterMenus(t, ui, props));

    const select = (name: FilterName, labelKey: string) => {
      const label = t(labelKey);
      return (
        <Field label={label} class={`letsconnect-filters__field letsconnect-filters__${name}`}>
          {{
            default: () => (
              <CdxSelect
                // A combobox <div>: a <label for> does not name it, aria-label does.
                {...{ 'aria-label': label }}
                selected={props.query[name]}
                menuItems={menus.value[name]}
                menuConfig={{ visibleItemLimit: 10 }}
                onUpdate:selected={(value: string | number | null) =>
                  set({ [name]: String(value ?? '') })
                }
              />
            ),
          }}
        </Field>
      );
    };

    return () => (
      <div class="letsconnect-filters" role="search">
        <Field label={t('letsconnect-gadget-dir-search-label')} class="letsconnect-filters__text">
          {{
            default: () => (
              <CdxSearchInput
                modelValue={props.query.text}
                {...{ placeholder: t('letsconnect-gadget-dir-search-placeholder') }}
                clearable={true}
                onUpdate:modelValue={(text: string | number) => set({ text: String(text) })}
              />
            ),
          }}
        </Field>
        <div class="letsconnect-filters__grid">
          {FILTERS.map(([name, labelKey]) => select(name, labelKey))}
        </div>
      </div>
    );
  },
});
