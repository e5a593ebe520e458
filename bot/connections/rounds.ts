/**
 * Rounds as the match and notify tasks share them: each round's memory document, brought up
 * to date with the round page's history (only working-group members' and the bot's changes
 * count), and the one way to write a round back (page first, then its document).
 */
import {
  entryTopics,
  SCHEMA_VERSION,
  type DirectoryEntry,
  type HistoryPair,
  type MatchHistory,
} from '../../shared/documents/documents';
import { explainPairing } from '../../shared/matching/explain';
import type { Proposal } from '../../shared/records/proposal';
import { replayRound } from '../../shared/connections/replay';
import {
  connectionsPageTitle,
  directoryIndexTitle,
  ledgerTitle,
  matchRoundTitle,
} from '../../shared/pages';
import type { MatchMessage } from '../../shared/matching/types';
import { defaultTaxonomy, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import type { RunContext } from '../run-context';
import { pageHistory, type WorkingGroup } from '../directory/trust';
import { documentOn, documentText } from '../wiki/documents-io';

/** The namespace of User: pages, where the bot's documents live. */
const USER_NAMESPACE = 2;

export const emptyRound = (month: string, generated: string): MatchHistory => ({
  schemaVersion: SCHEMA_VERSION,
  kind: 'match-history',
  generated,
  round: month,
  lastrevid: 0,
  proposals: [],
  reasons: {},
  unmatched: [],
  unmetDemand: [],
  rejected: [],
  messages: [],
  outcomes: { reported: 0, met: 0, scheduled: 0, notMet: 0, rated: 0, ratingSum: 0 },
});

export const generatedStamp = (ctx: RunContext): string =>
  ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const monthOf = (date: Date): string => date.toISOString().slice(0, 7);

/** `month` shifted by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Rounds the notifier looks at: this month's and the ones before (reminders, pauses). */
export const ROUNDS_WATCHED = 4;

/** The months of the rounds the notifier watches that have a document, oldest first. */
export async function watchedRounds(ctx: RunContext): Promise<string[]> {
  const month = monthOf(ctx.now);
  const oldest = addMonths(month, -(ROUNDS_WATCHED - 1));
  return (await listRounds(ctx)).filter((m) => m >= oldest && m <= month);
}

/** Every round the bot has a document for, oldest first. */
export async function listRounds(ctx: RunContext): Promise<string[]> {
  const titles = await ctx.client.listPages(USER_NAMESPACE, `${ctx.config.botName}/Connections/`);
  return titles
    .map((t) => /\/Connections\/(\d{4}-\d{2})\.json$/.exec(t)?.[1])
    .filter((m): m is string => m !== undefined)
    .sort();
}

/** The stored documents of `months` (a fresh one for a month without). */
export async function readRoundDocuments(
  ctx: RunContext,
  months: readonly string[],
): Promise<Map<string, MatchHistory>> {
  const pages = await ctx.client.readPages(
    months.map((m) => matchRoundTitle(ctx.config.botName, m)),
  );
  const out = new Map<string, MatchHistory>();
  months.forEach((month, i) => {
    out.set(month, documentOn(pages[i], 'match-history') ?? emptyRound(month, generatedStamp(ctx)));
  });
  return out;
}

/**
 * Brings `doc` up to date with its round page: replays the revisions made since the one it
 * was accepted up to. Returns the page's current revision (0: no page yet).
 */
export async function syncRound(
  ctx: RunContext,
  doc: MatchHistory,
  wg: WorkingGroup,
): Promise<number> {
  const title = connectionsPageTitle(ctx.config.root, doc.round);
  const [page] = await ctx.client.readPages([title]);
  if (!page?.exists) return 0;
  if (page.revid === doc.lastrevid) return doc.lastrevid;
  const history = await pageHistory(ctx.client, title, true, doc.lastrevid);
  const trusted = (user: string) => user === ctx.config.botName || wg.members.has(user);
  const { accepted, rejected } = replayRound(
    { lastrevid: doc.lastrevid, proposals: doc.proposals },
    history.map((r) => ({ ...r, content: r.content ?? '' })),
    trusted,
  );
  if (rejected.length > 0) {
    ctx.log.warn('Round page changes by people outside the working group were not accepted', {
      round: doc.round,
      changes: rejected.length,
    });
  }
  // A swap makes the engine's reasons describe people no longer in the proposal: they are
  // dropped here and said again for the new pair by explainSwapped.
  const peopleBefore = new Map(doc.proposals.map((p) => [p.id, peopleOf(p)]));
  doc.proposals = accepted.proposals.map((p) => {
    const before = peopleBefore.get(p.id);
    if (before === undefined || before === peopleOf(p)) return p;
    delete doc.reasons[p.id];
    return { ...p, reason: '' };
  });
  doc.lastrevid = accepted.lastrevid;
  doc.rejected.push(...rejected);
  return page.revid ?? 0;
}

const peopleOf = (p: Proposal): string => [p.sharer, ...p.learners].join('|');

/** Every round's proposals as the engine's history (who was paired, and how it went). */
export function historyPairs(docs: Iterable<MatchHistory>): HistoryPair[] {
  return [...docs].flatMap((d) =>
    d.proposals.map((p) => ({
      round: d.round,
      proposal: p.id,
      learners: p.learners,
      sharer: p.sharer,
      status: p.status || 'proposed',
    })),
  );
}

/**
 * Reasons for proposals whose people a working-group member swapped (syncRound left them
 * without): the engine's own, for the new pair, from the published directory. One whose
 * people are not all in the directory keeps none; the notifier holds it back anyway.
 */
export function explainSwapped(
  doc: MatchHistory,
  entries: readonly DirectoryEntry[],
  taxonomy: Taxonomy,
  history: readonly HistoryPair[],
  say: (reasons: MatchMessage[]) => string,
): void {
  // As matching sees people: with the topics some brought from the Capacity Exchange.
  const people = entries.map((e) => ({
    ...e,
    learn: entryTopics(e, 'learn'),
    share: entryTopics(e, 'share'),
  }));
  doc.proposals = doc.proposals.map((p) => {
    // A connection people made themselves has their reasons, not the engine's.
    if (p.origin === 'self-made' || p.reason !== '' || doc.reasons[p.id] !== undefined) return p;
    const reasons = explainPairing(p, people, doc.round, history, taxonomy);
    if (!reasons) return p;
    doc.reasons[p.id] = reasons;
    return { ...p, reason: say(reasons) };
  });
}

/** Someone edited the round page after it was read: read it again before writing. */
export class StaleRoundError extends Error {}

/**
 * Writes the round page (only if it is still at the revision `doc` was synced to, so no
 * review made in between is lost) and then the round's document.
 */
export async function saveRound(
  ctx: RunContext,
  doc: MatchHistory,
  pageText: string,
  summary: string,
): Promise<void> {
  const title = connectionsPageTitle(ctx.config.root, doc.round);
  const outcome = await ctx.editor.edit(
    title,
    (current) => {
      if ((current.exists ? (current.revid ?? 0) : 0) !== doc.lastrevid) {
        throw new StaleRoundError(`${title} changed while the bot was working on it`);
      }
      return pageText;
    },
    summary,
  );
  if (outcome.status === 'saved' && outcome.revid) doc.lastrevid = outcome.revid;
  await saveRoundDocument(ctx, doc);
}

export async function saveRoundDocument(ctx: RunContext, doc: MatchHistory): Promise<void> {
  doc.generated = generatedStamp(ctx);
  await ctx.editor.edit(
    matchRoundTitle(ctx.config.botName, doc.round),
    (current) => documentText(doc, current),
    ctx.t('letsconnect-bot-summary-round-data', doc.round),
  );
}

/** Retries `work` when the round page changed under it (a reviewer saving at that moment). */
export async function withFreshRound<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof StaleRoundError) || i >= attempts) throw err;
    }
  }
}

