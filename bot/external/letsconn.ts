/**
 * letsconn's public profile endpoint (wikimediabrasil/letsconn at bf9a0e00,
 * `enrollments/views.py` profile_view): `GET /profile/?username=<name>` answers the earlier
 * directory record as JSON (`username`, `username_org`, `reconciled_affiliation`,
 * `reconciled_territory`, `reconciled_languages`, `reconciled_projects`,
 * `reconciled_want_to_learn`, `reconciled_want_to_share`); no record is Django's 404 page
 * (HTML), a missing name a 400 with `{"error": ...}`. No login, and no CORS headers (so only
 * the bot, not the gadget, can read it). Only the fields the profile form has a place for
 * are read out.
 */
import type { RawEarlierRecord } from '../../shared/earlier/earlier-record';
import { ExternalServiceError, type HttpJson } from './http-json';

export class LetsconnClient {
  constructor(
    private readonly http: HttpJson,
    private readonly baseUrl: string,
  ) {}

  /** The person's earlier record, or null when letsconn has none. */
  async profile(username: string): Promise<RawEarlierRecord | null> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}/profile/?username=${encodeURIComponent(username)}`;
    const { status, body } = await this.http.get(url);
    if (status === 404) return null;
    if (status !== 200 || typeof body !== 'object' || body === null)
      throw new ExternalServiceError(
        this.http.options.service,
        url,
        `unexpected answer (HTTP ${status})`,
      );
    const r = body as Record<string, unknown>;
    return {
      username,
      reconciled_affiliation: r.reconciled_affiliation,
      reconciled_territory: r.reconciled_territory,
      reconciled_languages: r.reconciled_languages,
      reconciled_want_to_learn: r.reconciled_want_to_learn,
      reconciled_want_to_share: r.reconciled_want_to_share,
    };
  }
}
