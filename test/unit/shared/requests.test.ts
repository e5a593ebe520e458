/** Requests to connect, decided from data alone: limits, answers, expiry, what counts for nothing. */
import {
  planRequests,
  REQUEST_POLICY,
  requestRoles,
  type RequestsPage,
  type RequestRecord,
} from '../../../shared/connections/requests';
import type { DirectoryEntry } from '../../../shared/documents/documents';
import type { ConnectionRequest, RequestAnswer } from '../../../shared/records/request';
import { nextRequestId } from '../../../shared/records/request';
import { profileFixture } from '../support/profile-fixture';

const entry = (username: string, over: Partial<DirectoryEntry> = {}): DirectoryEntry => {
  const {
    listed: _l,
    withdrawn: _w,
    ...rest
  } = profileFixture({
    username,
    share: ['fundraising'],
    learn: ['wikidata'],
  });
  return { ...rest, revid: 1, ...over };
};

const people = new Map(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((n) => [n, entry(n)] as const));

const request = (id: string, to: string, over: Partial<ConnectionRequest> = {}) => ({
  id,
  to,
  topic: 'fundraising',
  direction: 'learn' as const,
  format: 'one-to-one' as const,
  note: '',
  asked: '2026-12-01T10:00Z',
  ...over,
});

const page = (owner: string, over: Partial<RequestsPage> = {}): RequestsPage => ({
  owner,
  requests: [],
  answers: [],
  replies: [],
  forged: [],
  ...over,
});

const answer = (from: string, id: string, value: RequestAnswer['answer']): RequestAnswer => ({
  from,
  request: id,
  answer: value,
  answered: '',
});

const at = (iso: string) => new Date(iso);
const run = (pages: RequestsPage[], previous: RequestRecord[] = [], now = '2026-12-02T00:00Z') =>
  planRequests({ now: at(now), pages, people, previous });

describe('planRequests', () => {
  it('sends a valid request once and never one beyond the asker limit', () => {
    const asks = ['B', 'C', 'D', 'E', 'F'].map((to, i) => request(`r${i + 1}`, to));
    const first = run([page('A', { requests: asks })]);
    expect(first.messages.map((m) => m.user)).toEqual(['B', 'C', 'D']);
    expect(first.records.filter((r) => r.refusal === 'asker-limit')).toHaveLength(2);
    // The next run: nothing new to say, and the refused stay refused.
    const second = run([page('A', { requests: asks })], first.records);
    expect(second.messages).toEqual([]);
    expect(second.records.filter((r) => r.state === 'open')).toHaveLength(3);
    expect(REQUEST_POLICY.maxOpenPerAsker).toBe(3);
  });

  it('limits what one person receives', () => {
    const pages = ['A', 'C', 'D', 'E', 'F', 'G'].map((asker) =>
      page(asker, { requests: [request('r1', 'B')] }),
    );
    const plan = run(pages);
    expect(plan.messages).toHaveLength(REQUEST_POLICY.maxOpenPerRecipient);
    expect(plan.records.filter((r) => r.refusal === 'recipient-limit')).toHaveLength(1);
  });

  it('refuses requests to oneself, to people who turned requests off, on a topic they lack', () => {
    const off = new Map(people);
    off.set('B', entry('B', { requestsOff: true }));
    off.set('C', entry('C', { snoozeUntil: '2027-01-01' }));
    const plan = planRequests({
      now: at('2026-12-02T00:00Z'),
      people: off,
      previous: [],
      pages: [
        page('A', {
          requests: [
            request('r1', 'A'),
            request('r2', 'B'),
            request('r3', 'C'),
            request('r4', 'D', { topic: 'wikidata' }),
            request('r5', 'E', { topic: 'wikidata', direction: 'share' }),
            request('r6', 'Nobody'),
          ],
        }),
        page('Unlisted', { requests: [request('r1', 'E')] }),
      ],
    });
    const why = Object.fromEntries(plan.records.map((r) => [r.key, r.refusal ?? r.state]));
    expect(why).toEqual({
      'A/r1': 'self',
      'A/r2': 'recipient-off',
      'A/r3': 'recipient-unavailable',
      'A/r4': 'topic',
      'A/r5': 'open',
      'A/r6': 'recipient-unavailable',
      'Unlisted/r1': 'asker-not-listed',
    });
    expect(plan.messages.map((m) => m.key)).toEqual(['request:A/r5:E']);
  });

  it('makes a connection only from the recipient’s own answer; others are listed', () => {
    const asked = run([page('A', { requests: [request('r1', 'B')] })]);
    const plan = run(
      [
        page('A', { requests: [request('r1', 'B')] }),
        page('C', { answers: [answer('A', 'r1', 'accept')] }),
      ],
      asked.records,
    );
    expect(plan.accepted).toEqual([]);
    expect(plan.forged).toEqual([expect.objectContaining({ page: 'C', why: 'not-recipient' })]);
    const accepted = run(
      [
        page('A', { requests: [request('r1', 'B')] }),
        page('B', { answers: [answer('A', 'r1', 'accept')] }),
      ],
      plan.records,
    );
    expect(accepted.accepted.map((r) => r.key)).toEqual(['A/r1']);
    expect(requestRoles(accepted.accepted[0]!)).toEqual({ learner: 'A', sharer: 'B' });
  });

  it('tells the asker of a decline and of an expiry, once', () => {
    const asked = run([page('A', { requests: [request('r1', 'B'), request('r2', 'C')] })]);
    const later = run(
      [
        page('A', { requests: [request('r1', 'B'), request('r2', 'C')] }),
        page('B', { answers: [answer('A', 'r1', 'decline')] }),
      ],
      asked.records,
      '2027-01-02T00:00Z',
    );
    expect(later.messages.map((m) => m.key).sort()).toEqual([
      'request-declined:A/r1:A',
      'request-expired:A/r2:A',
    ]);
    const again = run(
      [page('A', { requests: [request('r1', 'B'), request('r2', 'C')] })],
      later.records,
      '2027-01-03T00:00Z',
    );
    expect(again.messages).toEqual([]);
  });

  it('closes a request its asker removed, freeing a place', () => {
    const asked = run([page('A', { requests: [request('r1', 'B')] })]);
    const removed = run([page('A')], asked.records);
    expect(removed.records[0]?.state).toBe('withdrawn');
  });

  it('lists unusual volumes for the working group', () => {
    const many = Array.from({ length: REQUEST_POLICY.unusualVolume }, (_, i) =>
      request(`r${i + 1}`, 'B'),
    );
    expect(run([page('A', { requests: many })]).unusual).toEqual([
      { user: 'A', requests: REQUEST_POLICY.unusualVolume },
    ]);
  });

  it('gives the next free id', () => {
    expect(nextRequestId([])).toBe('r1');
    expect(nextRequestId([request('r2', 'B'), request('r9', 'C')])).toBe('r10');
  });
});
