import type { FailureKind } from '../api/api-error';
import type { Failed } from '../api/pages';
import type { Translate } from './env';

/**
 * Why a save failed, in the reader's words. `what` names the thing saved (`review`, `outcome`,
 * `clinic`, `resource`…): its own messages say conflict, block, protection and "other" in
 * terms of it; session, network, read-only and refusal are said the same way for every save.
 */
export function failureText(t: Translate, what: string, f: Failed): string {
  const own: Partial<Record<FailureKind, string>> = {
    conflict: `letsconnect-${what}-failed-conflict`,
    blocked: `letsconnect-${what}-failed-blocked`,
    protected: `letsconnect-${what}-failed-protected`,
    other: `letsconnect-${what}-failed-other`,
  };
  return t(own[f.failure] ?? `letsconnect-gadget-save-${f.failure}`, f.code);
}
