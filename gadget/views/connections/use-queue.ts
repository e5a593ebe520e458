/**
 * The review queue's state: the filters, what they show (a page of rows at a time, so a
 * round of a thousand opens at once), the counts, the rows chosen and open, and one decision
 * on all the chosen rows, saved in one edit. What could not be saved stays chosen, with why.
 */
import { computed, ref } from 'vue';
import {
  EMPTY_QUEUE_FILTER,
  matchesQueue,
  queueCounts,
  type BulkProblem,
  type BulkReview,
  type QueueFacts,
  type QueueFilter,
} from '../../../shared/connections/review-queue';
import type { Proposal } from '../../../shared/records/proposal';
import { defaultTaxonomy, topicLabel } from '../../../shared/taxonomy/taxonomy';
import {
  SAVE_ATTEMPTS,
  messageLookup,
  useEnv,
  useSave,
  type NoticeData,
  type Translate,
} from '../../kit';
import { isReviewable } from './round';
import type { BulkResult } from './save';
import type { SwapCheck } from './swap-check';
import { statusLabel } from './use-review';

/** Rows shown at first and per "show more". */
export const QUEUE_PAGE = 100;

export type ReviewMany = (
  ids: readonly string[],
  action: BulkReview['action'],
  summary: string,
  onAttempt: (attempt: number) => void,
) => Promise<BulkResult>;

export interface QueueSource {
  proposals: () => ReadonlyMap<string, Proposal>;
  check: () => SwapCheck;
  reviewMany: ReviewMany;
}

/** Why a proposal of a bulk decision was not saved, in words. */
export function bulkProblemText(t: Translate, problem: BulkProblem): string {
  if (problem.kind === 'refused') return t(problem.key);
  return t('letsconnect-queue-changed', statusLabel(t, problem.current.status));
}

export function useQueue(source: QueueSource) {
  const env = useEnv();
  const { t } = env;
  const lookup = messageLookup(t);
  const save = useSave('review');

  const filter = ref<QueueFilter>({ ...EMPTY_QUEUE_FILTER });
  const limit = ref(QUEUE_PAGE);
  const selected = ref(new Set<string>());
  const expanded = ref(new Set<string>());
  /** Proposals of the last decision that were not saved: why, in words. */
  const failures = ref(new Map<string, string>());
  /** What the save is doing now, in words ('' when none runs). */
  const progress = ref('');

  const taxonomy = computed(() => source.check().taxonomy ?? defaultTaxonomy());
  const topicName = computed(() => {
    const topics = taxonomy.value.topics;
    return (id: string) => {
      const topic = topics.get(id);
      return topic ? topicLabel(topic, env.languages, lookup) : id;
    };
  });
  const facts = computed((): QueueFacts => ({
    categoryOf: (topic) => taxonomy.value.topics.get(topic)?.category,
    regionOf: (user) => source.check().context?.people.get(user)?.region,
  }));

  const all = computed(() => [...source.proposals().values()]);
  const counts = computed(() => queueCounts(all.value));
  // What the last decision could not save stays in view (and chosen) whatever the filters,
  // even when someone else's change took it out of them.
  const shown = computed(() =>
    all.value.filter((p) => failures.value.has(p.id) || matchesQueue(p, filter.value, facts.value)),
  );
  const visible = computed(() => shown.value.slice(0, limit.value));

  const setFilter = (patch: Partial<QueueFilter>) => {
    filter.value = { ...filter.value, ...patch };
    limit.value = QUEUE_PAGE;
  };
  const clearFilter = () => setFilter(EMPTY_QUEUE_FILTER);
  const more = () => (limit.value += QUEUE_PAGE);

  const toggle = (set: typeof selected, id: string, on: boolean) => {
    const next = new Set(set.value);
    if (on) next.add(id);
    else next.delete(id);
    set.value = next;
  };
  const select = (id: string, on: boolean) => toggle(selected, id, on);
  const expand = (id: string, on: boolean) => toggle(expanded, id, on);
  /** Every proposal the filters show that can still be decided, on every page of rows. */
  const selectShown = () => {
    selected.value = new Set([
      ...selected.value,
      ...shown.value.filter(isReviewable).map((p) => p.id),
    ]);
  };
  const selectNone = () => (selected.value = new Set());

  function resultNotice(action: BulkReview['action'], result: BulkResult): NoticeData {
    if (result.kind === 'failed') return save.failedNotice(result);
    const texts: string[] = [];
    if (result.kind === 'saved')
      texts.push(t(`letsconnect-queue-done-${action.kind}`, String(result.applied.length)));
    if (result.problems.size > 0)
      texts.push(t('letsconnect-queue-not-saved', String(result.problems.size)));
    return { type: result.problems.size > 0 ? 'warning' : 'success', text: texts };
  }

  /** Approves or declines every chosen proposal in one edit. */
  async function decide(action: BulkReview['action']): Promise<void> {
    const ids = [...selected.value].filter((id) => source.proposals().has(id));
    if (ids.length === 0) return;
    await save.run(async () => {
      const onAttempt = (attempt: number) =>
        (progress.value =
          attempt === 1
            ? t('letsconnect-queue-saving', String(ids.length))
            : t('letsconnect-queue-reapplying', String(attempt), String(SAVE_ATTEMPTS)));
      try {
        const result = await source.reviewMany(
          ids,
          action,
          t(`letsconnect-queue-summary-${action.kind}`, String(ids.length)),
          onAttempt,
        );
        if (result.kind !== 'failed') {
          failures.value = new Map(
            [...result.problems].map(([id, problem]) => [id, bulkProblemText(t, problem)]),
          );
          selected.value = new Set(result.problems.keys());
        }
        return resultNotice(action, result);
      } finally {
        progress.value = '';
      }
    });
  }

  return {
    filter,
    setFilter,
    clearFilter,
    counts,
    shown,
    visible,
    more,
    selected,
    select,
    selectShown,
    selectNone,
    expanded,
    expand,
    failures,
    progress,
    busy: save.busy,
    notice: save.notice,
    decide,
    taxonomy,
    topicName,
    facts,
  };
}

export type QueueState = ReturnType<typeof useQueue>;
