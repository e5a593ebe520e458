/**
 * Invitations to upcoming clinics on participants' talk pages (who: see
 * shared/clinics/invitations.ts). Each is a new section in the language the person reads
 * best among those with the message, with the sessions' times in their own time zone, and a
 * hidden marker; the edit that adds it first looks for that marker, and for any invitation
 * marked in the last 7 days, in the page it is about to change. The ledger
 * `User:<bot>/Clinics/invitations.json` then records it, so a re-run, or one after a crash
 * between the two, sends nothing twice.
 */
import {
  INVITATION_POLICY,
  planInvitations,
  type InvitationRecord,
  type PlannedInvitation,
  type UpcomingClinic,
} from '../../shared/clinics/invitations';
import { sessionStarts } from '../../shared/clinics/summary';
import type { DirectoryEntry } from '../../shared/documents/documents';
import { invitationsTitle } from '../../shared/pages';
import { DEFAULT_CLINIC_CAPACITY } from '../../shared/records/clinic';
import { isTimeZone } from '../../shared/records/vocabulary';
import { topicLabel, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import type { PageRevision } from '../../shared/wiki-client';
import { redactPrivate } from '../../shared/privacy/redact';
import { escapeValue, wikiLink } from '../../shared/wikitext/escape';
import { generatedStamp } from '../connections/rounds';
import { languageName, speaker } from '../match/reasons';
import { marker, messageLanguage, ownProfileLink } from '../notify/messages';
import type { RunContext } from '../run-context';
import { appendToLedger } from '../wiki/documents-io';
import { sendOrNoteFailure } from '../wiki/message-failures';
import { readClinicLedger } from './ledgers';

const DAY_MS = 86_400_000;
const INVITE_MARK = /<!-- letsconnect:invite:.*? on (\d{4}-\d{2}-\d{2}) -->/g;

/** A time in the reader's language and time zone, with the zone's offset. */
export function localTime(ms: number, language: string, zone: string): string {
  const timeZone = isTimeZone(zone) ? zone : 'UTC';
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'shortOffset',
  };
  let text: string;
  try {
    text = new Intl.DateTimeFormat(language, options).format(ms);
  } catch {
    text = new Intl.DateTimeFormat('en', options).format(ms);
  }
  return `${text} (${timeZone})`;
}

export interface RenderedInvitation {
  heading: string;
  body: string;
  summary: string;
  language: string;
}

export function renderInvitation(
  invitation: PlannedInvitation,
  clinic: UpcomingClinic,
  person: DirectoryEntry,
  taxonomy: Taxonomy,
  today: string,
  root: string,
): RenderedInvitation {
  const language = messageLanguage(person, 'letsconnect-invitation-body');
  const s = speaker(language, taxonomy);
  const { t } = s;
  const c = clinic.clinic;
  const topic = taxonomy.topics.get(c.topic);
  const label = escapeValue(topic ? topicLabel(topic, [language], s.lookup) : c.topic);
  const link = wikiLink(clinic.title, c.title || clinic.title);
  const times = sessionStarts(c)
    .map((ms) => `* ${escapeValue(localTime(ms, language, person.timezone))}`)
    .join('\n');
  const languages = c.languages.map((code) => languageName(s, code)).join(', ');
  const heading = t('letsconnect-invitation-heading', label);
  const lines = [
    t('letsconnect-invitation-body', label, link),
    `${t('letsconnect-invitation-when', sessionStarts(c).length)}\n${times}`,
    ...(languages ? [t('letsconnect-invitation-languages', escapeValue(languages))] : []),
    t(
      'letsconnect-invitation-signup',
      c.capacity ?? DEFAULT_CLINIC_CAPACITY,
      INVITATION_POLICY.minDaysBetween,
      wikiLink(clinic.title, t('letsconnect-invitation-signup-link')),
    ),
    t('letsconnect-invitation-why', ownProfileLink(t, root, person.username)),
  ];
  return {
    heading: redactPrivate(heading),
    body: redactPrivate(`${marker(`${invitation.key} on ${today}`)}\n${lines.join('\n\n')} ~~~~`),
    summary: t('letsconnect-bot-summary-notice', heading),
    language,
  };
}

