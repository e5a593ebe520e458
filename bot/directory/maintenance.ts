/**
 * `R/Maintenance` as both writers build it: the directory task (with the pages it just read)
 * and the notify task (with the pages the directory task remembered), each adding the
 * approved connections the notifier held back. One function, so the page says the same thing
 * whoever wrote it last, and an unchanged page is not edited again.
 */
import type { MatchHistory } from '../../shared/documents/documents';
import { connectionsPageTitle } from '../../shared/pages';
import { renderMaintenancePage, type MaintenanceRow } from '../../shared/reports/maintenance-page';
import type { StoredProblem } from '../../shared/documents/documents';
import { heldReasonsText } from '../match/round-page';
import type { RunContext } from '../run-context';

/** A page and its problems, as the directory task read or remembered it. */
export interface PageProblems {
  title: string;
  problems: StoredProblem[];
}

const SILENT = new Set(['letsconnect-problem-withdrawn', 'letsconnect-problem-not-listed']);

/** A page of someone who withdrew or did not agree to be listed: R/Maintenance never names it. */
const notNamed = (r: PageProblems): boolean => r.problems.some((p) => SILENT.has(p.key));

/** How many of the pages' problems R/Maintenance leaves out (see maintenanceRows). */
export function problemsNotNamed(all: readonly PageProblems[]): number {
  return all.filter(notNamed).reduce((n, r) => n + r.problems.length, 0);
}

/**
 * Rows for R/Maintenance. People who withdrew or did not agree to be listed are never named
 * there: consent gates publication, and withdrawing removes a person from every bot output.
 */
function maintenanceRows(ctx: RunContext, all: readonly PageProblems[]): MaintenanceRow[] {
  const rows: MaintenanceRow[] = [];
  for (const r of all) {
    if (notNamed(r)) continue;
    for (const p of r.problems)
      rows.push({
        page: r.title,
        problem: ctx.t(p.key, ...p.params),
        since: p.since,
        severity: p.severity,
      });
  }
  return rows;
}

/** One row per approved connection held back, on its round page, with every reason. */
export function heldRows(ctx: RunContext, rounds: Iterable<MatchHistory>): MaintenanceRow[] {
  const rows: MaintenanceRow[] = [];
  for (const doc of rounds) {
    const first = new Map<string, string>();
    for (const h of doc.held ?? [])
      if (!first.has(h.proposal) || h.since < first.get(h.proposal)!)
        first.set(h.proposal, h.since);
    for (const [id, since] of first)
      rows.push({
        page: connectionsPageTitle(ctx.config.root, doc.round),
        problem: ctx.t('letsconnect-maintenance-held', id, heldReasonsText(ctx.t, doc, id)),
        since,
        severity: 'error',
      });
  }
  return rows;
}

export function maintenancePageText(
  ctx: RunContext,
  pages: readonly PageProblems[],
  held: readonly MaintenanceRow[],
): string {
  return renderMaintenancePage([...maintenanceRows(ctx, pages), ...held], ctx.t);
}
