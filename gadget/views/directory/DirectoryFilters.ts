import { computed, defineComponent, h, type PropType } from 'vue';
import { CdxField, CdxSearchInput, CdxSelect } from '@wikimedia/codex';
import type { MenuGroupData, MenuItemData } from '@wikimedia/codex';
import { CATEGORY_PREFIX, type DirectoryQuery } from '../../../shared/directory/query';
import { FORMATS, REGIONS, ROLES } from '../../../shared/records/vocabulary';
import { categoryLabel, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { messageLookup, useEnv } from '../../kit';
import { languageName } from '../../kit';

type MenuEntry = MenuItemData | MenuGroupData;

/**
 * The directory's search box and filters. Each filter is a labelled Codex select; every
 * change is emitted as a whole new query, which the view applies and puts in the URL.
 */
export const DirectoryFilters = defineComponent({
  name: 'DirectoryFilters',
  props: {
    query: { type: Object as PropType<DirectoryQuery>, required: true },
    taxonomy: { type: Object as PropType<Taxonomy>, required: true },
    /** Language codes present in the directory. */
    languageCodes: { type: Array as PropType<readonly string[]>, required: true },
    topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
  },
  emits: { 'update:query': (_q: DirectoryQuery) => true },
  setup(props, { emit }) {
    const { t, languages } = useEnv();
    const ui = languages[0] ?? 'en';
    const lookup = messageLookup(t);
    const set = (patch: Partial<DirectoryQuery>) =>
      emit('update:query', { ...props.query, ...patch });
    const any = (key: string): MenuItemData => ({ label: t(key), value: '' });

    const topicItems = (): MenuEntry[] => [
      any('letsconnect-gadget-dir-any-topic'),
      ...props.taxonomy.categories.map((c): MenuGroupData => {
        const label = categoryLabel(c, lookup);
        const topics = [...props.taxonomy.topics.values()].filter(
          (tp) => tp.category === c && !tp.retired,
        );
        return {
          label,
          items: [
            {
              label: t('letsconnect-gadget-dir-whole-category', label),
              value: CATEGORY_PREFIX + c,
            },
            ...topics.map((tp) => ({ label: props.topicLabel(tp.id), value: tp.id })),
          ],
        };
      }),
    ];

    // Built once per directory, not per keystroke: new menu arrays would make every Codex
    // select redo its menu on each letter typed in the search box.
    const menus = computed((): Record<Exclude<keyof DirectoryQuery, 'text'>, MenuEntry[]> => ({
      topic: topicItems(),
      side: [
        { label: t('letsconnect-gadget-dir-side-any'), value: 'any' },
        { label: t('letsconnect-gadget-dir-side-share'), value: 'share' },
        { label: t('letsconnect-gadget-dir-side-learn'), value: 'learn' },
      ],
      language: [
        any('letsconnect-gadget-dir-any-language'),
        ...props.languageCodes
          .map((code) => ({ label: languageName(code, ui), value: code }))
          .sort((a, b) => a.label.localeCompare(b.label, ui)),
      ],
      region: [
        any('letsconnect-gadget-dir-any-region'),
        ...REGIONS.map((r) => ({ label: t(`letsconnect-region-${r}`), value: r })),
      ],
      role: [
        any('letsconnect-gadget-dir-any-role'),
        ...ROLES.map((r) => ({ label: t(`letsconnect-role-${r}`), value: r })),
      ],
      format: [
        any('letsconnect-gadget-dir-any-format'),
        ...FORMATS.map((f) => ({ label: t(`letsconnect-format-${f}`), value: f })),
      ],
      sort: [
        { label: t('letsconnect-gadget-dir-sort-name'), value: 'name' },
        { label: t('letsconnect-gadget-dir-sort-updated'), value: 'updated' },
      ],
    }));

    const select = (name: Exclude<keyof DirectoryQuery, 'text'>, labelKey: string) => {
      const label = t(labelKey);
      return h(
        CdxField,
        { class: `letsconnect-filters__field letsconnect-filters__${name}` },
        {
          label: () => label,
          default: () =>
            // A combobox <div>: a <label for> does not name it, aria-label does.
            h(CdxSelect, {
              'aria-label': label,
              selected: props.query[name],
              menuItems: menus.value[name],
              menuConfig: { visibleItemLimit: 10 },
              'onUpdate:selected': (value: string | number | null) =>
                set({ [name]: String(value ?? '') }),
            }),
        },
      );
    };

    return () =>
      h('div', { class: 'letsconnect-filters', role: 'search' }, [
        h(
          CdxField,
          { class: 'letsconnect-filters__text' },
          {
            label: () => t('letsconnect-gadget-dir-search-label'),
            default: () =>
              h(CdxSearchInput, {
                modelValue: props.query.text,
                placeholder: t('letsconnect-gadget-dir-search-placeholder'),
                clearable: true,
                'onUpdate:modelValue': (text: string | number) => set({ text: String(text) }),
              }),
          },
        ),
        h('div', { class: 'letsconnect-filters__grid' }, [
          select('topic', 'letsconnect-gadget-dir-topic'),
          select('side', 'letsconnect-gadget-dir-side'),
          select('language', 'letsconnect-gadget-dir-language'),
          select('region', 'letsconnect-gadget-dir-region'),
          select('role', 'letsconnect-gadget-dir-role'),
          select('format', 'letsconnect-gadget-dir-format'),
          select('sort', 'letsconnect-gadget-dir-sort'),
        ]),
      ]);
  },
});
