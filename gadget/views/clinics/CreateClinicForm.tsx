import { CdxCheckbox } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { Notice, knownTimeZones, useEnv } from '../../kit';
import { FormButtons } from './FormButtons';
import { SessionField } from './SessionField';
import { TextField } from './TextField';
import { TopicField } from './TopicField';
import { useCreateClinic } from './use-create-clinic';

type TextName =
  'title' | 'minutes' | 'languages' | 'interpretation' | 'sharers' | 'capacity' | 'link';

interface TextSpec {
  name: TextName;
  label: string;
  type?: 'text' | 'number' | 'url';
  help?: string;
  optional?: boolean;
}

/** The plain text inputs after the sessions, in order. */
const MORE: readonly TextSpec[] = [
  { name: 'minutes', label: 'letsconnect-clinic-create-minutes', type: 'number' },
  {
    name: 'languages',
    label: 'letsconnect-clinic-create-languages',
    help: 'letsconnect-clinic-create-languages-help',
  },
  {
    name: 'interpretation',
    label: 'letsconnect-clinic-create-interpretation',
    help: 'letsconnect-clinic-create-languages-help',
    optional: true,
  },
  {
    name: 'sharers',
    label: 'letsconnect-clinic-create-sharers',
    help: 'letsconnect-clinic-create-sharers-help',
  },
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
  },
  emits: { close: () => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const zones = knownTimeZones();
    const { draft, set, problemsOf, busy, notice, create } = useCreateClinic(props);

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
