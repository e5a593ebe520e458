/** Raised when a save would overwrite someone else's edit. Never retried blindly. */
export class EditConflictError extends Error {
  readonly code = 'editconflict';
  constructor(readonly title: string) {
    super(`Edit conflict on "${title}": the page changed since it was read.`);
  }
}

/** Raised when the emergency shutoff page says stop (or is missing). */
export class ShutoffError extends Error {
  readonly code = 'shutoff';
}

/**
 * The wiki could not be reached or would not let the bot in: a wrong --api-url (host, port,
 * `index.php` for `api.php`) or wrong credentials. Something the operator fixes: exit code 2,
 * with one line saying what to check.
 */
export class WikiAccessError extends Error {
  readonly code = 'wiki-access';
}
