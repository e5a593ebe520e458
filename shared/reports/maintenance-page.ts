/**
 * `R/Maintenance`: what the working group should look at: profiles left out of the directory
 * and why, edits not written by a profile's owner, unknown topics. A sortable table of page,
 * problem and since when.
 */
import { escapeValue, wikiLink } from '../wikitext/escape';

export interface MaintenanceRow {
  page: string;
  /** The problem in words (already rendered from its message key). */
  problem: string;
  /** `YYYY-MM-DD` when the bot first saw it. */
  since: string;
  severity: 'error' | 'warning';
}

export function renderMaintenancePage(
  rows: readonly MaintenanceRow[],
  t: (key: string, ...params: (string | number)[]) => string,
): string {
  const sorted = [...rows].sort(
    (a, b) => a.page.localeCompare(b.page) || a.problem.localeCompare(b.problem),
  );
  const lines = [
    `<!-- ${t('letsconnect-directory-page-generated')} -->`,
    t('letsconnect-maintenance-intro', rows.length),
    '',
  ];
  if (sorted.length === 0) return lines.join('\n');
  lines.push(
    '{| class="wikitable sortable letsconnect-maintenance"',
    `! ${[t('letsconnect-maintenance-col-page'), t('letsconnect-maintenance-col-problem'), t('letsconnect-maintenance-col-severity'), t('letsconnect-maintenance-col-since')].join(' !! ')}`,
  );
  for (const r of sorted) {
    const cells = [
      wikiLink(r.page),
      escapeValue(r.problem),
      t(`letsconnect-maintenance-severity-${r.severity}`),
      r.since,
    ];
    lines.push('|-', `| ${cells.join(' || ')}`);
  }
  lines.push('|}', '');
  return lines.join('\n');
}
