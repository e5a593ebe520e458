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
import { refreshProposal, type ProposalSlot, type RenderWikitext } from './proposal-slots';
import { loadRound, proposalsOf, type RoundState } from './round';
import { saveOutcome, saveReview, type OutcomeSaveResult, type ReviewResult } from './save';

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

  const slotOf = (id: string) => source.slots.find((s) => s.id === id);
  const show = (p: Proposal) => {
    const slot = slotOf(p.id);
    if (slot)
      void refreshProposal(
        slot,
        p.status,
        serialiseRecord(proposalCodec, p),
        source.render ?? null,
      );
  };

  const round = useLoad(
    async () => {
      const state = await loadRound(source.client, source.root, source.month, source.username!);
      // The page may have changed since it was rendered: show what will be reviewed.
      for (const p of state.proposals.values()) {
        const shown = slotOf(p.id)?.element.dataset.status ?? p.status;
        if (shown !== p.status) show(p);
      }
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

  return { round, touched, review, report };
}
