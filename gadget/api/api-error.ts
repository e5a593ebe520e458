/**
 * Why a request to the wiki failed, in terms a person can be told about. mw.Api rejects with
 * an error code (and the API's answer); each code we know maps to one message key.
 */

export type FailureKind =
  | 'conflict'
  | 'session'
  | 'account'
  | 'network'
  | 'blocked'
  | 'protected'
  | 'readonly'
  | 'refused'
  | 'other';

/**
 * The gadget's own code for a save it refuses before asking the wiki: the reader has no named
 * account (logged out, or a temporary account; see kit/reader.ts).
 */
export const NOT_NAMED = 'letsconnect-not-named';

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
  [NOT_NAMED]: 'account',
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
  account: 'letsconnect-gadget-save-account',
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
