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
import type { RequestMessage } from '../../shared/connections/requests';
import { REQUEST_POLICY } from '../../shared/connections/requests';
import {
  connectionsPageTitle,
  directoryPageTitle,
  profilePageTitle,
  requestsPageTitle,
} from '../../shared/pages';
import type { PageRevision } from '../../shared/wiki-client';
import { levelOf } from '../../shared/matching/people';
import { topicLabel, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import { redactPrivate } from '../../shared/privacy/redact';
import { escapeValue, wikiLink } from '../../shared/wikitext/escape';
import { botMessages, hasMessage, type Translate } from '../i18n';
import { languageName, speaker, type Speaker } from '../match/reasons';

export const marker = (key: string): string => `<!-- letsconnect:${key} -->`;

/**
 * `current` with `message` appended as a new section, or null (no edit) when `markerText` is
 * already on the page: the message was sent, perhaps by a run that crashed before recording it.
 */
export function appendSection(
  current: PageRevision,
  message: Pick<RenderedMessage, 'heading' | 'body'>,
  markerText: string,
): string | null {
  const text = current.exists ? (current.content ?? '') : '';
  if (text.includes(markerText)) return null;
  const section = `== ${message.heading} ==\n${message.body}\n`;
  return text.trim() === '' ? section : `${text.trimEnd()}\n\n${section}`;
}

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

/** A whole hour as a 24-hour clock time, "18:00". */
const clock = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** When a person is usually free, in words: "Weekdays 18:00–21:00, Saturdays 10:00–12:00". */
function availabilityText(t: Translate, entry: DirectoryEntry): string {
  return entry.availability
    .map(
      (slot) => `${t(`letsconnect-gadget-day-${slot.days}`)} ${clock(slot.from)}–${clock(slot.to)}`,
    )
    .join(', ');
}

/**
 * The other person's time, under the step that says to write to them: their time zone with
 * its offset today, and when they are usually free (in their own time).
 */
function theirTime(t: Translate, entry: DirectoryEntry | undefined, atMs: number): string[] {
  if (!entry || entry.timezone === '') return [];
  const zone = [escapeValue(entry.timezone), offsetText(entry.timezone, atMs)]
    .filter(Boolean)
    .join(', ');
  const free = availabilityText(t, entry);
  const zoneLine = t('letsconnect-notice-their-time', userLink(entry.username), zone);
  const freeLine = free ? ` ${t('letsconnect-notice-their-free', escapeValue(free))}` : '';
  return [`#: ${zoneLine}${freeLine}`];
}

export interface RenderContext {
  root: string;
  now: Date;
  people: ReadonlyMap<string, DirectoryEntry>;
  taxonomy: Taxonomy;
  /**
   * For a proposal bridged by interpretation (no common language): the learner's and the
   * sharer's languages, which the introduction names instead of "languages in common".
   */
  interpretation?: { learner: string; sharer: string } | null;
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

/** Where a person says "yes", "not this month" or "not a good fit" to a proposal: their own page. */
function replyLink(t: Translate, ctx: RenderContext, user: string, id: string): string {
  const page = requestsPageTitle(ctx.root, user);
  return `[{{fullurl:${page}|letsconnect-reply=${id}}} ${t('letsconnect-notice-reply-link')}]`;
}

function topicText(ctx: RenderContext, topic: string, language: string, s: Speaker): string {
  const found = ctx.taxonomy.topics.get(topic);
  return escapeValue(found ? topicLabel(found, [language], s.lookup) : topic);
}

/** A request to connect, told to the person asked; a decline or expiry, told to the asker. */
export function renderRequestMessage(m: RequestMessage, ctx: RenderContext): RenderedMessage {
  const r = m.request;
  const language = messageLanguage(ctx.people.get(m.user), `letsconnect-notice-${m.kind}-heading`);
  const s = speaker(language, ctx.taxonomy);
  const { t } = s;
  const label = topicText(ctx, r.topic, language, s);
  const directory = wikiLink(directoryPageTitle(ctx.root), t('letsconnect-notice-directory-link'));
  let heading: string;
  let body: string;
  if (m.kind === 'request') {
    heading = t('letsconnect-notice-request-heading', r.asker);
    const page = requestsPageTitle(ctx.root, r.to);
    // Encoded: a user name's space would end the external link's address.
    const key = encodeURIComponent(`${r.asker}/${r.id}`);
    const link = `[{{fullurl:${page}|letsconnect-request=${key}}} ${t('letsconnect-notice-request-link')}]`;
    const format = t(
      `letsconnect-notice-request-format-${r.format === 'resource-sharing' ? 'resource-sharing' : 'one-to-one'}`,
    );
    body = t(
      `letsconnect-notice-request-body-${r.direction}`,
      userLink(r.asker),
      label,
      format,
      link,
      REQUEST_POLICY.expiryDays,
    );
  } else if (m.kind === 'request-declined') {
    heading = t('letsconnect-notice-request-declined-heading', r.to);
    body = t('letsconnect-notice-request-declined-body', userLink(r.to), label, directory);
  } else {
    heading = t('letsconnect-notice-request-expired-heading', r.to);
    body = t(
      'letsconnect-notice-request-expired-body',
      userLink(r.to),
      label,
      REQUEST_POLICY.expiryDays,
      directory,
    );
  }
  return {
    heading: redactPrivate(heading),
    body: redactPrivate(`${marker(m.key)}\n${body} ~~~~`),
    summary: t('letsconnect-bot-summary-notice', heading),
    language,
  };
}

/** "your Let's Connect profile", linked to the reader's own profile page. */
export function ownProfileLink(t: Translate, root: string, user: string): string {
  return wikiLink(profilePageTitle(root, user), t('letsconnect-notice-profile-link'));
}

/** "Write to A on their talk page or by email, and agree on a time…", linked, per other person. */
function contactSteps(t: Translate, ctx: RenderContext, others: readonly string[]): string[] {
  return others.flatMap((name) => [
    `# ${t(
      'letsconnect-notice-intro-contact',
      userLink(name),
      wikiLink(`User talk:${name}`, t('letsconnect-notice-talk-link')),
      wikiLink(`Special:EmailUser/${name}`, t('letsconnect-notice-email-link')),
    )}`,
    ...theirTime(t, ctx.people.get(name), ctx.now.getTime()),
  ]);
}

/**
 * A message to one participant, in the second person: whom they meet and why in one line,
 * then what to do next, with direct links (the other person's talk page and email, the
 * outcome form, their own profile). The matcher's reasons are not in it: they are for the
 * working group, on the round page.
 */
export function renderMessage(m: PlannedMessage, ctx: RenderContext): RenderedMessage {
  const entry = ctx.people.get(m.user);
  // A language that has the message's opening line (for an introduction, every line is new).
  const opening = m.kind === 'intro' ? 'intro-learner' : `${m.kind}-body`;
  const language = messageLanguage(entry, `letsconnect-notice-${opening}`);
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
  if (m.kind === 'intro' && p.origin === 'self-made') {
    // Both asked for it: a confirmation, then how to reach each other.
    heading = t('letsconnect-notice-confirmed-heading', escapeValue(others.join(', ')));
    const steps = [
      ...contactSteps(t, ctx, others),
      ...(languages ? [`#: ${t('letsconnect-notice-languages', escapeValue(languages))}`] : []),
    ];
    lines.push(
      t('letsconnect-notice-confirmed-body', withWhom, label, link),
      [`'''${t('letsconnect-notice-intro-todo')}'''`, ...steps].join('\n'),
    );
  } else if (m.kind === 'intro') {
    heading = t('letsconnect-notice-intro-heading', escapeValue(others.join(', ')), label);
    const hello =
      m.user === p.sharer
        ? t('letsconnect-notice-intro-sharer', withWhom, label, others.length)
        : t('letsconnect-notice-intro-learner', withWhom, label);
    const bridge = ctx.interpretation;
    const steps = [
      ...contactSteps(t, ctx, others),
      // A pair bridged by interpretation has no language in common: say who arranges one.
      ...(bridge
        ? [
            `#: ${t(
              'letsconnect-notice-interpretation',
              escapeValue(languageName(s, bridge.learner)),
              escapeValue(languageName(s, bridge.sharer)),
            )}`,
          ]
        : languages
          ? [`#: ${t('letsconnect-notice-languages', escapeValue(languages))}`]
          : []),
      `# ${t('letsconnect-notice-intro-report', link)}`,
      `# ${t('letsconnect-notice-intro-reply', replyLink(t, ctx, m.user, p.id))}`,
    ];
    lines.push(
      hello,
      [`'''${t('letsconnect-notice-intro-todo')}'''`, ...steps].join('\n'),
      t('letsconnect-notice-snooze', ownProfileLink(t, ctx.root, m.user)),
    );
  } else if (m.kind === 'not-this-month' || m.kind === 'not-a-good-fit') {
    // Who said no is the proposal's reviewer (replies.ts); their reason is not repeated here.
    heading = t(`letsconnect-notice-${m.kind}-heading`, escapeValue(p.reviewer), label);
    const directory = wikiLink(
      directoryPageTitle(ctx.root),
      t('letsconnect-notice-directory-link'),
    );
    lines.push(t(`letsconnect-notice-${m.kind}-body`, userLink(p.reviewer), label, directory));
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
  const profile = ownProfileLink(t, ctx.root, user);
  return {
    key,
    heading,
    body: `${marker(key)}\n${t('letsconnect-notice-paused-body', NOTIFY_POLICY.pauseAfter, profile)} ~~~~`,
    summary: t('letsconnect-bot-summary-notice', heading),
    language,
  };
}
