/**
 * What the clinic views read and write. A clinic page holds the clinic; each person's
 * sign-up and feedback are pages of their own under it, so saving one never conflicts with
 * anyone else's. Who is in and who waits is computed (shared/clinics/roster.ts), never stored.
 */
import { clinicRoster, type Roster, type SignupEntry } from '../../../shared/clinics/roster';
import { readDocument } from '../../../shared/documents/read-document';
import {
  clinicFeedbackTitle,
  clinicSignupTitle,
  directoryIndexTitle,
  workingGroupPageTitle,
} from '../../../shared/pages';
import { parseRecords, parseSingleRecord, serialiseRecord } from '../../../shared/records/codec';
import {
  DEFAULT_CLINIC_MINUTES,
  clinicCodec,
  feedbackCodec,
  signupCodec,
  type Clinic,
  type Feedback,
  type Signup,
} from '../../../shared/records/clinic';
import { memberCodec } from '../../../shared/records/member';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import {
  failed,
  failureKind,
  canonicalUser,
  pageState,
  readPage,
  sameUser,
  type PageState,
  type Failed,
  taxonomyFromIndex,
} from '../../api';
import type { ClinicWiki, Subpage } from './clinic-wiki';

export interface ClinicState {
  page: PageState;
  clinic: Clinic;
  /** Sign-ups that count: each page's latest edit is its owner's. */
  signups: SignupEntry[];
  roster: Roster;
  /** The reader's own sign-up page and what it says. */
  ownSignup: { page: PageState; signup: Signup | null };
  ownFeedback: { page: PageState; feedback: Feedback | null };
  taxonomy: Taxonomy;
}

export type Place =
  | { kind: 'none' }
  | { kind: 'cancelled' }
  | { kind: 'confirmed' | 'team'; session: number }
  | { kind: 'waiting'; session: number; position: number };

const norm = (title: string) => title.replace(/_/g, ' ');

/** `YYYY-MM-DDTHH:MMZ`, the format of `signed`, `cancelled` and `given`. */
export const minuteStamp = (now: Date): string => now.toISOString().slice(0, 16) + 'Z';

/** The one record on a page the gadget wrote whole, or null. */
function single<T>(codec: Parameters<typeof parseSingleRecord<T>>[0], text: string): T | null {
  return text === '' ? null : (parseSingleRecord(codec, text).parsed?.record ?? null);
}

/**
 * The sign-ups that count: `<clinic>/Sign-ups/<User>` pages whose record names that user and
 * whose latest edit is theirs (anyone else's edit is left for the bot to look at).
 */
export function trustedSignups(clinicTitle: string, subpages: readonly Subpage[]): SignupEntry[] {
  const prefix = norm(clinicSignupTitle(clinicTitle, ''));
  const out: SignupEntry[] = [];
  for (const page of subpages) {
    const title = norm(page.title);
    if (!title.startsWith(prefix)) continue;
    const owner = title.slice(prefix.length);
    if (owner === '' || owner.includes('/') || !sameUser(page.user, owner)) continue;
    const signup = single(signupCodec, page.content);
    if (signup && sameUser(signup.username, owner))
      out.push({ signup: { ...signup, username: canonicalUser(owner) }, pageid: page.pageid });
  }
  return out;
}

export function placeOf(roster: Roster, username: string): Place {
  const me = canonicalUser(username);
  for (const s of roster.sessions) {
    if (s.confirmed.includes(me)) return { kind: 'confirmed', session: s.session };
    if (s.team.includes(me)) return { kind: 'team', session: s.session };
    const i = s.waiting.indexOf(me);
    if (i >= 0) return { kind: 'waiting', session: s.session, position: i + 1 };
  }
  return roster.cancelled.includes(me) ? { kind: 'cancelled' } : { kind: 'none' };
}

