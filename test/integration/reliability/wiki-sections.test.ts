/**
 * The reliability sections that need a wiki of their own (port 8086), short form, one after
 * the other: every target met.
 */
import { runPermissions } from '../../../scripts/reliability/permissions';
import { CANARIES, leaksIn, runPrivacy } from '../../../scripts/reliability/privacy';

jest.setTimeout(300_000);

const PORT = 8086;

describe('reliability: privacy', () => {
  it('the scan sees every kind of private data', () => {
    for (const value of Object.values(CANARIES)) expect(leaksIn(`x ${value} y`)).not.toEqual([]);
    expect(leaksIn('someone@example.org 10.1.2.3')).toHaveLength(2);
  });

  it('no email, IP address or private field reaches a page or document the bot writes', async () => {
    const result = await runPrivacy({ port: PORT, profiles: 30, log: () => undefined });
    expect(result.pages).toBeGreaterThan(10);
    expect(result.leaks).toEqual([]);
  });
});

describe('reliability: permissions', () => {
  it('refuses or ignores every case, as DESIGN.md says', async () => {
    const cases = await runPermissions({ port: PORT, profiles: 30, log: () => undefined });
    expect(cases.length).toBeGreaterThanOrEqual(9);
    expect(cases.filter((c) => !c.refused)).toEqual([]);
  });
});
