import { FAILURE_MESSAGE, type FailureKind } from '../api/api-error';
import type { Failed } from '../api/pages';
import type { Translate } from './env';

/**
 * Why a save failed, in the reader's words. `what` names the thing saved (`review`, `outcome`,
 * `clinic`, `resource`…): its own messages say conflict, block, protection and "other" in
 * terms of it; session, network, read-only and refusal are said the same way for every save.
 * The profile, the first thing the gadget saved, has a message of its own for every kind.
 */
export function failureText(t: Translate, what: string, f: Failed): string {
  if (what === 'profile') return t(FAILURE_MESSAGE[f.failure], f.code);
  const own: Partial<Record<FailureKind, string>> = {
    conflict: `letsconnect-${what}-failed-conflict`,
    blocked: `letsconnect-${what}-failed-blocked`,
    protected: `letsconnect-${what}-failed-protected`,
    other: `letsconnect-${what}-failed-other`,
  };
  return t(own[f.failure] ?? `letsconnect-gadget-save-${f.failure}`, f.code);
}
