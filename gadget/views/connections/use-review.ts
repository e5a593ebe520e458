/**
 * A working-group member's review of one proposal, as state: the comment (held to the rules
 * the bot checks a note by), whether the swap fields are open, and the save cycle. A failed
 * review keeps what was typed; a saved one clears it.
 */
import { computed, ref } from 'vue';
import type { ReviewAction } from '../../../shared/connections/review';
import type { Problem } from '../../../shared/problems';
import { validateProposal, type Proposal } from '../../../shared/records/proposal';
import { failureText, useEnv, useSave, type NoticeData, type Translate } from '../../kit';
import type { ReviewResult } from './save';

/** A proposal status in the reader's words (an empty status is a new proposal). */
export const statusLabel = (t: Translate, status: Proposal['status']): string =>
  t(`letsconnect-review-status-${status === '' ? 'proposed' : status}`);

function doneText(t: Translate, action: ReviewAction): string {
  if (action.kind === 'swap') return t('letsconnect-review-done-swap', action.from, action.to);
  return t(`letsconnect-review-done-${action.kind}`);
}

export function reviewNotice(t: Translate, action: ReviewAction, result: ReviewResult): NoticeData {
  switch (result.kind) {
    case 'saved':
      return { type: 'success', text: doneText(t, action) };
    case 'changed':
      return {
        type: 'warning',
        text: t('letsconnect-review-changed', statusLabel(t, result.proposal.status)),
      };
    case 'refused':
      return { type: 'error', text: t(result.key) };
    default:
      return { type: 'error', text: failureText(t, 'review', result) };
  }
}

export type SaveReview = (action: ReviewAction, comment: string) => Promise<ReviewResult>;

export function useReview(proposal: () => Proposal, review: SaveReview) {
  const { t } = useEnv();
  const { busy, notice, run } = useSave('review');
  const comment = ref('');
  const swapping = ref(false);
  /** The note's problems, shown once a review was tried with it. */
  const commentTried = ref(false);
  const commentProblems = computed((): Problem[] => {
    const note = comment.value.trim();
    if (!commentTried.value || note === '') return [];
    return validateProposal({ ...proposal(), note }).filter((p) => p.field === 'note');
  });

  /** Saves `action` with the comment; false (nothing sent) while the comment needs fixing. */
  async function submit(action: ReviewAction): Promise<boolean> {
    commentTried.value = true;
    if (commentProblems.value.length > 0) return false;
    await run(async () => {
      const result = await review(action, comment.value);
      if (result.kind === 'saved') {
        comment.value = '';
        commentTried.value = false;
        swapping.value = false;
      }
      return reviewNotice(t, action, result);
    });
    return true;
  }

  return { busy, notice, comment, commentProblems, swapping, submit };
}
