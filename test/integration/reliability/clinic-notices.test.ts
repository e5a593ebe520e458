/**
 * The reliability section 'clinic-notices', short form, on a wiki of its own (port 8162): the
 * clinics task killed at seeded random requests and run again, no reminder or moved-up notice
 * twice, none to a page that refuses the bot.
 */
import { runClinicNotices } from '../../../scripts/reliability/clinic-notices';

jest.setTimeout(400_000);

describe('reliability: clinic-notices', () => {
  it('no duplicate reminders or notices, none to {{nobots}} pages, across killed runs', async () => {
    const figures = Object.fromEntries(
      (await runClinicNotices({ mode: 'short', seed: 3, port: 8162, log: () => undefined })).map(
        (f) => [f.measure, f.value],
      ),
    );
    expect(figures['clinic task kills (SIGKILL)']).toBeGreaterThan(0);
    expect(figures['clinic reminders on talk pages']).toBe(3);
    expect(figures['duplicate reminders']).toBe(0);
    expect(figures['duplicate moved-up notices']).toBe(0);
    expect(figures['reminders and notices to {{nobots}} pages']).toBe(0);
  });
});
