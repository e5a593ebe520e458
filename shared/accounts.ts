/**
 * Temporary accounts. On Wikimedia wikis a logged-out person who edits gets an account named
 * like `~2026-1513` (user group `temp`); such an account owns nothing in the program, signs up
 * for nothing and is never messaged (DESIGN.md, "Owners are named accounts").
 *
 * A wiki says which names are temporary with `$wgAutoCreateTempUser`'s `matchPattern` (one or
 * more patterns, `$1` standing for the variable part). Newer MediaWiki tells the browser
 * directly (`mw.user.isTemp()`) and the API (siteinfo `autocreatetempuser`); MediaWiki 1.39
 * does neither, so where the wiki cannot say, Wikimedia's own pattern is the rule: there,
 * temporary accounts are `~<year>-<serial>` and match `~2$1` (every `~` name is reserved for
 * them, but a few named accounts made before that, such as `~Bob`, still exist and are not
 * temporary).
 */

/** Wikimedia's `matchPattern`: `~2` followed by anything (`~2026-1513`). */
export const WIKIMEDIA_TEMP_ACCOUNT_PATTERNS: readonly string[] = ['~2$1'];

/** Whether `name` matches one pattern the way MediaWiki's TempUser\Pattern::isMatch does. */
export function matchesAccountPattern(name: string, pattern: string): boolean {
  const at = pattern.indexOf('$1');
  if (at < 0) return name === pattern;
  const prefix = pattern.slice(0, at);
  const suffix = pattern.slice(at + 2);
  return (
    name.startsWith(prefix) && name.endsWith(suffix) && name.length >= prefix.length + suffix.length
  );
}

/** Whether `name` is a temporary account's (by the wiki's patterns, else Wikimedia's). */
export function isTemporaryAccountName(
  name: string,
  patterns: readonly string[] = WIKIMEDIA_TEMP_ACCOUNT_PATTERNS,
): boolean {
  const n = name.replace(/_/g, ' ').trim();
  return patterns.some((p) => matchesAccountPattern(n, p));
}

/** The `temp` user group newer MediaWiki puts temporary accounts in. */
export const TEMP_ACCOUNT_GROUP = 'temp';

/**
 * The temporary-account patterns from siteinfo's `autocreatetempuser` (MediaWiki 1.41+:
 * `{ enabled, matchPatterns }`). Absent (MediaWiki 1.39 does not know the property):
 * Wikimedia's. Known but disabled without patterns: none (the wiki has no temporary accounts).
 */
export function tempAccountPatternsFromSiteinfo(info: unknown): readonly string[] {
  if (typeof info !== 'object' || info === null) return WIKIMEDIA_TEMP_ACCOUNT_PATTERNS;
  const { enabled, matchPatterns } = info as { enabled?: unknown; matchPatterns?: unknown };
  if (Array.isArray(matchPatterns)) {
    const patterns = matchPatterns.filter((p): p is string => typeof p === 'string' && p !== '');
    if (patterns.length > 0) return patterns;
  }
  return enabled === false ? [] : WIKIMEDIA_TEMP_ACCOUNT_PATTERNS;
}

/**
 * Whether an author is a temporary account: by name (the wiki's patterns) or, where the
 * caller knows the user's groups, by the `temp` group.
 */
export function isTemporaryAccount(
  name: string,
  patterns: readonly string[],
  groups: readonly string[] = [],
): boolean {
  return groups.includes(TEMP_ACCOUNT_GROUP) || isTemporaryAccountName(name, patterns);
}

/** A user name as MediaWiki writes it: spaces, not underscores, and a capital first letter. */
export function canonicalUser(name: string): string {
  const n = name.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return n.charAt(0).toUpperCase() + n.slice(1);
}

export const sameUser = (a: string, b: string): boolean => canonicalUser(a) === canonicalUser(b);

const IPV4_ADDRESS = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const IPV6_ADDRESS = /^[0-9a-f]*:[0-9a-f:.]*$/i;

/** Whether `name` is an IP address: a logged-out edit saved under the address (no account). */
export function isIpAddress(name: string): boolean {
  const n = name.trim();
  return IPV4_ADDRESS.test(n) || (n.includes(':') && IPV6_ADDRESS.test(n));
}

/**
 * Whether an edit's author is a named account: not hidden, not an IP address, not a
 * temporary account. Only named accounts own or vouch for anything in the program.
 */
export function isNamedAuthor(
  name: string,
  patterns: readonly string[] = WIKIMEDIA_TEMP_ACCOUNT_PATTERNS,
): boolean {
  return name.trim() !== '' && !isIpAddress(name) && !isTemporaryAccountName(name, patterns);
}

/**
 * The names among `listed` that are not existing named accounts: an IP address, a temporary
 * account, or a name the wiki said is no account (`noAccount`: list=users' missing or invalid
 * names, as the wiki spells them). A clinic's sharers must all be existing named accounts: a
 * typo or a temporary account is no one to remind, list or hold a place.
 */
export function notExistingNamedAccounts(
  listed: readonly string[],
  noAccount: Iterable<string>,
  patterns: readonly string[] = WIKIMEDIA_TEMP_ACCOUNT_PATTERNS,
): string[] {
  const missing = new Set([...noAccount].map(canonicalUser));
  return listed.filter((n) => !isNamedAuthor(n, patterns) || missing.has(canonicalUser(n)));
}
