/**
 * Who is reading: the one place the gadget decides whether the reader may write. A temporary
 * account (`~2026-1513`, made for a logged-out person who edited) is treated as logged out for
 * every write: it has no `username`, and `temporary` says why, so views can tell it to log in
 * or create an account.
 */
import { isTemporaryAccountName } from '../../shared/accounts';

export interface Reader {
  /** The named account the reader is logged in with; null when logged out or temporary. */
  username: string | null;
  /** Logged in with a temporary account, which may read but never write. */
  temporary: boolean;
}

/** A reader who is not logged in (the default in tests). */
export const LOGGED_OUT: Reader = { username: null, temporary: false };

/** The part of `mw.user` read here; `isTemp` and `isNamed` exist from MediaWiki 1.40 on. */
export interface UserLike {
  getName(): string | null;
  isTemp?: () => boolean;
  isNamed?: () => boolean;
}

/**
 * The reader from `mw.user`: the wiki's own answer where it gives one (`isTemp`, `isNamed`);
 * on older MediaWiki (1.39 tells the browser nothing about temporary accounts), the name
 * matched against Wikimedia's temporary-account pattern (shared/accounts.ts).
 */
export function readerOf(user: UserLike): Reader {
  const name = user.getName();
  if (name === null || name === '') return LOGGED_OUT;
  const temporary = user.isNamed
    ? !user.isNamed()
    : user.isTemp
      ? user.isTemp()
      : isTemporaryAccountName(name);
  return temporary ? { username: null, temporary: true } : { username: name, temporary: false };
}
