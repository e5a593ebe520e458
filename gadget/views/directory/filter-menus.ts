/**
 * The menus of the directory's filters, in the reader's words: topics grouped by category
 * (a whole category can be chosen), the languages present in the directory, regions, roles,
 * formats and the order.
 */
import type { MenuGroupData, MenuItemData } from '@wikimedia/codex';
import { CATEGORY_PREFIX, type DirectoryQuery } from '../../../shared/directory/query';
import { FORMATS, REGIONS, ROLES } from '../../../shared/records/vocabulary';
import { categoryLabel, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { languageName, messageLookup, type Translate } from '../../kit';

export type MenuEntry = MenuItemData | MenuGroupData;
export type FilterName = Exclude<keyof DirectoryQuery, 'text'>;

export interface MenuSources {
  taxonomy: Taxonomy;
  /** Language codes present in the directory. */
  languageCodes: readonly string[];
  topicLabel: (id: string) => string;
  /** The reader is listed: "Best for me" is offered. */
  canFit: boolean;
}

function topicItems(t: Translate, src: MenuSources): MenuGroupData[] {
  const lookup = messageLookup(t);
  return src.taxonomy.categories.map((c): MenuGroupData => {
    const label = categoryLabel(c, lookup);
    const topics = [...src.taxonomy.topics.values()].filter(
      (tp) => tp.category === c && !tp.retired,
    );
    return {
      label,
      items: [
        { label: t('letsconnect-gadget-dir-whole-category', label), value: CATEGORY_PREFIX + c },
        ...topics.map((tp) => ({ label: src.topicLabel(tp.id), value: tp.id })),
      ],
    };
  });
}

export function filterMenus(
  t: Translate,
  ui: string,
  src: MenuSources,
): Record<FilterName, MenuEntry[]> {
  const any = (key: string): MenuItemData => ({ label: t(key), value: '' });
  const named = (prefix: string, values: readonly string[]) =>
    values.map((v) => ({ label: t(`${prefix}${v}`), value: v }));
  return {
    topic: [any('letsconnect-gadget-dir-any-topic'), ...topicItems(t, src)],
    side: [
      { label: t('letsconnect-gadget-dir-side-any'), value: 'any' },
      { label: t('letsconnect-gadget-dir-side-share'), value: 'share' },
      { label: t('letsconnect-gadget-dir-side-learn'), value: 'learn' },
    ],
    language: [
      any('letsconnect-gadget-dir-any-language'),
      ...src.languageCodes
        .map((code) => ({ label: languageName(code, ui), value: code }))
        .sort((a, b) => a.label.localeCompare(b.label, ui)),
    ],
    region: [any('letsconnect-gadget-dir-any-region'), ...named('letsconnect-region-', REGIONS)],
    role: [any('letsconnect-gadget-dir-any-role'), ...named('letsconnect-role-', ROLES)],
    format: [any('letsconnect-gadget-dir-any-format'), ...named('letsconnect-format-', FORMATS)],
    sort: [
      { label: t('letsconnect-gadget-dir-sort-name'), value: 'name' },
      { label: t('letsconnect-gadget-dir-sort-updated'), value: 'updated' },
      ...(src.canFit ? [{ label: t('letsconnect-gadget-dir-sort-best'), value: 'best' }] : []),
    ],
  };
}
