/**
 * Why a request to the wiki failed, in terms a person can be told about. mw.Api rejects with
 * an error code (and the API's answer); each code we know maps to one message key.
 */

export type FailureKind =
  'conflict' | 'session' | 'network' | 'blocked' | 'protected' | 'readonly' | 'refused' | 'other';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    /** The API's info text, when it gave one (shown as a detail, as text). */
    readonly info: string = '',
  ) {
    super(info === '' ? code : `${code}: ${info}`);
    this.name = 'ApiError';
  }
}

const KINDS: Record<string, FailureKind> = {
  editconflict: 'conflict',
  articleexists: 'conflict',
  missingtitle: 'conflict',
  badtoken: 'session',
  notloggedin: 'session',
  assertuserfailed: 'session',
  assertnameduserfailed: 'session',
  http: 'network',
  timeout: 'network',
  abort: 'network',
  blocked: 'blocked',
  autoblocked: 'blocked',
  globalblocking: 'blocked',
  'blocked-globally': 'blocked',
  protectedpage: 'protected',
  cascadeprotected: 'protected',
  protectedtitle: 'protected',
  permissiondenied: 'protected',
  readonly: 'readonly',
  'abusefilter-disallowed': 'refused',
  'abusefilter-warning': 'refused',
  spamblacklist: 'refused',
  'titleblacklist-forbidden': 'refused',
};

export function failureKind(err: unknown): FailureKind {
  const code = err instanceof ApiError ? err.code : '';
  return KINDS[code] ?? (code.startsWith('globalblocking') ? 'blocked' : 'other');
}

/** The message explaining a failed save; each takes no parameters except `other` ($1: the code). */
export const FAILURE_MESSAGE: Record<FailureKind, string> = {
  conflict: 'letsconnect-gadget-save-conflict',
  session: 'letsconnect-gadget-save-session',
  network: 'letsconnect-gadget-save-network',
  blocked: 'letsconnect-gadget-save-blocked',
  protected: 'letsconnect-gadget-save-protected',
  readonly: 'letsconnect-gadget-save-readonly',
  refused: 'letsconnect-gadget-save-refused',
  other: 'letsconnect-gadget-save-other',
};

export function errorCode(err: unknown): string {
  if (err instanceof ApiError) return err.code;
  return err instanceof Error ? err.message : String(err);
}
