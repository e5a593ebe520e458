/**
 * The report's numbers (User:<bot>/Report.json, one request) and the charts drawn from them:
 * registrations, clinics and connections per month, people by region and by role, and the
 * most wanted topics with their sharers.
 */
import type { ReportCount, ReportData, ReportMonth } from '../../../shared/documents/documents';
import { readDocument } from '../../../shared/documents/read-document';
import { reportDataTitle } from '../../../shared/pages';
import type { WikiClient } from '../../../shared/wiki-client';
import type { Translate } from '../../kit';
import type { ChartRow } from './BarChart';

/** The report's numbers, or null when the bot has not written them yet. */
export async function loadReport(client: WikiClient, botName: string): Promise<ReportData | null> {
  const title = reportDataTitle(botName);
  const [page] = await client.readPages([title]);
  if (!page?.exists) return null;
  const read = readDocument(page.content ?? '', 'report');
  if (!read.document) throw new Error(read.problems.map((p) => p.key).join(', '));
  return read.document;
}

const TOP_TOPICS = 10;

export interface ChartData {
  id: string;
  /** The series' names, in the reader's words. */
  series: string[];
  rows: ChartRow[];
}

/** The charts with something to show, in order; `topicName` names a topic id. */
export function reportCharts(
  d: ReportData,
  t: Translate,
  topicName: (id: string) => string,
): ChartData[] {
  const monthly = (id: string, keys: Array<keyof Omit<ReportMonth, 'month'>>): ChartData => ({
    id,
    series: keys.map((k) => t(`letsconnect-report-${k}`)),
    rows: d.months.map((m) => ({ label: m.month, values: keys.map((k) => m[k]) })),
  });
  const people = (
    id: string,
    rows: readonly ReportCount[],
    name: (id: string) => string,
  ): ChartData => ({
    id,
    series: [t('letsconnect-report-people')],
    rows: rows.map((r) => ({ label: name(r.id), values: [r.count] })),
  });
  const sharers = new Map(d.share.map((s) => [s.id, s.count]));
  return [
    monthly('registrations', ['registered']),
    monthly('clinics', ['clinics', 'participations', 'feedback']),
    monthly('connections', ['proposed', 'approved', 'met', 'selfMade', 'selfMadeMet']),
    people('regions', d.regions, (id) =>
      t(id === 'unknown' ? 'letsconnect-report-region-unknown' : `letsconnect-region-${id}`),
    ),
    people('roles', d.roles, (id) =>
      t(id === 'none' ? 'letsconnect-report-role-none' : `letsconnect-role-${id}`),
    ),
    {
      id: 'topics',
      series: [t('letsconnect-report-learners'), t('letsconnect-report-sharers')],
      rows: d.learn.slice(0, TOP_TOPICS).map((l) => ({
        label: topicName(l.id),
        values: [l.count, sharers.get(l.id) ?? 0],
      })),
    },
  ].filter((c) => c.rows.length > 0);
}
