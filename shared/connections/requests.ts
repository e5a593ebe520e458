/**
 * Connections people make themselves (shared/records/request.ts), decided from data alone: the
 * requests and answers on each person's own page (as their owner last wrote it), the published
 * directory, and what the bot decided before (its requests document). The bot then sends the
 * planned messages once each and records the connections.
 *
 * A connection exists only when both sides' own edits say so: the asker's request on the
 * asker's page, and the recipient's `accept` on the recipient's page. An answer anyone else
 * wrote (on the recipient's page, or on their own page about someone else's request) counts
 * for nothing and is listed for the working group.
 *
 * Limits are decided once, when the bot first sees a request, and kept: a request beyond them
 * is never sent, and one sent is never withdrawn by a later count.
 */
import type { DirectoryEntry } from '../documents/documents';
import {
  requestKey,
  validateRequest,
  type ConnectionRequest,
  type ProposalReply,
  type RequestAnswer,
  type RequestDirection,
} from '../records/request';
import type { Format } from '../records/vocabulary';

export const REQUEST_POLICY = {
  /**
   * Open requests one person may have at once. Three: enough to ask a few people about one
   * topic while waiting, too few to canvass the directory.
   */
  maxOpenPerAsker: 3,
  /**
   * Open requests one person may receive at once: a popular sharer is asked by a handful, not
   * flooded; others wait until one is answered or expires.
   */
  maxOpenPerRecipient: 5,
  /** Days an unanswered request stays open (the 30: about one round). */
  expiryDays: 30,
  /** Requests by one person in `expiryDays` that the working group is shown (refused included). */
  unusualVolume: 10,
} as const;

export type RequestPolicy = { [K in keyof typeof REQUEST_POLICY]: number };

const DAY_MS = 86_400_000;