/**
 * The published directory and its taxonomy, as the directory task last wrote them: the match
 * and notify tasks work from it, so they see exactly the consented, owner-written profiles.
 * Null only in a dry run on a wiki without a directory yet.
 */
export async function readDirectory(
  ctx: RunContext,
): Promise<{ entries: DirectoryEntry[]; taxonomy: Taxonomy } | null> {
  const [indexPage] = await ctx.client.readPages([directoryIndexTitle(ctx.config.botName)]);
  const index = documentOn(indexPage, 'directory-index');
  if (!index) {
    // A dry run of `run` on a new wiki: the directory task wrote nothing, so there is nothing
    // to work from yet. Anywhere else it is the operator's mistake.
    if (ctx.config.dryRun) return null;
    throw new Error('There is no skills directory yet: run "letsconnect-bot directory" first.');
  }
  const shards = await ctx.client.readPages(index.shards.map((s) => s.title));
  return {
    entries: shards.flatMap((s) => documentOn(s, 'directory-shard')?.entries ?? []),
    taxonomy: {
      categories: defaultTaxonomy().categories,
      topics: new Map(index.topics.map((t) => [t.id, t])),
    },
  };
}

/** People paused after unanswered introductions, by name, with the date. */
export async function readPaused(ctx: RunContext): Promise<Map<string, string>> {
  const [page] = await ctx.client.readPages([ledgerTitle(ctx.config.botName)]);
  const ledger = documentOn(page, 'ledger');
  return new Map((ledger?.paused ?? []).map((p) => [p.user, p.since]));
}

/** What a task reports when a dry run finds no directory to work from. */
export const NO_DIRECTORY_REPORT = (task: string) => ({
  task,
  pagesRead: 0,
  problems: 0,
  edits: 0,
  notes: ['no skills directory yet (dry run): nothing to do'],
});
