/**
 * The reliability section 'load', short form, on a wiki of its own (port 8085): accounts
 * signing up for one clinic and saving their own profiles at once through the gadget's save
 * path; every write recorded or refused with a message, none lost.
 */
import { loadFigures, runLoad } from '../../../scripts/reliability/load';

jest.setTimeout(300_000);

it('loses no concurrent write', async () => {
  const result = await runLoad({ port: 8085, accounts: 15, log: () => undefined });
  const figures = Object.fromEntries(loadFigures(result).map((f) => [f.measure, f.value]));
  expect(figures['concurrent writes attempted']).toBe(45);
  expect(result.lost).toEqual([]);
  expect(result.recorded + result.refused).toBe(45);
  expect(result.recorded).toBeGreaterThan(0);
});
