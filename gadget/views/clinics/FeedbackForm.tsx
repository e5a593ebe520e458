import { defineComponent, type PropType } from 'vue';
import type { Feedback } from '../../../shared/records/clinic';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { Field, useEnv } from '../../kit';
import { TopicPicker } from '../profile-form/TopicPicker';
import { ChoiceField } from './ChoiceField';
import { FormButtons } from './FormButtons';
import { TextField } from './TextField';
import { useFeedbackForm } from './use-feedback-form';

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
    const { form, problemsOf, set, submit } = useFeedbackForm(props, (f) => emit('submit', f));

    return () => {
      const f = form.value;
      return (
        <form
          class="letsconnect-form letsconnect-clinic-feedback"
          aria-labelledby="letsconnect-clinic-feedback-title"
          novalidate
          onSubmit={(e: Event) => {
            e.preventDefault();
            submit();
          }}
        >
          <h3 id="letsconnect-clinic-feedback-title">{t('letsconnect-clinic-feedback-title')}</h3>
          <p>{t('letsconnect-clinic-feedback-public')}</p>
          <ChoiceField
            class="letsconnect-clinic-form__useful"
            label={t('letsconnect-clinic-feedback-useful')}
            problems={problemsOf('useful')}
            name="letsconnect-clinic-feedback-useful"
            inline
            options={[
              { value: 'true', label: t('letsconnect-clinic-feedback-yes') },
              { value: 'false', label: t('letsconnect-clinic-feedback-no') },
            ]}
            modelValue={f.useful === null ? '' : String(f.useful)}
            onUpdate:modelValue={(v: string) => set({ useful: v === 'true' })}
          />
          <ChoiceField
            class="letsconnect-clinic-form__rating"
            label={t('letsconnect-clinic-feedback-rating')}
            help={t('letsconnect-clinic-feedback-rating-help')}
            optional
            name="letsconnect-clinic-feedback-rating"
            inline
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: number(n) }))}
            modelValue={f.rating === null ? '' : String(f.rating)}
            onUpdate:modelValue={(v: string) => set({ rating: Number(v) })}
          />
          <TextField
            class="letsconnect-clinic-form__improve"
            label={t('letsconnect-clinic-feedback-improve')}
            problems={problemsOf('improve')}
            optional
            rows={3}
            modelValue={f.improve}
            onUpdate:modelValue={(v: string) => set({ improve: v })}
          />
          <Field
            class="letsconnect-clinic-form__wanted"
            label={t('letsconnect-clinic-feedback-wanted')}
            optional
            fieldset
          >
            {{
              default: () => (
                <TopicPicker
                  side="learn"
                  modelValue={f.wanted}
                  taxonomy={props.taxonomy}
                  topicLabel={props.topicLabel}
                  onUpdate:modelValue={(ids: string[]) => set({ wanted: ids })}
                />
              ),
            }}
          </Field>
          <FormButtons
            saveLabel={t('letsconnect-clinic-feedback-save')}
            busy={props.busy}
            onClose={() => emit('close')}
          />
        </form>
      );
    };
  },
});
