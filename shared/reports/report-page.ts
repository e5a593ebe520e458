/**
 * `R/Report` for readers without JavaScript: every number of the report as a wiki table,
 * each with its definition next to it, in total and per month; then by region, by role, and
 * per topic (people wanting to learn it and people able to share it). The gadget draws charts
 * from the same numbers (User:<bot>/Report.json) in the placeholder at the top. Nothing on
 * the page depends on the time of the run, so an unchanged wiki gives an unchanged page.
 */
import type { ReportCount, ReportData } from '../documents/documents';
import { labelCall, pageMessage } from '../labels/labels';
import { percent } from './report-stats';

export interface ReportPageOptions {
  /**
   * Message text in the bot's language, for the hidden note to editors; the page's words are
   * the label module's (`pageMessage`), in the reader's language.
   */
  t: (key: string, ...params: (string | number)[]) => string;
  /** A topic's label as wikitext (shared/labels topicWikitext). */
  topicLabel: (id: string) => string;
  /** Topics shown in the per-topic table: the most wanted first. */
  maxTopics?: number;
}

/** The report's numbers in the order the totals table gives them (also the gadget's order). */
export const REPORT_TOTALS = [
  'registered',
  'listed',
  'affiliated',
  'clinics',
  'participations',
  'feedback',
  'useful',
  'rating',
  'proposed',
  'approved',
  'met',
  'selfMade',
  'selfMadeMet',
  'summaries',
  'resources',
] as const;
export type ReportTotalId = (typeof REPORT_TOTALS)[number];

/** A total as shown: the count, with its share or mean where the definition has one. */
export function totalValue(data: ReportData, id: ReportTotalId): string {
  const x = data.totals;
  switch (id) {
    case 'listed':
      return `${x.listed} (${percent(x.listed, x.registered)}%)`;
    case 'affiliated':
      return `${x.affiliated} (${percent(x.affiliated, x.registered)}%)`;
    case 'feedback':
      return `${x.feedback} (${percent(x.feedback, x.participations)}%)`;
    case 'useful':
      return `${x.useful} / ${x.usefulAnswered} (${percent(x.useful, x.usefulAnswered)}%)`;
    case 'rating':
      return x.rated === 0 ? '–' : `${(x.ratingSum / x.rated).toFixed(1)} (${x.rated})`;
    default:
      return String(x[id]);
  }
}

/** The per-month columns, in order. */
export const REPORT_MONTH_COLUMNS = [
  'registered',
  'clinics',
  'participations',
  'feedback',
  'useful',
  'proposed',
  'approved',
  'met',
  'selfMade',
  'selfMadeMet',
  'summaries',
] as const;

function countTable(
  header: 'region' | 'role',
  rows: readonly ReportCount[],
  label: (id: string) => string,
  className: string,
): string {
  const lines = [
    `{| class="wikitable sortable ${className}"`,
    `! ${pageMessage(`letsconnect-report-${header}`)} !! ${pageMessage('letsconnect-report-people')}`,
  ];
  for (const r of rows) lines.push('|-', `| ${label(r.id)} || ${r.count}`);
  lines.push('|}');
  return lines.join('\n');
}

export function renderReportPage(data: ReportData, options: ReportPageOptions): string {
  const t = pageMessage;
  const x = data.totals;
  const out: string[] = [
    `<!-- ${options.t('letsconnect-report-page-generated')} -->`,
    t('letsconnect-report-page-intro', x.registered, x.clinics, x.proposed),
    '',
    '<div class="letsconnect-app letsconnect-report-app"></div>',
    '',
    `== ${t('letsconnect-report-page-heading-totals')} ==`,
    '{| class="wikitable letsconnect-report-totals"',
    `! ${t('letsconnect-report-page-col-number')} !! ${t('letsconnect-report-page-col-value')} !! ${t('letsconnect-report-page-col-definition')}`,
  ];
  for (const id of REPORT_TOTALS) {
    out.push(
      '|-',
      `| ${t(`letsconnect-report-${id}`)} || ${totalValue(data, id)} || ${t(`letsconnect-report-page-def-${id}`)}`,
    );
  }
  out.push('|}', '', `== ${t('letsconnect-report-page-heading-months')} ==`);
  out.push(t('letsconnect-report-page-def-months'), '');
  out.push(
    '{| class="wikitable sortable letsconnect-report-months"',
    `! ${[t('letsconnect-report-month'), ...REPORT_MONTH_COLUMNS.map((c) => t(`letsconnect-report-${c}`))].join(' !! ')}`,
  );
  for (const m of data.months) {
    out.push(
      '|-',
      `| ${[labelCall('month', m.month), ...REPORT_MONTH_COLUMNS.map((c) => m[c])].join(' || ')}`,
    );
  }
  out.push(
    '|-',
    `! ${[t('letsconnect-report-total'), ...REPORT_MONTH_COLUMNS.map((c) => x[c])].join(' !! ')}`,
    '|}',
    '',
  );
  out.push(`== ${t('letsconnect-report-page-heading-regions')} ==`);
  out.push(
    countTable(
      'region',
      data.regions,
      (id) => (id === 'unknown' ? t('letsconnect-report-region-unknown') : labelCall('region', id)),
      'letsconnect-report-regions',
    ),
    '',
  );
  out.push(`== ${t('letsconnect-report-page-heading-roles')} ==`);
  out.push(t('letsconnect-report-page-def-roles'), '');
  out.push(
    countTable(
      'role',
      data.roles,
      (id) => (id === 'none' ? t('letsconnect-report-role-none') : labelCall('role', id)),
      'letsconnect-report-roles',
    ),
    '',
  );
  out.push(`== ${t('letsconnect-report-page-heading-topics')} ==`);
  out.push(t('letsconnect-report-page-def-topics'), '');
  out.push(
    '{| class="wikitable sortable letsconnect-report-topics"',
    `! ${t('letsconnect-report-topic')} !! ${t('letsconnect-report-learners')} !! ${t('letsconnect-report-sharers')}`,
  );
  const sharers = new Map(data.share.map((s) => [s.id, s.count]));
  const topics = [
    ...data.learn,
    ...data.share
      .filter((s) => !data.learn.some((l) => l.id === s.id))
      .map((s) => ({ ...s, count: 0 })),
  ].slice(0, options.maxTopics ?? 50);
  for (const row of topics) {
    out.push(
      '|-',
      `| ${options.topicLabel(row.id)} || ${row.count} || ${sharers.get(row.id) ?? 0}`,
    );
  }
  out.push('|}', '');
  return out.join('\n');
}
