/**
 * The working-group section of `npm run reliability`, short form: no review the bot will not
 * accept reads as final, and the count can see what it counts.
 */
import { runSwapTrials } from '../../../scripts/reliability/swaps';
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

  it('accepts no swap to someone who cannot take the place, and refuses no one who can', () => {
    const result = runSwapTrials(400, 1);
    expect(result.cases).toBeGreaterThan(100);
    expect(result.examples).toEqual([]);
    expect(result.accepted).toBe(0);
    expect(result.refused).toBe(0);
  });

  it('counts what the swap form did before: any valid user name saved', () => {
    expect(runSwapTrials(400, 1, () => []).accepted).toBeGreaterThan(0);
  });
});
