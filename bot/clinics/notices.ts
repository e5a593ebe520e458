/**
 * Clinic reminders and moved-up notices on people's talk pages (who and when:
 * shared/clinics/reminders.ts). Each is a new section in the language the person reads best,
 * with the session times in their own time zone, the link to join and what to do next, and a
 * hidden marker with its key. The edit that adds it first looks for that marker in the page it
 * is about to change (and saves against that revision); the ledger
 * `User:<bot>/Clinics/notices.json` then records it. A run killed between the two is healed
 * by the next, which finds the marker and records the message as sent: nothing goes twice.
 * `{{bots}}`/`{{nobots}}` are honoured by the safe editor (`talkPage: true`); a refusal is
 * recorded too, so it is not asked again every run.
 */
import {
  planClinicNotices,
  type ClinicNoticeRecord,
  type ClinicWithSignups,
  type PlannedClinicNotice,
} from '../../shared/clinics/reminders';
import { sessionStarts } from '../../shared/clinics/summary';
import type { DirectoryEntry } from '../../shared/documents/documents';
import { clinicNoticesTitle } from '../../shared/pages';
import { redactPrivate } from '../../shared/privacy/redact';
import { topicLabel, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import type { PageRevision } from '../../shared/wiki-client';
import { escapeValue, wikiLink } from '../../shared/wikitext/escape';
import { parseHourWindow } from '../config/config';
import { generatedStamp } from '../connections/rounds';
import { speaker } from '../match/reasons';
import { marker, messageLanguage } from '../notify/messages';
import type { RunContext } from '../run-context';
import { sendOrNoteFailure } from '../wiki/message-failures';
import { appendToLedger } from '../wiki/documents-io';
import { readClinicLedger } from './ledgers';
import { localTime } from './invitations';
import { safeLink } from './summary-page';

export interface RenderedNotice {
  heading: string;
  body: string;
  summary: string;
  language: string;
}

export function renderClinicNotice(
  notice: PlannedClinicNotice,
  clinic: ClinicWithSignups,
  person: DirectoryEntry | undefined,
  taxonomy: Taxonomy,
): RenderedNotice {
  const bodyKey =
    notice.kind === 'moved-up' ? 'letsconnect-moved-up-body' : 'letsconnect-reminder-body';
  const language = messageLanguage(person, bodyKey);
  const s = speaker(language, taxonomy);
  const { t } = s;
  const c = clinic.clinic;
  const topic = taxonomy.topics.get(c.topic);
  const label = escapeValue(topic ? topicLabel(topic, [language], s.lookup) : c.topic);
  const page = wikiLink(clinic.title, c.title || clinic.title);
  const starts = sessionStarts(c);
  // Someone outside the directory (a sharer the host added) is told in UTC, and says so.
  const zone = person?.timezone ?? 'UTC';
  const times = notice.sessions
    .map((n) => {
      const at = starts[n - 1];
      return at === undefined
        ? ''
        : `* ${t('letsconnect-clinic-notice-session', n, escapeValue(localTime(at, language, zone)))}`;
    })
    .filter(Boolean)
    .join('\n');
  const join = safeLink(c.link, '', t('letsconnect-clinic-notice-join-label'));
  const lines: string[] = [];
  let heading: string;
  if (notice.kind === 'moved-up') {
    heading = t('letsconnect-moved-up-heading', label);
    lines.push(
      `${t('letsconnect-moved-up-body', page, notice.sessions[0] ?? 1)}\n${times}`,
      t('letsconnect-moved-up-next', page),
    );
  } else {
    heading = t('letsconnect-reminder-heading', label);
    lines.push(
      `${t(notice.role === 'team' ? 'letsconnect-reminder-body-team' : 'letsconnect-reminder-body', page, notice.sessions.length)}\n${times}`,
      join ? t('letsconnect-reminder-join', join) : t('letsconnect-reminder-join-on-page', page),
      t(
        notice.role === 'team' ? 'letsconnect-reminder-cancel-team' : 'letsconnect-reminder-cancel',
        page,
      ),
    );
  }
  return {
    heading: redactPrivate(heading),
    body: redactPrivate(`${marker(notice.key)}\n${lines.join('\n\n')} ~~~~`),
    summary: t('letsconnect-bot-summary-notice', heading),
    language,
  };
}

/** The talk page with the notice added, or null when its marker is already there. */
function withNotice(current: PageRevision, rendered: RenderedNotice, key: string): string | null {
  const text = current.exists ? (current.content ?? '') : '';
  if (text.includes(marker(key))) return null;
  const section = `== ${rendered.heading} ==\n${rendered.body}\n`;
  return text.trim() === '' ? section : `${text.trimEnd()}\n\n${section}`;
}

export interface NoticesResult {
  reminders: number;
  movedUp: number;
  excluded: number;
  /** Found already on the talk page (a run that stopped before its ledger): recorded now. */
  healed: number;
  /** "key (reason)" of each message that could not be sent (see sendOrNoteFailure). */
  failed: string[];
}

export async function sendClinicNotices(
  ctx: RunContext,
  clinics: readonly ClinicWithSignups[],
  people: readonly DirectoryEntry[],
  taxonomy: Taxonomy,
): Promise<NoticesResult> {
  const title = clinicNoticesTitle(ctx.config.botName);
  const ledger = await readClinicLedger(ctx, title, 'clinic-notices');
  const plan = planClinicNotices({
    now: ctx.now,
    clinics,
    sent: ledger.sent,
    window: parseHourWindow(ctx.config.reminderHours) ?? undefined,
  });
  const byTitle = new Map(clinics.map((c) => [c.title, c]));
  const byUser = new Map(people.map((p) => [p.username, p]));
  const at = generatedStamp(ctx);
  const result: NoticesResult = { reminders: 0, movedUp: 0, excluded: 0, healed: 0, failed: [] };
  const recorded: ClinicNoticeRecord[] = [];
  const failed = result.failed;
  try {
    for (const [i, notice] of plan.entries()) {
      const rendered = renderClinicNotice(
        notice,
        byTitle.get(notice.clinic)!,
        byUser.get(notice.user),
        taxonomy,
      );
      const outcome = await sendOrNoteFailure(
        notice.key,
        () =>
          ctx.editor.edit(
            `User talk:${notice.user}`,
            (current) => withNotice(current, rendered, notice.key),
            rendered.summary,
            { talkPage: true },
          ),
        failed,
        ctx.log,
      );
      if (!outcome) continue;
      ctx.log.progress('Clinic reminders', i + 1, plan.length);
      if (outcome.status === 'dry-run') continue;
      if (outcome.status === 'excluded') result.excluded++;
      else if (outcome.status === 'saved')
        result[notice.kind === 'moved-up' ? 'movedUp' : 'reminders']++;
      else result.healed++;
      recorded.push({
        key: notice.key,
        kind: notice.kind,
        clinic: notice.clinic,
        user: notice.user,
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
      ctx.t('letsconnect-clinics-bot-summary-notices', recorded.length),
    );
  }
  return result;
}
