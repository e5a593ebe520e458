/**
 * The reliability section 'clinic-sharers', short form, on a wiki of its own (port 8346): a
 * clinic's sharers and interpreters that are not existing named accounts (real and typed
 * temporary accounts, IP addresses, names no one has, names that are not user names) are
 * refused both by the create form's check (sharers: the form has no interpreter field) and by
 * the bot, which does not publish such a clinic; clinics whose team all exists (however
 * spelled) are accepted by both.
 */
import { runClinicSharers } from '../../../scripts/reliability/clinic-sharers';

jest.setTimeout(400_000);

describe('reliability: clinic-sharers', () => {
  it('no sharer or interpreter that is not an existing named account accepted, no good clinic refused', async () => {
    const lines: string[] = [];
    const figures = Object.fromEntries(
      (
        await runClinicSharers({
          mode: 'short',
          seed: 7,
          wikiPort: 8346,
          log: (line) => lines.push(line),
        })
      ).map((f) => [f.measure, f.value]),
    );
    expect(lines).toEqual([]);
    expect(figures['clinic trials (random sharers)']).toBe(12);
    // The seeded trials hold bad sharers and good clinics both (else the rows prove nothing).
    expect(
      figures['sharers and interpreters tried that are not existing named accounts'],
    ).toBeGreaterThan(3);
    expect(figures['of them interpreters (written by hand)']).toBeGreaterThan(0);
    expect(figures['clinics with only existing named sharers and interpreters']).toBeGreaterThan(1);
    expect(
      figures['clinic sharers or interpreters that are not existing named accounts, accepted'],
    ).toBe(0);
    expect(figures['clinics with only existing named sharers and interpreters, refused']).toBe(0);
  });
});
