/**
 * What a reader may take as final on a round page. The bot writes each proposal with the
 * status it accepted (`accepted`); a status that differs is pending the bot's check, and a
 * change made since the bot's last edit by someone outside the working group will be put
 * back. Both the gadget (marking such proposals for every reader) and the reliability
 * section use these rules, with the bot's own replay (replay.ts).
 */
import type { Proposal } from '../records/proposal';
import type { PageRevision } from '../wiki-client';
import { replayRound } from './replay';

/** A status the template shows as pending the bot's check (both "proposed" when empty). */
export const isPendingStatus = (status: string, accepted: string | undefined): boolean =>
  (status || 'proposed') !== (accepted || 'proposed');

export const isPendingProposal = (p: Proposal): boolean => isPendingStatus(p.status, p.accepted);

/**
 * The ids of proposals changed by someone not `trusted` in `revisions` (newest first) since
 * the newest revision by `bot` among them (all of them when the bot made none).
 */
export function unverifiedProposals(
  revisions: readonly PageRevision[],
  isBot: (user: string) => boolean,
  trusted: (user: string) => boolean,
): Set<string> {
  const sinceBot: PageRevision[] = [];
  for (const rev of revisions) {
    sinceBot.push(rev);
    if (isBot(rev.user ?? '')) break;
  }
  const chain = sinceBot.reverse();
  const first = chain[0];
  const fromBot = first !== undefined && isBot(first.user ?? '');
  const { rejected } = replayRound(
    { lastrevid: fromBot ? (first.revid ?? 0) : 0, proposals: [] },
    chain.map((r) => ({
      revid: r.revid ?? 0,
      user: r.user ?? '',
      timestamp: r.timestamp ?? '',
      content: r.content ?? '',
    })),
    (user) => isBot(user) || trusted(user),
  );
  return new Set(rejected.map((r) => r.proposal));
}
