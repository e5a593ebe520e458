/**
 * Match proposals and their outcomes, on `R/Connections/<YYYY-MM>`: the bot writes one
 * `{{Let's Connect/Proposal}}` per proposed connection; the working group sets `status` and
 * `reviewer`; participants add `{{Let's Connect/Outcome}}` calls to report how it went.
 */
import { problem, type Problem } from '../problems';
import { TEMPLATES } from '../templates/index';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { unknownTopicProblems } from '../taxonomy/taxonomy';
import type { RecordCodec } from './codec';
import type { ParamBag } from './param-bag';
import {
  checkLength,
  checkNoEmail,
  checkOptionalUsername,
  checkRequired,
  checkUsername,
} from './checks';
import {
  joinList,
  readBool,
  readDate,
  readList,
  readEnum,
  readInt,
  readNumbered,
  readText,
  readTimestamp,
  writeBool,
  writeInt,
  writeNumbered,
} from './fields';
import {
  FORMATS,
  KEBAB_ID,
  LANGUAGE_CODE,
  OUTCOME_RESULTS,
  PROPOSAL_STATUSES,
  type Format,
  type OutcomeResult,
  type ProposalStatus,
} from './vocabulary';

/** At most four people meet in one connection: one sharer and up to three learners. */
export const MAX_LEARNERS = 3;

export interface Proposal {
  /** Stable id, unique in its round, e.g. `2025-03-007`. */
  id: string;
  learners: string[];
  sharer: string;
  /** Topic id. */
  topic: string;
  format: Format | '';
  /** Language codes the participants have in common, the meeting language first. */
  languages: string[];
  /** The matcher's score, 0–100, or null. */
  score: number | null;
  /** Why the bot proposed it (shared topic, languages, time overlap). */
  reason: string;
  status: ProposalStatus | '';
  /**
   * The status the bot last accepted (checked that a working-group member set it), written by
   * the bot on every proposal; until `status` equals it, the template shows the status as
   * pending the bot's check. Absent on a call that does not carry it.
   */
  accepted?: ProposalStatus | '';
  reviewer: string;
  /** When the reviewer set the status, `YYYY-MM-DDTHH:MMZ`, or ''. */
  reviewed: string;
  note: string;
  /**
   * `self-made`: a connection two people made themselves (a request and its acceptance, each
   * on its writer's own page), which the bot records here so it gets the same follow-ups,
   * outcome form and ghost pause as a proposal. Absent for the matcher's proposals.
   */
  origin?: 'self-made';
  /** A self-made connection's request, `asker/r1`. */
  request?: string;
  /**
   * When they can meet, as the bot works it out from their profiles each time it writes the
   * round page (shared/matching/meeting-times.ts): shown to readers, never a decision.
   */
  meeting?: MeetingTimes;
}

/**
 * The weekly hours the people of a proposal are all free, in the profile's availability
 * syntax with minutes where a zone has them (`tue 14-16, thu 19:30-21:30`).
 */
export interface MeetingTimes {
  /** In UTC. */
  utc: string;
  /** The same hours in each person's own zone: username → `Africa/Nairobi tue 17-19`. */
  local: Record<string, string>;
}

/** A proposal's meeting times as written (`times`, `sharer-times`, `learner<n>-times`). */
function readMeeting(
  bag: ParamBag,
  sharer: string,
  learners: readonly string[],
): MeetingTimes | null {
  const utc = readText(bag, 'times').trim();
  if (utc === '') return null;
  const local: Record<string, string> = {};
  const people: Array<[string, string]> = [
    [sharer, 'sharer-times'],
    ...learners.map((l, i): [string, string] => [l, `learner${i + 1}-times`]),
  ];
  for (const [name, param] of people) {
    const value = readText(bag, param).trim();
    if (name !== '' && value !== '') local[name] = value;
  }
  return { utc, local };
}

const ORIGINS = ['self-made'] as const;

