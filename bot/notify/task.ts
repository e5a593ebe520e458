/**
 * The notify task: introductions for approved proposals, reminders to record an outcome, and
 * pauses after unanswered introductions; then the outcome counts and the `notified` statuses
 * on the round pages.
 *
 * No one is messaged twice: every message is a new section carrying a hidden marker with its
 * key, and the edit that adds it first looks for that marker in the talk page it is about to
 * change (and saves against that revision). A crash between the message and the round's
 * document is healed by the next run, which finds the marker and records the message as sent.
 */
import type {
  DirectoryEntry,
  Ledger,
  MatchHistory,
  SentMessage,
} from '../../shared/documents/documents';
import {
  heldBackRows,
  introducedProposals,
  planNotifications,
} from '../../shared/connections/notify-plan';
import { topicCategories } from '../../shared/matching/people';
import type { PlannedMessage } from '../../shared/connections/notify-plan';
import { SCHEMA_VERSION } from '../../shared/documents/documents';
import { ledgerTitle, maintenancePageTitle, workingGroupPageTitle } from '../../shared/pages';
import type { Taxonomy } from '../../shared/taxonomy/taxonomy';
import {
  generatedStamp,
  monthOf,
  watchedRounds,
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
import { runRequests } from '../connections/requests';
import { heldRows, maintenancePageText } from '../directory/maintenance';
import { readState } from '../directory/state';
import { resolveWorkingGroup } from '../directory/trust';
import { reasonsText, speaker } from '../match/reasons';
import { renderRoundPage } from '../match/round-page';
import type { RunContext, TaskReport } from '../run-context';
import { documentText } from '../wiki/documents-io';
import { messagesNotSent, sendOrNoteFailure } from '../wiki/message-failures';
import { bridgedProposals } from '../match/interpretation-flag';
import { appendSection, marker, renderMessage, renderPausedMessage } from './messages';
import { countOutcomes, readOutcomes } from './outcomes';

const userTalk = (user: string) => `User talk:${user}`;

export async function runNotify(ctx: RunContext): Promise<TaskReport> {
  const { client, config, log } = ctx;
  const editsBefore = client.stats.edits;
  const wg = await resolveWorkingGroup(client, workingGroupPageTitle(config.root));
  const directory = await readDirectory(ctx);
  if (!directory) return NO_DIRECTORY_REPORT('notify');
  const { entries, taxonomy } = directory;
  const people = new Map<string, DirectoryEntry>(entries.map((e) => [e.username, e]));
  const month = monthOf(ctx.now);
  const months = await watchedRounds(ctx);
  const docs = await readRoundDocuments(ctx, months);
  const en = speaker('en', taxonomy);
  /** A review since the last run may have swapped someone: say why the new pair fits. */
  const sync = async (doc: MatchHistory) => {
    await syncRound(ctx, doc, wg);
    explainSwapped(doc, entries, taxonomy, historyPairs(docs.values()), (r) => reasonsText(en, r));
  };
  for (const doc of docs.values()) await sync(doc);
  // Connections people made themselves join this month's round, to be confirmed below.
  const requests = await runRequests(ctx, docs, month, directory);
  if (docs.has(month) && !months.includes(month)) months.push(month);
  const outcomes = await readOutcomes(ctx, months);
  const paused = await readPaused(ctx);

  const plan = planNotifications({
    now: ctx.now,
    rounds: [...docs.values()],
    people,
    paused,
    outcomes,
    categories: topicCategories(taxonomy),
  });
  const today = ctx.now.toISOString().slice(0, 10);
  for (const h of plan.held) log.warn('Approved but held back', h);

  const sentNow = new Map<string, SentMessage[]>();
  const at = generatedStamp(ctx);
  let sent = 0;
  let excluded = 0;
  const send = async (message: PlannedMessage) => {
    const doc = docs.get(message.round)!;
    const rendered = renderMessage(message, {
      root: config.root,
      now: ctx.now,
      people,
      taxonomy,
      interpretation: bridgedProposals(doc).find((b) => b.id === message.proposal.id) ?? null,
    });
    const outcome = await ctx.editor.edit(
      userTalk(message.user),
      (current) => appendSection(current, rendered, marker(message.key)),
      rendered.summary,
      { talkPage: true },
    );
    if (outcome.status === 'dry-run') return;
    const status = outcome.status === 'excluded' ? 'excluded' : 'sent';
    if (status === 'excluded') excluded++;
    else if (outcome.status === 'saved') sent++;
    const record: SentMessage = {
      key: message.key,
      kind: message.kind,
      proposal: message.proposal.id,
      user: message.user,
      at,
      status,
    };
    doc.messages.push(record);
    sentNow.set(message.round, [...(sentNow.get(message.round) ?? []), record]);
  };
  // One talk page that cannot be written (protected, say) must not keep everyone else waiting:
  // the rest are sent and recorded, and the run ends with an error naming the failures.
  const failed: string[] = [...requests.failed];
  for (let i = 0; i < plan.messages.length; i++) {
    const message = plan.messages[i]!;
    await sendOrNoteFailure(message.key, () => send(message), failed, log);
    log.progress('Messages', i + 1, plan.messages.length);
  }

  await updatePaused(ctx, paused, plan, { people, taxonomy });

  // The round pages: notified statuses, outcome counts. A reviewer saving meanwhile makes the
  // page stale: read it again, keep this run's messages, and recompute.
  for (const m of months) {
    let attempt = 0;
    await withFreshRound(async () => {
      if (attempt++ > 0) {
        const doc = (await readRoundDocuments(ctx, [m])).get(m)!;
        await sync(doc);
        const known = new Set(doc.messages.map((x) => x.key));
        doc.messages.push(...(sentNow.get(m) ?? []).filter((x) => !known.has(x.key)));
        docs.set(m, doc);
      }
      const doc = docs.get(m)!;
      doc.held = heldBackRows(doc.held, plan.held, m, today);
      const introduced = new Set(introducedProposals(doc));
      doc.proposals = doc.proposals.map((p) =>
        introduced.has(p.id) ? { ...p, status: 'notified' } : p,
      );
      doc.outcomes = countOutcomes(doc, outcomes);
      await saveRound(
        ctx,
        doc,
        renderRoundPage(en, doc, config.root, people),
        ctx.t('letsconnect-bot-summary-notify', m, introduced.size),
      );
    });
  }
  await writeMaintenance(ctx, [...docs.values()]);
  const heldProposals = new Set(plan.held.map((h) => `${h.round}:${h.proposal}`)).size;
  if (failed.length > 0) throw messagesNotSent('message(s)', failed);
  return {
    task: 'notify',
    pagesRead: months.length,
    problems: heldProposals,
    edits: client.stats.edits - editsBefore,
    notes: [
      `requests to connect: ${requests.plan.records.length} in all, ${requests.plan.accepted.length} accepted now, ${requests.sent} message(s) sent, ${requests.plan.forged.length} not counted (written by someone else)`,
      `${sent} message(s) sent, ${excluded} refused by {{bots}}/{{nobots}}, ${heldProposals} approved connection(s) held back (listed on the round page and R/Maintenance); ${plan.pause.length} paused, ${plan.resume.length} resumed`,
    ],
  };
}

/**
 * R/Maintenance with the held-back connections as of this run, the profiles' problems as the
 * directory task last remembered them (nothing to add to before the directory's first run).
 */
async function writeMaintenance(ctx: RunContext, rounds: MatchHistory[]): Promise<void> {
  const state = await readState(ctx.client, ctx.config.botName);
  if (!state) return;
  const text = maintenancePageText(ctx, state.pages, heldRows(ctx, rounds));
  await ctx.editor.edit(
    maintenancePageTitle(ctx.config.root),
    () => text,
    ctx.t('letsconnect-bot-summary-directory'),
  );
}

async function updatePaused(
  ctx: RunContext,
  paused: Map<string, string>,
  { pause, resume }: { pause: readonly string[]; resume: readonly string[] },
  { people, taxonomy }: { people: ReadonlyMap<string, DirectoryEntry>; taxonomy: Taxonomy },
): Promise<void> {
  if (pause.length === 0 && resume.length === 0) return;
  const today = ctx.now.toISOString().slice(0, 10);
  for (const user of pause) {
    const rendered = renderPausedMessage(user, today, {
      root: ctx.config.root,
      now: ctx.now,
      people,
      taxonomy,
    });
    await ctx.editor.edit(
      userTalk(user),
      (current) => appendSection(current, rendered, marker(rendered.key)),
      rendered.summary,
      { talkPage: true },
    );
    paused.set(user, today);
  }
  for (const user of resume) paused.delete(user);
  const doc: Ledger = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'ledger',
    generated: generatedStamp(ctx),
    paused: [...paused].map(([user, since]) => ({ user, since })),
  };
  await ctx.editor.edit(
    ledgerTitle(ctx.config.botName),
    (current) => documentText(doc, current),
    ctx.t('letsconnect-bot-summary-paused', pause.length, resume.length),
  );
}
