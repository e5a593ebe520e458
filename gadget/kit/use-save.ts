import { ref, type Ref } from 'vue';
import type { Failed } from '../api/pages';
import { failed } from '../api/pages';
import { useEnv } from './env';
import { failureText } from './failure-text';
import type { NoticeData } from './Notice';

export interface SaveCycle {
  /** A save is running: buttons are disabled and say so. */
  busy: Ref<boolean>;
  /** What the last save did, in words (null before the first, and while one runs). */
  notice: Ref<NoticeData | null>;
  /**
   * Runs `save`, which returns the notice to show. A save that throws, or returns a failure
   * through `failedNotice`, leaves the form as it was: what the reader typed is kept.
   */
  run: (save: () => Promise<NoticeData | null>) => Promise<void>;
  /** The notice for a failed save: why, and that everything typed is still there. */
  failedNotice: (f: Failed) => NoticeData;
}

/**
 * The save cycle every form shares: busy while saving (one save at a time), then a notice.
 * `what` names what the form saves (`profile`, `review`, `outcome`, `clinic`, `resource`):
 * failures are told in its terms (see failureText).
 * Conflicts are handled below it (api/pages' saveWithRetry re-reads and re-applies); what
 * arrives here is saved, refused with a reason, or failed, never silently lost.
 */
export function useSave(what: string): SaveCycle {
  const { t } = useEnv();
  const busy = ref(false);
  const notice = ref<NoticeData | null>(null);
  const failedNotice = (f: Failed): NoticeData => ({
    type: 'error',
    text: [failureText(t, what, f), t('letsconnect-gadget-save-kept')],
  });
  async function run(save: () => Promise<NoticeData | null>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    notice.value = null;
    try {
      notice.value = await save();
    } catch (err) {
      notice.value = failedNotice(failed(err));
    } finally {
      busy.value = false;
    }
  }
  return { busy, notice, run, failedNotice };
}