/** Why a request was not sent. */
export const REFUSALS = [
  'invalid',
  'asker-not-listed',
  'recipient-unavailable',
  'recipient-off',
  'self',
  'topic',
  'duplicate',
  'asker-limit',
  'recipient-limit',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export const REQUEST_STATES = [
  'open',
  'accepted',
  'declined',
  'expired',
  'refused',
  'withdrawn',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** What the bot keeps of a request (never its note: that stays on the asker's page). */
export interface RequestRecord {
  /** `asker/id`. */
  key: string;
  asker: string;
  id: string;
  to: string;
  topic: string;
  direction: RequestDirection;
  format: Format | '';
  /** When the bot first saw it, `YYYY-MM-DDTHH:MM:SSZ`: limits and expiry go by this. */
  seen: string;
  state: RequestState;
  refusal?: Refusal;
  /** When it stopped being open. */
  closed?: string;
  /** Accepted: the connection, a proposal with origin `self-made` in that round. */
  connection?: { round: string; proposal: string };
}

/** An answer or request that counts for nothing, for the working group. */
export interface ForgedItem {
  /** The page it is on (its owner). */
  page: string;
  /** Who wrote it: the page's last editor when it is not the owner, else the owner. */
  user: string;
  kind: 'answer' | 'request' | 'reply';
  /** `not-owner`: someone else's edit of the page; `not-recipient`: an answer to a request sent to someone else. */
  why: 'not-owner' | 'not-recipient';
  /** The request's key, or the proposal's id for a reply. */
  about: string;
  /** The answer given, when it is one. */
  answer: string;
  revid: number;
}

/** One person's page as the bot read it. */
export interface RequestsPage {
  owner: string;
  requests: ConnectionRequest[];
  answers: RequestAnswer[];
  replies: ProposalReply[];
  /** Items in the page's current text that the owner's own newest revision does not hold. */
  forged: ForgedItem[];
}

export interface RequestsInput {
  now: Date;
  pages: readonly RequestsPage[];
  /** The published directory: listed, active people. */
  people: ReadonlyMap<string, DirectoryEntry>;
  previous: readonly RequestRecord[];
  policy?: RequestPolicy;
}

export type RequestMessageKind = 'request' | 'request-declined' | 'request-expired';

export interface RequestMessage {
  kind: RequestMessageKind;
  /** `<kind>:<request key>:<user>`: the talk-page marker, so it goes once. */
  key: string;
  user: string;
  request: RequestRecord;
}

export interface RequestsPlan {
  records: RequestRecord[];
  messages: RequestMessage[];
  /** Accepted in this run: each becomes a self-made connection. */
  accepted: RequestRecord[];
  forged: ForgedItem[];
  /** People with `unusualVolume` or more requests in the last `expiryDays` days. */
  unusual: Array<{ user: string; requests: number }>;
}

export const requestMessageKey = (kind: RequestMessageKind, key: string, user: string): string =>
  `${kind}:${key}:${user}`;

const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Who learns and who shares in the connection a request makes. */
export function requestRoles(r: Pick<RequestRecord, 'asker' | 'to' | 'direction'>): {
  learner: string;
  sharer: string;
} {
  return r.direction === 'share'
    ? { learner: r.to, sharer: r.asker }
    : { learner: r.asker, sharer: r.to };
}

/** Whether `to` can be asked about `topic` in `direction` (the gadget offers only these). */
export function topicFits(
  to: Pick<DirectoryEntry, 'share' | 'learn'>,
  topic: string,
  direction: RequestDirection,
): boolean {
  return direction === 'learn' ? to.share.includes(topic) : to.learn.includes(topic);
}

/** Why `to` cannot be asked at all today, or null (the gadget hides the button then). */
export function recipientRefusal(
  asker: string,
  to: DirectoryEntry | undefined,
  today: string,
): Refusal | null {
  if (!to) return 'recipient-unavailable';
  if (to.username === asker) return 'self';
  if (to.snoozeUntil !== '' && to.snoozeUntil > today) return 'recipient-unavailable';
  if (to.requestsOff === true) return 'recipient-off';
  return null;
}

/**
 * Whether the gadget offers "Ask to connect" (directory card, profile page): the asker is a
 * listed participant (`askerListed`: in the directory) and `to` may be asked today. Null: yes.
 */
export function askRefusal(
  asker: string,
  askerListed: boolean,
  to: DirectoryEntry | undefined,
  today: string,
): Refusal | null {
  return askerListed ? recipientRefusal(asker, to, today) : 'asker-not-listed';
}

export function planRequests(input: RequestsInput): RequestsPlan {
  const policy = input.policy ?? REQUEST_POLICY;
  const nowIso = isoSeconds(input.now);
  const today = nowIso.slice(0, 10);
  const expiryMs = policy.expiryDays * DAY_MS;
  const records = new Map(input.previous.map((r) => [r.key, { ...r }]));
  const messages: RequestMessage[] = [];
  const accepted: RequestRecord[] = [];
  const forged: ForgedItem[] = input.pages.flatMap((p) => p.forged);
  const message = (kind: RequestMessageKind, user: string, request: RequestRecord) =>
    messages.push({ kind, key: requestMessageKey(kind, request.key, user), user, request });

  // Requests as their askers last wrote them; new ones in a stable order.
  const onPages = new Map<string, { asker: string; request: ConnectionRequest }>();
  for (const page of input.pages) {
    for (const request of page.requests) {
      const key = requestKey(page.owner, request.id);
      if (request.id !== '' && !onPages.has(key)) onPages.set(key, { asker: page.owner, request });
    }
  }
  const openCount = (who: 'asker' | 'to', name: string) =>
    [...records.values()].filter((r) => r.state === 'open' && r[who] === name).length;

  const fresh = [...onPages].filter(([key]) => !records.has(key));
  fresh.sort(([a, x], [b, y]) =>
    x.request.asked !== y.request.asked
      ? x.request.asked < y.request.asked
        ? -1
        : 1
      : a < b
        ? -1
        : 1,
  );
  for (const [key, { asker, request }] of fresh) {
    const direction: RequestDirection = request.direction === 'share' ? 'share' : 'learn';
    const record: RequestRecord = {
      key,
      asker,
      id: request.id,
      to: request.to,
      topic: request.topic,
      direction,
      format: request.format,
      seen: nowIso,
      state: 'open',
    };
    const to = input.people.get(request.to);
    const refusal: Refusal | null =
      validateRequest(request).some((p) => p.severity === 'error') || request.direction === ''
        ? 'invalid'
        : !input.people.has(asker)
          ? 'asker-not-listed'
          : (recipientRefusal(asker, to, today) ??
            (!topicFits(to!, request.topic, direction)
              ? 'topic'
              : [...records.values()].some(
                    (r) => r.state === 'open' && r.asker === asker && r.to === request.to,
                  )
                ? 'duplicate'
                : openCount('asker', asker) >= policy.maxOpenPerAsker
                  ? 'asker-limit'
                  : openCount('to', request.to) >= policy.maxOpenPerRecipient
                    ? 'recipient-limit'
                    : null));
    if (refusal) {
      record.state = 'refused';
      record.refusal = refusal;
      record.closed = nowIso;
    } else {
      message('request', request.to, record);
    }
    records.set(key, record);
  }

  // Answers, each from the page of the person who gives it.
  const answers = new Map<string, RequestAnswer>();
  for (const page of input.pages) {
    for (const a of page.answers) {
      if (a.answer === '' || a.from === '' || a.request === '') continue;
      const key = requestKey(a.from, a.request);
      const record = records.get(key);
      if (record && record.to !== page.owner) {
        forged.push({
          page: page.owner,
          user: page.owner,
          kind: 'answer',
          why: 'not-recipient',
          about: key,
          answer: a.answer,
          revid: 0,
        });
        continue;
      }
      if (!answers.has(key)) answers.set(key, a);
    }
  }

  for (const record of records.values()) {
    if (record.state !== 'open') continue;
    if (!onPages.has(record.key)) {
      record.state = 'withdrawn';
      record.closed = nowIso;
      continue;
    }
    const answer = answers.get(record.key);
    if (answer?.answer === 'accept') {
      record.state = 'accepted';
      record.closed = nowIso;
      accepted.push(record);
    } else if (answer?.answer === 'decline') {
      record.state = 'declined';
      record.closed = nowIso;
      message('request-declined', record.asker, record);
    } else if (input.now.getTime() - Date.parse(record.seen) >= expiryMs) {
      record.state = 'expired';
      record.closed = nowIso;
      message('request-expired', record.asker, record);
    }
  }

  const since = input.now.getTime() - expiryMs;
  const volume = new Map<string, number>();
  for (const r of records.values()) {
    if (Date.parse(r.seen) >= since) volume.set(r.asker, (volume.get(r.asker) ?? 0) + 1);
  }
  const unusual = [...volume]
    .filter(([, n]) => n >= policy.unusualVolume)
    .map(([user, requests]) => ({ user, requests }))
    .sort((a, b) => b.requests - a.requests || (a.user < b.user ? -1 : 1));

  return { records: [...records.values()], messages, accepted, forged, unusual };
}

/** What the reader can ask `other` about: topics they share (to learn) or want to learn (to share). */
export function askOptions(
  other: Pick<DirectoryEntry, 'share' | 'learn'>,
): Array<{ topic: string; direction: RequestDirection }> {
  return [
    ...other.share.map((topic) => ({ topic, direction: 'learn' as const })),
    ...other.learn.map((topic) => ({ topic, direction: 'share' as const })),
  ];
}

/**
 * The reader's open requests as far as the gadget can tell: those the bot holds as open, and
 * those on their page the bot has not seen yet.
 */
export function openRequestsOf(
  asker: string,
  own: readonly ConnectionRequest[],
  records: readonly RequestRecord[],
): number {
  const known = new Map(records.filter((r) => r.asker === asker).map((r) => [r.id, r]));
  return own.filter((r) => {
    const record = known.get(r.id);
    return record ? record.state === 'open' : true;
  }).length;
}