/** The clinic page and the taxonomy in one request, every subpage in another. */
export async function loadClinic(
  wiki: ClinicWiki,
  title: string,
  username: string | null,
  botName: string,
): Promise<ClinicState | null> {
  const indexTitle = directoryIndexTitle(botName);
  const [pages, subpages] = await Promise.all([
    wiki.readPages([title, indexTitle]),
    wiki.readSubpages(`${title}/`),
  ]);
  const find = (t: string) => pages.find((p) => norm(p.title) === norm(t));
  const page = pageState(title, find(title));
  const clinic = single(clinicCodec, page.text);
  if (!clinic) return null;
  const index = find(indexTitle);
  const taxonomy = taxonomyFromIndex(
    index?.exists ? readDocument(index.content ?? '', 'directory-index').document : null,
  );
  const own = (t: string): PageState => {
    const sub = subpages.find((p) => norm(p.title) === norm(t));
    return sub
      ? { title: t, text: sub.content, revid: sub.revid }
      : { title: t, text: '', revid: null };
  };
  const me = username === null ? '' : canonicalUser(username);
  const signupPage = own(clinicSignupTitle(title, me));
  const feedbackPage = own(clinicFeedbackTitle(title, me));
  const signups = trustedSignups(title, subpages);
  return {
    page,
    clinic,
    signups,
    roster: clinicRoster(clinic, signups),
    ownSignup: { page: signupPage, signup: single(signupCodec, signupPage.text) },
    ownFeedback: { page: feedbackPage, feedback: single(feedbackCodec, feedbackPage.text) },
    taxonomy,
  };
}

export type OwnSaveResult = { kind: 'saved'; page: PageState } | Failed;

/**
 * Saves a page only its owner edits (a sign-up, feedback), based on the revision read. An
 * edit conflict there means the owner saved from another tab: read again and, when the
 * latest edit is the owner's, save over it once; anyone else's edit is never overwritten.
 */
export async function saveOwnPage(
  wiki: WikiClient,
  page: PageState,
  text: string,
  summary: string,
  username: string,
): Promise<OwnSaveResult> {
  let base = page.revid;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await wiki.save(page.title, text, summary, base);
      return { kind: 'saved', page: { title: page.title, text, revid: result.revid } };
    } catch (err) {
      if (failureKind(err) !== 'conflict' || attempt >= 2) return failed(err);
      try {
        const [now] = await wiki.readPages([page.title]);
        if (now?.exists && !sameUser(now.user ?? '', username)) return failed(err);
        base = now?.exists ? (now.revid ?? null) : null;
      } catch (again) {
        return failed(again);
      }
    }
  }
}

export const signupText = (s: Signup) => `${serialiseRecord(signupCodec, s)}\n`;
export const feedbackText = (f: Feedback) => `${serialiseRecord(feedbackCodec, f)}\n`;

/** When session `n` (1, 2…) ends, in ms; NaN when it has no readable start. */
export function sessionEnd(clinic: Clinic, n: number): number {
  const start = Date.parse(clinic.sessions[n - 1] ?? '');
  return start + (clinic.minutes ?? DEFAULT_CLINIC_MINUTES) * 60_000;
}

/** Whether the reader's session (or, without one, the clinic's last) has ended. */
export function sessionOver(clinic: Clinic, place: Place, now: Date): boolean {
  const n =
    place.kind === 'confirmed' || place.kind === 'team' || place.kind === 'waiting'
      ? place.session
      : Math.max(1, clinic.sessions.length);
  const end = sessionEnd(clinic, n);
  return !Number.isNaN(end) && now.getTime() >= end;
}

/**
 * Feedback is asked of the people who had a place (or shared or interpreted) once their
 * session has ended: someone who waited or never signed up was not there.
 */
export function feedbackOpen(clinic: Clinic, place: Place, now: Date): boolean {
  return (place.kind === 'confirmed' || place.kind === 'team') && sessionOver(clinic, place, now);
}

/** Working-group members and Learning Ambassadors (the gadget's convenience; the bot checks). */
export async function mayCreateClinics(
  wiki: WikiClient,
  root: string,
  username: string,
): Promise<boolean> {
  const group = await readPage(wiki, workingGroupPageTitle(root));
  return parseRecords(memberCodec, group.text).some(
    ({ record }) => record.role !== '' && sameUser(record.username, username),
  );
}
