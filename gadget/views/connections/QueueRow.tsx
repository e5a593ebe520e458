/**
 * One proposal in the review queue: a compact line (choose it, who learns what from whom,
 * its status, "Details"), and when opened the reasons and the proposal's own review controls
 * (comment, swap, one decision). A proposal a bulk decision could not save says why here.
 */
import { CdxButton, CdxCheckbox, CdxMessage } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import { peopleOf, queueStatus } from '../../../shared/connections/review-queue';
import type { ReviewAction } from '../../../shared/connections/review';
import type { Proposal } from '../../../shared/records/proposal';
import { categoryLabel } from '../../../shared/taxonomy/taxonomy';
import { languageName, listOf, messageLookup, useEnv } from '../../kit';
import { ReviewControls } from './ReviewControls';
import { isReviewable } from './round';
import type { ReviewResult } from './save';
import type { SwapCheck } from './swap-check';
import type { QueueState } from './use-queue';
import { statusLabel } from './use-review';

export const QueueRow = defineComponent({
  name: 'QueueRow',
  props: {
    proposal: { type: Object as PropType<Proposal>, required: true },
    queue: { type: Object as PropType<QueueState>, required: true },
    /** Reviewed here one by one: its controls stay open to say what happened. */
    touched: { type: Boolean, default: false },
    /** Its status was changed by someone outside the working group. */
    unverified: { type: Boolean, default: false },
    review: {
      type: Function as PropType<
        (p: Proposal, a: ReviewAction, c: string) => Promise<ReviewResult>
      >,
      required: true,
    },
    check: { type: Object as PropType<SwapCheck>, required: true },
  },
  setup(props) {
    const { t, languages } = useEnv();
    const ui = languages[0] ?? 'en';
    const lookup = messageLookup(t);

    const detail = (labelKey: string, value: string) =>
      value === '' ? null : [<dt>{t(labelKey)}</dt>, <dd>{value}</dd>];

    const details = (p: Proposal, id: string) => {
      const q = props.queue;
      const category = q.facts.value.categoryOf(p.topic);
      const regions = [
        ...new Set(
          peopleOf(p)
            .map(q.facts.value.regionOf)
            .filter((r): r is string => r !== undefined && r !== ''),
        ),
      ].map((r) => t(`letsconnect-region-${r}`));
      return (
        <div class="letsconnect-queue__details" id={id}>
          <dl>
            {detail('letsconnect-queue-reason', p.reason)}
            {detail(
              'letsconnect-gadget-dir-language',
              listOf(
                p.languages.map((code) => languageName(code, ui)),
                ui,
              ),
            )}
            {detail(
              'letsconnect-gadget-dir-format',
              p.format === '' ? '' : t(`letsconnect-format-${p.format}`),
            )}
            {detail('letsconnect-queue-category', category ? categoryLabel(category, lookup) : '')}
            {detail('letsconnect-gadget-dir-region', listOf(regions, ui))}
            {detail('letsconnect-queue-reviewer', p.reviewer)}
            {detail('letsconnect-queue-note', p.note)}
          </dl>
          {isReviewable(p) || props.touched ? (
            <ReviewControls
              proposal={p}
              closed={!isReviewable(p)}
              review={(action: ReviewAction, comment: string) => props.review(p, action, comment)}
              check={props.check}
            />
          ) : null}
        </div>
      );
    };

    return () => {
      const p = props.proposal;
      const q = props.queue;
      const status = queueStatus(p);
      const pair = t(
        'letsconnect-queue-pair',
        q.topicName.value(p.topic),
        listOf(p.learners, ui),
        p.sharer,
      );
      const open = q.expanded.value.has(p.id);
      const detailsId = `letsconnect-queue-details-${p.id}`;
      const failure = q.failures.value.get(p.id);
      const chosen = q.selected.value.has(p.id);
      return (
        <li
          class={[
            'letsconnect-queue__row',
            chosen ? 'letsconnect-queue__row--selected' : '',
            failure ? 'letsconnect-queue__row--failed' : '',
          ]}
          data-proposal={p.id}
        >
          <div class="letsconnect-queue__line">
            {isReviewable(p) ? (
              <CdxCheckbox
                class="letsconnect-queue__choose"
                modelValue={chosen}
                disabled={q.busy.value}
                onUpdate:modelValue={(on: boolean) => q.select(p.id, on)}
              >
                {{ default: () => pair }}
              </CdxCheckbox>
            ) : (
              <span class="letsconnect-queue__pair">{pair}</span>
            )}
            <span class={`letsconnect-queue__status letsconnect-queue__status--${status}`}>
              {statusLabel(t, status)}
            </span>
            <CdxButton
              weight="quiet"
              class="letsconnect-queue__expand"
              {...{
                type: 'button',
                'aria-expanded': String(open),
                ...(open ? { 'aria-controls': detailsId } : {}),
              }}
              onClick={() => q.expand(p.id, !open)}
            >
              {{ default: () => t('letsconnect-queue-details') }}
            </CdxButton>
          </div>
          {failure ? (
            <CdxMessage type="warning" inline class="letsconnect-queue__failure">
              {{ default: () => failure }}
            </CdxMessage>
          ) : null}
          {props.unverified ? (
            <CdxMessage type="warning" inline>
              {{ default: () => t('letsconnect-review-unverified') }}
            </CdxMessage>
          ) : null}
          {open ? details(p, detailsId) : null}
        </li>
      );
    };
  },
});
