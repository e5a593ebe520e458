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
