/** Exit codes of letsconnect-bot. */
export const EXIT = {
  OK: 0,
  FAILED: 1,
  USAGE: 2,
  SHUTOFF: 3,
  LOCKED: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * What each exit code means, said once: --help prints it, and docs/operator.md's table must
 * say the same (test/unit/bot/docs.test.ts compares them).
 */
export const EXIT_MEANINGS: Record<ExitCode, string> = {
  [EXIT.OK]: 'done',
  [EXIT.FAILED]:
    'failed: an unexpected error, or the wiki refused a request after all retries (the message says why)',
  [EXIT.USAGE]:
    'bad command line, configuration, credentials or API address (the message says what to check)',
  [EXIT.SHUTOFF]: 'the shutoff page is missing or says stop (nothing written)',
  [EXIT.LOCKED]:
    'another run of the bot on the same wiki was still going after lockWaitMinutes (nothing written)',
};
