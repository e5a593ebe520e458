import { computed, defineComponent, h, ref, type PropType } from 'vue';
import { CdxButton, CdxRadio, CdxTextArea } from '@wikimedia/codex';
import { validateFeedback, type Feedback } from '../../../shared/records/clinic';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { problemText, useEnv } from '../../kit';
import { TopicPicker } from '../profile-form/TopicPicker';
import { clinicField } from './format';

/**
 * After the session: was it useful (yes/no), how useful (1–5), what to improve, which topics
 * next. Filled from an earlier answer; what was typed stays when a save fails (the parent
 * keeps this component, and so its state, until the save succeeds).
 */
export const FeedbackForm = defineComponent({
  name: 'FeedbackForm',
  props: {
    username: { type: String, required: true },
    existing: { type: Object as PropType<Feedback | null>, default: null },
    taxonomy: { type: Object as PropType<Taxonomy>, required: true },
    topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
    busy: { type: Boolean, default: false },
  },
  emits: { submit: (_f: Feedback) => true, close: () => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const number = (n: number) => new Intl.NumberFormat(env.languages[0] ?? 'en').format(n);
    const form = ref<Feedback>(
      props.existing
        ? { ...props.existing, username: props.username }
        : {
            username: props.username,
            useful: null,
            rating: null,
            comment: '',
            improve: '',
            wanted: [],
            given: '',
          },
    );
    const attempted = ref(false);
    const problems = computed(() => validateFeedback(form.value));
    const missing = computed(() => attempted.value && form.value.useful === null);
    const errorOf = (field: string, label: string) =>
      attempted.value
        ? problems.value
            .filter((p) => p.field === field && p.severity === 'error')
            .map((p) => problemText(t, p, label))
            .join(' ')
        : '';
    const set = (patch: Partial<Feedback>) => (form.value = { ...form.value, ...patch });
    const submit = () => {
      attempted.value = true;
      if (form.value.useful === null || problems.value.some((p) => p.severity === 'error')) return;
      emit('submit', { ...form.value });
    };
    const radios = <T extends string | number | boolean>(
      name: string,
      values: readonly T[],
      current: T | null,
      label: (v: T) => string,
      pick: (v: T) => void,
    ) =>
      values.map((v) =>
        h(
          CdxRadio,
          {
            key: String(v),
            name: `letsconnect-clinic-feedback-${name}`,
            inputValue: String(v),
            modelValue: current === null ? '' : String(current),
            inline: true,
            'onUpdate:modelValue': () => pick(v),
          },
          () => label(v),
        ),
      );

    return () => {
      const f = form.value;
      const improveLabel = t('letsconnect-clinic-feedback-improve');
      return h(
        'form',
        {
          class: 'letsconnect-form letsconnect-clinic-feedback',
          'aria-labelledby': 'letsconnect-clinic-feedback-title',
          novalidate: true,
          onSubmit: (e: Event) => {
            e.preventDefault();
            submit();
          },
        },
        [
          h(
            'h3',
            { id: 'letsconnect-clinic-feedback-title' },
            t('letsconnect-clinic-feedback-title'),
          ),
          h('p', t('letsconnect-clinic-feedback-public')),
          clinicField(
            'useful',
            t('letsconnect-clinic-feedback-useful'),
            () =>
              radios(
                'useful',
                [true, false],
                f.useful,
                (v) => t(v ? 'letsconnect-clinic-feedback-yes' : 'letsconnect-clinic-feedback-no'),
                (v) => set({ useful: v }),
              ),
            {
              fieldset: true,
              error: missing.value ? t('letsconnect-clinic-feedback-useful-missing') : '',
            },
          ),
          clinicField(
            'rating',
            t('letsconnect-clinic-feedback-rating'),
            () => radios('rating', [1, 2, 3, 4, 5], f.rating, number, (n) => set({ rating: n })),
            {
              fieldset: true,
              help: t('letsconnect-clinic-feedback-rating-help'),
              optional: t('letsconnect-gadget-form-optional'),
            },
          ),
          clinicField(
            'improve',
            improveLabel,
            () =>
              h(CdxTextArea, {
                modelValue: f.improve,
                rows: 3,
                'onUpdate:modelValue': (v: string) => set({ improve: v }),
              }),
            {
              optional: t('letsconnect-gadget-form-optional'),
              error: errorOf('improve', improveLabel),
            },
          ),
          clinicField(
            'wanted',
            t('letsconnect-clinic-feedback-wanted'),
            () =>
              h(TopicPicker, {
                side: 'learn',
                modelValue: f.wanted,
                taxonomy: props.taxonomy,
                topicLabel: props.topicLabel,
                'onUpdate:modelValue': (ids: string[]) => set({ wanted: ids }),
              }),
            { fieldset: true, optional: t('letsconnect-gadget-form-optional') },
          ),
          h('div', { class: 'letsconnect-form__buttons' }, [
            h(
              CdxButton,
              { type: 'submit', action: 'progressive', weight: 'primary', disabled: props.busy },
              () =>
                t(props.busy ? 'letsconnect-clinic-saving' : 'letsconnect-clinic-feedback-save'),
            ),
            h(
              CdxButton,
              { type: 'button', disabled: props.busy, onClick: () => emit('close') },
              () => t('letsconnect-clinic-close'),
            ),
          ]),
        ],
      );
    };
  },
});
