import { CdxButton, CdxMessage } from '@wikimedia/codex';
import {
  computed,
  defineComponent,
  onMounted,
  ref,
  Teleport,
  watch,
  type PropType,
  type VNodeChild,
} from 'vue';
import { findOutcome } from '../../../shared/connections/outcomes';
import type { ReviewAction } from '../../../shared/connections/review';
import { talkPageTitle, workingGroupPageTitle } from '../../../shared/pages';
import { DEFAULT_BOT_NAME } from '../../../shared/program';
import type { WikiClient } from '../../../shared/wiki-client';
import { AccountPrompt, Notice, useEnv, useLoad } from '../../kit';
import { OutcomePanel } from './OutcomePanel';
import type { ProposalSlot, RenderWikitext } from './proposal-slots';
import { ReviewControls } from './ReviewControls';
import { ReviewQueue } from './ReviewQueue';
import { useSwapCheck } from './swap-check';
import { isParticipant, isReportable, isReviewable, type RoundState } from './round';
import { useRound } from './use-round';
import { isPending, loadUnverified } from './verify';

/** A standing message at the top of the page (what the reader may do here, or may not). */
const message = (type: 'notice' | 'warning', content: () => VNodeChild) => (
  <CdxMessage type={type} class="letsconnect-notice">
    {{ default: content }}
  </CdxMessage>
);

