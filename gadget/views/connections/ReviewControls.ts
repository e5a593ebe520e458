import { computed, defineComponent, h, ref, type PropType } from 'vue';
import {
  CdxButton,
  CdxField,
  CdxMessage,
  CdxRadio,
  CdxTextArea,
  CdxTextInput,
} from '@wikimedia/codex';
import type { ReviewAction } from '../../../shared/connections/review';
import { validateProposal, type Proposal } from '../../../shared/records/proposal';
import { isUsername } from '../../../shared/records/vocabulary';
import { problemText, useEnv, type Translate } from '../../kit';
import { canonicalUser, failureText, sameUser } from '../../kit';
import type { ReviewResult } from './save';

export type Notice = { type: 'success' | 'warning' | 'error'; text: string };

/** A proposal status in the reader's words (an empty status is a new proposal). */
export const statusLabel = (t: Translate, status: Proposal['status']): string =>
  t(`letsconnect-review-status-${status === '' ? 'proposed' : status}`);

function doneText(t: Translate, action: ReviewAction): string {
  if (action.kind === 'swap') return t('letsconnect-review-done-swap', action.from, action.to);
  return t(`letsconnect-review-done-${action.kind}`);
}

export function reviewNotice(t: Translate, action: ReviewAction, result: ReviewResult): Notice {
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

/**
 * A working-group member's review of one proposal: approve, decline, or swap one person
 * (which approves the new pairing), with an optional comment kept in the proposal's note.
 * The result is said in words next to the buttons; a failed review keeps what was typed.
 */
export const ReviewControls = defineComponent({
  name: 'ReviewControls',
  props: {
    proposal: { type: Object as PropType<Proposal>, required: true },
    /** No longer reviewable (notified or cancelled meanwhile): only the last message is shown. */
    closed: { type: Boolean, default: false },
    /** Saves the review of the proposal as shown (the app reads again on a conflict). */
    review: {
      type: Function as PropType<(action: ReviewAction, comment: string) => Promise<ReviewResult>>,
      required: true,
    },
  },
  setup(props) {
    const { t } = useEnv();
    const comment = ref('');
    const swapping = ref(false);
    const from = ref('');
    const to = ref('');
    const swapTried = ref(false);
    const busy = ref(false);
    const notice = ref<Notice | null>(null);
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

    /** The note's limits, as the bot checks a proposal (shown once a review was tried). */
    const commentTried = ref(false);
    const commentDetails = ref<HTMLDetailsElement | null>(null);
    const commentErrors = computed(() => {
      const note = comment.value.trim();
      if (!commentTried.value || note === '') return '';
      return validateProposal({ ...props.proposal, note })
        .filter((p) => p.field === 'note')
        .map((p) => problemText(t, p, t('letsconnect-review-comment')))
        .join(' ');
    });

    async function run(action: ReviewAction): Promise<void> {
      commentTried.value = true;
      if (commentErrors.value !== '') {
        if (commentDetails.value) commentDetails.value.open = true;
        return;
      }
      busy.value = true;
      notice.value = null;
      try {
        const result = await props.review(action, comment.value);
        notice.value = reviewNotice(t, action, result);
        if (result.kind === 'saved') {
          comment.value = '';
          commentTried.value = false;
          swapping.value = false;
          swapTried.value = false;
          to.value = '';
          from.value = '';
        }
      } finally {
        busy.value = false;
      }
    }

    function swap(): void {
      swapTried.value = true;
      if (fromError.value !== '' || toError.value !== '') return;
      void run({ kind: 'swap', from: from.value, to: canonicalUser(to.value) });
    }

    const button = (
      label: string,
      onClick: () => void,
      action: 'default' | 'progressive' | 'destructive' = 'default',
    ) => h(CdxButton, { type: 'button', action, disabled: busy.value, onClick }, () => label);

    const swapFields = () =>
      h('div', { class: 'letsconnect-review__swap' }, [
        h(
          CdxField,
          {
            isFieldset: true,
            status: swapTried.value && fromError.value !== '' ? 'error' : 'default',
            messages: { error: fromError.value },
          },
          {
            label: () => t('letsconnect-review-swap-who'),
            default: () =>
              people.value.map((p) =>
                h(
                  CdxRadio,
                  {
                    key: p.name,
                    name: `letsconnect-swap-${id.value}`,
                    inputValue: p.name,
                    modelValue: from.value,
                    'onUpdate:modelValue': (v: string) => (from.value = v),
                  },
                  () => t(p.key, p.name),
                ),
              ),
          },
        ),
        h(
          CdxField,
          {
            status: swapTried.value && toError.value !== '' ? 'error' : 'default',
            messages: { error: toError.value },
          },
          {
            label: () => t('letsconnect-review-swap-to'),
            'help-text': () => t('letsconnect-review-swap-to-help'),
            default: () =>
              h(CdxTextInput, {
                modelValue: to.value,
                autocomplete: 'off',
                'onUpdate:modelValue': (v: string | number) => (to.value = String(v)),
              }),
          },
        ),
        h('div', { class: 'letsconnect-review__buttons' }, [
          button(t('letsconnect-review-swap-confirm'), swap, 'progressive'),
          button(t('letsconnect-review-cancel'), () => {
            swapping.value = false;
            swapTried.value = false;
          }),
        ]),
      ]);

    const noticeView = () =>
      notice.value
        ? h(
            CdxMessage,
            {
              type: notice.value.type,
              class: 'letsconnect-notice',
              role: notice.value.type === 'success' ? 'status' : 'alert',
            },
            () => notice.value?.text,
          )
        : null;

    return () => {
      const status = props.proposal.status;
      if (props.closed) return h('div', { class: 'letsconnect-review' }, [noticeView()]);
      return h('div', { class: 'letsconnect-review' }, [
        h('details', { class: 'letsconnect-review__comment', ref: commentDetails }, [
          h('summary', t('letsconnect-review-comment-toggle')),
          h(
            CdxField,
            {
              status: commentErrors.value === '' ? 'default' : 'error',
              messages: { error: commentErrors.value },
            },
            {
              label: () => t('letsconnect-review-comment'),
              'help-text': () => t('letsconnect-review-comment-help'),
              default: () =>
                h(CdxTextArea, {
                  modelValue: comment.value,
                  rows: 2,
                  'onUpdate:modelValue': (v: string) => (comment.value = v),
                }),
            },
          ),
        ]),
        h('div', { class: 'letsconnect-review__buttons' }, [
          status === 'approved'
            ? null
            : button(
                t('letsconnect-review-approve'),
                () => void run({ kind: 'approve' }),
                'progressive',
              ),
          status === 'declined'
            ? null
            : button(
                t('letsconnect-review-decline'),
                () => void run({ kind: 'decline' }),
                'destructive',
              ),
          swapping.value
            ? null
            : button(t('letsconnect-review-swap'), () => (swapping.value = true)),
          busy.value ? h('span', { role: 'status' }, t('letsconnect-review-saving')) : null,
        ]),
        swapping.value ? swapFields() : null,
        noticeView(),
      ]);
    };
  },
});
