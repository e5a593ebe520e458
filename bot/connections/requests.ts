/**
 * Connections people make themselves, on the bot's side (the notify task runs it before its
 * introductions): read every `R/Requests/<User>` page as its owner last wrote it, decide each
 * request's state (shared/connections/requests.ts), tell the person asked and, on a decline or
 * expiry, the asker (each message once, {{bots}}/{{nobots}} honoured by the safe editor), and
 * record each accepted request as a self-made connection in the round of the month it was
 * accepted, where it lives the life of any connection (introduction, follow-ups, outcome,
 * pause). Then `User:<bot>/Requests.json` and the working group's page `R/Requests`.
 *
 * Kill-safe: messages carry markers, and an accepted request's connection is found by its
 * request key in the round before a new id is given, so a re-run adds nothing twice.
 */
import {
  planRequests,
  requestRoles,
  type RequestMessage,
  type RequestRecord,
  type RequestsPage,
  type RequestsPlan,
} from '../../shared/connections/requests';
import { requestsPageFrom } from '../../shared/connections/requests-page';
import {
  SCHEMA_VERSION,
  type DirectoryEntry,
  type MatchHistory,
  type RequestsDocument,
} from '../../shared/documents/documents';
import {
  requestsDataTitle,
  requestsPageTitle,
  usernameFromRequestsTitle,
} from '../../shared/pages';
import type { Proposal } from '../../shared/records/proposal';
import type { Taxonomy } from '../../shared/taxonomy/taxonomy';
import { levelOf } from '../../shared/matching/people';
import { scanPages } from '../directory/scan';
import { namedTrust, newestTrustedRevision } from '../directory/trust';
import type { RunContext } from '../run-context';
import { documentOn, documentText } from '../wiki/documents-io';
import { sendOrNoteFailure } from '../wiki/message-failures';
import type { Logger } from '../log';
import {
  appendSection,
  marker,
  renderRequestMessage,
  type RenderedMessage,
} from '../notify/messages';
import type { SafeEditor } from '../wiki/safe-edit';
import { emptyRound, generatedStamp } from './rounds';
import { renderRequestsPage } from './requests-page';

/**
 * Every requests page, as its owner last wrote it; what others added is listed as forged. A
 * temporary account's page counts for nothing.
 */
export async function readRequestPages(ctx: RunContext): Promise<RequestsPage[]> {
  const { client, config } = ctx;
  const named = await namedTrust(client, () => true);
  const titles = (await scanPages(client, requestsPageTitle(config.root, ''))).map((p) => p.title);
  const out: RequestsPage[] = [];
  for (let i = 0; i < titles.length; i += 50) {
    for (const page of await client.readPages(titles.slice(i, i + 50))) {
      const owner = usernameFromRequestsTitle(config.root, page.title);
      if (!owner || !page.exists || !named(owner)) continue;
      const current = { text: page.content ?? '', user: page.user ?? '', revid: page.revid ?? 0 };
      const own =
        current.user === owner
          ? current.text
          : ((await newestTrustedRevision(client, page.title, (u) => u === owner))?.content ?? '');
      out.push(requestsPageFrom(owner, current, own));
    }
  }
  return out;
}

/** The languages two people have in common, the best-spoken first. */
function commonLanguages(a: DirectoryEntry | undefined, b: DirectoryEntry | undefined): string[] {
  if (!a || !b) return [];
  const theirs = new Map(b.languages.map((l) => [l.code, levelOf(l.level)]));
  return a.languages
    .filter((l) => theirs.has(l.code))
    .sort(
      (x, y) =>
        Math.min(levelOf(y.level), theirs.get(y.code)!) -
        Math.min(levelOf(x.level), theirs.get(x.code)!),
    )
    .map((l) => l.code);
}

/** The next self-made id in a round: `<YYYY-MM>-s001`, `-s002`… (the matcher's are numbers). */
function nextSelfMadeId(doc: MatchHistory): string {
  const prefix = `${doc.round}-s`;
  const used = doc.proposals
    .filter((p) => p.id.startsWith(prefix))
    .map((p) => Number(p.id.slice(prefix.length)))
    .filter(Number.isFinite);
  return `${prefix}${String(Math.max(0, ...used) + 1).padStart(3, '0')}`;
}

/**
 * The self-made connection of an accepted request in `doc`: found by its request key (a re-run
 * after a kill), else added. Returns its id.
 */
