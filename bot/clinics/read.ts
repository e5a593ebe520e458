/**
 * Reading the clinics: every page under `R/Clinics/` in one listing (with revisions and page
 * ids), grouped by clinic, and the text of each page as written by someone trusted with it:
 * the working group or a Learning Ambassador for a clinic page (and `R/Learning spaces`), the
 * person themselves for a sign-up or feedback page. The latest revisions of many pages come
 * in one batched read; only a page whose latest edit is someone else's costs a history look-up.
 */
import { parseClinicTitle } from '../../shared/pages';
import { parseRecords, parseSingleRecord } from '../../shared/records/codec';
import {
  clinicCodec,
  feedbackCodec,
  signupCodec,
  type Clinic,
  type Feedback,
} from '../../shared/records/clinic';
import { resourceCodec, type Resource } from '../../shared/records/resource';
import type { SignupEntry } from '../../shared/clinics/roster';
import type { RunContext } from '../run-context';
import { notExistingNamedAccounts } from '../../shared/accounts';
import { namedTrust, newestTrustedRevision, notAccounts } from '../directory/trust';
import { scanPages, type PageInfo } from '../directory/scan';
import { normalizeTitle } from '../wiki/write-policy';

export interface ClinicGroup {
  title: string;
  /** `YYYY-MM-DD` from the title. */
  date: string;
  /** The clinic page, or null when only subpages exist. */
  page: PageInfo | null;
  signups: Array<PageInfo & { username: string }>;
  feedback: Array<PageInfo & { username: string }>;
  summary: PageInfo | null;
}

/** Every clinic under the root with its subpages: one listing, no content. */
export async function scanClinics(ctx: RunContext): Promise<ClinicGroup[]> {
  const root = ctx.config.root;
  const groups = new Map<string, ClinicGroup>();
  for (const info of await scanPages(ctx.client, `${root}/Clinics/`)) {
    const parsed = parseClinicTitle(root, info.title);
    if (!parsed) continue;
    let g = groups.get(parsed.clinic);
    if (!g) {
      g = {
        title: parsed.clinic,
        date: parsed.date,
        page: null,
        signups: [],
        feedback: [],
        summary: null,
      };
      groups.set(parsed.clinic, g);
    }
    if (parsed.kind === 'clinic') g.page = info;
    else if (parsed.kind === 'summary') g.summary = info;
    else if (parsed.kind === 'sign-up') g.signups.push({ ...info, username: parsed.username });
    else g.feedback.push({ ...info, username: parsed.username });
  }
  return [...groups.values()];
}

/**
 * The text of each page as its trusted authors last left it (null: no trusted revision, or
 * no page). One batched read; a history look-up only where the latest edit is someone else's.
 */
export async function trustedTexts(
  ctx: RunContext,
  items: ReadonlyArray<{ title: string; trusted: (user: string) => boolean }>,
): Promise<{ texts: Map<string, string | null>; untrusted: number }> {
  const pages = new Map(
    (await ctx.client.readPages(items.map((i) => i.title))).map((p) => [
      normalizeTitle(p.title),
      p,
    ]),
  );
  const texts = new Map<string, string | null>();
  let untrusted = 0;
  const named = await namedTrust(ctx.client, () => true);
  for (const item of items) {
    const page = pages.get(normalizeTitle(item.title));
    if (!page?.exists) texts.set(item.title, null);
    else if (page.user !== undefined && named(page.user) && item.trusted(page.user))
      texts.set(item.title, page.content ?? '');
    else {
      untrusted++;
      const rev = await newestTrustedRevision(ctx.client, item.title, item.trusted);
      texts.set(item.title, rev?.content ?? null);
    }
  }
  return { texts, untrusted };
}

export interface ClinicData {
  title: string;
  date: string;
  clinic: Clinic;
  /** The clinic page's revision (fingerprints the summary's sources). */
  revid: number;
  /** `{{Let's Connect/Resource}}` calls on the clinic page: its materials. */
  materials: Resource[];
  group: ClinicGroup;
}

/**
 * The clinics whose page an organiser wrote and whose sharers and interpreters are all existing
 * named accounts; the others are refused (not listed, published or acted on) and counted as
 * problems. A sharer or interpreter who is a typo, an IP address or a temporary account is no
 * one to list, remind or seat: the gadget's form refuses them, and a page edited by hand is
 * refused here (interpreters are only ever written by hand: reminders go to their talk pages).
 */
export async function readClinics(
  ctx: RunContext,
  groups: readonly ClinicGroup[],
  organiser: (user: string) => boolean,
): Promise<{ clinics: ClinicData[]; problems: number }> {
  const withPage = groups.filter((g) => g.page !== null);
  const { texts } = await trustedTexts(
    ctx,
    withPage.map((g) => ({ title: g.page!.title, trusted: organiser })),
  );
  const parsed = withPage.map((g) => {
    const text = texts.get(g.page!.title) ?? null;
    return { g, text, record: text === null ? null : parseSingleRecord(clinicCodec, text).parsed };
  });
  // Every clinic's team checked with the wiki in one batched look-up.
  const team = (c: Clinic) => [...c.sharers, ...c.interpreters];
  const noAccount = await notAccounts(
    ctx.client,
    parsed.flatMap((p) => (p.record ? team(p.record.record) : [])),
  );
  const patterns = await ctx.client.temporaryAccountPatterns();
  const clinics: ClinicData[] = [];
  let problems = 0;
  for (const { g, text, record } of parsed) {
    if (!record) {
      problems++;
      ctx.log.warn('A clinic page without a clinic written by an organiser', { page: g.title });
      continue;
    }
    const notTeam = notExistingNamedAccounts(team(record.record), noAccount, patterns);
    if (notTeam.length > 0) {
      problems++;
      ctx.log.warn(
        'A clinic whose sharers or interpreters are not existing named accounts: refused',
        {
          page: g.title,
          people: notTeam.join(', '),
        },
      );
      continue;
    }
    clinics.push({
      title: g.title,
      date: g.date,
      clinic: record.record,
      revid: g.page!.lastrevid,
      materials: parseRecords(resourceCodec, text ?? '').map((r) => r.record),
      group: g,
    });
  }
  return { clinics, problems };
}

/** Each person's sign-up, as they wrote it (someone else's edits do not count). */
export async function readSignups(ctx: RunContext, group: ClinicGroup): Promise<SignupEntry[]> {
  const { texts } = await trustedTexts(
    ctx,
    group.signups.map((s) => ({ title: s.title, trusted: (u: string) => u === s.username })),
  );
  return group.signups.flatMap((s) => {
    const text = texts.get(s.title);
    const parsed = text ? parseSingleRecord(signupCodec, text).parsed : null;
    // The page's owner is who signed up, whatever name the text gives.
    return parsed ? [{ signup: { ...parsed.record, username: s.username }, pageid: s.pageid }] : [];
  });
}

/** Each person's feedback, as they wrote it. */
export async function readFeedback(ctx: RunContext, group: ClinicGroup): Promise<Feedback[]> {
  const { texts } = await trustedTexts(
    ctx,
    group.feedback.map((f) => ({ title: f.title, trusted: (u: string) => u === f.username })),
  );
  return group.feedback.flatMap((f) => {
    const text = texts.get(f.title);
    const parsed = text ? parseSingleRecord(feedbackCodec, text).parsed : null;
    return parsed ? [{ ...parsed.record, username: f.username }] : [];
  });
}
