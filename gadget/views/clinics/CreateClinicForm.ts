import { computed, defineComponent, h, ref, type PropType } from 'vue';
import { CdxButton, CdxCheckbox, CdxMessage, CdxTextArea, CdxTextInput } from '@wikimedia/codex';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { errorCode, failureKind } from '../../kit';
import { useEnv } from '../../kit';
import { knownTimeZones } from '../../kit';
import { failureText } from '../../kit';
import { TopicPicker } from '../profile-form/TopicPicker';
import {
  clinicPage,
  draftProblems,
  draftToClinic,
  emptyDraft,
  type ClinicDraft,
  type DraftField,
  type SessionInput,
} from './create-clinic';
import { clinicField } from './format';

type Notice = { type: 'success' | 'error'; text: string; link?: { href: string; text: string } };

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
    const env = useEnv();
    const { t } = env;
    const zones = knownTimeZones();
    const draft = ref<ClinicDraft>(emptyDraft(props.zone));
    const attempted = ref(false);
    const busy = ref(false);
    const notice = ref<Notice | null>(null);
    const problems = computed(() => draftProblems(draft.value, props.taxonomy, env.now()));
    const set = (patch: Partial<ClinicDraft>) => (draft.value = { ...draft.value, ...patch });
    const errorOf = (field: DraftField, label: string) =>
      attempted.value
        ? problems.value
            .filter((p) => p.field === field)
            .map((p) => t(p.key, ...(p.named ? [label, ...p.params.slice(1)] : p.params)))
            .join(' ')
        : '';

    async function create(): Promise<void> {
      attempted.value = true;
      notice.value = null;
      if (problems.value.length > 0) {
        notice.value = {
          type: 'error',
          text: t('letsconnect-clinic-create-invalid', String(problems.value.length)),
        };
        return;
      }
      const clinic = draftToClinic(draft.value, props.username);
      const page = clinicPage(props.root, draft.value, clinic);
      busy.value = true;
      try {
        const summary = t('letsconnect-clinic-create-summary', clinic.title);
        await props.wiki.save(page.title, page.text, summary, null);
        notice.value = {
          type: 'success',
          text: t('letsconnect-clinic-create-saved'),
          link: { href: env.url(page.title), text: t('letsconnect-clinic-create-view') },
        };
        draft.value = emptyDraft(props.zone);
        attempted.value = false;
      } catch (err) {
        const exists = failureKind(err) === 'conflict';
        const failure = {
          kind: 'failed' as const,
          failure: failureKind(err),
          code: errorCode(err),
        };
        notice.value = {
          type: 'error',
          text: `${exists ? t('letsconnect-clinic-create-exists') : failureText(t, 'clinic', failure)} ${t('letsconnect-gadget-save-kept')}`,
          ...(exists
            ? {
                link: {
                  href: env.url(page.title),
                  text: t('letsconnect-clinic-create-view-existing'),
                },
              }
            : {}),
        };
      } finally {
        busy.value = false;
      }
    }

    const text = (
      name: DraftField,
      labelKey: string,
      value: string,
      update: (v: string) => void,
      o: { help?: string; type?: 'text' | 'number' | 'url'; optional?: boolean } = {},
    ) => {
      const label = t(labelKey);
      return clinicField(
        name,
        label,
        () =>
          h(CdxTextInput, {
            modelValue: value,
            inputType: o.type ?? 'text',
            'onUpdate:modelValue': (v: string | number) => update(String(v)),
          }),
        {
          help: o.help,
          error: errorOf(name, label),
          ...(o.optional ? { optional: t('letsconnect-gadget-form-optional') } : {}),
        },
      );
    };

    const session = (
      name: 'first' | 'second',
      s: SessionInput,
      update: (s: SessionInput) => void,
    ) => {
      const label = t(`letsconnect-clinic-create-${name}`);
      const input = (
        key: keyof SessionInput,
        type: 'date' | 'time' | 'text',
        labelKey: string,
        extra = {},
      ) =>
        h('label', { class: 'letsconnect-clinic-form__when-part' }, [
          h('span', t(labelKey)),
          h(CdxTextInput, {
            modelValue: s[key],
            inputType: type,
            'onUpdate:modelValue': (v: string | number) =>
              update({ ...s, [key]: String(v).trim() }),
            ...extra,
          }),
        ]);
      return clinicField(
        name,
        label,
        () => [
          input('date', 'date', 'letsconnect-clinic-create-date'),
          input('time', 'time', 'letsconnect-clinic-create-time'),
          input('zone', 'text', 'letsconnect-clinic-create-zone', {
            list: 'letsconnect-clinic-zones',
            autocomplete: 'off',
          }),
        ],
        {
          fieldset: true,
          error: errorOf(name, label),
          help: t('letsconnect-clinic-create-when-help'),
        },
      );
    };

    return () => {
      const d = draft.value;
      const n = notice.value;
      const topicLabelText = t('letsconnect-clinic-create-topic');
      return h(
        'form',
        {
          class: 'letsconnect-form letsconnect-clinic-create',
          'aria-labelledby': 'letsconnect-clinic-create-title',
          novalidate: true,
          onSubmit: (e: Event) => {
            e.preventDefault();
            void create();
          },
        },
        [
          h('h2', { id: 'letsconnect-clinic-create-title' }, t('letsconnect-clinic-create-title')),
          h(
            'datalist',
            { id: 'letsconnect-clinic-zones' },
            zones.map((z) => h('option', { value: z })),
          ),
          text('title', 'letsconnect-clinic-create-name', d.title, (v) => set({ title: v })),
          clinicField(
            'topic',
            topicLabelText,
            () =>
              h(TopicPicker, {
                side: 'share',
                modelValue: d.topic === '' ? [] : [d.topic],
                taxonomy: props.taxonomy,
                topicLabel: props.topicLabel,
                // One topic: the newest choice replaces the last.
                'onUpdate:modelValue': (ids: string[]) => set({ topic: ids[ids.length - 1] ?? '' }),
              }),
            { fieldset: true, error: errorOf('topic', topicLabelText) },
          ),
          clinicField(
            'description',
            t('letsconnect-clinic-create-description'),
            () =>
              h(CdxTextArea, {
                modelValue: d.description,
                rows: 4,
                'onUpdate:modelValue': (v: string) => set({ description: v }),
              }),
            {
              optional: t('letsconnect-gadget-form-optional'),
              error: errorOf('description', t('letsconnect-clinic-create-description')),
            },
          ),
          session('first', d.first, (s) => set({ first: s })),
          h(
            CdxCheckbox,
            {
              modelValue: d.second !== null,
              'onUpdate:modelValue': (on: boolean) =>
                set({ second: on ? { date: d.first.date, time: '', zone: '' } : null }),
            },
            () => t('letsconnect-clinic-create-add-second'),
          ),
          d.second ? session('second', d.second, (s) => set({ second: s })) : null,
          text(
            'minutes',
            'letsconnect-clinic-create-minutes',
            d.minutes,
            (v) => set({ minutes: v }),
            {
              type: 'number',
            },
          ),
          text(
            'languages',
            'letsconnect-clinic-create-languages',
            d.languages,
            (v) => set({ languages: v }),
            {
              help: t('letsconnect-clinic-create-languages-help'),
            },
          ),
          text(
            'interpretation',
            'letsconnect-clinic-create-interpretation',
            d.interpretation,
            (v) => set({ interpretation: v }),
            { help: t('letsconnect-clinic-create-languages-help'), optional: true },
          ),
          text(
            'sharers',
            'letsconnect-clinic-create-sharers',
            d.sharers,
            (v) => set({ sharers: v }),
            {
              help: t('letsconnect-clinic-create-sharers-help'),
            },
          ),
          text(
            'capacity',
            'letsconnect-clinic-create-capacity',
            d.capacity,
            (v) => set({ capacity: v }),
            {
              type: 'number',
              help: t('letsconnect-clinic-create-capacity-help'),
            },
          ),
          text('link', 'letsconnect-clinic-create-link', d.link, (v) => set({ link: v }), {
            type: 'url',
            help: t('letsconnect-clinic-create-link-public'),
            optional: true,
          }),
          n
            ? h(
                CdxMessage,
                {
                  type: n.type,
                  class: 'letsconnect-notice',
                  role: n.type === 'success' ? 'status' : 'alert',
                },
                () => [
                  h('p', n.text),
                  n.link ? h('p', [h('a', { href: n.link.href }, n.link.text)]) : null,
                ],
              )
            : null,
          h('div', { class: 'letsconnect-form__buttons' }, [
            h(
              CdxButton,
              { type: 'submit', action: 'progressive', weight: 'primary', disabled: busy.value },
              () => t(busy.value ? 'letsconnect-clinic-saving' : 'letsconnect-clinic-create-save'),
            ),
            h(
              CdxButton,
              { type: 'button', disabled: busy.value, onClick: () => emit('close') },
              () => t('letsconnect-clinic-close'),
            ),
          ]),
        ],
      );
    };
  },
});
