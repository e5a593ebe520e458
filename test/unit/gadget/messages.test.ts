import fs from 'node:fs';
import path from 'node:path';
import en from '../../../shared/i18n/en.json';
import {
  DAYS,
  OUTCOME_RESULTS,
  PROPOSAL_STATUSES,
  RESOURCE_KINDS,
} from '../../../shared/records/vocabulary';

const GADGET = path.join(__dirname, '../../../gadget');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    if (d.isDirectory()) return sources(file);
    return /\.tsx?$/.test(file) ? [fs.readFileSync(file, 'utf8')] : [];
  });
}

describe('gadget messages', () => {
  const keys = new Set(Object.keys(en));

  it('every message key named in the gadget exists in English (and so in every language)', () => {
    const named = new Set(
      sources(GADGET).flatMap(
        (s) => s.match(/'letsconnect-(gadget|review|outcome|queue)-[a-z0-9-]+'/g) ?? [],
      ),
    );
    expect(named.size).toBeGreaterThan(100);
    const missing = [...named].map((k) => k.slice(1, -1)).filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });

  it('the keys built at run time exist too', () => {
    const built = [
      ...DAYS.map((d) => `letsconnect-gadget-day-${d}`),
      ...['snooze', 'resume', 'withdraw'].flatMap((a) => [
        `letsconnect-gadget-${a}-confirm`,
        `letsconnect-gadget-${a}-confirm-title`,
      ]),
      ...RESOURCE_KINDS.map((k) => `letsconnect-gadget-resource-${k}`),
      'letsconnect-gadget-form-topics-filter-learn',
      'letsconnect-gadget-form-topics-filter-share',
      // The connections view (gadget/views/connections).
      ...PROPOSAL_STATUSES.map((s) => `letsconnect-review-status-${s}`),
      ...OUTCOME_RESULTS.map((r) => `letsconnect-outcome-result-${r}`),
      ...['approve', 'decline', 'swap'].flatMap((a) => [
        `letsconnect-review-done-${a}`,
        `letsconnect-review-summary-${a}`,
      ]),
      ...['review', 'outcome'].flatMap((view) =>
        ['conflict', 'blocked', 'protected', 'other'].map((f) => `letsconnect-${view}-failed-${f}`),
      ),
      // The review queue's bulk decisions (gadget/views/connections/use-queue.ts).
      ...['approve', 'decline'].flatMap((a) => [
        `letsconnect-queue-done-${a}`,
        `letsconnect-queue-summary-${a}`,
      ]),
      // applyReview's refusals (shared/connections/review.ts).
      'letsconnect-review-error-not-found',
      'letsconnect-review-error-closed',
      'letsconnect-review-error-swap-person',
      'letsconnect-review-error-swap-same',
    ];
    expect(built.filter((k) => !keys.has(k))).toEqual([]);
  });
});
