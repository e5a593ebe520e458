import type { DirectoryEntry, StoredProblem } from '../../shared/documents/documents';
import { evaluateProfile, type ProfileSource } from '../../shared/curation/evaluate-profile';
import { isTemporaryAccount } from '../../shared/accounts';
import {
  directoryIndexTitle,
  parseClinicTitle,
  parseOutcomesTitle,
  profilePageTitle,
  topicsPageTitle,
  usernameFromProfileTitle,
  workingGroupPageTitle,
} from '../../shared/pages';
import { problem, type Problem } from '../../shared/problems';
import { profileEditCounts } from '../../shared/profile-trust';
import { parseRecords } from '../../shared/records/codec';
import { topicCodec } from '../../shared/records/topic';
import { mergeTaxonomy, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import type { RunContext, TaskReport } from '../run-context';
import { documentOn } from '../wiki/documents-io';
import { readRoundDocuments, watchedRounds } from '../connections/rounds';
import { heldRows, problemsNotNamed } from './maintenance';
import { writeOutputs, type PageResult } from './outputs';
import { scanPages } from './scan';
import { leaveProblemNotes } from './talk-notes';
import { readState } from './state';
import { addCapacityExchange } from './capacity-exchange';
import { blockedAccounts } from './blocks';
import { checkCommunityTranslations } from './translations';
import { newestTrustedRevision, resolveWorkingGroup, type WorkingGroup } from './trust';

const BLOCKED = 'letsconnect-problem-blocked';
const TEMPORARY = 'letsconnect-problem-temporary-account';

/**
 * A temporary account's own pages elsewhere under the root (clinic sign-ups and feedback,
 * connection outcomes): the other tasks leave them out; here they are listed with the reason.
 */
async function temporaryAccountPages(
  ctx: RunContext,
  patterns: readonly string[],
): Promise<Array<{ title: string; owner: string }>> {
  const { root } = ctx.config;
  const out: Array<{ title: string; owner: string }> = [];
  for (const prefix of [`${root}/Clinics/`, `${root}/Connections/`]) {
    for (const { title } of await scanPages(ctx.client, prefix)) {
      const clinic = parseClinicTitle(root, title);
      const owner =
        clinic && 'username' in clinic
          ? clinic.username
          : parseOutcomesTitle(root, title)?.username;
      if (owner !== undefined && isTemporaryAccount(owner, patterns)) out.push({ title, owner });
    }
  }
  return out;
}

/** Pages read per batch: the API's content limit with high limits (the client splits further without). */
const READ_BATCH = 500;

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

  const state = await readState(client, botName);
  const [indexPage] = await client.readPages([directoryIndexTitle(botName)]);
  const index = documentOn(indexPage, 'directory-index');

  const wg = await resolveWorkingGroup(client, workingGroupPageTitle(root));
  const blocked = await blockedAccounts(client);
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

  // Listing the profile pages and reading the changed ones: what the N/50 bound is about.
  const requestsBeforeReading = client.stats.requests;
  const pages = await scanPages(client, profilePageTitle(root, ''));
  const before = new Map((state?.pages ?? []).map((p) => [p.title, p]));
  // A block that began or ended since the last run changes who is listed: read those again.
  const wasBlocked = (title: string) =>
    (before.get(title)?.problems ?? []).some((p) => p.key === BLOCKED);
  let changed = pages.filter(
    (p) =>
      full ||
      before.get(p.title)?.lastrevid !== p.lastrevid ||
      wasBlocked(p.title) !== blocked.has(usernameFromProfileTitle(root, p.title) ?? ''),
  );

  // Entries of unchanged pages come from the current shards: read them only when needed.
  // Read in a full run too when it can be: what came from the Capacity Exchange is kept from
  // them when CapX has not changed or cannot be reached.
  const previousEntries = new Map<string, DirectoryEntry>();
  if (index && state?.root === root) {
    const shards = await client.readPages(index.shards.map((s) => s.title));
    for (const shard of shards) {
      for (const e of documentOn(shard, 'directory-shard')?.entries ?? [])
        previousEntries.set(e.username, e);
    }
  }
  if (!full && changed.length < pages.length && index) {
    // A listed profile missing from the shards (a shard lost or damaged) is read again, so
    // the directory heals instead of dropping someone until their next edit.
    const unchanged = new Set(pages.map((p) => p.title));
    for (const p of changed) unchanged.delete(p.title);
    const lost = pages.filter((p) => {
      if (!unchanged.has(p.title)) return false;
      const listed = !(before.get(p.title)?.problems ?? []).some((q) => q.severity === 'error');
      return listed && !previousEntries.has(usernameFromProfileTitle(root, p.title) ?? '');
    });
    if (lost.length > 0) {
      log.warn('Listed profiles missing from the directory shards: reading them again', {
        count: lost.length,
      });
      changed = [...changed, ...lost];
    }
  }

  const patterns = await client.temporaryAccountPatterns();
  // The rule the gadget's profile form uses too (shared/profile-trust.ts).
  const trustedEditor = (owner: string) =>
    profileEditCounts(owner, wg.members, (u) => isTemporaryAccount(u, patterns));
  const results = new Map<string, PageResult>();
  let read = 0;
  for (let i = 0; i < changed.length; i += READ_BATCH) {
    const batch = changed.slice(i, i + READ_BATCH);
    for (const page of await client.readPages(batch.map((p) => p.title))) {
      const owner = usernameFromProfileTitle(root, page.title) ?? '';
      // A temporary account owns no profile: left out, whatever the page says.
      if (isTemporaryAccount(owner, patterns)) {
        results.set(page.title, {
          ...pageProblems(page.title, [problem('', TEMPORARY, [owner])], before, today),
          lastrevid: page.revid ?? 0,
        });
        continue;
      }
      let source: ProfileSource = {
        title: page.title,
        revid: page.revid ?? null,
        content: page.content ?? null,
      };
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
      const isBlocked = blocked.has(owner);
      const problems = isBlocked
        ? [...evaluation.problems, problem('', BLOCKED, [owner])]
        : evaluation.problems;
      results.set(page.title, {
        title: page.title,
        lastrevid: page.revid ?? 0,
        entry: isBlocked ? null : evaluation.entry,
        problems: withSince(problems, before.get(page.title)?.problems, today),
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

  const readRequests = client.stats.requests - requestsBeforeReading;
  const listed = pages.flatMap((p) => results.get(p.title)?.entry ?? []);
  const capx = await addCapacityExchange(ctx, listed, previousEntries, taxonomy, full);
  for (const r of results.values()) {
    // This run's Capacity Exchange problems replace the last run's, carried with the page.
    const owner = usernameFromProfileTitle(root, r.title) ?? '';
    const own = capx.personal.get(owner) ?? [];
    const kept = r.problems.filter((p) => p.field !== 'capx');
    r.problems = [...kept, ...withSince(own, before.get(r.title)?.problems, today)];
  }
  const translations = await checkCommunityTranslations(ctx);
  // Problems of the working-group and topics pages are kept like a profile's, with their dates.
  const programPages: PageResult[] = [
    ...(await temporaryAccountPages(ctx, patterns)).map(({ title, owner }) =>
      pageProblems(title, [problem('', TEMPORARY, [owner])], before, today),
    ),
    pageProblems(topicsPageTitle(root), [...topicProblems, ...capx.problems], before, today),
    ...translations.problems.map((p) => pageProblems(p.title, p.problems, before, today)),
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
  // Notes first: if the run stops before the state is saved, the next run still sees these
  // problems as new, and the note's id keeps it from being left twice.
  const notes = await leaveProblemNotes(ctx, all, before);
  // Approved connections the notifier held back belong on R/Maintenance too.
  const held = heldRows(ctx, (await readRoundDocuments(ctx, await watchedRounds(ctx))).values());
  await writeOutputs(ctx, {
    held,
    entries,
    all: [...all, ...programPages],
    taxonomy,
    workingGroupRevid: wg.revid,
    topicsRevid,
    previousShardCount: index?.shards.length ?? 0,
    previousStateParts: state?.parts ?? 0,
  });

  const problemCount = [...all, ...programPages].reduce((n, r) => n + r.problems.length, 0);
  log.info(
    ctx.config.dryRun
      ? 'Directory built (dry run: would write, wrote nothing)'
      : 'Directory written',
    {
      listed: entries.length,
      profiles: pages.length,
      read: changed.length,
    },
  );
  return {
    task: 'directory',
    pagesRead: changed.length,
    problems: problemCount,
    hiddenProblems: problemsNotNamed([...all, ...programPages]),
    edits: client.stats.edits - editsBefore,
    notes: [
      `${entries.length} of ${pages.length} profiles listed; ${changed.length} read this run, in ${readRequests} API requests`,
      ...(ctx.config.talkPageNotes ? [`${notes} talk-page note(s) left`] : []),
      ...capx.notes,
    ],
  };
}
