/**
 * A participant's outcome reports for one round live on their own page
 * (`R/Connections/<YYYY-MM>/Outcomes/<Username>`), one `{{Let's Connect/Outcome}}` per
 * proposal. Reporting again on the same proposal replaces the earlier report.
 */
import { parseRecords, replaceRecord } from '../records/codec';
import { outcomeCodec, type Outcome } from '../records/proposal';

/** The intro line of a new outcomes page, before its first report. */
export const OUTCOMES_PAGE_HEADER =
  "<!-- How my Let's Connect connections of this round went: one Outcome call per connection. -->";

/** `text` (an outcomes page, '' when new) with `outcome` added or put over the earlier report on its proposal. */
export function upsertOutcome(text: string, outcome: Outcome): string {
  const existing = parseRecords(outcomeCodec, text).find(
    (r) => r.record.proposal === outcome.proposal,
  );
  const base = text.trim() === '' ? `${OUTCOMES_PAGE_HEADER}\n` : text;
  return replaceRecord(outcomeCodec, base, existing ?? null, outcome);
}

/** The report on `proposal` on an outcomes page, or null. */
export function findOutcome(text: string, proposal: string): Outcome | null {
  return (
    parseRecords(outcomeCodec, text).find((r) => r.record.proposal === proposal)?.record ?? null
  );
}
