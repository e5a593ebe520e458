/**
 * Changes to a round page the bot will not accept: the bot replays the page's history and
 * counts a change to a proposal only when a working-group member (or the bot) made it. The
 * gadget runs the same replay over the revisions since the bot's last edit
 * (shared/connections/unverified.ts), so every reader sees which proposals carry a change by
 * someone outside the working group before the bot puts it back.
 */
import { isPendingStatus, unverifiedProposals } from '../../../shared/connections/unverified';
import { connectionsPageTitle, workingGroupPageTitle } from '../../../shared/pages';
import type { WikiClient } from '../../../shared/wiki-client';
import { canonicalUser, sameUser } from '../../api';
import { workingGroupMembers } from './round';

/** How many recent revisions are read (the bot edits the page at every run). */
export const HISTORY_LIMIT = 50;

/** A proposal as rendered shows a status the bot has not accepted yet (the template's data). */
export const isPending = (element: HTMLElement): boolean =>
  isPendingStatus(element.dataset.status ?? '', element.dataset.accepted);

/** Reads the working group and the round page's recent history; the unverified proposals. */
export async function loadUnverified(
  client: WikiClient,
  root: string,
  month: string,
  botName: string,
): Promise<Set<string>> {
  if (!client.readHistory) return new Set();
  const [group] = await client.readPages([workingGroupPageTitle(root)]);
  const members = group?.exists ? workingGroupMembers(group.content ?? '') : [];
  const isBot = (user: string) => sameUser(user, botName);
  const revisions = await client.readHistory(
    connectionsPageTitle(root, month),
    HISTORY_LIMIT,
    isBot,
  );
  return unverifiedProposals(revisions, isBot, (user) => members.includes(canonicalUser(user)));
}
