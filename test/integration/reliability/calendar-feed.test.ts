/**
 * The reliability section 'calendar-feed', short form, on a wiki of its own (ports 8344 and
 * 8345 for the feed): forged sign-ups put nothing in a victim's calendar, temporary accounts
 * hold no place (a clinic naming one as interpreter is refused), every genuine place is in its owner's feed, and seeded random malformed
 * requests get a 4xx in plain words.
 */
import { runCalendarFeed } from '../../../scripts/reliability/calendar-feed';

jest.setTimeout(400_000);

describe('reliability: calendar-feed', () => {
  it('no forged or temporary places, none missing, no 5xx or stack trace for malformed requests', async () => {
    const figures = Object.fromEntries(
      (
        await runCalendarFeed({
          mode: 'short',
          seed: 5,
          wikiPort: 8344,
          feedPort: 8345,
          log: () => undefined,
        })
      ).map((f) => [f.measure, f.value]),
    );
    // Two clinics, three genuine people each, one session each; the second clinic names a
    // temporary account as interpreter, so it is refused and only the first one's count.
    expect(figures['feed events subscribed (genuine places)']).toBe(3);
    expect(figures['malformed feed requests sent']).toBe(60);
    expect(figures['feed events from sign-ups forged in a victim’s name']).toBe(0);
    expect(figures['temporary accounts with a place in the published calendar']).toBe(0);
    expect(figures['clinics naming a temporary account as interpreter, published']).toBe(0);
    expect(figures['genuine places missing from their owner’s feed']).toBe(0);
    expect(figures['malformed feed requests answered 5xx or with a stack trace']).toBe(0);
  });
});
