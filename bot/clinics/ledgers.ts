/**
 * The clinics task's ledgers of messages sent (invitations, reminders and notices): read at
 * the start of a run (a new empty one when there is none), each message recorded after it is
 * on the talk page.
 */
import {
  SCHEMA_VERSION,
  type ClinicInvitations,
  type ClinicNotices,
} from '../../shared/documents/documents';
import { generatedStamp } from '../connections/rounds';
import type { RunContext } from '../run-context';
import { documentOn } from '../wiki/documents-io';

type ClinicLedger = ClinicInvitations | ClinicNotices;

export async function readClinicLedger<K extends ClinicLedger['kind']>(
  ctx: RunContext,
  title: string,
  kind: K,
): Promise<Extract<ClinicLedger, { kind: K }>> {
  const [page] = await ctx.client.readPages([title]);
  const empty = { schemaVersion: SCHEMA_VERSION, kind, generated: generatedStamp(ctx), sent: [] };
  // The two ledgers share their shape: { generated, sent: [] }.
  return documentOn(page, kind) ?? (empty as unknown as Extract<ClinicLedger, { kind: K }>);
}
