import {
  shardEntries,
  SCHEMA_VERSION,
  type DirectoryEntry,
  type DirectoryIndex,
  type DirectoryShard,
  type DirectoryState,
  type StoredProblem,
} from '../../shared/documents/documents';
import { evaluateProfile } from '../../shared/curation/evaluate-profile';
import {
  directoryIndexTitle,
  directoryPageTitle,
  directoryShardTitle,
  directoryStateTitle,
  maintenancePageTitle,
  profilePageTitle,
  topicsPageTitle,
  usernameFromProfileTitle,
  workingGroupPageTitle,
} from '../../shared/pages';
import { problem, type Problem } from '../../shared/problems';
import { parseRecords } from '../../shared/records/codec';
import { topicCodec } from '../../shared/records/topic';
import { renderDirectoryPage } from '../../shared/reports/directory-page';
import { renderMaintenancePage, type MaintenanceRow } from '../../shared/reports/maintenance-page';
import { mergeTaxonomy, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import { botMessages } from '../i18n';
import type { RunContext, TaskReport } from '../run-context';
import { documentOn, documentText } from './documents-io';
import { scanPages } from './scan';
import { newestTrustedRevision, resolveWorkingGroup, type WorkingGroup } from './trust';

/**
 * MediaWiki pretty-prints saved JSON to about 2.3 times its compact size; shards of 750 kB
 * compact stay well below the 2 MiB page limit once pretty-printed.
 */
const SHARD_BYTES = 750_000;
/** Pages read per batch: the API's content limit with high limits (the client splits further without). */
const READ_BATCH = 500;

interface PageResult {
  title: string;
  lastrevid: number;
  entry: DirectoryEntry | null;
  problems: StoredProblem[];
}

const problemKey = (p: { field: string; key: string; params: readonly unknown[] }) =>
  `${p.field}|${p.key}|${JSON.stringify(p.params)}`;

/** Problems with the date each was first seen, carried over from the last run. */
function withSince(
  problems: readonly Problem[],
  before: readonly StoredProblem[] | undefined,
  today: string,
): StoredProblem[] {
  const since = new Map((before ?? []).map((p) => [problemKey(p), p.since]));
  return problems.map((p) => ({
    field: p.field,
    key: p.key,
    params: [...p.params],
    severity: p.severity,
    since: since.get(problemKey(p)) ?? today,
  }));
}

function pageProblems(
  title: string,
  problems: readonly Problem[],
  before: Map<string, { problems: StoredProblem[] }>,
  today: string,
): PageResult {
  return {
    title,
    lastrevid: 0,
    entry: null,
    problems: withSince(problems, before.get(title)?.problems, today),
  };
}

async function readTaxonomy(
  ctx: RunContext,
  wg: WorkingGroup,
): Promise<{ taxonomy: Taxonomy; revid: number; problems: Problem[] }> {
  const title = topicsPageTitle(ctx.config.root);
  const trusted = await newestTrustedRevision(
    ctx.client,
    title,
    (u) => wg.members.has(u) || u === ctx.config.botName,
  );
  if (!trusted?.content) return { ...mergeTaxonomy([]), revid: 0 };
  const merged = mergeTaxonomy(parseRecords(topicCodec, trusted.content).map((r) => r.record));
  return { ...merged, revid: trusted.revid };
}

/**
 * The directory task: every profile page under R/Participants/, the newest revision by its
 * owner (or the working group) of each, validated; the listed ones written as sharded JSON
 * with an index, R/Directory for readers without JavaScript, R/Maintenance for the working
 * group. Incremental: only pages whose latest revision changed since the last run are read;
 * with nothing changed it makes no edit.
 */
export async function runDirectory(ctx: RunContext): Promise<TaskReport> {
  const { client, config, log } = ctx;
  const { root, botName } = config;
  const today = ctx.now.toISOString().slice(0, 10);
  const editsBefore = client.stats.edits;

  const stored = await client.readPages([
    directoryStateTitle(botName),
    directoryIndexTitle(botName),
  ]);
  const state = documentOn(
    stored.find((p) => p.title === directoryStateTitle(botName)),
    'directory-state',
  );
  const index = documentOn(
    stored.find((p) => p.title === directoryIndexTitle(botName)),
    'directory-index',
  );

  const wg = await resolveWorkingGroup(client, workingGroupPageTitle(root));
  const { taxonomy, revid: topicsRevid, problems: topicProblems } = await readTaxonomy(ctx, wg);
  const full =
    !state ||
    state.root !== root ||
    state.workingGroupRevid !== wg.revid ||
    state.topicsRevid !== topicsRevid ||
    !index;
  log.info(
    full
      ? 'Reading every profile (first run, or the working group or topics changed)'
      : 'Reading profiles changed since the last run',
  );

  const pages = await scanPages(client, profilePageTitle(root, ''));
  const before = new Map((state?.pages ?? []).map((p) => [p.title, p]));
  const changed = pages.filter((p) => full || before.get(p.title)?.lastrevid !== p.lastrevid);

  // Entries of unchanged pages come from the current shards: read them only when needed.
  const previousEntries = new Map<string, DirectoryEntry>();
  if (!full && changed.length < pages.length && index) {
    const shards = await client.readPages(index.shards.map((s) => s.title));
    for (const shard of shards) {
      for (const e of documentOn(shard, 'directory-shard')?.entries ?? [])
        previousEntries.set(e.username, e);
    }
  }

  const trustedEditor = (owner: string) => (user: string) => user === owner || wg.members.has(user);
  const results = new Map<string, PageResult>();
  let read = 0;
  for (let i = 0; i < changed.length; i += READ_BATCH) {
    const batch = changed.slice(i, i + READ_BATCH);
    for (const page of await client.readPages(batch.map((p) => p.title))) {
      const owner = usernameFromProfileTitle(root, page.title) ?? '';
      let source = {
        title: page.title,
        revid: page.revid ?? null,
        content: page.content ?? null,
      } as Parameters<typeof evaluateProfile>[0];
      // A hidden author (revision deleted) is nobody we can trust: look further back.
      if (page.exists && !trustedEditor(owner)(page.user ?? '')) {
        const trusted = await newestTrustedRevision(client, page.title, trustedEditor(owner));
        source = {
          title: page.title,
          revid: trusted?.revid ?? null,
          content: trusted?.content ?? null,
          passedOverEditor: page.user ?? '(hidden)',
        };
      }
      const evaluation = evaluateProfile(source, root, taxonomy);
      results.set(page.title, {
        title: page.title,
        lastrevid: page.revid ?? 0,
        entry: evaluation.entry,
        problems: withSince(evaluation.problems, before.get(page.title)?.problems, today),
      });
    }
    read += batch.length;
    log.progress('Reading profiles', read, changed.length);
  }
  for (const page of pages) {
    if (results.has(page.title)) continue;
    const old = before.get(page.title)!;
    const owner = usernameFromProfileTitle(root, page.title) ?? '';
    results.set(page.title, {
      title: page.title,
      lastrevid: old.lastrevid,
      entry: previousEntries.get(owner) ?? null,
      problems: old.problems,
    });
  }

  // Problems of the working-group and topics pages are kept like a profile's, with their dates.
  const programPages: PageResult[] = [
    pageProblems(topicsPageTitle(root), topicProblems, before, today),
    pageProblems(
      workingGroupPageTitle(root),
      wg.untrustedEditors.length > 0
        ? [
            problem(
              '',
              'letsconnect-problem-untrusted-page',
              [wg.untrustedEditors.join(', ')],
              'warning',
            ),
          ]
        : [],
      before,
      today,
    ),
  ];
  // In page order, whatever order the API answered in, so an unchanged run writes the same state.
  const all = pages.flatMap((p) => results.get(p.title) ?? []);
  const entries = all
    .flatMap((r) => (r.entry ? [r.entry] : []))
    .sort((a, b) => (a.username < b.username ? -1 : 1));
  await writeOutputs(ctx, {
    entries,
    all: [...all, ...programPages],
    taxonomy,
    wg,
    topicsRevid,
    previousShardCount: index?.shards.length ?? 0,
  });

  const problemCount = [...all, ...programPages].reduce((n, r) => n + r.problems.length, 0);
  log.info('Directory written', {
    listed: entries.length,
    profiles: pages.length,
    read: changed.length,
  });
  return {
    task: 'directory',
    pagesRead: changed.length,
    problems: problemCount,
    edits: client.stats.edits - editsBefore,
    notes: [
      `${entries.length} of ${pages.length} profiles listed; ${changed.length} read this run`,
    ],
  };
}

interface Outputs {
  entries: DirectoryEntry[];
  all: PageResult[];
  taxonomy: Taxonomy;
  wg: WorkingGroup;
  topicsRevid: number;
  previousShardCount: number;
}

async function writeOutputs(ctx: RunContext, out: Outputs): Promise<void> {
  const { editor, config, t } = ctx;
  const { root, botName } = config;
  const generated = ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const summary = t('letsconnect-bot-summary-directory');
  const shards = shardEntries(out.entries, SHARD_BYTES);
  // Shards past the new count are emptied, never left behind holding someone who withdrew.
  const shardCount = Math.max(shards.length, out.previousShardCount);
  for (let n = 0; n < shardCount; n++) {
    const doc: DirectoryShard = {
      schemaVersion: SCHEMA_VERSION,
      kind: 'directory-shard',
      generated,
      shard: n,
      entries: shards[n] ?? [],
    };
    await editor.edit(
      directoryShardTitle(botName, n),
      (current) => documentText(doc, current),
      summary,
    );
  }
  const indexDoc: DirectoryIndex = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'directory-index',
    generated,
    root,
    total: out.entries.length,
    shards: shards.map((s, n) => ({
      title: directoryShardTitle(botName, n),
      count: s.length,
      first: s[0]?.username ?? '',
      last: s[s.length - 1]?.username ?? '',
    })),
    topics: [...out.taxonomy.topics.values()],
  };
  await editor.edit(
    directoryIndexTitle(botName),
    (current) => documentText(indexDoc, current),
    summary,
  );

  const { lookup } = botMessages('en');
  await editor.edit(
    directoryPageTitle(root),
    () =>
      renderDirectoryPage(out.entries, {
        taxonomy: out.taxonomy,
        messages: lookup,
        t,
        gadgetPlaceholder: true,
      }),
    summary,
  );
  await editor.edit(
    maintenancePageTitle(root),
    () => renderMaintenancePage(maintenanceRows(ctx, out), t),
    summary,
  );

  const stateDoc: DirectoryState = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'directory-state',
    generated,
    root,
    workingGroupRevid: out.wg.revid,
    topicsRevid: out.topicsRevid,
    pages: out.all.map((r) => ({ title: r.title, lastrevid: r.lastrevid, problems: r.problems })),
  };
  await editor.edit(
    directoryStateTitle(botName),
    (current) => documentText(stateDoc, current),
    summary,
  );
}

/**
 * Rows for R/Maintenance. People who withdrew or did not agree to be listed are counted by
 * the intro but never named: consent gates publication, and withdrawing removes a person from
 * every bot output.
 */
function maintenanceRows(ctx: RunContext, out: Outputs): MaintenanceRow[] {
  const { t } = ctx;
  const rows: MaintenanceRow[] = [];
  const silent = new Set(['letsconnect-problem-withdrawn', 'letsconnect-problem-not-listed']);
  for (const r of out.all) {
    if (r.problems.some((p) => silent.has(p.key))) continue;
    for (const p of r.problems)
      rows.push({
        page: r.title,
        problem: t(p.key, ...p.params),
        since: p.since,
        severity: p.severity,
      });
  }
  return rows;
}
