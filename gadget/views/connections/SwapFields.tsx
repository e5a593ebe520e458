import { CdxRadio, CdxTextInput } from '@wikimedia/codex';
import { computed, defineComponent, ref, type PropType } from 'vue';
import type { ReviewAction } from '../../../shared/connections/review';
import type { Proposal } from '../../../shared/records/proposal';
import { isUsername } from '../../../shared/records/vocabulary';
import { canonicalUser, Field, sameUser, useEnv } from '../../kit';
import { reviewButton } from './review-button';

/**
 * Swapping one person of a proposal: who goes (the sharer or a learner) and who takes their
 * place, both checked before the swap is asked for. What was chosen lives as long as the
 * fields are open.
 */
export const SwapFields = defineComponent({
  name: 'SwapFields',
  props: {
    proposal: { type: Object as PropType<Proposal>, required: true },
    /** A review is saving: the buttons wait. */
    busy: { type: Boolean, default: false },
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
    const toError = computed(() => {
      const name = canonicalUser(to.value);
      if (!isUsername(name)) return t('letsconnect-review-swap-to-invalid');
      if (people.value.some((p) => sameUser(p.name, name)))
        return t('letsconnect-review-error-swap-same');
      return '';
    });

    function swap(): void {
      tried.value = true;
      if (fromError.value !== '' || toError.value !== '') return;
      emit('swap', { kind: 'swap', from: from.value, to: canonicalUser(to.value) });
    }

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
        <div class="letsconnect-review__buttons">
          {reviewButton(t('letsconnect-review-swap-confirm'), props.busy, swap, 'progressive')}
          {reviewButton(t('letsconnect-review-cancel'), props.busy, () => emit('cancel'))}
        </div>
      </div>
    );
  },
});
