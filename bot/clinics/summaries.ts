/**
 * Summaries of past clinics. Each summary's marker names the revisions it was computed from
 * (the clinic page, every sign-up and feedback page, the working-group page): a clinic whose
 * summary was last written by the bot from the same revisions is skipped without reading any
 * of them, so a run after nothing changed costs one listing and one batched read.
 */
import { clinicRoster } from '../../shared/clinics/roster';
import { isPastClinic, summariseClinic } from '../../shared/clinics/summary';
import { clinicSummaryTitle } from '../../shared/pages';
import type { Taxonomy } from '../../shared/taxonomy/taxonomy';
import { botMessages } from '../i18n';
import type { RunContext } from '../run-context';
import { normalizeTitle } from '../wiki/write-policy';
import { readFeedback, readSignups, type ClinicData } from './read';
import { renderSummaryPage, summaryFingerprint, summaryMarker } from './summary-page';

export interface SummariesResult {
  written: number;
  upToDate: number;
  pagesRead: number;
}

export async function writeSummaries(
  ctx: RunContext,
  clinics: readonly ClinicData[],
  workingGroupRevid: number,
  taxonomy: Taxonomy,
): Promise<SummariesResult> {
  const nowMs = ctx.now.getTime();
  const past = clinics.filter((c) => isPastClinic(c.clinic, nowMs));
  const fingerprints = new Map(
    past.map((c) => [
      c.title,
      summaryFingerprint([
        c.revid,
        workingGroupRevid,
        ...[...c.group.signups, ...c.group.feedback].map((p) => `${p.title}@${p.lastrevid}`).sort(),
      ]),
    ]),
  );
  const current = new Map(
    (await ctx.client.readPages(past.map((c) => clinicSummaryTitle(c.title)))).map((p) => [
      normalizeTitle(p.title),
      p,
    ]),
  );
  const stale = past.filter((c) => {
    const page = current.get(normalizeTitle(clinicSummaryTitle(c.title)));
    return !(
      page?.exists &&
      page.user === ctx.config.botName &&
      (page.content ?? '').includes(summaryMarker(fingerprints.get(c.title)!))
    );
  });
  const { t, lookup } = botMessages('en');
  const items = [];
  let pagesRead = 0;
  for (const c of stale) {
    const signups = await readSignups(ctx, c.group);
    const feedback = await readFeedback(ctx, c.group);
    pagesRead += c.group.signups.length + c.group.feedback.length;
    const summary = summariseClinic(c.clinic, clinicRoster(c.clinic, signups), feedback);
    const text = renderSummaryPage({
      title: c.title,
      clinic: c.clinic,
      summary,
      materials: c.materials,
      fingerprint: fingerprints.get(c.title)!,
      taxonomy,
      t,
      lookup,
    });
    ctx.log.info('Clinic summary', { clinic: c.title, ...summary, wanted: summary.wanted.length });
    items.push({ title: clinicSummaryTitle(c.title), transform: () => text });
  }
  const outcomes =
    items.length === 0
      ? []
      : await ctx.editor.editMany(items, ctx.t('letsconnect-clinics-bot-summary-edit'));
  return {
    written: outcomes.filter((o) => o.status === 'saved' || o.status === 'dry-run').length,
    upToDate: past.length - items.length + outcomes.filter((o) => o.status === 'unchanged').length,
    pagesRead,
  };
}
