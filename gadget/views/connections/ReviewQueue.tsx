/**
 * The working group's review queue of a round: how far the review has got, filters, the
 * proposals as compact rows, and one decision (approve or decline) on every row chosen,
 * saved in one edit with its progress shown. Only members see it; the page as everyone
 * reads it is one click away.
 */
import { CdxButton, CdxProgressBar } from '@wikimedia/codex';
import { computed, defineComponent, onMounted, ref, type PropType } from 'vue';
import type { ReviewAction } from '../../../shared/connections/review';
import type { Proposal } from '../../../shared/records/proposal';
import { PROPOSAL_STATUSES } from '../../../shared/records/vocabulary';
import { ConfirmDialog, Notice, useEnv } from '../../kit';
import { QueueFilters } from './QueueFilters';
import { QueueRow } from './QueueRow';
import type { ReviewResult } from './save';
import type { SwapCheck } from './swap-check';
import { useQueue, type ReviewMany } from './use-queue';
import { statusLabel } from './use-review';

export const ReviewQueue = defineComponent({
  name: 'ReviewQueue',
  props: {
    proposals: { type: Object as PropType<ReadonlyMap<string, Proposal>>, required: true },
    check: { type: Object as PropType<SwapCheck>, required: true },
    review: {
      type: Function as PropType<
        (p: Proposal, a: ReviewAction, c: string) => Promise<ReviewResult>
      >,
      required: true,
    },
    reviewMany: { type: Function as PropType<ReviewMany>, required: true },
    touched: { type: Object as PropType<ReadonlySet<string>>, required: true },
    unverified: { type: Object as PropType<ReadonlySet<string>>, required: true },
  },
  emits: { showPage: () => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const q = useQueue({
      proposals: () => props.proposals,
      check: () => props.check,
      reviewMany: (...args) => props.reviewMany(...args),
    });
    // Regions, topic labels and areas come from the published directory.
    onMounted(() => props.check.need());
    const confirmingDecline = ref(false);
    const all = computed(() => [...props.proposals.values()]);

    const counts = () => {
      const c = q.counts.value;
      return (
        <div class="letsconnect-queue__counts" {...{ role: 'status' }}>
          <strong class="letsconnect-queue__reviewed">
            {t('letsconnect-queue-reviewed', String(c.reviewed), String(c.total))}
          </strong>
          <ul class="letsconnect-queue__by-status">
            {PROPOSAL_STATUSES.filter((s) => c.byStatus[s] > 0).map((s) => (
              <li>
                {t('letsconnect-queue-status-count', statusLabel(t, s), String(c.byStatus[s]))}
              </li>
            ))}
          </ul>
        </div>
      );
    };

    const actions = () => {
      const n = q.selected.value.size;
      const busy = q.busy.value;
      return (
        <div
          class="letsconnect-queue__actions"
          role="group"
          aria-label={t('letsconnect-queue-actions')}
        >
          <span class="letsconnect-queue__selected">
            {t('letsconnect-queue-selected', String(n))}
          </span>
          <CdxButton {...{ type: 'button', disabled: busy }} onClick={q.selectShown}>
            {{ default: () => t('letsconnect-queue-select-shown', String(q.shown.value.length)) }}
          </CdxButton>
          <CdxButton {...{ type: 'button', disabled: busy || n === 0 }} onClick={q.selectNone}>
            {{ default: () => t('letsconnect-queue-select-none') }}
          </CdxButton>
          <CdxButton
            action="progressive"
            weight="primary"
            {...{ type: 'button', disabled: busy || n === 0 }}
            onClick={() => void q.decide({ kind: 'approve' })}
          >
            {{ default: () => t('letsconnect-queue-approve', String(n)) }}
          </CdxButton>
          <CdxButton
            action="destructive"
            {...{ type: 'button', disabled: busy || n === 0 }}
            onClick={() => (confirmingDecline.value = true)}
          >
            {{ default: () => t('letsconnect-queue-decline', String(n)) }}
          </CdxButton>
        </div>
      );
    };

    const progress = () =>
      q.progress.value === '' ? null : (
        <div class="letsconnect-queue__progress">
          <CdxProgressBar inline {...{ 'aria-label': q.progress.value }} />
          <p role="status">{q.progress.value}</p>
        </div>
      );

    const rows = () => {
      const shown = q.shown.value;
      if (shown.length === 0)
        return <p class="letsconnect-queue__empty">{t('letsconnect-queue-empty')}</p>;
      return [
        <p class="letsconnect-queue__shown">
          {t('letsconnect-queue-shown', String(shown.length), String(q.counts.value.total))}
        </p>,
        <ul class="letsconnect-queue__rows">
          {q.visible.value.map((p) => (
            <QueueRow
              key={p.id}
              proposal={p}
              queue={q}
              touched={props.touched.has(p.id)}
              unverified={props.unverified.has(p.id)}
              review={props.review}
              check={props.check}
            />
          ))}
        </ul>,
        q.visible.value.length < shown.length ? (
          <CdxButton {...{ type: 'button' }} onClick={q.more}>
            {{
              default: () =>
                t('letsconnect-queue-more', String(shown.length - q.visible.value.length)),
            }}
          </CdxButton>
        ) : null,
      ];
    };

    return () => (
      <section class="letsconnect-queue" aria-labelledby="letsconnect-queue-title">
        <h2 id="letsconnect-queue-title" class="letsconnect-queue__title">
          {t('letsconnect-queue-title')}
        </h2>
        {counts()}
        <QueueFilters queue={q} proposals={all.value} />
        <div class="letsconnect-queue__filter-tools">
          <CdxButton weight="quiet" {...{ type: 'button' }} onClick={q.clearFilter}>
            {{ default: () => t('letsconnect-queue-clear') }}
          </CdxButton>
          <CdxButton weight="quiet" {...{ type: 'button' }} onClick={() => emit('showPage')}>
            {{ default: () => t('letsconnect-queue-page-view') }}
          </CdxButton>
        </div>
        {actions()}
        {progress()}
        <Notice notice={q.notice.value} />
        {rows()}
        <ConfirmDialog
          open={confirmingDecline.value}
          title={t('letsconnect-queue-decline-confirm-title', String(q.selected.value.size))}
          question={t('letsconnect-review-decline-confirm-question')}
          confirmLabel={t('letsconnect-queue-decline', String(q.selected.value.size))}
          destructive
          onConfirm={() => {
            confirmingDecline.value = false;
            void q.decide({ kind: 'decline' });
          }}
          onCancel={() => (confirmingDecline.value = false)}
        />
      </section>
    );
  },
});
