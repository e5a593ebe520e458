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
