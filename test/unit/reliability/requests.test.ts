/**
 * The requests section's trials count what they claim: with the bot's rules every figure is 0,
 * and with a rule taken away (trusting a page's latest revision whoever wrote it, no limits,
 * talk pages treated as ordinary pages) the same trials find some.
 */
import { requestsPageFrom } from '../../../shared/connections/requests-page';
import {
  runForgeryTrials,
  runLimitTrials,
  runNobotsTrials,
} from '../../../scripts/reliability/requests';

const SEED = 17;

it('counts no forged acceptance with the owner-only rule, and some when any edit counts', () => {
  const kept = runForgeryTrials(200, SEED);
  expect(kept.forgedWritten).toBeGreaterThan(0);
  expect(kept.forgedCounted).toBe(0);
  const latest = runForgeryTrials(200, SEED, (pages) =>
    [...pages].map(([owner, history]) => {
      const last = history.at(-1)!;
      return requestsPageFrom(owner, { ...last, user: owner }, last.text);
    }),
  );
  expect(latest.forgedCounted).toBeGreaterThan(0);
});

it('sends no request beyond the limits, and some without them', () => {
  const kept = runLimitTrials(200, SEED);
  expect(kept.sent).toBeGreaterThan(0);
  expect(kept.beyond).toBe(0);
  const none = runLimitTrials(200, SEED, {
    maxOpenPerAsker: Infinity,
    maxOpenPerRecipient: Infinity,
    expiryDays: 30,
    unusualVolume: 10,
  });
  expect(none.beyond).toBeGreaterThan(0);
});

it('leaves nothing on a {{nobots}} page through the safe editor, and some on plain pages', async () => {
  const kept = await runNobotsTrials(200, SEED);
  expect(kept.saved).toBeGreaterThan(0);
  expect(kept.toExcluded).toBe(0);
  const plain = await runNobotsTrials(200, SEED, false);
  expect(plain.toExcluded).toBeGreaterThan(0);
});
