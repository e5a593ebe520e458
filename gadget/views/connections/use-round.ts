/**
 * The round as the view holds it: read once when the view opens (nothing for a reader who is
 * not logged in), then kept up to date by every save, each based on the revision read. A
 * proposal saved is shown on the page as the wiki renders it.
 */
import { onMounted, ref } from 'vue';
import type { ReviewAction } from '../../../shared/connections/review';
import { serialiseRecord } from '../../../shared/records/codec';
import { proposalCodec, type Outcome, type Proposal } from '../../../shared/records/proposal';
import type { WikiClient } from '../../../shared/wiki-client';
import { useEnv, useLoad, type PageState } from '../../kit';
import type { BulkReview } from '../../../shared/connections/review-queue';
import { refreshProposals, type ProposalSlot, type RenderWikitext } from './proposal-slots';
import { loadRound, proposalMap, proposalsOf, type RoundState } from './round';
import {
  saveBulkReview,
  saveOutcome,
  saveReview,
  type BulkResult,
  type OutcomeSaveResult,
  type ReviewResult,
} from './save';

/** Newer than what the view holds (two saves may answer out of order). */
const newer = (page: PageState, than: PageState) => (page.revid ?? 0) >= (than.revid ?? 0);

export interface RoundSource {
  client: WikiClient;
  root: string;
  month: string;
  username: string | null;
  slots: readonly ProposalSlot[];
  render?: RenderWikitext;
}

export function useRound(source: RoundSource) {
  const { t, now } = useEnv();
  /** Proposals this reader reviewed here: their controls stay to say what happened. */
  const touched = ref(new Set<string>());

  const slotsById = new Map(source.slots.map((s) => [s.id, s]));
  const slotOf = (id: string) => slotsById.get(id);
  /** Shows these proposals on the page as saved (one render request for all of them). */
  const show = (...proposals: Proposal[]) =>
    void refreshProposals(
      proposals.flatMap((p) => {
        const slot = slotOf(p.id);
        return slot
          ? [{ slot, status: p.status, wikitext: serialiseRecord(proposalCodec, p) }]
          : [];
      }),
      source.render ?? null,
    );

  const round = useLoad(
    async () => {
      const state = await loadRound(source.client, source.root, source.month, source.username!);
      // The page may have changed since it was rendered: show what will be reviewed.
      show(
        ...[...state.proposals.values()].filter(
          (p) => (slotOf(p.id)?.element.dataset.status ?? p.status) !== p.status,
        ),
      );
      return state;
    },
    { immediate: false },
  );
  onMounted(() => {
    if (source.username !== null) void round.reload();
  });
  const held = (): RoundState => round.data.value!;

  function summary(id: string, action: ReviewAction): string {
    if (action.kind === 'swap')
      return t('letsconnect-review-summary-swap', id, action.from, action.to);
    return t(`letsconnect-review-summary-${action.kind}`, id);
  }

  async function review(
    seen: Proposal,
    action: ReviewAction,
    comment: string,
  ): Promise<ReviewResult> {
    const reviewer = source.username ?? '';
    touched.value = new Set([...touched.value, seen.id]);
    const result = await saveReview(
      source.client,
      held().round,
      seen,
      { proposal: seen.id, action, reviewer, at: now(), comment },
      summary(seen.id, action),
    );
    const s = held();
    if (result.kind !== 'failed' && newer(result.round, s.round)) {
      round.data.value = { ...s, round: result.round, proposals: proposalsOf(result.round.text) };
    }
    if (result.kind === 'saved' || result.kind === 'changed') show(result.proposal);
    return result;
  }

  /**
   * One decision on many proposals, saved in one edit (see saveBulkReview); the round held
   * and the page shown follow what was saved.
   */
  async function reviewMany(
    ids: readonly string[],
    action: BulkReview['action'],
    summaryText: string,
    onAttempt: (attempt: number) => void,
  ): Promise<BulkResult> {
    const reviewer = source.username ?? '';
    const before = held();
    const result = await saveBulkReview(
      source.client,
      before.round,
      before.proposals,
      { ids, action, reviewer, at: now() },
      summaryText,
      onAttempt,
    );
    if (result.kind === 'failed') return result;
    const s = held();
    if (newer(result.round, s.round)) {
      // A saved page's proposals came with the edit: a round of 1,000 is not parsed again.
      const proposals =
        result.kind === 'saved' ? proposalMap(result.records) : proposalsOf(result.round.text);
      round.data.value = { ...s, round: result.round, proposals };
      const changed = [
        ...(result.kind === 'saved' ? result.applied : []),
        ...result.problems.keys(),
      ].flatMap((id) => {
        const p = proposals.get(id);
        return p ? [p] : [];
      });
      show(...changed);
    }
    return result;
  }

  async function report(outcome: Outcome, seen: Outcome | null): Promise<OutcomeSaveResult> {
    const result = await saveOutcome(
      source.client,
      held().outcomes,
      seen,
      outcome,
      t('letsconnect-outcome-summary', outcome.proposal),
    );
    const s = held();
    if (result.kind !== 'failed' && newer(result.page, s.outcomes)) {
      round.data.value = { ...s, outcomes: result.page };
    }
    return result;
  }

  return { round, touched, review, reviewMany, report };
}
