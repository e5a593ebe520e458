/**
 * Which names are temporary accounts': the wiki's patterns where it gives them, Wikimedia's
 * `~$1` otherwise (MediaWiki 1.39 does not tell the browser).
 */
import {
  isTemporaryAccountName,
  matchesAccountPattern,
  notExistingNamedAccounts,
  WIKIMEDIA_TEMP_ACCOUNT_PATTERNS,
} from '../../../shared/accounts';

describe('temporary account names', () => {
  it("takes Wikimedia's ~2… names as temporary, and named accounts (old ~ ones too) as not", () => {
    expect(WIKIMEDIA_TEMP_ACCOUNT_PATTERNS).toEqual(['~2$1']);
    for (const name of ['~2026-1513', '~2024-12345-6', '~2', '~2026_7'])
      expect(isTemporaryAccountName(name)).toBe(true);
    for (const name of ['Amani Wikimedian', 'A~2026', '~Bob', '~1', '~', '2026-1513'])
      expect(isTemporaryAccountName(name)).toBe(false);
  });

  it("matches a pattern as MediaWiki's TempUser Pattern does: prefix, suffix, room for both", () => {
    expect(matchesAccountPattern('*Unregistered 7', '*Unregistered $1')).toBe(true);
    expect(matchesAccountPattern('Unregistered 7', '*Unregistered $1')).toBe(false);
    expect(matchesAccountPattern('~7 (temp)', '~$1 (temp)')).toBe(true);
    expect(matchesAccountPattern('~7', '~$1 (temp)')).toBe(false);
    expect(matchesAccountPattern('ab', 'ab$1b')).toBe(false);
  });

  it("uses the wiki's patterns when given, and underscores count as spaces", () => {
    expect(isTemporaryAccountName('*Unregistered_12', ['*Unregistered $1'])).toBe(true);
    expect(isTemporaryAccountName('~2026-1', ['*Unregistered $1'])).toBe(false);
    expect(isTemporaryAccountName('~2026-1', ['*$1', '~$1'])).toBe(true);
  });
});

describe("names that are not existing named accounts (a clinic's sharers)", () => {
  it('refuses temporary accounts, IP addresses and names the wiki has no account for', () => {
    const listed = [
      'Alma',
      'bruno_Silva',
      '~2026-1513',
      '~Bob',
      '192.0.2.7',
      '2001:db8::1',
      'Nobody Here',
      'Bad#1',
    ];
    // As list=users spells them: canonical names, the input for an invalid one.
    const noAccount = ['Nobody Here', 'Bad#1', '2001:db8::1'];
    expect(notExistingNamedAccounts(listed, noAccount)).toEqual([
      '~2026-1513',
      '192.0.2.7',
      '2001:db8::1',
      'Nobody Here',
      'Bad#1',
    ]);
  });

  it("matches the wiki's spelling of a missing name however it was typed", () => {
    expect(notExistingNamedAccounts(['nobody_here'], ['Nobody here'])).toEqual(['nobody_here']);
    expect(notExistingNamedAccounts(['Alma'], [])).toEqual([]);
  });

  it("follows the wiki's own temporary-account patterns", () => {
    expect(
      notExistingNamedAccounts(['*Unregistered 3', '~2026-1'], [], ['*Unregistered $1']),
    ).toEqual(['*Unregistered 3']);
  });
});
