/**
 * The `report` task: the resource centre's index, then the program report, R/Report (wiki
 * tables, each number with its definition) and User:<bot>/Report.json (the same numbers for
 * the gadget's charts), computed from the profile pages, the clinic pages with their sign-up
 * and feedback subpages, and the round documents. Only what the owner of a page (or the
 * working group) wrote counts. With nothing changed it makes no edit.
 */
import type { SignupEntry } from '../../shared/clinics/roster';
import {
  parseClinicTitle,
  profilePageTitle,
  reportDataTitle,
  reportPageTitle,
  usernameFromProfileTitle,
  workingGroupPageTitle,
} from '../../shared/pages';
import { parseSingleRecord } from '../../shared/records/codec';
import {
  clinicCodec,
  feedbackCodec,
  signupCodec,
  type Clinic,
  type Feedback,
} from '../../shared/records/clinic';
import { profileCodec } from '../../shared/records/profile';
import { renderReportPage } from '../../shared/reports/report-page';
import {
  computeReport,
  type ReportClinic,
  type ReportProfile,
} from '../../shared/reports/report-stats';
import { defaultTaxonomy, topicLabel, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import type { PageRevision } from '../../shared/wiki-client';
import {
  generatedStamp,
  listRounds,
  readDirectory,
  readRoundDocuments,
} from '../connections/rounds';
import { newestTrustedRevision, resolveWorkingGroup, type WorkingGroup } from '../directory/trust';
import { botMessages } from '../i18n';
import type { RunContext, TaskReport } from '../run-context';
import { documentText } from '../wiki/documents-io';
import { indexResources } from './resources';

const READ_BATCH = 500;

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
async function trustedTexts(
  ctx: RunContext,
  pages: ReadonlyArray<{ title: string; owner: string }>,
  wg: WorkingGroup,
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (let i = 0; i < pages.length; i += READ_BATCH) {
    const batch = pages.slice(i, i + READ_BATCH);
    const read = await ctx.client.readPages(batch.map((p) => p.title));
    const byTitle = new Map(read.map((p) => [p.title.replace(/_/g, ' '), p]));
    for (const { title, owner } of batch) {
      const page: PageRevision | undefined = byTitle.get(title.replace(/_/g, ' '));
      if (!page?.exists) continue;
      const ok = (user: string) => sameUser(user, owner) || wg.members.has(user);
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

async function readProfiles(ctx: RunContext, wg: WorkingGroup): Promise<ReportProfile[]> {
  const { root } = ctx.config;
  const listed = await listWithIds(ctx, profilePageTitle(root, ''));
  const pages = listed
    .map((p) => ({ title: p.title, owner: usernameFromProfileTitle(root, p.title) ?? '' }))
    .filter((p) => p.owner !== '');
  const texts = await trustedTexts(ctx, pages, wg);
  const out: ReportProfile[] = [];
  for (const { title, owner } of pages) {
    const text = texts.get(title);
    if (!text) continue;
    const profile = parseSingleRecord(profileCodec, text).parsed?.record;
    if (!profile || !sameUser(profile.username, owner)) continue;
    out.push({ profile, created: await createdAt(ctx, title) });
  }
  return out;
}

async function readClinics(
  ctx: RunContext,
  wg: WorkingGroup,
): Promise<{ clinics: ReportClinic[]; pagesRead: number }> {
  const { root } = ctx.config;
  const listed = await listWithIds(ctx, `${root}/Clinics/`);
  const clinics = new Map<string, { date: string; pageid: number }>();
  const subpages: Array<{
    title: string;
    owner: string;
    kind: string;
    clinic: string;
    pageid: number;
  }> = [];
  for (const p of listed) {
    const parsed = parseClinicTitle(root, p.title);
    if (!parsed) continue;
    if (parsed.kind === 'clinic')
      clinics.set(parsed.clinic, { date: parsed.date, pageid: p.pageid });
    else if (parsed.kind === 'sign-up' || parsed.kind === 'feedback') {
      subpages.push({
        title: p.title,
        owner: parsed.username,
        kind: parsed.kind,
        clinic: parsed.clinic,
        pageid: p.pageid,
      });
    }
  }
  const clinicPages = new Map<string, Clinic>();
  const titles = [...clinics.keys()];
  for (let i = 0; i < titles.length; i += READ_BATCH) {
    for (const page of await ctx.client.readPages(titles.slice(i, i + READ_BATCH))) {
      const clinic = page.exists
        ? parseSingleRecord(clinicCodec, page.content ?? '').parsed?.record
        : null;
      if (clinic) clinicPages.set(page.title.replace(/_/g, ' '), clinic);
    }
  }
  const texts = await trustedTexts(ctx, subpages, wg);
  const signups = new Map<string, SignupEntry[]>();
  const feedback = new Map<string, Feedback[]>();
  for (const sub of subpages) {
    const text = texts.get(sub.title);
    if (!text) continue;
    if (sub.kind === 'sign-up') {
      const signup = parseSingleRecord(signupCodec, text).parsed?.record;
      if (!signup || !sameUser(signup.username, sub.owner)) continue;
      signups.set(sub.clinic, [...(signups.get(sub.clinic) ?? []), { signup, pageid: sub.pageid }]);
    } else {
      const f = parseSingleRecord(feedbackCodec, text).parsed?.record;
      if (!f || !sameUser(f.username, sub.owner)) continue;
      feedback.set(sub.clinic, [...(feedback.get(sub.clinic) ?? []), f]);
    }
  }
  const out: ReportClinic[] = [];
  for (const [title, { date }] of clinics) {
    const clinic = clinicPages.get(title);
    if (!clinic) continue;
    out.push({
      clinic,
      date,
      signups: signups.get(title) ?? [],
      feedback: feedback.get(title) ?? [],
    });
  }
  return { clinics: out, pagesRead: clinics.size + subpages.length };
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
  const label = (id: string) => {
    const topic = taxonomy.topics.get(id);
    return topic ? topicLabel(topic, ['en'], lookup) : id;
  };

  const resources = await indexResources(ctx, wg, taxonomy, label);
  if (resources.rejected > 0) notes.push(`${resources.rejected} resource item(s) not accepted`);

  const profiles = await readProfiles(ctx, wg);
  const { clinics, pagesRead: clinicPagesRead } = await readClinics(ctx, wg);
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
