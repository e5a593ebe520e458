/**
 * Connections people make themselves, and their say in the ones proposed to them. Everything
 * lives on the person's own page `R/Requests/<User>` (shared/pages.ts), one template call per
 * item, so each page has one writer and only its owner's edits count:
 *
 * - `{{Let's Connect/Request}}`: a request its owner sent (`to`, `topic`, `direction`…);
 * - `{{Let's Connect/Answer}}`: the owner's answer to a request someone sent them (`from` and
 *   `request` name it; `answer` is `accept` or `decline`);
 * - `{{Let's Connect/Reply}}`: the owner's say in a proposal the bot introduced them to.
 */
import { problem, type Problem } from '../problems';
import { TEMPLATES } from '../templates/index';
import type { RecordCodec } from './codec';
import { checkLength, checkNoEmail, checkRequired, checkUsername } from './checks';
import { readEnum, readText, readTimestamp } from './fields';
import { FORMATS, KEBAB_ID, type Format } from './vocabulary';

/** `learn`: the asker wants to learn the topic from the other; `share`: offers to share it. */
export const REQUEST_DIRECTIONS = ['learn', 'share'] as const;
export type RequestDirection = (typeof REQUEST_DIRECTIONS)[number];

export const REQUEST_ANSWERS = ['accept', 'decline'] as const;
export type RequestAnswerValue = (typeof REQUEST_ANSWERS)[number];

/** A person's say in a proposal after the introduction. */
export const PROPOSAL_REPLIES = ['yes', 'not-this-month', 'not-a-good-fit'] as const;
export type ProposalReplyValue = (typeof PROPOSAL_REPLIES)[number];

/** The formats a request can ask for: a connection is 1:1 or a small group. */
export const REQUEST_FORMATS: readonly Format[] = FORMATS.filter(
  (f) => f === 'one-to-one' || f === 'resource-sharing',
);

/** The longest note or reason, in characters: a few sentences, not a letter. */
export const REQUEST_NOTE_MAX = 500;

/** A request id: `r1`, `r2`… unique on its asker's page. */
export const REQUEST_ID = /^r[1-9][0-9]{0,5}$/;

export interface ConnectionRequest {
  id: string;
  /** Whom the owner asks. */
  to: string;
  /** Topic id. */
  topic: string;
  direction: RequestDirection | '';
  format: Format | '';
  note: string;
  /** When it was asked, `YYYY-MM-DDTHH:MMZ` (the bot goes by when it first saw it). */
  asked: string;
}

export interface RequestAnswer {
  /** Who asked. */
  from: string;
  /** The asker's request id. */
  request: string;
  answer: RequestAnswerValue | '';
  answered: string;
}

export interface ProposalReply {
  /** The proposal's id, e.g. `2026-12-003`. */
  proposal: string;
  reply: ProposalReplyValue | '';
  /** For "not a good fit": why, for the working group. */
  reason: string;
  replied: string;
}

export const requestCodec: RecordCodec<ConnectionRequest> = {
  template: TEMPLATES.request.name,
  params: ['id', 'to', 'topic', 'direction', 'format', 'note', 'asked'],
  toParams: (r) => [
    ['id', r.id],
    ['to', r.to],
    ['topic', r.topic],
    ['direction', r.direction],
    ['format', r.format],
    ['note', r.note],
    ['asked', r.asked],
  ],
  fromParams: (bag) => ({
    id: bag.get('id').trim().toLowerCase(),
    to: readText(bag, 'to').trim(),
    topic: bag.get('topic').trim().toLowerCase(),
    direction: readEnum(bag, 'direction', REQUEST_DIRECTIONS),
    format: readEnum(bag, 'format', FORMATS),
    note: readText(bag, 'note'),
    asked: readTimestamp(bag, 'asked'),
  }),
};

export const answerCodec: RecordCodec<RequestAnswer> = {
  template: TEMPLATES.answer.name,
  params: ['from', 'request', 'answer', 'answered'],
  toParams: (a) => [
    ['from', a.from],
    ['request', a.request],
    ['answer', a.answer],
    ['answered', a.answered],
  ],
  fromParams: (bag) => ({
    from: readText(bag, 'from').trim(),
    request: bag.get('request').trim().toLowerCase(),
    answer: readEnum(bag, 'answer', REQUEST_ANSWERS),
    answered: readTimestamp(bag, 'answered'),
  }),
};

export const replyCodec: RecordCodec<ProposalReply> = {
  template: TEMPLATES.reply.name,
  params: ['proposal', 'reply', 'reason', 'replied'],
  toParams: (r) => [
    ['proposal', r.proposal],
    ['reply', r.reply],
    ['reason', r.reason],
    ['replied', r.replied],
  ],
  fromParams: (bag) => ({
    proposal: bag.get('proposal').trim(),
    reply: readEnum(bag, 'reply', PROPOSAL_REPLIES),
    reason: readText(bag, 'reason'),
    replied: readTimestamp(bag, 'replied'),
  }),
};

export function validateRequest(r: ConnectionRequest): Problem[] {
  const problems = [
    ...checkRequired('id', r.id),
    ...checkUsername('to', r.to),
    ...checkRequired('topic', r.topic),
    ...checkRequired('direction', r.direction),
    ...checkLength('note', r.note, REQUEST_NOTE_MAX),
    ...checkNoEmail('note', r.note),
  ];
  if (r.id !== '' && !REQUEST_ID.test(r.id))
    problems.push(problem('id', 'letsconnect-problem-format', ['id', r.id]));
  if (r.topic !== '' && !KEBAB_ID.test(r.topic))
    problems.push(problem('topic', 'letsconnect-problem-format', ['topic', r.topic]));
  return problems;
}

export function validateReply(r: ProposalReply): Problem[] {
  return [
    ...checkRequired('proposal', r.proposal),
    ...checkRequired('reply', r.reply),
    ...checkLength('reason', r.reason, REQUEST_NOTE_MAX),
    ...checkNoEmail('reason', r.reason),
  ];
}

/** The next free request id on a page that holds `existing`. */
export function nextRequestId(existing: readonly ConnectionRequest[]): string {
  const used = existing.map((r) => Number(/^r([0-9]+)$/.exec(r.id)?.[1] ?? 0));
  return `r${Math.max(0, ...used) + 1}`;
}

/** `asker/r3`: a request's key across the program (ids are unique per asker). */
export const requestKey = (asker: string, id: string): string => `${asker}/${id}`;
