/** The feedback form's answers, from an earlier answer if any, and their problems once sent. */
import { computed, ref } from 'vue';
import { validateFeedback, type Feedback } from '../../../shared/records/clinic';
import type { Problem } from '../../../shared/problems';
import { formProblem } from './form-problem';

export function useFeedbackForm(
  props: { readonly username: string; readonly existing: Feedback | null },
  submitted: (f: Feedback) => void,
) {
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
  const errors = computed(() => validateFeedback(form.value).filter((p) => p.severity === 'error'));
  /** A field's errors (and "answer yes or no"), shown once the reader has tried to send. */
  const problemsOf = (field: string): Problem[] => {
    if (!attempted.value) return [];
    if (field === 'useful' && form.value.useful === null)
      return [formProblem('useful', 'letsconnect-clinic-feedback-useful-missing')];
    return errors.value.filter((p) => p.field === field);
  };
  const set = (patch: Partial<Feedback>) => (form.value = { ...form.value, ...patch });
  const submit = () => {
    attempted.value = true;
    if (form.value.useful === null || errors.value.length > 0) return;
    submitted({ ...form.value });
  };
  return { form, problemsOf, set, submit };
}
