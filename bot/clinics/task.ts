/**
 * The clinics task: summaries of past clinics, invitations to upcoming ones, `R/Calendar`
 * and `R/Hot topics`. Clinics count only as a working-group member or Learning Ambassador
 * wrote them; sign-ups and feedback only as their owners wrote them; people only as the
 * published directory lists them (consented, not withdrawn).
 */
import { rankHotTopics } from '../../shared/clinics/hot-topics';
import { clinicsIndexTitle } from '../../shared/portal';
import { clinicRows, renderClinicsPage } from '../../shared/reports/portal-pages';
import type { UpcomingClinic } from '../../shared/clinics/invitations';
import type { ClinicWithSignups } from '../../shared/clinics/reminders';
import { isPastClinic, isUpcomingClinic } from '../../shared/clinics/summary';
import {
  calendarPageTitle,
  hotTopicsPageTitle,
  learningSpacesPageTitle,
  workingGroupPageTitle,
} from '../../shared/pages';
import type { PageRevision } from '../../shared/wiki-client';
import { parseRecords } from '../../shared/records/codec';
import { clinicCodec } from '../../shared/records/clinic';
import { defaultTaxonomy } from '../../shared/taxonomy/taxonomy';
import { listRounds, monthOf, readDirectory, readRoundDocuments } from '../connections/rounds';
import { resolveWorkingGroup } from '../directory/trust';
import { botMessages } from '../i18n';
import type { RunContext, TaskReport } from '../run-context';
import { renderCalendarPage, type CalendarItem } from './calendar-page';
import { writeCalendarData } from './calendar-data';
import { renderHotTopicsPage } from './hot-topics-page';
import { sendInvitations } from './invitations';
import { sendClinicNotices } from './notices';
import { messagesNotSent } from '../wiki/message-failures';
import { readClinics, readSignups, scanClinics, trustedTexts } from './read';
import { writeSummaries } from './summaries';

export async function runClinics(ctx: RunContext): Promise<TaskReport> {
  const { client, config } = ctx;
  const editsBefore = client.stats.edits;
  const wg = await resolveWorkingGroup(client, workingGroupPageTitle(config.root));
  const organiser = (u: string) => wg.members.has(u) || wg.ambassadors.has(u);
  const groups = await scanClinics(ctx);
  const { clinics, problems } = await readClinics(ctx, groups, organiser);
  const directory = await readDirectory(ctx);
  const taxonomy = directory?.taxonomy ?? defaultTaxonomy();
  const { t, lookup } = botMessages('en');
  const notes: string[] = [];
  /** Messages that could not be sent: the run ends with an error naming them. */
  const failed: string[] = [];

  const summaries = await writeSummaries(ctx, clinics, wg.revid, taxonomy);
  notes.push(
    `${summaries.written} clinic summar${summaries.written === 1 ? 'y' : 'ies'} ${ctx.config.dryRun ? 'would be written' : 'written'}, ${summaries.upToDate} up to date; ` +
      'feedback rate = people who gave feedback ÷ attended (÷ confirmed sign-ups while attendance is not recorded)',
  );

  const nowMs = ctx.now.getTime();
  let pagesRead = groups.length + summaries.pagesRead;
  // Clinics with a session still ahead (a second session can be ahead after the first).
  const running: ClinicWithSignups[] = [];
  for (const c of clinics.filter((x) => !isPastClinic(x.clinic, nowMs))) {
    const entries = await readSignups(ctx, c.group);
    pagesRead += c.group.signups.length;
    running.push({ title: c.title, clinic: c.clinic, entries });
  }
  if (directory) {
    const upcoming: UpcomingClinic[] = running
      .filter((c) => isUpcomingClinic(c.clinic, nowMs))
      .map((c) => ({
        title: c.title,
        clinic: c.clinic,
        signedUp: new Set(c.entries.map((s) => s.signup.username)),
      }));
    // Reminders and moved-up notices first: they are about places people already hold. A talk
    // page that cannot be written keeps no one else from their message, nor the calendar from
    // being written: the run ends with an error naming it, after everything else is done.
    const notices = await sendClinicNotices(ctx, running, directory.entries, taxonomy);
    notes.push(
      `${notices.reminders} clinic reminder(s) and ${notices.movedUp} moved-up notice(s) sent, ${notices.excluded} refused by {{bots}}/{{nobots}}, ${notices.healed} found already sent and recorded`,
    );
    const inv = await sendInvitations(ctx, upcoming, directory.entries, taxonomy);
    failed.push(...notices.failed, ...inv.failed);
    notes.push(
      `${inv.sent} invitation(s) sent (clinics up to ${config.invitationHorizonDays} days ahead), ${inv.excluded} refused by {{bots}}/{{nobots}}, ${inv.skipped} already on the talk page or held back by another this week`,
    );
  } else {
    notes.push('no skills directory yet (dry run): no invitations, no hot topics');
  }

  // The calendar: upcoming clinics and the learning spaces the working group lists.
  const spacesTitle = learningSpacesPageTitle(config.root);
  const { texts } = await trustedTexts(ctx, [{ title: spacesTitle, trusted: organiser }]);
  const spaces = parseRecords(clinicCodec, texts.get(spacesTitle) ?? '').map((r) => r.record);
  const items: CalendarItem[] = [
    ...clinics.map((c) => ({ kind: 'clinic' as const, page: c.title, record: c.clinic })),
    ...spaces.map((record) => ({ kind: 'space' as const, page: '', record })),
  ];
  const rows = clinicRows(clinics, nowMs);
  const pages: Array<{ title: string; transform: (current: PageRevision) => string }> = [
    {
      title: clinicsIndexTitle(config.root),
      transform: () => renderClinicsPage(rows, t('letsconnect-portal-written')),
    },
    {
      title: calendarPageTitle(config.root),
      transform: () =>
        renderCalendarPage({ items, nowMs, spacesPage: spacesTitle, taxonomy, t, lookup }),
    },
  ];

  if (directory) {
    const rounds = (await listRounds(ctx)).filter((m) => m <= monthOf(ctx.now));
    const round = rounds[rounds.length - 1] ?? null;
    const doc = round ? (await readRoundDocuments(ctx, [round])).get(round) : undefined;
    const rows = rankHotTopics({
      entries: directory.entries,
      unmetDemand: doc?.unmetDemand ?? [],
      today: ctx.now.toISOString().slice(0, 10),
    });
    pages.push({
      title: hotTopicsPageTitle(config.root),
      transform: () => renderHotTopicsPage({ rows, round, taxonomy, t, lookup }),
    });
    notes.push(
      `hot topics: ${rows.length} topic(s) wanted${round ? `, unmet demand from round ${round}` : ''}`,
    );
  }
  // The calendar feed's data: clinics and spaces, and who holds a place (bot/feed serves it).
  const feed = await writeCalendarData(ctx, {
    clinics: clinics.map((c) => ({
      title: c.title,
      clinic: c.clinic,
      entries: running.find((r) => r.title === c.title)?.entries ?? null,
    })),
    spaces,
    spacesPage: spacesTitle,
  });
  pages.push(feed);
  await ctx.editor.editMany(pages, ctx.t('letsconnect-clinics-bot-summary-pages'));
  if (failed.length > 0) throw messagesNotSent('clinic message(s)', failed);

  return {
    task: 'clinics',
    pagesRead,
    problems,
    edits: client.stats.edits - editsBefore,
    notes,
  };
}
