/**
 * Which changes to a round page count. Anyone can edit the page, so the bot walks its history
 * and attributes each change of each proposal to the revision that made it: a change counts
 * only when its author is trusted (a working-group member, or the bot itself). Untrusted
 * changes are collected so the bot can put the accepted values back and list what it undid.
 *
 * Diffing each revision against the one before it (not against the accepted state) matters: a
 * member's later edit that leaves a forged status in place has not made that change.
 */
import type { RejectedChange } from '../documents/documents';
import { parseRecords } from '../records/codec';
import { proposalCodec, type Proposal } from '../records/proposal';

export interface RoundRevision {
  revid: number;
  user: string;
  timestamp: string;
  content: string;
}

export interface AcceptedRound {
  /** The revision the accepted state is up to; 0 before the first. */
  lastrevid: number;
  proposals: Proposal[];
}

/** The fields of a proposal a change is attributed by, with how each is compared. */
const FIELDS: ReadonlyArray<[keyof Proposal, (p: Proposal) => string]> = [
  ['status', (p) => p.status],
  ['accepted', (p) => p.accepted ?? ''],
  ['reviewer', (p) => p.reviewer],
  ['reviewed', (p) => p.reviewed],
  ['note', (p) => p.note],
  ['sharer', (p) => p.sharer],
  ['learners', (p) => p.learners.join(', ')],
  ['topic', (p) => p.topic],
  ['format', (p) => p.format],
  ['languages', (p) => p.languages.join(', ')],
  ['score', (p) => (p.score === null ? '' : String(p.score))],
  ['reason', (p) => p.reason],
  ['origin', (p) => p.origin ?? ''],
  ['request', (p) => p.request ?? ''],
];

export function proposalsOn(content: string): Map<string, Proposal> {
  const out = new Map<string, Proposal>();
  for (const { record } of parseRecords(proposalCodec, content)) {
    // The first call with an id wins, as the gadget's review edits the first one.
    if (record.id !== '' && !out.has(record.id)) out.set(record.id, record);
  }
  return out;
}

/**
 * Replays `revisions` (oldest first; the first one is the revision `base` is up to, used only
 * as the "before" of the next, unless `base.lastrevid` is 0) over `base`.
 */
export function replayRound(
  base: AcceptedRound,
  revisions: readonly RoundRevision[],
  trusted: (user: string) => boolean,
): { accepted: AcceptedRound; rejected: RejectedChange[] } {
  const accepted = new Map(base.proposals.map((p) => [p.id, p]));
  const rejected: RejectedChange[] = [];
  let lastrevid = base.lastrevid;
  let before: Map<string, Proposal> | null = null;
  for (const rev of revisions) {
    const now = proposalsOn(rev.content);
    if (before === null && base.lastrevid !== 0 && rev.revid === base.lastrevid) {
      before = now;
      continue;
    }
    const previous = before ?? new Map<string, Proposal>();
    const ok = trusted(rev.user);
    const reject = (proposal: string, field: string, from: string, to: string) =>
      rejected.push({
        proposal,
        user: rev.user,
        revid: rev.revid,
        timestamp: rev.timestamp,
        field,
        from,
        to,
      });
    for (const [id, next] of now) {
      const prev = previous.get(id);
      if (!prev) {
        if (ok) accepted.set(id, accepted.get(id) ?? next);
        else if (!accepted.has(id)) reject(id, 'proposal', '', 'added');
        continue;
      }
      let merged = accepted.get(id);
      for (const [field, show] of FIELDS) {
        if (show(prev) === show(next)) continue;
        if (ok && merged) merged = { ...merged, [field]: next[field] };
        else if (!ok) reject(id, field, show(prev), show(next));
      }
      if (merged) accepted.set(id, merged);
    }
    for (const id of previous.keys()) {
      if (!now.has(id) && !ok) reject(id, 'proposal', 'present', 'removed');
    }
    before = now;
    lastrevid = rev.revid;
  }
  return { accepted: { lastrevid, proposals: [...accepted.values()] }, rejected };
}
