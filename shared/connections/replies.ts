/**
 * A person's say in a proposal after the introduction (`{{Let's Connect/Reply}}` on their own
 * requests page): "yes, let's meet" changes nothing; "not this month" cancels the proposal and
 * keeps them out of the rest of the round; "not a good fit" declines it, so the pair is never
 * proposed again (the matcher blocks declined pairs), with the reason for the working group.
 * Either way the learner, if still in, is free for the matcher's next-best proposal this round.
 * Only a participant's own page counts (the pages come as their owners last wrote them).
 */
import type { Proposal } from '../records/proposal';
import type { RequestsPage } from './requests';
import { participants } from './notify-plan';

/** Proposals people can still say no to: introduced, or about to be. */
const ANSWERABLE: ReadonlyArray<Proposal['status']> = ['approved', 'notified'];

export interface RepliesApplied {
  proposals: Proposal[];
  /** People who said "not this month" in this round: out of it. */
  away: Set<string>;
  /** Ids of proposals this call changed. */
  changed: string[];
}

export function applyReplies(
  proposals: readonly Proposal[],
  pages: readonly RequestsPage[],
  at: string,
): RepliesApplied {
  const byOwner = new Map(pages.map((p) => [p.owner, p]));
  const away = new Set<string>();
  const changed: string[] = [];
  const ids = new Set(proposals.map((p) => p.id));
  for (const page of pages)
    for (const r of page.replies)
      if (r.reply === 'not-this-month' && ids.has(r.proposal)) away.add(page.owner);
  const out = proposals.map((p) => {
    if (p.origin === 'self-made' || !ANSWERABLE.includes(p.status)) return p;
    for (const user of participants(p)) {
      const reply = byOwner.get(user)?.replies.find((r) => r.proposal === p.id);
      if (!reply || reply.reply === '' || reply.reply === 'yes') continue;
      changed.push(p.id);
      const fit = reply.reply === 'not-a-good-fit';
      return {
        ...p,
        status: fit ? ('declined' as const) : ('cancelled' as const),
        reviewer: user,
        reviewed: at,
        note: fit
          ? `Not a good fit (${user})${reply.reason.trim() === '' ? '' : `: ${reply.reason.trim()}`}`
          : `Not this month (${user})`,
      };
    }
    return p;
  });
  return { proposals: out, away, changed };
}