export function recordConnection(
  doc: MatchHistory,
  r: RequestRecord,
  people: ReadonlyMap<string, DirectoryEntry>,
  acceptedAt: string,
): string {
  const existing = doc.proposals.find((p) => p.origin === 'self-made' && p.request === r.key);
  if (existing) return existing.id;
  const { learner, sharer } = requestRoles(r);
  const proposal: Proposal = {
    id: nextSelfMadeId(doc),
    learners: [learner],
    sharer,
    topic: r.topic,
    format: r.format,
    languages: commonLanguages(people.get(learner), people.get(sharer)),
    score: null,
    reason: '',
    // Both people said yes on their own pages: no review, the notifier confirms it at once.
    status: 'approved',
    reviewer: r.to,
    reviewed: acceptedAt.slice(0, 16) + 'Z',
    note: '',
    origin: 'self-made',
    request: r.key,
  };
  doc.proposals.push(proposal);
  return proposal.id;
}

/**
 * Leaves each message on its person's talk page once (its marker), through the safe editor
 * ({{bots}}/{{nobots}}, temporary accounts, shutoff). One page that cannot be written does not
 * stop the others; the failures are returned.
 */
export async function sendRequestMessages(
  editor: Pick<SafeEditor, 'edit'>,
  messages: readonly RequestMessage[],
  render: (m: RequestMessage) => RenderedMessage,
  log: Pick<Logger, 'error'>,
): Promise<{ sent: number; excluded: number; failed: string[] }> {
  let sent = 0;
  let excluded = 0;
  const failed: string[] = [];
  for (const m of messages) {
    const rendered = render(m);
    const outcome = await sendOrNoteFailure(
      m.key,
      () =>
        editor.edit(
          `User talk:${m.user}`,
          (current) => appendSection(current, rendered, marker(m.key)),
          rendered.summary,
          { talkPage: true },
        ),
      failed,
      log,
    );
    if (outcome?.status === 'excluded') excluded++;
    else if (outcome?.status === 'saved') sent++;
  }
  return { sent, excluded, failed };
}

export interface RequestsRun {
  plan: RequestsPlan;
  sent: number;
  excluded: number;
  failed: string[];
  /** Replies to proposals, by their owners (for the match task's say-in-proposals). */
  pages: RequestsPage[];
}

/**
 * Runs the requests step. `rounds` are the notifier's round documents (this month's is added
 * when missing); accepted requests' connections go into this month's.
 */
export async function runRequests(
  ctx: RunContext,
  rounds: Map<string, MatchHistory>,
  month: string,
  directory: { entries: DirectoryEntry[]; taxonomy: Taxonomy },
): Promise<RequestsRun> {
  const { config, log } = ctx;
  const people = new Map(directory.entries.map((e) => [e.username, e]));
  const pages = await readRequestPages(ctx);
  const [stored] = await ctx.client.readPages([requestsDataTitle(config.botName)]);
  const previous = documentOn(stored, 'connection-requests');
  const plan = planRequests({ now: ctx.now, pages, people, previous: previous?.requests ?? [] });
  const at = generatedStamp(ctx);

  // Connections first (in memory): the round is saved by the notifier after its messages.
  let doc = rounds.get(month);
  for (const r of plan.records) {
    if (r.state !== 'accepted') continue;
    const round = r.connection?.round ?? month;
    let target = rounds.get(round);
    if (!target && round === month) {
      target = doc ?? emptyRound(month, at);
      rounds.set(month, target);
      doc = target;
    }
    // A connection in a round the notifier no longer watches is already recorded there.
    if (!target) continue;
    r.connection = { round, proposal: recordConnection(target, r, people, r.closed ?? at) };
  }

  const { sent, excluded, failed } = await sendRequestMessages(
    ctx.editor,
    plan.messages,
    (m) =>
      renderRequestMessage(m, {
        root: config.root,
        now: ctx.now,
        people,
        taxonomy: directory.taxonomy,
      }),
    log,
  );

  const next: RequestsDocument = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'connection-requests',
    generated: at,
    root: config.root,
    requests: plan.records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    forged: plan.forged,
    unusual: plan.unusual,
  };
  await ctx.editor.edit(
    requestsDataTitle(config.botName),
    (current) => documentText(next, current),
    ctx.t('letsconnect-bot-summary-requests-data'),
  );
  await ctx.editor.edit(
    requestsPageTitle(config.root, '').replace(/\/$/, ''),
    () => renderRequestsPage(next, config.root, directory.taxonomy),
    ctx.t('letsconnect-bot-summary-requests-page'),
  );
  log.info('Requests to connect', {
    requests: plan.records.length,
    accepted: plan.accepted.length,
    messages: sent,
    forged: plan.forged.length,
  });
  return { plan, sent, excluded, failed, pages };
}
