/**
 * A person's requests page as text: what it holds (their requests to connect, their answers to
 * requests made to them, their replies to proposals), what of it counts (only what its owner
 * wrote: the rest is listed as forged), and the edits the gadget makes to it, each keeping
 * the rest of the page as the person left it.
 */
import { parseRecords, replaceRecord } from '../records/codec';
import {
  answerCodec,
  nextRequestId,
  replyCodec,
  requestCodec,
  requestKey,
  type ConnectionRequest,
  type ProposalReply,
  type RequestAnswer,
} from '../records/request';
import type { ForgedItem, RequestsPage } from './requests';

/** What a requests page holds: its requests, answers and replies. */
export function requestsPageItems(
  text: string,
): Pick<RequestsPage, 'requests' | 'answers' | 'replies'> {
  return {
    requests: parseRecords(requestCodec, text).map((r) => r.record),
    answers: parseRecords(answerCodec, text).map((r) => r.record),
    replies: parseRecords(replyCodec, text).map((r) => r.record),
  };
}

/** Items in `current` missing from `own`. */
function notIn<T>(current: readonly T[], own: readonly T[]): T[] {
  const mine = new Set(own.map((x) => JSON.stringify(x)));
  return current.filter((x) => !mine.has(JSON.stringify(x)));
}

/**
 * A requests page as it counts: what its owner's newest own revision holds (`ownText`, ''
 * when they never edited it), with whatever the current text holds beyond that listed as
 * forged by the last editor. When the owner made the last edit, pass the same text twice.
 */
export function requestsPageFrom(
  owner: string,
  current: { text: string; user: string; revid: number },
  ownText: string,
): RequestsPage {
  const now = requestsPageItems(current.text);
  const own = current.user === owner ? now : requestsPageItems(ownText);
  const forged: ForgedItem[] = [];
  const list = (kind: ForgedItem['kind'], about: string, answer: string) =>
    forged.push({
      page: owner,
      user: current.user,
      kind,
      why: 'not-owner',
      about,
      answer,
      revid: current.revid,
    });
  for (const r of notIn(now.requests, own.requests)) list('request', requestKey(owner, r.id), '');
  for (const a of notIn(now.answers, own.answers))
    list('answer', requestKey(a.from, a.request), a.answer);
  for (const r of notIn(now.replies, own.replies)) list('reply', r.proposal, r.reply);
  return { owner, ...own, forged };
}

/** The intro line of a new requests page. */
export const REQUESTS_PAGE_HEADER =
  "<!-- My Let's Connect requests to connect, my answers and my replies to proposals: only my own edits count. -->";

const withHeader = (text: string) => (text.trim() === '' ? `${REQUESTS_PAGE_HEADER}\n` : text);

/** `text` (a requests page) with a new request, given the next free id; returns the id too. */
export function addRequest(
  text: string,
  request: Omit<ConnectionRequest, 'id'>,
): { text: string; id: string } {
  const id = nextRequestId(requestsPageItems(text).requests);
  return { text: replaceRecord(requestCodec, withHeader(text), null, { ...request, id }), id };
}

/** `text` with the answer to `from`'s request set (an earlier answer to it is replaced). */
export function setAnswer(text: string, answer: RequestAnswer): string {
  const existing = parseRecords(answerCodec, text).find(
    (r) => r.record.from === answer.from && r.record.request === answer.request,
  );
  return replaceRecord(answerCodec, withHeader(text), existing ?? null, answer);
}

/** `text` with the reply to a proposal set (an earlier reply to it is replaced). */
export function setReply(text: string, reply: ProposalReply): string {
  const existing = parseRecords(replyCodec, text).find((r) => r.record.proposal === reply.proposal);
  return replaceRecord(replyCodec, withHeader(text), existing ?? null, reply);
}