/**
 * What the talk page says about this invitation: already there (a run that crashed before
 * saving the ledger), held back by another invitation marked in the last 7 days, or the new
 * text with the invitation added.
 */
function withInvitation(
  current: PageRevision,
  rendered: RenderedInvitation,
  key: string,
  nowMs: number,
): 'already' | 'recent' | string {
  const text = current.exists ? (current.content ?? '') : '';
  if (text.includes(`<!-- letsconnect:${key} on `)) return 'already';
  for (const m of text.matchAll(INVITE_MARK)) {
    const days = (nowMs - Date.parse(`${m[1]}T00:00:00Z`)) / DAY_MS;
    if (days < INVITATION_POLICY.minDaysBetween) return 'recent';
  }
  const section = `== ${rendered.heading} ==\n${rendered.body}\n`;
  return text.trim() === '' ? section : `${text.trimEnd()}\n\n${section}`;
}

export interface InvitationsResult {
  sent: number;
  excluded: number;
  skipped: number;
  /** "key (reason)" of each invitation that could not be sent (see sendOrNoteFailure). */
  failed: string[];
}

export async function sendInvitations(
  ctx: RunContext,
  clinics: readonly UpcomingClinic[],
  people: readonly DirectoryEntry[],
  taxonomy: Taxonomy,
): Promise<InvitationsResult> {
  const title = invitationsTitle(ctx.config.botName);
  const ledger = await readClinicLedger(ctx, title, 'clinic-invitations');
  const plan = planInvitations({
    now: ctx.now,
    clinics,
    people,
    sent: ledger.sent,
    horizonDays: ctx.config.invitationHorizonDays,
  });
  for (const s of plan.skipped) ctx.log.debug('Not invited', s);
  const byTitle = new Map(clinics.map((c) => [c.title, c]));
  const byUser = new Map(people.map((p) => [p.username, p]));
  const today = ctx.now.toISOString().slice(0, 10);
  const at = generatedStamp(ctx);
  const result: InvitationsResult = { sent: 0, excluded: 0, skipped: 0, failed: [] };
  const recorded: InvitationRecord[] = [];
  const failed = result.failed;
  try {
    for (const [i, inv] of plan.invitations.entries()) {
      const rendered = renderInvitation(
        inv,
        byTitle.get(inv.clinic)!,
        byUser.get(inv.user)!,
        taxonomy,
        today,
        ctx.config.root,
      );
      let found = null as 'already' | 'recent' | null;
      const outcome = await sendOrNoteFailure(
        inv.key,
        () =>
          ctx.editor.edit(
            `User talk:${inv.user}`,
            (current) => {
              const next = withInvitation(current, rendered, inv.key, ctx.now.getTime());
              found = next === 'already' || next === 'recent' ? next : null;
              return found ? null : next;
            },
            rendered.summary,
            { talkPage: true },
          ),
        failed,
        ctx.log,
      );
      ctx.log.progress('Invitations', i + 1, plan.invitations.length);
      if (!outcome) continue;
      if (outcome.status === 'dry-run') continue;
      if (found === 'recent') {
        result.skipped++; // another invitation this week: this one may go next time
        continue;
      }
      if (outcome.status === 'excluded') result.excluded++;
      else if (outcome.status === 'saved') result.sent++;
      else result.skipped++; // already on the page: record it
      recorded.push({
        clinic: inv.clinic,
        user: inv.user,
        at,
        status: outcome.status === 'excluded' ? 'excluded' : 'sent',
      });
    }
  } finally {
    await appendToLedger(
      ctx,
      title,
      ledger,
      recorded,
      at,
      ctx.t('letsconnect-clinics-bot-summary-invitations', recorded.length),
    );
  }
  return result;
}