export const proposalCodec: RecordCodec<Proposal> = {
  template: TEMPLATES.proposal.name,
  params: [
    'id',
    'learner#',
    'sharer',
    'topic',
    'format',
    'languages',
    'times',
    'sharer-times',
    'learner#-times',
    'score',
    'reason',
    'status',
    'accepted',
    'reviewer',
    'reviewed',
    'note',
    'origin',
    'request',
  ],
  toParams: (p) => [
    ['id', p.id],
    ...writeNumbered('learner#', p.learners),
    ['sharer', p.sharer],
    ['topic', p.topic],
    ['format', p.format],
    ['languages', joinList(p.languages)],
    ['times', p.meeting?.utc ?? ''],
    ['sharer-times', p.meeting?.local[p.sharer] ?? ''],
    ...p.learners.map((l, i): [string, string] => [
      `learner${i + 1}-times`,
      p.meeting?.local[l] ?? '',
    ]),
    ['score', writeInt(p.score)],
    ['reason', p.reason],
    ['status', p.status],
    ['accepted', p.accepted ?? ''],
    ['reviewer', p.reviewer],
    ['reviewed', p.reviewed],
    ['note', p.note],
    ['origin', p.origin ?? ''],
    ['request', p.request ?? ''],
  ],
  fromParams: (bag) => {
    const learners = readNumbered(bag, 'learner#');
    const sharer = readText(bag, 'sharer');
    const meeting = readMeeting(bag, sharer, learners);
    return {
      id: bag.get('id').trim(),
      learners,
      sharer,
      topic: bag.get('topic').trim().toLowerCase(),
      format: readEnum(bag, 'format', FORMATS),
      languages: readList(bag, 'languages', LANGUAGE_CODE),
      score: readInt(bag, 'score', 0, 100),
      reason: readText(bag, 'reason'),
      status: readEnum(bag, 'status', PROPOSAL_STATUSES),
      ...(bag.get('accepted').trim() === ''
        ? {}
        : { accepted: readEnum(bag, 'accepted', PROPOSAL_STATUSES) }),
      reviewer: readText(bag, 'reviewer'),
      reviewed: readTimestamp(bag, 'reviewed'),
      note: readText(bag, 'note'),
      ...(readEnum(bag, 'origin', ORIGINS) === 'self-made'
        ? { origin: 'self-made' as const, request: readText(bag, 'request').trim() }
        : {}),
      ...(meeting === null ? {} : { meeting }),
    };
  },
};

export function validateProposal(p: Proposal, taxonomy?: Taxonomy): Problem[] {
  const problems = [
    ...checkRequired('id', p.id),
    ...checkUsername('sharer', p.sharer),
    ...checkRequired('status', p.status),
    ...checkOptionalUsername('reviewer', p.reviewer),
    ...checkLength('note', p.note, 1000),
    ...checkNoEmail('note', p.note),
  ];
  if (p.id !== '' && !KEBAB_ID.test(p.id)) {
    problems.push(problem('id', 'letsconnect-problem-format', ['id', p.id]));
  }
  if (p.learners.length === 0) problems.push(...checkRequired('learner1', ''));
  if (p.learners.length > MAX_LEARNERS) {
    problems.push(
      problem('learner#', 'letsconnect-problem-number', [
        'learner#',
        p.learners.length,
        1,
        MAX_LEARNERS,
      ]),
    );
  }
  p.learners.forEach((name, i) => problems.push(...checkUsername(`learner${i + 1}`, name)));
  if (p.learners.includes(p.sharer)) {
    problems.push(problem('sharer', 'letsconnect-problem-same-person', [p.sharer]));
  }
  if ((p.status === 'approved' || p.status === 'declined') && p.reviewer === '') {
    problems.push(...checkRequired('reviewer', ''));
  }
  if (taxonomy && p.topic !== '')
    problems.push(...unknownTopicProblems(taxonomy, 'topic', [p.topic]));
  return problems;
}

export interface Outcome {
  /** The proposal's id. */
  proposal: string;
  reporter: string;
  result: OutcomeResult | '';
  /** `YYYY-MM-DD` of the meeting, or ''. */
  date: string;
  /** How useful it was, 1–5, or null. */
  rating: number | null;
  comment: string;
  /** May the comment be quoted in the program's reports (the page itself is public, as the wiki is). */
  public: boolean;
}

export const outcomeCodec: RecordCodec<Outcome> = {
  template: TEMPLATES.outcome.name,
  params: ['proposal', 'reporter', 'result', 'date', 'rating', 'comment', 'public'],
  toParams: (o) => [
    ['proposal', o.proposal],
    ['reporter', o.reporter],
    ['result', o.result],
    ['date', o.date],
    ['rating', writeInt(o.rating)],
    ['comment', o.comment],
    ['public', writeBool(o.public)],
  ],
  fromParams: (bag) => ({
    proposal: bag.get('proposal').trim(),
    reporter: readText(bag, 'reporter'),
    result: readEnum(bag, 'result', OUTCOME_RESULTS),
    date: readDate(bag, 'date'),
    rating: readInt(bag, 'rating', 1, 5),
    comment: readText(bag, 'comment'),
    public: readBool(bag, 'public', false),
  }),
};

export function validateOutcome(o: Outcome): Problem[] {
  return [
    ...checkRequired('proposal', o.proposal),
    ...checkUsername('reporter', o.reporter),
    ...checkRequired('result', o.result),
    ...checkLength('comment', o.comment, 2000),
    ...checkNoEmail('comment', o.comment),
  ];
}
