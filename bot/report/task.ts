/**
 * The `report` task: the resource centre's index, then the program report, R/Report (wiki
 * tables, each number with its definition) and User:<bot>/Report.json (the same numbers for
 * the gadget's charts), computed from the profile pages, the clinic pages with their sign-up
 * and feedback subpages, and the round documents. Only what the owner of a page (or the
 * working group) wrote counts. With nothing changed it makes no edit.
 */
import { SCHEMA_VERSION, type CreationMonths } from '../../shared/documents/documents';
import {
  creationMonthsTitle,
  profilePageTitle,
  reportDataTitle,
  reportPageTitle,
  usernameFromProfileTitle,
  workingGroupPageTitle,
} from '../../shared/pages';
import { parseSingleRecord } from '../../shared/records/codec';
import { profileCodec } from '../../shared/records/profile';
import { renderReportPage } from '../../shared/reports/report-page';
import {
  renderConnectionsIndex,
  renderPortal,
  withPortal,
  type PortalFacts,
} from '../../shared/reports/portal-pages';
import { connectionsIndexTitle } from '../../shared/portal';
import { sessionStarts } from '../../shared/clinics/summary';
import {
  computeReport,
  type ReportClinic,
  type ReportProfile,
} from '../../shared/reports/report-stats';
import { defaultTaxonomy, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import { topicWikitext } from '../../shared/labels/labels';
import type { PageRevision } from '../../shared/wiki-client';
import {
  generatedStamp,
  listRounds,
  readDirectory,
  readRoundDocuments,
} from '../connections/rounds';
import {
  namedTrust,
  newestTrustedRevision,
  resolveWorkingGroup,
  type WorkingGroup,
} from '../directory/trust';
import { botMessages } from '../i18n';
import type { RunContext, TaskReport } from '../run-context';
import { documentOn, documentText } from '../wiki/documents-io';
import { readClinics, readFeedback, readSignups, scanClinics } from '../clinics/read';
import { indexResources } from './resources';

const READ_BATCH = 500;

/** `YYYY-MM-DDTHH:MMZ` for a time in ms. */
const utcMinute = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16)}Z`;

const sameUser = (a: string, b: string) => a.replace(/_/g, ' ') === b.replace(/_/g, ' ');

/** Every page under `prefixTitle`, with its page id (creation order), following continuation. */
async function listWithIds(
  ctx: RunContext,
  prefixTitle: string,
): Promise<Array<{ title: string; pageid: number }>> {
  const title = new ctx.client.bot.Title(prefixTitle);
  const responses = await ctx.client.bot.continuedQuery(
    {
      action: 'query',
      list: 'allpages',
      apnamespace: title.getNamespaceId(),
      apprefix: title.getMainText(),
      aplimit: 'max',
    },
    Infinity,
  );
  return responses.flatMap(
    (r) =>
      (r.query as { allpages?: Array<{ title: string; pageid: number }> } | undefined)?.allpages ??
      [],
  );
}

/** The text of each page as its owner (or the working group) last wrote it; null if never. */
async function ownerTexts(
  ctx: RunContext,
  pages: ReadonlyArray<{ title: string; owner: string }>,
  wg: WorkingGroup,
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const named = await namedTrust(ctx.client, () => true);
  for (let i = 0; i < pages.length; i += READ_BATCH) {
    const batch = pages.slice(i, i + READ_BATCH);
    const read = await ctx.client.readPages(batch.map((p) => p.title));
    const byTitle = new Map(read.map((p) => [p.title.replace(/_/g, ' '), p]));
    for (const { title, owner } of batch) {
      const page: PageRevision | undefined = byTitle.get(title.replace(/_/g, ' '));
      if (!page?.exists) continue;
      const ok = (user: string) => named(user) && (sameUser(user, owner) || wg.members.has(user));
      if (ok(page.user ?? '')) out.set(title, page.content ?? '');
      else out.set(title, (await newestTrustedRevision(ctx.client, title, ok))?.content ?? null);
    }
    ctx.log.progress('Reading pages', Math.min(i + READ_BATCH, pages.length), pages.length);
  }
  return out;
}

/** When a page was first saved (one request a page: the API gives a first revision per title only). */
async function createdAt(ctx: RunContext, title: string): Promise<string> {
  const response = (await ctx.client.request({
    action: 'query',
    prop: 'revisions',
    titles: title,
    rvprop: 'timestamp',
    rvdir: 'newer',
    rvlimit: 1,
  })) as { query?: { pages?: Array<{ revisions?: Array<{ timestamp: string }> }> } };
  return response.query?.pages?.[0]?.revisions?.[0]?.timestamp ?? '';
}

/**
 * The month each profile page was created, from the cache document: only pages it has not
 * seen cost a request, so after the first run the report reads profiles at about N/500.
 */
async function creationMonths(
  ctx: RunContext,
  pages: ReadonlyArray<{ title: string; pageid: number }>,
): Promise<Map<number, string>> {
  const title = creationMonthsTitle(ctx.config.botName);
  const [page] = await ctx.client.readPages([title]);
  const known = new Map(
    (documentOn(page, 'creation-months')?.pages ?? []).map((p) => [p.id, p.month]),
  );
  const missing = pages.filter((p) => !known.has(p.pageid));
  for (let i = 0; i < missing.length; i++) {
    const p = missing[i]!;
    known.set(p.pageid, (await createdAt(ctx, p.title)).slice(0, 7));
    ctx.log.progress('Creation dates of new profiles', i + 1, missing.length);
  }
  const ids = new Set(pages.map((p) => p.pageid));
  const doc: CreationMonths = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'creation-months',
    generated: generatedStamp(ctx),
    pages: [...known]
      .filter(([id]) => ids.has(id))
      .sort((x, y) => x[0] - y[0])
      .map(([id, month]) => ({ id, month })),
  };
  await ctx.editor.edit(
    title,
    (current) => documentText(doc, current),
    ctx.t('letsconnect-report-page-summary'),
  );
  return known;
}

async function readProfiles(ctx: RunContext, wg: WorkingGroup): Promise<ReportProfile[]> {
  const { root } = ctx.config;
  const listed = await listWithIds(ctx, profilePageTitle(root, ''));
  const pages = listed
    .map((p) => ({ ...p, owner: usernameFromProfileTitle(root, p.title) ?? '' }))
    .filter((p) => p.owner !== '');
  const texts = await ownerTexts(ctx, pages, wg);
  const months = await creationMonths(ctx, pages);
  const out: ReportProfile[] = [];
  for (const { title, owner, pageid } of pages) {
    const text = texts.get(title);
    if (!text) continue;
    const profile = parseSingleRecord(profileCodec, text).parsed?.record;
    if (!profile || !sameUser(profile.username, owner)) continue;
    out.push({ profile, created: months.get(pageid) ?? '' });
  }
  return out;
}

/**
 * Clinics as the clinics task reads them (one reader, one rule): a clinic counts only if an
 * organiser (working group or Learning Ambassador) wrote it, a sign-up or feedback only if
 * its owner did.
 */
async function readClinicsForReport(
  ctx: RunContext,
  wg: WorkingGroup,
): Promise<{ clinics: ReportClinic[]; pagesRead: number; next: PortalFacts['nextClinic'] }> {
  const groups = await scanClinics(ctx);
  const organiser = (u: string) => wg.members.has(u) || wg.ambassadors.has(u);
  const { clinics } = await readClinics(ctx, groups, organiser);
  const out: ReportClinic[] = [];
  let pagesRead = clinics.length;
  for (const c of clinics) {
    const signups = await readSignups(ctx, c.group);
    const feedback = await readFeedback(ctx, c.group);
    pagesRead += c.group.signups.length + c.group.feedback.length;
    out.push({ clinic: c.clinic, date: c.date, signups, feedback });
  }
  // The portal's "next clinic": the soonest session ahead of a clinic not cancelled.
  let next: PortalFacts['nextClinic'] = null;
  for (const c of clinics) {
    if (c.clinic.status === 'cancelled') continue;
    const start = sessionStarts(c.clinic).find((ms) => ms > ctx.now.getTime());
    if (start !== undefined && (next === null || start < Date.parse(next.start)))
      next = { page: c.title, title: c.clinic.title || c.title, start: utcMinute(start) };
  }
  return { clinics: out, pagesRead, next };
}

export async function runReport(ctx: RunContext): Promise<TaskReport> {
  const { client, config } = ctx;
  const editsBefore = client.stats.edits;
  const notes: string[] = [];
  const wg = await resolveWorkingGroup(client, workingGroupPageTitle(config.root));
  const directory = await readDirectory(ctx).catch(() => null);
  const taxonomy: Taxonomy = directory?.taxonomy.topics.size
    ? directory.taxonomy
    : defaultTaxonomy();
  const { lookup } = botMessages('en');
  // Topic labels as wikitext: the label module's, in the reader's language (R/Report, R/Resources/By topic).
  const label = (id: string) => topicWikitext(taxonomy, lookup, id);

  const resources = await indexResources(ctx, wg, taxonomy, label);
  if (resources.rejected > 0) notes.push(`${resources.rejected} resource item(s) not accepted`);

  const profiles = await readProfiles(ctx, wg);
  const { clinics, pagesRead: clinicPagesRead, next } = await readClinicsForReport(ctx, wg);
  const months = await listRounds(ctx);
  const rounds = [...(await readRoundDocuments(ctx, months)).values()].filter(
    (r) => r.lastrevid > 0 || r.proposals.length > 0,
  );
  const data = computeReport({
    root: config.root,
    profiles,
    clinics,
    rounds,
    resources: resources.resources.length,
    now: ctx.now,
    generated: generatedStamp(ctx),
  });
  const text = renderReportPage(data, { t: ctx.t, topicLabel: label });
  await ctx.editor.editMany(
    [
      { title: reportPageTitle(config.root), transform: () => text },
      {
        title: reportDataTitle(config.botName),
        transform: (current) => documentText(data, current),
      },
      // The program's front pages: the rounds' index, then the portal on the root page, which
      // links it: saved after it, the portal renders that link as a page that exists (the
      // links of a page saved earlier turn blue only when the job queue gets to it).
      {
        title: connectionsIndexTitle(config.root),
        transform: () =>
          renderConnectionsIndex(config.root, months, ctx.t('letsconnect-portal-written')),
      },
      {
        title: config.root,
        transform: (current) =>
          withPortal(
            current.exists ? (current.content ?? '') : '',
            renderPortal(
              { root: config.root, people: directory?.entries.length ?? 0, nextClinic: next },
              ctx.t('letsconnect-portal-written'),
            ),
          ),
      },
    ],
    ctx.t('letsconnect-report-page-summary'),
  );
  const x = data.totals;
  notes.push(
    `${x.registered} registered, ${x.clinics} clinics held, ${x.participations} participations, ${x.proposed} connections proposed, ${x.resources} resources`,
  );
  return {
    task: 'report',
    pagesRead: profiles.length + clinicPagesRead + rounds.length + resources.pagesRead,
    problems: resources.rejected,
    edits: client.stats.edits - editsBefore,
    notes,
  };
}
