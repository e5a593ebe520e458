/**
 * The bot's rule for temporary accounts: siteinfo's patterns where the wiki gives them,
 * Wikimedia's otherwise, and the `temp` group as the other sign.
 */
import {
  isTemporaryAccount,
  tempAccountPatternsFromSiteinfo,
  WIKIMEDIA_TEMP_ACCOUNT_PATTERNS,
} from '../../../shared/accounts';

describe('tempAccountPatternsFromSiteinfo', () => {
  it("takes the wiki's matchPatterns (MediaWiki 1.41+)", () => {
    expect(
      tempAccountPatternsFromSiteinfo({ enabled: true, matchPatterns: ['*Unreg $1'] }),
    ).toEqual(['*Unreg $1']);
  });

  it("falls back to Wikimedia's pattern where the wiki cannot say (1.39: no such property)", () => {
    expect(tempAccountPatternsFromSiteinfo(undefined)).toBe(WIKIMEDIA_TEMP_ACCOUNT_PATTERNS);
    expect(tempAccountPatternsFromSiteinfo({ enabled: true })).toBe(
      WIKIMEDIA_TEMP_ACCOUNT_PATTERNS,
    );
    expect(tempAccountPatternsFromSiteinfo({ enabled: true, matchPatterns: [7, ''] })).toBe(
      WIKIMEDIA_TEMP_ACCOUNT_PATTERNS,
    );
  });

  it('has no patterns on a wiki that says it has no temporary accounts', () => {
    expect(tempAccountPatternsFromSiteinfo({ enabled: false })).toEqual([]);
  });
});

describe('isTemporaryAccount', () => {
  const patterns = WIKIMEDIA_TEMP_ACCOUNT_PATTERNS;

  it('knows a temporary account by its name', () => {
    expect(isTemporaryAccount('~2026-1', patterns)).toBe(true);
    expect(isTemporaryAccount('~2026_1513', patterns)).toBe(true);
    expect(isTemporaryAccount('Amani', patterns)).toBe(false);
    expect(isTemporaryAccount('~Bob', patterns)).toBe(false);
  });

  it('knows one by the temp group whatever its name', () => {
    expect(isTemporaryAccount('Renamed', patterns, ['*', 'temp'])).toBe(true);
    expect(isTemporaryAccount('Renamed', patterns, ['*', 'user'])).toBe(false);
  });

  it('takes nobody for temporary on a wiki without patterns, unless the group says so', () => {
    expect(isTemporaryAccount('~2026-1', [])).toBe(false);
    expect(isTemporaryAccount('~2026-1', [], ['temp'])).toBe(true);
  });
});
