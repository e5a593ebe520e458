/**
 * Whose edits to a profile page count (DESIGN.md §2, "a profile counts only as written by its
 * owner (or a working-group member)"): the one rule the bot's directory and the gadget's
 * profile form both decide by. A temporary account's edit counts for no one.
 */
import { canonicalUser, isTemporaryAccountName, sameUser } from './accounts';
import { parseRecords } from './records/codec';
import { memberCodec } from './records/member';

/** The usernames listed with role `working-group` on the working-group page's text. */
export function workingGroupMembers(text: string): string[] {
  return parseRecords(memberCodec, text)
    .map((r) => r.record)
    .filter((m) => m.role === 'working-group' && m.username !== '')
    .map((m) => canonicalUser(m.username));
}

/**
 * Whether an edit by `user` to `owner`'s profile page counts: a named account that is the owner
 * or a working-group member. A hidden author ('') is nobody. `isTemporary` is the wiki's
 * temporary-account rule (Wikimedia's pattern where the wiki does not say).
 */
export function profileEditCounts(
  owner: string,
  members: Iterable<string>,
  isTemporary: (user: string) => boolean = (u) => isTemporaryAccountName(u),
): (user: string) => boolean {
  const group = [...members];
  return (user) =>
    user.trim() !== '' &&
    !isTemporary(user) &&
    (sameUser(user, owner) || group.some((m) => sameUser(m, user)));
}

/** The newest revision (by id, whatever the order given) whose author counts, or null. */
export function newestCounting<T extends { revid?: number; user?: string }>(
  revisions: readonly T[],
  counts: (user: string) => boolean,
): T | null {
  let best: T | null = null;
  for (const rev of revisions) {
    if (counts(rev.user ?? '') && (best === null || (rev.revid ?? 0) > (best.revid ?? 0)))
      best = rev;
  }
  return best;
}
