/**
 * What the connections view reads, in one request: the round page (its proposals), the
 * working-group page (may the reader review?) and the reader's own outcomes page for the
 * round (what they already reported). Who may do what is decided here, from the wikitext.
 */
import { REVIEWABLE_STATUSES } from '../../../shared/connections/review';
import {
  connectionsPageTitle,
  outcomesPageTitle,
  workingGroupPageTitle,
} from '../../../shared/pages';
import { parseRecords } from '../../../shared/records/codec';
import { workingGroupMembers } from '../../../shared/profile-trust';
import { proposalCodec, type Proposal } from '../../../shared/records/proposal';
import type { WikiClient } from '../../../shared/wiki-client';
import { canonicalUser, pageNamed, pageState, sameUser, type PageState } from '../../api';

export interface RoundState {
  round: PageState;
  /** The proposals on the round page, in page order (the first of a repeated id wins). */
  proposals: Map<string, Proposal>;
  /** The reader is listed with role `working-group` (convenience: the bot checks again). */
  isMember: boolean;
  /** The reader's outcomes page for this round. */
  outcomes: PageState;
}

export { workingGroupMembers };

/** Proposals by id, in page order (the first of a repeated id wins). */
export function proposalMap(records: Iterable<Proposal>): Map<string, Proposal> {
  const out = new Map<string, Proposal>();
  for (const record of records) {
    if (record.id !== '' && !out.has(record.id)) out.set(record.id, record);
  }
  return out;
}

export function proposalsOf(text: string): Map<string, Proposal> {
  return proposalMap(parseRecords(proposalCodec, text).map((r) => r.record));
}

export const isReviewable = (p: Proposal): boolean => REVIEWABLE_STATUSES.includes(p.status);

/** Approved or notified: the connection is on, so its people can say how it went. */
export const isReportable = (p: Proposal): boolean =>
  p.status === 'approved' || p.status === 'notified';

export const isParticipant = (p: Proposal, username: string): boolean =>
  sameUser(p.sharer, username) || p.learners.some((l) => sameUser(l, username));

export async function loadRound(
  client: WikiClient,
  root: string,
  month: string,
  username: string,
): Promise<RoundState> {
  const roundTitle = connectionsPageTitle(root, month);
  const groupTitle = workingGroupPageTitle(root);
  const outcomesTitle = outcomesPageTitle(root, month, canonicalUser(username));
  const pages = await client.readPages([roundTitle, groupTitle, outcomesTitle]);
  const find = (title: string) => pageNamed(pages, title);
  const round = pageState(roundTitle, find(roundTitle));
  const group = find(groupTitle);
  return {
    round,
    proposals: proposalsOf(round.text),
    isMember: group?.exists
      ? workingGroupMembers(group.content ?? '').includes(canonicalUser(username))
      : false,
    outcomes: pageState(outcomesTitle, find(outcomesTitle)),
  };
}
