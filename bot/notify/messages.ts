/**
 * The talk-page messages the notifier leaves, in a language the person reads (the first of
 * their profile's languages, most fluent first, that has the message; else English). Every
 * value from a profile is escaped; each message carries a hidden marker with its key, which
 * is how a re-run after a crash finds it already sent.
 */
import type { DirectoryEntry } from '../../shared/documents/documents';
import type { PlannedMessage } from '../../shared/connections/notify-plan';
import { NOTIFY_POLICY, participants } from '../../shared/connections/notify-plan';
import { utcOffsetHours } from '../../shared/matching/time';
import { connectionsPageTitle } from '../../shared/pages';
import { levelOf } from '../../shared/matching/people';
import { topicLabel, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import { redactPrivate } from '../../shared/privacy/redact';
import { escapeValue, wikiLink } from '../../shared/wikitext/escape';
import type { MatchMessage } from '../../shared/matching/types';
import { botMessages, hasMessage, type Translate } from '../i18n';
import { languageName, reasonsText, speaker } from '../match/reasons';

export const marker = (key: string): string => `<!-- letsconnect:${key} -->`;

/** The person's languages, most fluent first, then English. */
export function messageLanguage(entry: DirectoryEntry | undefined, key: string): string {
  const spoken = [...(entry?.languages ?? [])].sort((a, b) => levelOf(b.level) - levelOf(a.level));
  return spoken.map((l) => l.code).find((code) => hasMessage(code, key)) ?? 'en';
}

const userLink = (name: string): string => wikiLink(`User:${name}`, name);

function offsetText(zone: string, atMs: number): string {
  const offset = utcOffsetHours(zone, atMs);
  if (offset === null) return '';
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  const h = Math.floor(abs);
  const m = Math.round((abs - h) * 60);
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** "Name (Zone, UTC+3; weekdays 18–21)" for each participant. */
function localTimes(
  people: ReadonlyMap<string, DirectoryEntry>,
  names: string[],
  atMs: number,
): string {
  return names
    .map((name) => {
      const e = people.get(name);
      if (!e || e.timezone === '') return userLink(name);
      const slots = e.availability.map((s) => `${s.days} ${s.from}–${s.to}`).join(', ');
      const zone = [escapeValue(e.timezone), offsetText(e.timezone, atMs)]
        .filter(Boolean)
        .join(', ');
      return `${userLink(name)} (${zone}${slots ? `; ${escapeValue(slots)}` : ''})`;
    })
    .join('; ');
}

export interface RenderContext {
  root: string;
  now: Date;
  people: ReadonlyMap<string, DirectoryEntry>;
  taxonomy: Taxonomy;
  /** The engine's reasons for the proposal, or null for one added by hand (its text is used). */
  reasons: MatchMessage[] | null;
}

export interface RenderedMessage {
  heading: string;
  body: string;
  summary: string;
  language: string;
}

function outcomeLink(t: Translate, ctx: RenderContext, round: string, id: string): string {
  const page = connectionsPageTitle(ctx.root, round);
  return `[{{fullurl:${page}|letsconnect-outcome=${id}}} ${t('letsconnect-notice-outcome-link')}]`;
}

export function renderMessage(m: PlannedMessage, ctx: RenderContext): RenderedMessage {
  const entry = ctx.people.get(m.user);
  const language = messageLanguage(entry, `letsconnect-notice-${m.kind}-body`);
  const s = speaker(language, ctx.taxonomy);
  const { t } = s;
  const p = m.proposal;
  const topic = ctx.taxonomy.topics.get(p.topic);
  const label = escapeValue(topic ? topicLabel(topic, [language], s.lookup) : p.topic);
  const languages = p.languages.map((code) => languageName(s, code)).join(', ');
  const others = participants(p).filter((u) => u !== m.user);
  const withWhom = others.map(userLink).join(', ');
  const link = outcomeLink(t, ctx, m.round, p.id);
  const lines: string[] = [];
  let heading: string;
  if (m.kind === 'intro') {
    heading = t('letsconnect-notice-intro-heading', label);
    const role = m.user === p.sharer ? 'sharer' : 'learner';
    lines.push(
      t('letsconnect-notice-intro-body', withWhom, label),
      t(`letsconnect-notice-intro-role-${role}`, others.length),
      escapeValue(ctx.reasons ? reasonsText(s, ctx.reasons) : p.reason),
      t('letsconnect-notice-languages', escapeValue(languages || '–')),
      t('letsconnect-notice-times', localTimes(ctx.people, participants(p), ctx.now.getTime())),
      t('letsconnect-notice-intro-next', link),
      t('letsconnect-notice-snooze'),
    );
  } else {
    heading = t(`letsconnect-notice-${m.kind}-heading`, label);
    lines.push(
      t(`letsconnect-notice-${m.kind}-body`, withWhom, label, link, NOTIFY_POLICY.followUpDays),
    );
  }
  return {
    heading: redactPrivate(heading),
    body: redactPrivate(`${marker(m.key)}\n${lines.join('\n\n')} ~~~~`),
    summary: t('letsconnect-bot-summary-notice', heading),
    language,
  };
}

/** The notice to a person paused after unanswered introductions, saying how to resume. */
export function renderPausedMessage(
  user: string,
  since: string,
  ctx: RenderContext,
): RenderedMessage & { key: string } {
  const key = `paused:${user}:${since}`;
  const language = messageLanguage(ctx.people.get(user), 'letsconnect-notice-paused-body');
  const { t } = botMessages(language);
  const heading = t('letsconnect-notice-paused-heading');
  const root = `[[${ctx.root}|${escapeValue(ctx.root)}]]`;
  return {
    key,
    heading,
    body: `${marker(key)}\n${t('letsconnect-notice-paused-body', NOTIFY_POLICY.pauseAfter, root)} ~~~~`,
    summary: t('letsconnect-bot-summary-notice', heading),
    language,
  };
}
