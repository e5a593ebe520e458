import type { Logger } from '../log';
import { ShutoffError } from './errors';

/**
 * Sends one talk-page message. A page that cannot be written (protected, a filter's refusal,
 * a wiki error after mwn's retries) must not keep everyone after it from their message: the
 * failure is logged and added to `failed` as "key (reason)", and the caller goes on to the
 * next; it ends its run with an error naming them all (`messagesNotSent`), so the operator
 * sees it and the next run tries again. A shutoff still stops everything at once.
 */
export async function sendOrNoteFailure<T>(
  key: string,
  send: () => Promise<T>,
  failed: string[],
  log: Pick<Logger, 'error'>,
): Promise<T | undefined> {
  try {
    return await send();
  } catch (err) {
    if (err instanceof ShutoffError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    log.error('A message could not be sent', { key, reason });
    failed.push(`${key} (${reason})`);
    return undefined;
  }
}

/** The error a task ends with when some of its messages could not be sent. */
export function messagesNotSent(what: string, failed: readonly string[]): Error {
  return new Error(
    `${failed.length} ${what} could not be sent (the others were, and are recorded): ${failed.join('; ')}`,
  );
}
