/**
 * The review queue's filters, each a labelled control whose choices are in words: the
 * statuses, and the topics, areas, languages and regions the round's proposals have.
 */
import { CdxSelect, CdxTextInput, type MenuItemData } from '@wikimedia/codex';
import { computed, defineComponent, type PropType } from 'vue';
import { peopleOf, type QueueFilter } from '../../../shared/connections/review-queue';
import type { Proposal } from '../../../shared/records/proposal';
import { PROPOSAL_STATUSES } from '../../../shared/records/vocabulary';
import { categoryLabel } from '../../../shared/taxonomy/taxonomy';
import { Field, languageName, messageLookup, useEnv } from '../../kit';
import type { QueueState } from './use-queue';
import { statusLabel } from './use-review';

type MenuName = Exclude<keyof QueueFilter, 'name'>;

export const QueueFilters = defineComponent({
  name: 'QueueFilters',
  props: {
    queue: { type: Object as PropType<QueueState>, required: true },
    /** Every proposal of the round (the menus offer what they have). */
    proposals: { type: Array as PropType<readonly Proposal[]>, required: true },
  },
  setup(props) {
    const { t, languages } = useEnv();
    const ui = languages[0] ?? 'en';
    const lookup = messageLookup(t);
    const byLabel = (items: MenuItemData[]) =>
      items.sort((a, b) => String(a.label).localeCompare(String(b.label), ui));
    const present = (values: Iterable<string | undefined>) =>
      [...new Set(values)].filter((v): v is string => v !== undefined && v !== '');

    // Built once per round (and directory), not per change of filter.
    const menus = computed((): Record<MenuName, MenuItemData[]> => {
      const q = props.queue;
      const ps = props.proposals;
      const any = (key: string): MenuItemData => ({ label: t(key), value: '' });
      return {
        status: [
          any('letsconnect-queue-any-status'),
          ...PROPOSAL_STATUSES.map((s) => ({ label: statusLabel(t, s), value: s })),
        ],
        topic: [
          any('letsconnect-gadget-dir-any-topic'),
          ...byLabel(
            present(ps.map((p) => p.topic)).map((id) => ({
              label: q.topicName.value(id),
              value: id,
            })),
          ),
        ],
        category: [
          any('letsconnect-queue-any-category'),
          ...byLabel(
            present(ps.map((p) => q.facts.value.categoryOf(p.topic))).map((c) => ({
              label: categoryLabel(c, lookup),
              value: c,
            })),
          ),
        ],
        language: [
          any('letsconnect-gadget-dir-any-language'),
          ...byLabel(
            present(ps.flatMap((p) => p.languages)).map((code) => ({
              label: languageName(code, ui),
              value: code,
            })),
          ),
        ],
        region: [
          any('letsconnect-gadget-dir-any-region'),
          ...byLabel(
            present(ps.flatMap((p) => peopleOf(p).map(q.facts.value.regionOf))).map((r) => ({
              label: t(`letsconnect-region-${r}`),
              value: r,
            })),
          ),
        ],
      };
    });

    const select = (name: MenuName, labelKey: string) => {
      const label = t(labelKey);
      return (
        <Field label={label} class={`letsconnect-queue__filter letsconnect-queue__filter--${name}`}>
          {{
            default: () => (
              <CdxSelect
                // A combobox <div>: a <label for> does not name it, aria-label does.
                {...{ 'aria-label': label }}
                selected={props.queue.filter.value[name]}
                menuItems={menus.value[name]}
                menuConfig={{ visibleItemLimit: 10 }}
                onUpdate:selected={(value: string | number | null) =>
                  props.queue.setFilter({ [name]: String(value ?? '') })
                }
              />
            ),
          }}
        </Field>
      );
    };

    return () => (
      <div class="letsconnect-queue__filters" role="search">
        {select('status', 'letsconnect-queue-status')}
        {select('topic', 'letsconnect-gadget-dir-topic')}
        {select('category', 'letsconnect-queue-category')}
        {select('language', 'letsconnect-gadget-dir-language')}
        {select('region', 'letsconnect-gadget-dir-region')}
        <Field
          label={t('letsconnect-queue-name')}
          class="letsconnect-queue__filter letsconnect-queue__filter--name"
        >
          {{
            default: () => (
              <CdxTextInput
                modelValue={props.queue.filter.value.name}
                inputType="search"
                clearable={true}
                onUpdate:modelValue={(v: string | number) =>
                  props.queue.setFilter({ name: String(v) })
                }
              />
            ),
          }}
        </Field>
      </div>
    );
  },
});
