/** Exit codes of letsconnect-bot, documented in --help and the README. */
export const EXIT = {
  OK: 0,
  /** An unexpected error, or the wiki refused a request after all retries. */
  FAILED: 1,
  /** Bad command line, configuration or credentials. */
  USAGE: 2,
  /** The emergency shutoff page is missing or says stop: nothing was written. */
  SHUTOFF: 3,
  /** The command exists but its task is not built yet. */
  NOT_IMPLEMENTED: 4,
} as const;
