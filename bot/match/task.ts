/**
 * The match task: this month's round. It brings the round up to date with the working
 * group's reviews, runs the exact matching engine for everyone not already in a live proposal
 * (a sharer's connections this month count against their monthly number: shared/matching/
 * month.ts), with the round's interpretation languages if any, appends the new proposals
 * with the next ids, and rewrites `R/Connections/<YYYY-MM>` and its document. A re-run never
 * duplicates a proposal nor touches a reviewed one; with nothing new it makes no edit.
 */
import { entryTopics, type MatchHistory } from '../../shared/documents/documents';
import { matchConfig, matchRound } from '../../shared/matching';
import { commitmentsThisMonth, LIVE_STATUSES } from '../../shared/matching/month';
import type { MatchPerson, MatchProposal } from '../../shared/matching/types';
import { workingGroupPageTitle } from '../../shared/pages';
import type { Proposal } from '../../shared/records/proposal';
import {
  listRounds,
  monthOf,
  NO_DIRECTORY_REPORT,
  readDirectory,
  readPaused,
  readRoundDocuments,
  saveRound,
  syncRound,
  withFreshRound,
  explainSwapped,
  historyPairs,
} from '../connections/rounds';
import { applyReplies } from '../../shared/connections/replies';
import { readRequestPages } from '../connections/requests';
import { resolveWorkingGroup } from '../directory/trust';
import type { RunContext, TaskReport } from '../run-context';
import { reasonsText, speaker } from './reasons';
import { renderRoundPage } from './round-page';

function nextIds(month: string, existing: readonly Proposal[], count: number): string[] {
  const used = existing
    .map((p) => (p.id.startsWith(`${month}-`) ? Number(p.id.slice(month.length + 1)) : 0))
    .filter(Number.isFinite);
  const start = Math.max(0, ...used) + 1;
  return Array.from({ length: count }, (_, i) => `${month}-${String(start + i).padStart(3, '0')}`);
}

function toProposal(id: string, m: MatchProposal, reason: string): Proposal {
  return {
    id,
    learners: m.learners,
    sharer: m.sharer,
    topic: m.topic,
    format: m.format,
    // A pair bridged by interpretation has no common language: its two languages instead.
    languages: m.interpretation
      ? [m.interpretation.learner, m.interpretation.sharer]
      : [m.language, ...m.languages.filter((l) => l !== m.language)],
    // The engine's points (about 400 at most with the default weights) on the template's 0–100.
    score: Math.max(0, Math.min(100, Math.round(m.score / 4))),
    reason,
    status: 'proposed',
    reviewer: '',
    reviewed: '',
    note: '',
  };
}

export interface MatchTaskOptions {
  /** Print the round as JSON on stdout (with --dry-run: what would be proposed). */
  json?: boolean;
}

export async function runMatch(
  ctx: RunContext,
  options: MatchTaskOptions = {},
): Promise<TaskReport> {
  const { client, config, log } = ctx;
  const editsBefore = client.stats.edits;
  const month = monthOf(ctx.now);
  const wg = await resolveWorkingGroup(client, workingGroupPageTitle(config.root));
  const directory = await readDirectory(ctx);
  if (!directory) return NO_DIRECTORY_REPORT('match');
  const { taxonomy } = directory;
  /** Round pages are in the wiki's language (English on Meta). */
  const page = speaker('en', taxonomy);
  const paused = await readPaused(ctx);
  // People's say in proposals they were introduced to (their own requests pages).
  const requestPages = await readRequestPages(ctx);
  const months = [...new Set([...(await listRounds(ctx)), month])].sort();
  const past = await readRoundDocuments(
    ctx,
    months.filter((m) => m < month),
  );

  let added = 0;
  const doc = await withFreshRound(async () => {
    const current = (await readRoundDocuments(ctx, [month])).get(month)!;
    await syncRound(ctx, current, wg);
    const replies = applyReplies(
      current.proposals,
      requestPages,
      ctx.now.toISOString().slice(0, 16) + 'Z',
    );
    current.proposals = replies.proposals;
    if (replies.changed.length > 0)
      log.info('Participants said no to proposals', { proposals: replies.changed });
    const history = historyPairs([...past.values(), current]);
    explainSwapped(current, directory.entries, taxonomy, history, (r) => reasonsText(page, r));
    const live = current.proposals.filter((p) => LIVE_STATUSES.includes(p.status));
    const matched = new Set(live.flatMap((p) => p.learners));
    // This round's live proposals and connections (self-made ones included), and earlier
    // rounds' approved this month: each takes one of its sharer's connections-a-month.
    const commitments = commitmentsThisMonth(month, [...past.values(), current]);
    const people: MatchPerson[] = directory.entries
      .filter((e) => !paused.has(e.username) && !replies.away.has(e.username))
      .map((e) => ({
        ...e,
        // Topics brought from the Capacity Exchange count as the person's own here.
        share: entryTopics(e, 'share'),
        learn: matched.has(e.username) ? [] : entryTopics(e, 'learn'),
      }));
    const result = matchRound(
      {
        round: month,
        people,
        history,
        commitments,
      },
      { taxonomy, config: matchConfig({ interpretation: config.interpretation }) },
    );
    const ids = nextIds(month, current.proposals, result.proposals.length);
    result.proposals.forEach((m, i) => {
      const id = ids[i]!;
      current.proposals.push(toProposal(id, m, reasonsText(page, m.reasons)));
      current.reasons[id] = m.reasons;
    });
    added = result.proposals.length;
    current.unmatched = result.unmatched;
    current.unmetDemand = result.unmetDemand;
    log.info('Round matched', {
      round: month,
      new: added,
      live: live.length,
      heldThisMonth: result.stats.committed,
      unmatched: result.unmatched.length,
    });
    if (options.json) process.stdout.write(`${JSON.stringify(roundJson(current), null, 2)}\n`);
    await saveRound(
      ctx,
      current,
      renderRoundPage(
        page,
        current,
        config.root,
        new Map(directory.entries.map((e) => [e.username, e])),
      ),
      ctx.t('letsconnect-bot-summary-match', month, added),
    );
    return current;
  });

  return {
    task: 'match',
    pagesRead: directory.entries.length,
    problems: doc.rejected.length,
    edits: client.stats.edits - editsBefore,
    notes: [
      `round ${month}: ${added} new proposal(s), ${doc.proposals.length} in all, ${doc.unmatched.length} learner(s) not matched`,
    ],
  };
}

/** What `match --format json` prints: the round's proposals with their reasons in data. */
function roundJson(doc: MatchHistory) {
  return {
    round: doc.round,
    proposals: doc.proposals.map((p) => ({ ...p, reasons: doc.reasons[p.id] ?? [] })),
    unmatched: doc.unmatched,
    unmetDemand: doc.unmetDemand,
  };
}
