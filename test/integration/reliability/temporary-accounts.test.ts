/**
 * The reliability section 'temporary-accounts', short form, on a wiki of its own (port 8098):
 * a real temporary account writes every kind of input; no bot output takes any of it in and
 * the bot never messages it. The counter is tried first on text that does name the account.
 */
import {
  MARKERS,
  mentionsAccount,
  runTemporaryAccounts,
  temporaryAccountFigures,
  withoutRefusals,
} from '../../../scripts/reliability/temporary-accounts';
import { pageMessage } from '../../../shared/labels/labels';

jest.setTimeout(300_000);

describe('reliability: temporary-accounts', () => {
  it('the counter sees the account, however the page writes its name, and its markers', () => {
    expect(mentionsAccount('| learner1 = ~2026-1\n', '~2026-1')).toBe(true);
    expect(mentionsAccount('[[User:&#126;2026-1|x]]', '~2026-1')).toBe(true);
    expect(mentionsAccount('{"username":"\\u007e2026-1"}', '~2026-1')).toBe(true);
    expect(mentionsAccount(`| note = ${MARKERS.review}`, '~2026-1')).toBe(true);
    expect(mentionsAccount('| learner1 = ~2026-12\n', '~2026-1')).toBe(false);
    expect(mentionsAccount('| learner1 = Named Person\n', '~2026-1')).toBe(false);
  });

  it("leaves out only the resource index's list of refused items", () => {
    const listed = `== By topic ==\n* ${MARKERS.resource}\n`;
    const refused = `== Not listed ==\n* ${MARKERS.resource}: temporary account\n`;
    expect(mentionsAccount(withoutRefusals(`${listed}${refused}`), '~2026-1')).toBe(true);
    expect(mentionsAccount(withoutRefusals(`== By topic ==\n${refused}`), '~2026-1')).toBe(false);
    expect(withoutRefusals(`${refused}== Later ==\n~2026-1`)).toBe('== Later ==\n~2026-1');
    // As the bot writes it: the heading is the label module's message, in the reader's language.
    const written = `== ${pageMessage('letsconnect-resource-page-heading-rejected')} ==\n* ${MARKERS.resource}\n`;
    expect(mentionsAccount(withoutRefusals(`== By topic ==\n${written}`), '~2026-1')).toBe(false);
  });

  it('no write of a temporary account is accepted, and no message reaches it', async () => {
    const result = await runTemporaryAccounts({ port: 8098, profiles: 12, log: () => undefined });
    expect(result.botExit).toBe(0);
    expect(result.account).toMatch(/^~2\d{3}-\d+$/);
    expect(result.tried.map((t) => t.kind)).toEqual([
      'profile',
      'clinic sign-up',
      'clinic feedback',
      'outcome',
      'resource',
      'review',
    ]);
    expect(result.pagesWritten).toBeGreaterThan(10);
    const figures = Object.fromEntries(
      temporaryAccountFigures(result).map((f) => [f.measure, f.value]),
    );
    expect(figures['temporary-account writes tried']).toBe(6);
    expect(result.accepted).toEqual([]);
    expect(figures['temporary-account writes accepted']).toBe(0);
    expect(figures['messages to temporary accounts']).toBe(0);
  });
});
