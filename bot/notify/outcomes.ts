/**
 * Outcome reports: each participant's own page per round, counted only as written by its
 * owner (an edit by anyone else is passed over for the owner's newest revision).
 */
import type { MatchHistory, OutcomeCounts } from '../../shared/documents/documents';
import { participants } from '../../shared/connections/notify-plan';
import { outcomesPageTitle, parseOutcomesTitle } from '../../shared/pages';
import { parseRecords } from '../../shared/records/codec';
import { outcomeCodec, type Outcome } from '../../shared/records/proposal';
import { namedTrust, newestTrustedRevision } from '../directory/trust';
import { scanPages } from '../directory/scan';
import type { RunContext } from '../run-context';

/** Reports by proposal id, then by reporter, from the outcome pages of `months`. */
export async function readOutcomes(
  ctx: RunContext,
  months: readonly string[],
): Promise<Map<string, Map<string, Outcome>>> {
  const { client, config } = ctx;
  const out = new Map<string, Map<string, Outcome>>();
  const named = await namedTrust(client, () => true);
  for (const month of months) {
    const titles = (await scanPages(client, outcomesPageTitle(config.root, month, ''))).map(
      (p) => p.title,
    );
    for (let i = 0; i < titles.length; i += 50) {
      for (const page of await client.readPages(titles.slice(i, i + 50))) {
        const owner = parseOutcomesTitle(config.root, page.title)?.username;
        // A temporary account reports nothing (its page is listed on R/Maintenance).
        if (!owner || !page.exists || !named(owner)) continue;
        let content = page.content ?? '';
        if (page.user !== owner) {
          const trusted = await newestTrustedRevision(client, page.title, (u) => u === owner);
          content = trusted?.content ?? '';
        }
        for (const { record } of parseRecords(outcomeCodec, content)) {
          // A report counts for its reporter only, whatever the call says.
          if (record.proposal === '' || record.result === '') continue;
          const byUser = out.get(record.proposal) ?? new Map<string, Outcome>();
          byUser.set(owner, { ...record, reporter: owner });
          out.set(record.proposal, byUser);
        }
      }
    }
  }
  return out;
}

/** A round's outcome counts for its page and the report: reports by participants only. */
export function countOutcomes(
  doc: MatchHistory,
  outcomes: ReadonlyMap<string, ReadonlyMap<string, Outcome>>,
): OutcomeCounts {
  const counts: Required<OutcomeCounts> = {
    reported: 0,
    met: 0,
    scheduled: 0,
    notMet: 0,
    rated: 0,
    ratingSum: 0,
    reports: 0,
    selfMadeMet: 0,
  };
  for (const p of doc.proposals) {
    const reports = [...(outcomes.get(p.id)?.values() ?? [])].filter((o) =>
      participants(p).includes(o.reporter),
    );
    if (reports.length === 0) continue;
    counts.reported++;
    counts.reports += reports.length;
    // The proposal's result is the furthest any participant reports: met > scheduled > not met.
    if (reports.some((o) => o.result === 'met')) {
      counts.met++;
      if (p.origin === 'self-made') counts.selfMadeMet++;
    } else if (reports.some((o) => o.result === 'scheduled')) counts.scheduled++;
    else counts.notMet++;
    for (const o of reports) {
      if (o.rating !== null) {
        counts.rated++;
        counts.ratingSum += o.rating;
      }
    }
  }
  return counts;
}