/**
 * A round page (`R/Connections/<YYYY-MM>`): for working-group members the review queue in
 * place of the page's long list (or, when they ask for the page, review buttons under each
 * proposal the wiki rendered), and "Record how it went" for the connection's own people.
 * Everyone else gets the page as it is. One request reads what it needs; every save is
 * based on the revision read.
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
    /** The reader's named account, or null (logged out, or a temporary account). */
    username: { type: String as PropType<string | null>, default: null },
    /** A box after each proposal on the page (see proposal-slots.ts). */
    slots: { type: Array as PropType<readonly ProposalSlot[]>, required: true },
    /** `?letsconnect-outcome=<id>`: open that proposal's report form. */
    openOutcome: { type: String as PropType<string | null>, default: null },
    /** Renders a template call as the wiki does, to show a saved proposal; absent: status only. */
    render: { type: Function as PropType<RenderWikitext>, required: false },
    /** The bot's account: its edits to the round page count, as working-group members' do. */
    botName: { type: String, default: DEFAULT_BOT_NAME },
    /** `?letsconnect-view=page`: a member starts on the page as everyone reads it, not the queue. */
    startView: { type: String as PropType<'queue' | 'page'>, default: 'queue' },
    /** Shows or hides the proposals the wiki rendered (the queue stands in for them). */
    showProposals: { type: Function as PropType<(shown: boolean) => void>, required: false },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const { round, touched, review, reviewMany, report } = useRound(props);
    /** A member's choice between the queue and the page (a link to a report opens the page). */
    const wantsQueue = ref(props.startView !== 'page' && props.openOutcome === null);
    const inQueue = computed(() => wantsQueue.value && round.data.value?.isMember === true);
    watch(inQueue, (on) => props.showProposals?.(!on));
    const swapCheck = useSwapCheck(
      props,
      () => [...(round.data.value?.proposals.values() ?? [])],
      () => env.now().toISOString().slice(0, 10),
    );

    // For every reader, logged in or not: a proposal showing a status the bot has not accepted
    // yet is checked against the page's history, and one changed by someone outside the
    // working group is marked. Nothing is read when nothing is pending.
    const unverified = useLoad(
      () => loadUnverified(props.client, props.root, props.month, props.botName),
      { immediate: false },
    );
    onMounted(() => {
      if (props.slots.some((slot) => isPending(slot.element))) void unverified.reload();
    });
    const marks = () =>
      props.slots
        .filter((slot) => unverified.data.value?.has(slot.id))
        .map((slot) => (
          <Teleport to={slot.tools} key={`unverified-${slot.id}`}>
            <CdxMessage type="warning" inline class="letsconnect-proposal-unverified">
              {{ default: () => t('letsconnect-review-unverified') }}
            </CdxMessage>
          </Teleport>
        ));

    const mine = computed(() => {
      const s = round.data.value;
      const user = props.username;
      if (!s || user === null) return [];
      return [...s.proposals.values()].filter((p) => isParticipant(p, user) && isReportable(p));
    });

    /** Why `?letsconnect-outcome=` cannot open a form, or '' when it can (or is not given). */
    const openProblem = computed(() => {
      const id = props.openOutcome;
      const s = round.data.value;
      if (id === null || !s || props.username === null) return '';
      const p = s.proposals.get(id);
      if (!p) return t('letsconnect-outcome-not-found', id);
      if (!isParticipant(p, props.username)) return t('letsconnect-outcome-not-participant', id);
      if (!isReportable(p)) return t('letsconnect-outcome-not-approved', id);
      return '';
    });

    /**
     * For a reader who may not review (an administrator too, unless listed): who does, and how
     * to join, with links to the working-group page and its talk page.
     */
    const whoReviews = () => {
      const group = workingGroupPageTitle(props.root);
      return message('notice', () => [
        t('letsconnect-review-who'),
        ' ',
        <a href={env.url(group)}>{t('letsconnect-review-who-group')}</a>,
        ' · ',
        <a href={env.url(talkPageTitle(group))}>{t('letsconnect-review-who-join')}</a>,
      ]);
    };

    const notices = () => {
      const s = round.data.value;
      if (round.status.value === 'failed') {
        const text = t('letsconnect-review-load-failed', round.failure.value);
        return [<Notice notice={{ type: 'error', text }} />];
      }
      if (props.username === null) {
        if (props.openOutcome === null) return [];
        const back = {
          returnto: props.pageTitle,
          returntoquery: `letsconnect-outcome=${props.openOutcome}`,
        };
        const login = env.url('Special:UserLogin', back);
        return [
          <AccountPrompt {...back}>
            {{
              default: () =>
                message('notice', () => <a href={login}>{t('letsconnect-outcome-login')}</a>),
            }}
          </AccountPrompt>,
        ];
      }
      if (!s) return [];
      const backToQueue = () => (
        <CdxButton weight="quiet" {...{ type: 'button' }} onClick={() => (wantsQueue.value = true)}>
          {{ default: () => t('letsconnect-queue-queue-view') }}
        </CdxButton>
      );
      return [
        !s.isMember
          ? whoReviews()
          : inQueue.value
            ? message('notice', () => t('letsconnect-queue-intro'))
            : message('notice', () => [t('letsconnect-review-intro'), ' ', backToQueue()]),
        mine.value.length > 0
          ? message('notice', () => t('letsconnect-outcome-intro', String(mine.value.length)))
          : null,
        openProblem.value === '' ? null : message('warning', () => openProblem.value),
      ];
    };

    const tools = (slot: ProposalSlot, s: RoundState, user: string) => {
      const p = s.proposals.get(slot.id);
      if (!p) return null;
      const reviewing =
        s.isMember && !inQueue.value && (isReviewable(p) || touched.value.has(p.id));
      const reporting = isParticipant(p, user) && isReportable(p);
      if (!reviewing && !reporting) return null;
      return (
        <Teleport to={slot.tools} key={slot.id}>
          <div
            class="letsconnect-proposal-tools__inner"
            role="group"
            aria-label={t('letsconnect-review-group-label', p.id)}
          >
            {reviewing ? (
              <ReviewControls
                proposal={p}
                closed={!isReviewable(p)}
                review={(action: ReviewAction, comment: string) => review(p, action, comment)}
                check={swapCheck.value}
              />
            ) : null}
            {reporting ? (
              <OutcomePanel
                proposal={p}
                username={user}
                existing={findOutcome(s.outcomes.text, p.id)}
                pageTitle={s.outcomes.title}
                startOpen={props.openOutcome === p.id}
                report={report}
              />
            ) : null}
          </div>
        </Teleport>
      );
    };

    return () => {
      const s = round.data.value;
      const user = props.username;
      return [
        ...notices(),
        s && inQueue.value ? (
          <ReviewQueue
            proposals={s.proposals}
            check={swapCheck.value}
            review={review}
            reviewMany={reviewMany}
            touched={touched.value}
            unverified={unverified.data.value ?? new Set<string>()}
            onShowPage={() => (wantsQueue.value = false)}
          />
        ) : null,
        ...marks(),
        ...(s && user !== null ? props.slots.map((slot) => tools(slot, s, user)) : []),
      ];
    };
  },
});
