import {
  computed,
  defineComponent,
  h,
  onMounted,
  ref,
  shallowRef,
  Teleport,
  type PropType,
} from 'vue';
import { CdxMessage } from '@wikimedia/codex';
import { findOutcome } from '../../../shared/connections/outcomes';
import type { ReviewAction } from '../../../shared/connections/review';
import { serialiseRecord } from '../../../shared/records/codec';
import { proposalCodec, type Outcome, type Proposal } from '../../../shared/records/proposal';
import type { WikiClient } from '../../../shared/wiki-client';
import { useEnv } from '../../kit';
import { OutcomePanel } from './OutcomePanel';
import { refreshProposal, type ProposalSlot, type RenderWikitext } from './proposal-slots';
import { ReviewControls } from './ReviewControls';
import {
  isParticipant,
  isReportable,
  isReviewable,
  loadRound,
  proposalsOf,
  type RoundState,
} from './round';
import type { PageState } from '../../kit';
import { saveOutcome, saveReview, type OutcomeSaveResult, type ReviewResult } from './save';

/** Newer than what the view holds (two saves may answer out of order). */
const newer = (page: PageState, than: PageState) => (page.revid ?? 0) >= (than.revid ?? 0);

/**
 * A round page (`R/Connections/<YYYY-MM>`): under each proposal the wiki rendered, review
 * buttons for working-group members and "Record how it went" for the connection's own
 * people. Everyone else gets the page as it is. One request reads what it needs; every save
 * is based on the revision read.
 */
export const ConnectionsApp = defineComponent({
  name: 'ConnectionsApp',
  props: {
    client: { type: Object as PropType<WikiClient>, required: true },
    root: { type: String, required: true },
    /** The round, `YYYY-MM`. */
    month: { type: String, required: true },
    /** The round page's title, for returning to it after logging in. */
    pageTitle: { type: String, required: true },
    username: { type: String as PropType<string | null>, default: null },
    /** A box after each proposal on the page (see proposal-slots.ts). */
    slots: { type: Array as PropType<readonly ProposalSlot[]>, required: true },
    /** `?letsconnect-outcome=<id>`: open that proposal's report form. */
    openOutcome: { type: String as PropType<string | null>, default: null },
    /** Renders a template call as the wiki does, to show a saved proposal; absent: status only. */
    render: { type: Function as PropType<RenderWikitext>, required: false },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const state = shallowRef<RoundState | null>(null);
    const loadFailed = ref('');
    /** Proposals this reader reviewed here: their controls stay to say what happened. */
    const touched = ref(new Set<string>());

    const slotOf = (id: string) => props.slots.find((s) => s.id === id);
    const show = (p: Proposal) => {
      const slot = slotOf(p.id);
      if (slot)
        void refreshProposal(
          slot,
          p.status,
          serialiseRecord(proposalCodec, p),
          props.render ?? null,
        );
    };

    onMounted(async () => {
      if (props.username === null) return;
      try {
        state.value = await loadRound(props.client, props.root, props.month, props.username);
      } catch (err) {
        loadFailed.value = err instanceof Error ? err.message : String(err);
        return;
      }
      // The page may have changed since it was rendered: show what will be reviewed.
      for (const p of state.value.proposals.values()) {
        const shown = slotOf(p.id)?.element.dataset.status ?? p.status;
        if (shown !== p.status) show(p);
      }
    });

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
      const reviewer = props.username ?? '';
      touched.value = new Set([...touched.value, seen.id]);
      const result = await saveReview(
        props.client,
        state.value!.round,
        seen,
        { proposal: seen.id, action, reviewer, at: env.now(), comment },
        summary(seen.id, action),
      );
      const s = state.value!;
      if (result.kind !== 'failed' && newer(result.round, s.round)) {
        state.value = { ...s, round: result.round, proposals: proposalsOf(result.round.text) };
      }
      if (result.kind === 'saved' || result.kind === 'changed') show(result.proposal);
      return result;
    }

    async function report(outcome: Outcome, seen: Outcome | null): Promise<OutcomeSaveResult> {
      const result = await saveOutcome(
        props.client,
        state.value!.outcomes,
        seen,
        outcome,
        t('letsconnect-outcome-summary', outcome.proposal),
      );
      const s = state.value!;
      if (result.kind !== 'failed' && newer(result.page, s.outcomes)) {
        state.value = { ...s, outcomes: result.page };
      }
      return result;
    }

    const mine = computed(() => {
      const s = state.value;
      const user = props.username;
      if (!s || user === null) return [];
      return [...s.proposals.values()].filter((p) => isParticipant(p, user) && isReportable(p));
    });

    /** Why `?letsconnect-outcome=` cannot open a form, or '' when it can (or is not given). */
    const openProblem = computed(() => {
      const id = props.openOutcome;
      const s = state.value;
      if (id === null || !s || props.username === null) return '';
      const p = s.proposals.get(id);
      if (!p) return t('letsconnect-outcome-not-found', id);
      if (!isParticipant(p, props.username)) return t('letsconnect-outcome-not-participant', id);
      if (!isReportable(p)) return t('letsconnect-outcome-not-approved', id);
      return '';
    });

    const message = (type: 'notice' | 'warning' | 'error', content: () => unknown) =>
      h(CdxMessage, { type, class: 'letsconnect-notice' }, content);

    const notices = () => {
      const s = state.value;
      if (loadFailed.value !== '')
        return [message('error', () => t('letsconnect-review-load-failed', loadFailed.value))];
      if (props.username === null) {
        if (props.openOutcome === null) return [];
        const login = env.url('Special:UserLogin', {
          returnto: props.pageTitle,
          returntoquery: `letsconnect-outcome=${props.openOutcome}`,
        });
        return [message('notice', () => h('a', { href: login }, t('letsconnect-outcome-login')))];
      }
      if (!s) return [];
      return [
        s.isMember ? message('notice', () => t('letsconnect-review-intro')) : null,
        mine.value.length > 0
          ? message('notice', () => t('letsconnect-outcome-intro', String(mine.value.length)))
          : null,
        openProblem.value === '' ? null : message('warning', () => openProblem.value),
      ];
    };

    const tools = (slot: ProposalSlot, s: RoundState, user: string) => {
      const p = s.proposals.get(slot.id);
      if (!p) return null;
      const reviewing = s.isMember && (isReviewable(p) || touched.value.has(p.id));
      const reporting = isParticipant(p, user) && isReportable(p);
      if (!reviewing && !reporting) return null;
      return h(Teleport, { to: slot.tools, key: slot.id }, [
        h(
          'div',
          {
            class: 'letsconnect-proposal-tools__inner',
            role: 'group',
            'aria-label': t('letsconnect-review-group-label', p.id),
          },
          [
            reviewing
              ? h(ReviewControls, {
                  proposal: p,
                  closed: !isReviewable(p),
                  review: (action: ReviewAction, comment: string) => review(p, action, comment),
                })
              : null,
            reporting
              ? h(OutcomePanel, {
                  proposal: p,
                  username: user,
                  existing: findOutcome(s.outcomes.text, p.id),
                  pageTitle: s.outcomes.title,
                  startOpen: props.openOutcome === p.id,
                  report,
                })
              : null,
          ],
        ),
      ]);
    };

    return () => {
      const s = state.value;
      const user = props.username;
      return [
        ...notices(),
        ...(s && user !== null ? props.slots.map((slot) => tools(slot, s, user)) : []),
      ];
    };
  },
});
