import { CdxButton, CdxRadio, CdxTextInput } from '@wikimedia/codex';
import { computed, defineComponent, onMounted, ref, type PropType } from 'vue';
import {
  pairingProblemKey,
  swapCandidates,
  swapProblems,
} from '../../../shared/connections/pairing-check';
import type { ReviewAction } from '../../../shared/connections/review';
import type { Proposal } from '../../../shared/records/proposal';
import { isUsername } from '../../../shared/records/vocabulary';
import { canonicalUser, Field, sameUser, useEnv } from '../../kit';
import { reviewButton } from './review-button';
import type { SwapCheck } from './swap-check';

/**
 * Swapping one person of a proposal: who goes (the sharer or a learner) and who takes their
 * place, both checked before the swap is asked for: the newcomer must be in the skills
 * directory and able to take the place (the topic, a common language, the format, room this
 * round), by the rule the bot holds approved connections back by. People who fit are
 * suggested as one types. What was chosen lives as long as the fields are open.
 */
export const SwapFields = defineComponent({
  name: 'SwapFields',
  props: {
    proposal: { type: Object as PropType<Proposal>, required: true },
    /** A review is saving: the buttons wait. */
    busy: { type: Boolean, default: false },
    /** The directory and the round to check names against. */
    check: { type: Object as PropType<SwapCheck>, required: true },
  },
  emits: {
    swap: (_action: ReviewAction) => true,
    cancel: () => true,
  },
  setup(props, { emit }) {
    const { t } = useEnv();
    const from = ref('');
    const to = ref('');
    const tried = ref(false);
    const id = computed(() => props.proposal.id);

    const people = computed(() => [
      { name: props.proposal.sharer, key: 'letsconnect-review-swap-sharer' },
      ...props.proposal.learners.map((name) => ({ name, key: 'letsconnect-review-swap-learner' })),
    ]);
    const fromError = computed(() =>
      people.value.some((p) => p.name === from.value)
        ? ''
        : t('letsconnect-review-swap-who-missing'),
    );
    onMounted(() => props.check.need());
    const toError = computed(() => {
      const name = canonicalUser(to.value);
      if (!isUsername(name)) return t('letsconnect-review-swap-to-invalid');
      if (people.value.some((p) => sameUser(p.name, name)))
        return t('letsconnect-review-error-swap-same');
      const { status, context } = props.check;
      if (status === 'failed') return t('letsconnect-review-swap-directory-missing');
      if (context === null) return t('letsconnect-review-swap-checking');
      if (fromError.value !== '') return '';
      return swapProblems(props.proposal, from.value, name, context)
        .map((problem) => t(pairingProblemKey(problem), name))
        .join(' ');
    });
    /** People who can take the place, filtered by what was typed. */
    const suggestions = computed(() => {
      const context = props.check.context;
      if (context === null || fromError.value !== '') return null;
      const typed = to.value.trim();
      const names = swapCandidates(props.proposal, from.value, typed, context);
      return names.length === 1 && sameUser(names[0]!, typed) ? [] : names;
    });

    function swap(): void {
      tried.value = true;
      if (fromError.value !== '' || toError.value !== '') return;
      emit('swap', { kind: 'swap', from: from.value, to: canonicalUser(to.value) });
    }

    const suggestionList = () => {
      const names = suggestions.value;
      if (names === null) return null;
      if (names.length === 0)
        return to.value.trim() === '' || toError.value === '' ? null : (
          <p class="letsconnect-review__suggestions">
            {t('letsconnect-review-swap-no-suggestions', to.value.trim())}
          </p>
        );
      return (
        <div class="letsconnect-review__suggestions">
          <p>{t('letsconnect-review-swap-suggestions')}</p>
          <ul>
            {names.map((name) => (
              <li key={name}>
                <CdxButton weight="quiet" onClick={() => (to.value = name)}>
                  {{ default: () => name }}
                </CdxButton>
              </li>
            ))}
          </ul>
        </div>
      );
    };

    /** A field's check, shown once a swap was tried. */
    const checked = (error: string) => (tried.value ? error : '');

    return () => (
      <div class="letsconnect-review__swap">
        <Field fieldset label={t('letsconnect-review-swap-who')} error={checked(fromError.value)}>
          {{
            default: () =>
              people.value.map((p) => (
                <CdxRadio
                  key={p.name}
                  name={`letsconnect-swap-${id.value}`}
                  inputValue={p.name}
                  modelValue={from.value}
                  onUpdate:modelValue={(v: string) => (from.value = v)}
                >
                  {{ default: () => t(p.key, p.name) }}
                </CdxRadio>
              )),
          }}
        </Field>
        <Field
          label={t('letsconnect-review-swap-to')}
          help={t('letsconnect-review-swap-to-help')}
          error={checked(toError.value)}
        >
          {{
            default: () => (
              <CdxTextInput
                modelValue={to.value}
                onUpdate:modelValue={(v: string | number) => (to.value = String(v))}
                {...{ autocomplete: 'off' }}
              />
            ),
          }}
        </Field>
        {suggestionList()}
        <div class="letsconnect-review__buttons">
          {reviewButton(t('letsconnect-review-swap-confirm'), props.busy, swap, 'progressive')}
          {reviewButton(t('letsconnect-review-cancel'), props.busy, () => emit('cancel'))}
        </div>
      </div>
    );
  },
});
