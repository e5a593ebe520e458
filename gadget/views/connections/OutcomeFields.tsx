import { CdxCheckbox, CdxRadio, CdxTextArea, CdxTextInput } from '@wikimedia/codex';
import { defineComponent, type PropType, type VNodeChild } from 'vue';
import type { Problem } from '../../../shared/problems';
import type { Outcome } from '../../../shared/records/proposal';
import { OUTCOME_RESULTS } from '../../../shared/records/vocabulary';
import { Field, useEnv } from '../../kit';

/** The fields the form shows; a problem on any other (proposal, reporter) is only counted. */
type Name = 'result' | 'date' | 'comment' | 'rating' | 'public';

const RATINGS = [1, 2, 3, 4, 5] as const;

/** Each field's words (message keys in full, so the message check finds them) and kind. */
const FIELDS: Record<Name, { label: string; help?: string; fieldset?: true; optional?: true }> = {
  result: { label: 'letsconnect-outcome-result', fieldset: true },
  date: {
    label: 'letsconnect-outcome-date',
    help: 'letsconnect-outcome-date-help',
    optional: true,
  },
  comment: {
    label: 'letsconnect-outcome-comment',
    help: 'letsconnect-outcome-comment-help',
    optional: true,
  },
  rating: {
    label: 'letsconnect-outcome-rating',
    help: 'letsconnect-outcome-rating-help',
    fieldset: true,
    optional: true,
  },
  public: { label: 'letsconnect-outcome-public', fieldset: true },
};

/**
 * The report's answers: did they meet, when, what they learned, how useful it was, and
 * whether the summary may be shown. Each field shows its own problems.
 */
export const OutcomeFields = defineComponent({
  name: 'OutcomeFields',
  props: {
    outcome: { type: Object as PropType<Outcome>, required: true },
    /** The problems to show (none before a save was tried). */
    problems: { type: Array as PropType<readonly Problem[]>, default: () => [] },
  },
  emits: { update: (_patch: Partial<Outcome>) => true },
  setup(props, { emit }) {
    const { t, languages } = useEnv();
    const ui = languages[0] ?? 'en';
    const number = (n: number) => new Intl.NumberFormat(ui).format(n);
    const set = (patch: Partial<Outcome>) => emit('update', patch);

    const field = (name: Name, control: () => VNodeChild) => {
      const { label, help, fieldset = false, optional = false } = FIELDS[name];
      return (
        <Field
          class={`letsconnect-outcome-form__${name}`}
          label={t(label)}
          problems={props.problems.filter((p) => p.field === name)}
          help={help === undefined ? '' : t(help)}
          fieldset={fieldset}
          optional={optional}
        >
          {{ default: control }}
        </Field>
      );
    };

    const radios = <T extends string | number>(
      name: Name,
      values: readonly T[],
      current: T | null,
      label: (v: T) => string,
      pick: (v: T) => void,
      inline = false,
    ) =>
      values.map((v) => (
        <CdxRadio
          key={String(v)}
          name={`letsconnect-outcome-${name}-${props.outcome.proposal}`}
          inputValue={v}
          modelValue={current ?? ''}
          inline={inline}
          onUpdate:modelValue={pick}
        >
          {{ default: () => label(v) }}
        </CdxRadio>
      ));

    return () => {
      const o = props.outcome;
      return [
        field('result', () =>
          radios(
            'result',
            OUTCOME_RESULTS,
            o.result === '' ? null : o.result,
            (r) => t(`letsconnect-outcome-result-${r}`),
            (r) => set({ result: r }),
          ),
        ),
        field('date', () => (
          <CdxTextInput
            inputType="date"
            modelValue={o.date}
            onUpdate:modelValue={(v: string | number) => set({ date: String(v) })}
          />
        )),
        field('comment', () => (
          <CdxTextArea
            modelValue={o.comment}
            {...{ rows: 4 }}
            onUpdate:modelValue={(v: string) => set({ comment: v })}
          />
        )),
        field('rating', () =>
          radios('rating', RATINGS, o.rating, number, (n) => set({ rating: n }), true),
        ),
        field('public', () => [
          <p class="letsconnect-outcome-form__explain">
            {t('letsconnect-outcome-public-explain')}
          </p>,
          <CdxCheckbox
            modelValue={o.public}
            onUpdate:modelValue={(on: boolean) => set({ public: on })}
          >
            {{ default: () => t('letsconnect-outcome-public-agree') }}
          </CdxCheckbox>,
        ]),
      ];
    };
  },
});
