/**
 * `<clinic>/Summary` as the bot writes it: attendance against sign-ups, feedback rate,
 * usefulness, mean rating, topics wanted next, the recording and materials. Every definition
 * is printed next to its number. A hidden marker carries a fingerprint of the revisions read,
 * so a later run with the same sources leaves the page alone without reading them again.
 */
import { createHash } from 'node:crypto';
import type { ClinicSummary } from '../../shared/clinics/summary';
import type { Clinic } from '../../shared/records/clinic';
import type { Resource } from '../../shared/records/resource';
import type { MessageLookup, Taxonomy } from '../../shared/taxonomy/taxonomy';
import { pageMessage, topicWikitext } from '../../shared/labels/labels';
import { escapeValue, linkTarget, wikiLink } from '../../shared/wikitext/escape';
import type { Translate } from '../i18n';

/** The marker that says which revisions a summary was computed from. */
export const summaryMarker = (fingerprint: string): string =>
  `<!-- letsconnect:clinic-summary:${fingerprint} -->`;

/** The sources of a summary, as one short hash: change any of them and it changes. */
export function summaryFingerprint(sources: ReadonlyArray<string | number>): string {
  return createHash('sha256').update(JSON.stringify(sources)).digest('hex').slice(0, 20);
}

const SAFE_URL = /^https:\/\/[^\s[\]<>"{}|\\^`]+$/;

/** An external or wiki link with an escaped label, or null when the target is not safe to write. */
export function safeLink(url: string, page: string, label: string): string | null {
  const text = escapeValue(label.trim() || url || page);
  if (url !== '' && SAFE_URL.test(url)) return `[${url} ${text}]`;
  const target = url === '' && page !== '' ? linkTarget(page) : null;
  if (target !== null) return `[[${target}|${text}]]`;
  return null;
}

const percent = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);

export interface SummaryInput {
  title: string;
  clinic: Clinic;
  summary: ClinicSummary;
  materials: readonly Resource[];
  fingerprint: string;
  taxonomy: Taxonomy;
  t: Translate;
  lookup: MessageLookup;
}

/**
 * The page. Its words are the label module's (`pageMessage`), so they follow the reader's
 * language as its topic labels do; `input.t` is for the bot's edit summaries.
 */
export function renderSummaryPage(input: SummaryInput): string {
  const { summary: s, clinic } = input;
  const t = pageMessage;
  const label = (id: string) => topicWikitext(input.taxonomy, input.lookup, id);
  const row = (name: string, value: string | number) => `|-\n| ${name} || ${value}`;
  const table = (rows: string[]) =>
    [
      '{| class="wikitable"',
      `! ${t('letsconnect-clinics-bot-col-measure')} !! ${t('letsconnect-clinics-bot-col-value')}`,
      ...rows,
      '|}',
    ].join('\n');
  const notRecorded = t('letsconnect-clinics-bot-not-recorded');
  const lines = [
    summaryMarker(input.fingerprint),
    t(
      'letsconnect-clinics-bot-intro',
      wikiLink(input.title, clinic.title || input.title),
      label(clinic.topic),
    ),
    '',
    `== ${t('letsconnect-clinics-bot-heading-attendance')} ==`,
    table([
      row(t('letsconnect-clinics-bot-confirmed'), s.confirmed),
      row(t('letsconnect-clinics-bot-waiting'), s.waiting),
      row(t('letsconnect-clinics-bot-cancelled'), s.cancelled),
      row(t('letsconnect-clinics-bot-team'), s.team),
      row(t('letsconnect-clinics-bot-attended'), s.attended ?? notRecorded),
      row(
        t('letsconnect-clinics-bot-attendance-rate'),
        s.attended !== null && s.attended > s.confirmed
          ? t('letsconnect-clinics-bot-attendance-walk-ins', s.attended, s.confirmed)
          : percent(s.attendanceRate),
      ),
    ]),
    '',
    `== ${t('letsconnect-clinics-bot-heading-feedback')} ==`,
    table([
      row(t('letsconnect-clinics-bot-feedback-given'), s.feedbackGiven),
      row(t(`letsconnect-clinics-bot-feedback-rate-${s.feedbackBase}`), percent(s.feedbackRate)),
      row(
        t('letsconnect-clinics-bot-useful'),
        t(
          'letsconnect-clinics-bot-useful-value',
          s.usefulYes,
          s.usefulAnswers,
          percent(s.usefulShare),
        ),
      ),
      row(
        t('letsconnect-clinics-bot-rating'),
        s.meanRating === null
          ? '–'
          : t('letsconnect-clinics-bot-rating-value', s.meanRating.toFixed(1), s.ratings),
      ),
    ]),
    '',
    `== ${t('letsconnect-clinics-bot-heading-wanted')} ==`,
    ...(s.wanted.length === 0
      ? [t('letsconnect-clinics-bot-wanted-none')]
      : s.wanted.map(
          (w) => `* ${t('letsconnect-clinics-bot-wanted-line', label(w.topic), w.count)}`,
        )),
    '',
    `== ${t('letsconnect-clinics-bot-heading-materials')} ==`,
  ];
  const links = [
    SAFE_URL.test(clinic.recording)
      ? `[${clinic.recording} ${t('letsconnect-clinics-bot-recording')}]`
      : null,
    ...input.materials.map((m) => safeLink(m.url, m.page, m.title)),
  ].filter((l): l is string => l !== null);
  lines.push(
    ...(links.length === 0
      ? [t('letsconnect-clinics-bot-materials-none')]
      : links.map((l) => `* ${l}`)),
  );
  return `${lines.join('\n')}\n`;
}
