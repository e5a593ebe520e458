import { CdxTextArea } from '@wikimedia/codex';
import { defineComponent, ref, type PropType } from 'vue';
import type { ReviewAction } from '../../../shared/connections/review';
import type { Proposal } from '../../../shared/records/proposal';
import { ConfirmDialog, Field, Notice, useEnv } from '../../kit';
import { reviewButton, type ButtonAction } from './review-button';
import type { SwapCheck } from './swap-check';
import { SwapFields } from './SwapFields';
import { useReview, type SaveReview } from './use-review';

/**
 * A working-group member's review of one proposal: approve, decline, or swap one person
 * (which approves the new pairing), with an optional comment kept in the proposal's note.
 * Declining asks first, since a declined pair is never proposed again.
 * The result is said in words next to the buttons; a failed review keeps what was typed.
 */
export const ReviewControls = defineComponent({
  name: 'ReviewControls',
  props: {
    proposal: { type: Object as PropType<Proposal>, required: true },
    /** No longer reviewable (notified or cancelled meanwhile): only the last message is shown. */
    closed: { type: Boolean, default: false },
    /** Saves the review of the proposal as shown (the app reads again on a conflict). */
    review: { type: Function as PropType<SaveReview>, required: true },
    /** What a swap's newcomer is checked against. */
    check: { type: Object as PropType<SwapCheck>, required: true },
  },
  setup(props) {
    const { t } = useEnv();
    const r = useReview(
      () => props.proposal,
      (action, comment) => props.review(action, comment),
    );
    const details = ref<HTMLDetailsElement | null>(null);
    /** Declining is asked first: a declined pair is never proposed again. */
    const confirmingDecline = ref(false);

    async function submit(action: ReviewAction): Promise<void> {
      // The comment is folded away: open it to show what needs fixing.
      if (!(await r.submit(action)) && details.value) details.value.open = true;
    }

    const button = (label: string, onClick: () => void, action?: ButtonAction) =>
      reviewButton(t(label), r.busy.value, onClick, action);

    return () => {
      const status = props.proposal.status;
      const notice = <Notice notice={r.notice.value} />;
      if (props.closed) return <div class="letsconnect-review">{notice}</div>;
      return (
        <div class="letsconnect-review">
          <details class="letsconnect-review__comment" ref={details}>
            <summary>{t('letsconnect-review-comment-toggle')}</summary>
            <Field
              label={t('letsconnect-review-comment')}
              help={t('letsconnect-review-comment-help')}
              problems={r.commentProblems.value}
            >
              {{
                default: () => (
                  <CdxTextArea
                    modelValue={r.comment.value}
                    {...{ rows: 2 }}
                    onUpdate:modelValue={(v: string) => (r.comment.value = v)}
                  />
                ),
              }}
            </Field>
          </details>
          <div class="letsconnect-review__buttons">
            {status === 'approved'
              ? null
              : button(
                  'letsconnect-review-approve',
                  () => void submit({ kind: 'approve' }),
                  'progressive',
                )}
            {status === 'declined'
              ? null
              : button(
                  'letsconnect-review-decline',
                  () => (confirmingDecline.value = true),
                  'destructive',
                )}
            {r.swapping.value
              ? null
              : button('letsconnect-review-swap', () => (r.swapping.value = true))}
            {r.busy.value ? <span role="status">{t('letsconnect-review-saving')}</span> : null}
          </div>
          {r.swapping.value ? (
            <SwapFields
              proposal={props.proposal}
              busy={r.busy.value}
              check={props.check}
              onSwap={(action: ReviewAction) => void submit(action)}
              onCancel={() => (r.swapping.value = false)}
            />
          ) : null}
          {notice}
          <ConfirmDialog
            open={confirmingDecline.value}
            title={t('letsconnect-review-decline-confirm-title')}
            question={t('letsconnect-review-decline-confirm-question')}
            confirmLabel={t('letsconnect-review-decline')}
            destructive
            onConfirm={() => {
              confirmingDecline.value = false;
              void submit({ kind: 'decline' });
            }}
            onCancel={() => (confirmingDecline.value = false)}
          />
        </div>
      );
    };
  },
});
