/**
 * "Add a resource" on R/Resources: title, a link on a Wikimedia site (or a recording on
 * Commons), topic, language, type and an optional description, checked as the bot checks
 * them before anything is saved; appended conflict-safely under the reader's name. A failed
 * save keeps what was typed.
 */
import { computed, defineComponent, h, ref, type PropType } from 'vue';
import {
  CdxButton,
  CdxField,
  CdxMessage,
  CdxSelect,
  CdxTextArea,
  CdxTextInput,
} from '@wikimedia/codex';
import type { Problem } from '../../../shared/problems';
import type { Resource } from '../../../shared/records/resource';
import { RESOURCE_KINDS } from '../../../shared/records/vocabulary';
import { resourceProblems } from '../../../shared/resources/centre';
import { defaultTaxonomy, topicLabel, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { messageLookup, problemText, useEnv } from '../../kit';
import { addResource } from './save-resource';

type FieldName = 'title' | 'url' | 'topics' | 'languages' | 'kind' | 'description';

export const ResourceForm = defineComponent({
  name: 'ResourceForm',
  props: {
    client: { type: Object as PropType<WikiClient>, required: true },
    root: { type: String, required: true },
    username: { type: String as PropType<string | null>, default: null },
    taxonomy: { type: Object as PropType<Taxonomy>, default: () => defaultTaxonomy() },
    /** Open the form at once (otherwise a button opens it). */
    startOpen: { type: Boolean, default: false },
  },
  emits: { saved: (_r: Resource) => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const lookup = messageLookup(t);
    const open = ref(props.startOpen);
    const state = ref<'editing' | 'saving' | 'saved' | 'failed'>('editing');
    const failure = ref('');
    const problems = ref<Problem[]>([]);
    const draft = ref({
      title: '',
      url: '',
      topic: '',
      language: (env.languages[0] ?? 'en').toLowerCase(),
      kind: '',
      description: '',
    });
    const topics = computed(() =>
      [...props.taxonomy.topics.values()]
        .filter((topic) => !topic.retired)
        .map((topic) => ({ value: topic.id, label: topicLabel(topic, env.languages, lookup) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    );

    const record = (): Resource => ({
      title: draft.value.title.trim(),
      url: draft.value.url.trim(),
      page: '',
      kind: draft.value.kind as Resource['kind'],
      topics: draft.value.topic === '' ? [] : [draft.value.topic],
      languages:
        draft.value.language.trim() === '' ? [] : [draft.value.language.trim().toLowerCase()],
      addedBy: props.username ?? '',
      added: env.now().toISOString().slice(0, 10),
      description: draft.value.description.trim(),
    });

    async function save(): Promise<void> {
      const r = record();
      problems.value = resourceProblems(r, props.taxonomy, true).filter(
        (p) => p.severity === 'error',
      );
      if (problems.value.length > 0) return;
      state.value = 'saving';
      const result = await addResource(
        props.client,
        props.root,
        r,
        t('letsconnect-resource-summary', r.title),
      );
      if (result.kind === 'saved') {
        state.value = 'saved';
        emit('saved', r);
        draft.value = { ...draft.value, title: '', url: '', description: '' };
      } else {
        failure.value = result.code;
        state.value = 'failed';
      }
    }

    const field = (name: FieldName, labelKey: string, control: () => unknown, help?: string) => {
      const label = t(labelKey);
      const errors = problems.value.filter((p) => p.field === name);
      return h(
        CdxField,
        {
          class: `letsconnect-resource-form__${name}`,
          status: errors.length > 0 ? 'error' : 'default',
          messages: { error: errors.map((p) => problemText(t, p, label)).join(' ') },
        },
        {
          label: () => label,
          ...(help ? { 'help-text': () => help } : {}),
          default: control,
        },
      );
    };
    const text = (key: 'title' | 'url' | 'language', type: 'text' | 'url' = 'text') =>
      h(CdxTextInput, {
        modelValue: draft.value[key],
        inputType: type,
        dir: key === 'title' ? 'auto' : 'ltr',
        'onUpdate:modelValue': (v: string) => (draft.value = { ...draft.value, [key]: v }),
      });
    const select = (
      key: 'topic' | 'kind',
      labelKey: string,
      items: Array<{ value: string; label: string }>,
    ) =>
      h(CdxSelect, {
        'aria-label': t(labelKey),
        selected: draft.value[key] === '' ? null : draft.value[key],
        defaultLabel: t('letsconnect-resource-choose'),
        menuItems: items,
        menuConfig: { visibleItemLimit: 8 },
        'onUpdate:selected': (v: string) => (draft.value = { ...draft.value, [key]: v }),
      });

    return () => {
      if (props.username === null)
        return h(
          'p',
          { class: 'letsconnect-resource-form__login' },
          t('letsconnect-resource-login'),
        );
      if (!open.value)
        return h(
          CdxButton,
          {
            class: 'letsconnect-resource-form__open',
            action: 'progressive',
            onClick: () => (open.value = true),
          },
          { default: () => t('letsconnect-resource-add') },
        );
      return h(
        'form',
        {
          class: 'letsconnect-resource-form',
          'aria-labelledby': 'letsconnect-resource-form-title',
          onSubmit: (e: Event) => {
            e.preventDefault();
            void save();
          },
        },
        [
          h('h3', { id: 'letsconnect-resource-form-title' }, t('letsconnect-resource-form-title')),
          h('p', t('letsconnect-resource-form-intro')),
          field('title', 'letsconnect-resource-field-title', () => text('title')),
          field(
            'url',
            'letsconnect-resource-field-url',
            () => text('url', 'url'),
            t('letsconnect-resource-field-url-help'),
          ),
          field('topics', 'letsconnect-resource-field-topic', () =>
            select('topic', 'letsconnect-resource-field-topic', topics.value),
          ),
          field(
            'languages',
            'letsconnect-resource-field-language',
            () => text('language'),
            t('letsconnect-resource-field-language-help'),
          ),
          field('kind', 'letsconnect-resource-field-kind', () =>
            select(
              'kind',
              'letsconnect-resource-field-kind',
              RESOURCE_KINDS.map((k) => ({
                value: k,
                label: t(`letsconnect-gadget-resource-${k}`),
              })),
            ),
          ),
          field('description', 'letsconnect-resource-field-description', () =>
            h(CdxTextArea, {
              modelValue: draft.value.description,
              rows: 3,
              'onUpdate:modelValue': (v: string) =>
                (draft.value = { ...draft.value, description: v }),
            }),
          ),
          state.value === 'saved'
            ? h(
                CdxMessage,
                { type: 'success', class: 'letsconnect-resource-form__saved' },
                {
                  default: () => t('letsconnect-resource-saved'),
                },
              )
            : null,
          state.value === 'failed'
            ? h(
                CdxMessage,
                { type: 'error', class: 'letsconnect-resource-form__failed' },
                {
                  default: () => t('letsconnect-resource-failed', failure.value),
                },
              )
            : null,
          h('div', { class: 'letsconnect-resource-form__actions' }, [
            h(
              CdxButton,
              {
                type: 'submit',
                action: 'progressive',
                weight: 'primary',
                disabled: state.value === 'saving',
              },
              {
                default: () =>
                  t(
                    state.value === 'saving'
                      ? 'letsconnect-resource-saving'
                      : 'letsconnect-resource-save',
                  ),
              },
            ),
            h(
              CdxButton,
              { type: 'button', onClick: () => (open.value = false) },
              { default: () => t('letsconnect-resource-cancel') },
            ),
          ]),
        ],
      );
    };
  },
});
