import { CdxCheckbox } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { isTemporaryAccountName } from '../../../shared/accounts';
import { splitList } from '../../../shared/records/fields';
import { COMMON_LANGUAGES, Notice, knownTimeZones, languageName, useEnv } from '../../kit';
import type { AccountLookup } from './clinic-wiki';
import { MenuField, type MenuChoice } from './MenuField';
import { FormButtons } from './FormButtons';
import { SessionField } from './SessionField';
import { TextField } from './TextField';
import { TopicField } from './TopicField';
import { useCreateClinic } from './use-create-clinic';

type TextName = 'title' | 'minutes' | 'capacity' | 'link';
type MenuName = 'languages' | 'interpretation' | 'sharers';

interface TextSpec {
  name: TextName;
  label: string;
  type?: 'text' | 'number' | 'url';
  help?: string;
  optional?: boolean;
}

/** The plain text inputs after the sessions and menus, in order. */
const MORE: readonly TextSpec[] = [
  {
    name: 'capacity',
    label: 'letsconnect-clinic-create-capacity',
    type: 'number',
    help: 'letsconnect-clinic-create-capacity-help',
  },
  {
    name: 'link',
    label: 'letsconnect-clinic-create-link',
    type: 'url',
    help: 'letsconnect-clinic-create-link-public',
    optional: true,
  },
];

/** The choices a draft keeps as a comma-separated list. */
const listOf = (text: string) => splitList(text);

/**
 * Create a clinic (working-group members and Learning Ambassadors): topic, title,
 * description, date and time in a time zone, an optional second session in another, length,
 * languages and interpretation, sharers, places, the meeting link (public, and the form says
 * so). The page is created, never overwritten: a clinic of the same name is left as it is.
 */
export const CreateClinicForm = defineComponent({
  name: 'CreateClinicForm',
  props: {
    wiki: { type: Object as PropType<WikiClient>, required: true },
    root: { type: String, required: true },
    username: { type: String, required: true },
    taxonomy: { type: Object as PropType<Taxonomy>, required: true },
    topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
    zone: { type: String, required: true },
    /** Existing accounts, for the sharers' menu and the check before saving. */
    accounts: { type: Object as PropType<AccountLookup>, required: true },
  },
  emits: { close: () => true },
  setup(props, { emit }) {
    const { t, languages } = useEnv();
    const ui = languages[0] ?? 'en';
    const zones = knownTimeZones();
    const { draft, set, problemsOf, busy, notice, create } = useCreateClinic(props);

    /** Languages by name in the reader's language (or in English, or by code), never as codes. */
    const languageMenu = (query: string): MenuChoice[] => {
      const q = query.toLowerCase();
      return [...new Set([...languages, ...COMMON_LANGUAGES])]
        .map((code) => ({ value: code, label: languageName(code, ui) }))
        .filter(
          (c) =>
            c.label.toLowerCase().includes(q) ||
            languageName(c.value, 'en').toLowerCase().includes(q) ||
            c.value === q,
        )
        .sort((a, b) => a.label.localeCompare(b.label, ui));
    };
    /** Existing named accounts whose names begin with what was typed (a failed search is said by MenuField). */
    const accountMenu = async (query: string): Promise<MenuChoice[]> =>
      (await props.accounts.search(query))
        .filter((name) => !isTemporaryAccountName(name))
        .map((name) => ({ value: name, label: name }));

    const menu = (
      name: MenuName,
      label: string,
      help: string,
      search: (q: string) => MenuChoice[] | Promise<MenuChoice[]>,
      more: { optional?: boolean; max?: number; labelOf?: (v: string) => string } = {},
    ) => (
      <MenuField
        class={`letsconnect-clinic-form__${name}`}
        label={t(label)}
        help={t(help)}
        problems={problemsOf(name)}
        optional={more.optional ?? false}
        max={more.max ?? 10}
        modelValue={listOf(draft.value[name])}
        search={search}
        labelOf={more.labelOf ?? ((v: string) => v)}
        onUpdate:modelValue={(v: string[]) => set({ [name]: v.join(', ') })}
      />
    );
    const languageLabel = (code: string) => languageName(code, ui);

    const text = (f: TextSpec) => (
      <TextField
        class={`letsconnect-clinic-form__${f.name}`}
        label={t(f.label)}
        problems={problemsOf(f.name)}
        help={f.help ? t(f.help) : ''}
        optional={f.optional ?? false}
        type={f.type ?? 'text'}
        modelValue={draft.value[f.name]}
        onUpdate:modelValue={(v: string) => set({ [f.name]: v })}
      />
    );

    return () => {
      const d = draft.value;
      return (
        <form
          class="letsconnect-form letsconnect-clinic-create"
          aria-labelledby="letsconnect-clinic-create-title"
          novalidate
          onSubmit={(e: Event) => {
            e.preventDefault();
            void create();
          }}
        >
          <h2 id="letsconnect-clinic-create-title">{t('letsconnect-clinic-create-title')}</h2>
          <datalist id="letsconnect-clinic-zones">
            {zones.map((z) => (
              <option value={z} />
            ))}
          </datalist>
          {text({ name: 'title', label: 'letsconnect-clinic-create-name' })}
          <TopicField
            class="letsconnect-clinic-form__topic"
            modelValue={d.topic}
            taxonomy={props.taxonomy}
            topicLabel={props.topicLabel}
            problems={problemsOf('topic')}
            onUpdate:modelValue={(id: string) => set({ topic: id })}
          />
          <TextField
            class="letsconnect-clinic-form__description"
            label={t('letsconnect-clinic-create-description')}
            problems={problemsOf('description')}
            optional
            rows={4}
            modelValue={d.description}
            onUpdate:modelValue={(v: string) => set({ description: v })}
          />
          <SessionField
            name="first"
            modelValue={d.first}
            problems={problemsOf('first')}
            onUpdate:modelValue={(s) => set({ first: s })}
          />
          <CdxCheckbox
            modelValue={d.second !== null}
            onUpdate:modelValue={(on: boolean) =>
              set({ second: on ? { date: d.first.date, time: '', zone: '' } : null })
            }
          >
            {{ default: () => t('letsconnect-clinic-create-add-second') }}
          </CdxCheckbox>
          {d.second ? (
            <SessionField
              name="second"
              modelValue={d.second}
              problems={problemsOf('second')}
              onUpdate:modelValue={(s) => set({ second: s })}
            />
          ) : null}
          {text({
            name: 'minutes',
            label: 'letsconnect-clinic-create-minutes',
            type: 'number',
          })}
          {menu(
            'languages',
            'letsconnect-clinic-create-languages',
            'letsconnect-clinic-create-languages-help',
            languageMenu,
            { labelOf: languageLabel },
          )}
          {menu(
            'interpretation',
            'letsconnect-clinic-create-interpretation',
            'letsconnect-clinic-create-languages-help',
            languageMenu,
            { labelOf: languageLabel, optional: true },
          )}
          {menu(
            'sharers',
            'letsconnect-clinic-create-sharers',
            'letsconnect-clinic-create-sharers-help',
            accountMenu,
            { max: 3 },
          )}
          {MORE.map(text)}
          <Notice notice={notice.value} />
          <FormButtons
            saveLabel={t('letsconnect-clinic-create-save')}
            busy={busy.value}
            onClose={() => emit('close')}
          />
        </form>
      );
    };
  },
});
