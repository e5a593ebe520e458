/**
 * The working-group section of `npm run reliability`, short form: no review the bot will not
 * accept reads as final, and the count can see what it counts.
 */
import { runUnverifiedTrials } from '../../../scripts/reliability/working-group';

describe('reliability: working group', () => {
  it('no unverified review is shown as final', () => {
    const result = runUnverifiedTrials(300, 1);
    expect(result.examples).toEqual([]);
    expect(result.accepted).toBe(0);
  });

  it('counts what the page showed before: every status as final, nothing marked', () => {
    expect(runUnverifiedTrials(300, 1, () => false).accepted).toBeGreaterThan(0);
  });
});
