import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';
import en from '../../../shared/i18n/en.json';
import { topicWikitext } from '../../../shared/labels/labels';
import { expandLabelCalls } from '../../support/label-calls';
import type { MatchHistory } from '../../../shared/documents/documents';
import { readDocument } from '../../../shared/documents/read-document';
import type { Clinic, Feedback, Signup } from '../../../shared/records/clinic';
import type { Proposal } from '../../../shared/records/proposal';
import { renderReportPage, totalValue } from '../../../shared/reports/report-page';
import {
  clinicHeld,
  computeReport,
  percent,
  type ReportClinic,
} from '../../../shared/reports/report-stats';
import { findTemplateCalls } from '../../../shared/wikitext/template-calls';
import { profileFixture } from '../support/profile-fixture';

const NOW = new Date('2026-03-20T12:00:00Z');

const clinic = (over: Partial<Clinic> = {}): Clinic => ({
  title: 'Budgets',
  topic: 'budget-development',
  sessions: [],
  timezone: 'UTC',
  minutes: null,
  sharers: [],
  interpreters: [],
  host: '',
  languages: ['en'],
  interpretation: [],
  capacity: null,
  status: '',
  link: '',
  recording: '',
  description: '',
  attended: null,
  ...over,
});

const signup = (username: string, over: Partial<Signup> = {}, pageid = 0) => ({
  signup: {
    username,
    session: null,
    role: '' as const,
    interpretation: '',
    signed: '',
    cancelled: '',
    ...over,
  },
  pageid,
});

const feedback = (username: string, useful: boolean | null, rating: number | null): Feedback => ({
  username,
  useful,
  rating,
  comment: '',
  improve: '',
  wanted: [],
  given: '',
});

const proposal = (id: string, status: Proposal['status']): Proposal =>
  ({ id, status, learners: ['L'], sharer: 'S', topic: 't' }) as unknown as Proposal;

const round = (month: string, statuses: Proposal['status'][], met: number): MatchHistory =>
  ({
    schemaVersion: 1,
    kind: 'match-history',
    generated: '',
    round: month,
    lastrevid: 1,
    proposals: statuses.map((s, i) => proposal(`${month}-${i}`, s)),
    reasons: {},
    unmatched: [],
    unmetDemand: [],
    rejected: [],
    messages: [],
    outcomes: { reported: met, met, scheduled: 0, notMet: 0, rated: 0, ratingSum: 0 },
  }) as MatchHistory;

function fixture() {
  const profiles = [
    {
      profile: profileFixture({
        username: 'A',
        region: 'lac',
        groups: [{ group: 'WM Chile', role: 'organiser' }],
        learn: ['budget-development', 'fundraising'],
        share: ['governance'],
      }),
      created: '2026-01-05T10:00:00Z',
    },
    {
      profile: profileFixture({
        username: 'B',
        region: 'lac',
        listed: false,
        groups: [
          { group: 'WM Chile', role: 'volunteer' },
          { group: 'Art+Feminism', role: 'organiser' },
        ],
        learn: ['budget-development'],
      }),
      created: '2026-01-20T10:00:00Z',
    },
    {
      profile: profileFixture({
        username: 'C',
        region: '',
        groups: [],
        learn: ['fundraising', 'budget-development'],
        share: ['budget-development'],
      }),
      created: '2026-03-01T00:00:00Z',
    },
    {
      profile: profileFixture({
        username: 'Gone',
        region: 'mena',
        withdrawn: true,
        learn: ['governance'],
      }),
      created: '2026-02-01T00:00:00Z',
    },
  ];
  const clinics: ReportClinic[] = [
    {
      // Held in February: capacity 2, three sign-ups (one waits), a cancellation, a sharer.
      clinic: clinic({ sessions: ['2026-02-10T15:00Z'], capacity: 2 }),
      date: '2026-02-10',
      signups: [
        signup('A', {}, 1),
        signup('X', { cancelled: '2026-02-01T00:00Z' }, 2),
        signup('B', {}, 3),
        signup('C', {}, 4),
        signup('S', { role: 'sharer' }, 5),
      ],
      feedback: [feedback('A', true, 5), feedback('B', false, 2), feedback('A', true, 5)],
    },
    {
      clinic: clinic({ sessions: ['2026-03-25T15:00Z'] }),
      date: '2026-03-25',
      signups: [signup('A', {}, 6)],
      feedback: [],
    },
    {
      clinic: clinic({ status: 'cancelled' }),
      date: '2026-01-10',
      signups: [signup('A', {}, 7)],
      feedback: [],
    },
  ];
  const rounds = [
    round('2026-01', ['proposed', 'approved', 'notified', 'declined'], 1),
    round('2026-03', ['notified', 'cancelled'], 0),
  ];
  return { profiles, clinics, rounds };
}

describe('computeReport', () => {
  const data = computeReport({
    root: 'R',
    ...fixture(),
    resources: 4,
    now: NOW,
    generated: '2026-03-20T12:00:00Z',
  });

  it('counts registered, listed and affiliated people, leaving the withdrawn out', () => {
    expect(data.totals).toMatchObject({ registered: 3, listed: 2, affiliated: 2, resources: 4 });
    expect(data.regions).toEqual([
      { id: 'lac', count: 2 },
      { id: 'unknown', count: 1 },
    ]);
    // B holds two roles and counts under each; C holds none.
    expect(data.roles).toEqual([
      { id: 'organiser', count: 2 },
      { id: 'none', count: 1 },
      { id: 'volunteer', count: 1 },
    ]);
  });

  it('counts clinics held, confirmed places and feedback (once a person) per month', () => {
    expect(data.totals).toMatchObject({
      clinics: 1,
      participations: 2,
      feedback: 2,
      usefulAnswered: 2,
      useful: 1,
      rated: 2,
      ratingSum: 7,
    });
    expect(clinicHeld(fixture().clinics[1]!, NOW)).toBe(false);
    expect(clinicHeld(fixture().clinics[1]!, new Date('2026-03-26T00:00:00Z'))).toBe(true);
  });

  it('counts connections proposed, approved (approved or notified) and met per round', () => {
    expect(data.totals).toMatchObject({ proposed: 6, approved: 3, met: 1 });
  });

  it('gives every month from the first to the last, gaps included', () => {
    expect(data.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(data.months.map((m) => m.registered)).toEqual([2, 0, 1]);
    expect(data.months.map((m) => m.clinics)).toEqual([0, 1, 0]);
    expect(data.months.map((m) => m.proposed)).toEqual([4, 0, 2]);
  });

  it('ranks topics wanted and shared, most first', () => {
    expect(data.learn).toEqual([
      { id: 'budget-development', count: 3 },
      { id: 'fundraising', count: 2 },
    ]);
    expect(data.share).toEqual([
      { id: 'budget-development', count: 1 },
      { id: 'governance', count: 1 },
    ]);
  });

  it('is an empty report on an empty wiki, and a readable document', () => {
    const empty = computeReport({
      root: 'R',
      profiles: [],
      clinics: [],
      rounds: [],
      resources: 0,
      now: NOW,
      generated: 'x',
    });
    expect(empty.months).toEqual([]);
    expect(empty.totals.registered).toBe(0);
    expect(readDocument(JSON.stringify(data), 'report').problems).toEqual([]);
    expect(readDocument(JSON.stringify({ ...data, totals: [] }), 'report').document).toBeNull();
  });

  it('percent is whole and safe on zero', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 0)).toBe(0);
  });
});

describe('renderReportPage', () => {
  const t = (key: string, ...params: (string | number)[]) => `${key}(${params.join(',')})`;
  const data = computeReport({ root: 'R', ...fixture(), resources: 0, now: NOW, generated: 'x' });

  it('gives each total with its definition, per-month rows and a totals row', () => {
    // The words are the label module's; expanded here as an English reader gets them.
    const text = expandLabelCalls(renderReportPage(data, { t, topicLabel: (id) => id }));
    expect(text).toContain(
      `| ${en['letsconnect-report-affiliated']} || 2 (67%) || ${en['letsconnect-report-page-def-affiliated']}`,
    );
    expect(text).toContain(`| ${en['letsconnect-report-feedback']} || 2 (100%) ||`);
    expect(totalValue(data, 'useful')).toBe('1 / 2 (50%)');
    expect(totalValue(data, 'rating')).toBe('3.5 (2)');
    expect(text).toContain('| February 2026 || 0 || 1 || 2 || 2 || 1 || 0 || 0 || 0');
    expect(text).toContain('! Total !! 3 !! 1 !! 2 !! 2 !! 1 !! 6 !! 3 !! 1');
    expect(text).toContain('| budget-development || 3 || 1');
    expect(text).toContain('<div class="letsconnect-app letsconnect-report-app"></div>');
    expect(text).toContain('! Region !! People');
    expect(text).toContain('! Role !! People');
    expect(text).toContain('<!-- letsconnect-report-page-generated() -->');
  });

  it("keeps a hostile topic label as text: the only template calls are the label module's", () => {
    const taxonomy = defaultTaxonomy();
    const hostile = '}}{{nobots}}|x=y [[Category:Spam]] <script>';
    const topics = new Map(taxonomy.topics);
    topics.set('budget-development', {
      ...topics.get('budget-development')!,
      source: 'wiki',
      labels: { en: hostile },
    });
    const text = renderReportPage(data, {
      t,
      topicLabel: (id) => topicWikitext({ ...taxonomy, topics }, () => null, id),
    });
    const calls = findTemplateCalls(text, () => true);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.name === "#invoke:Let's Connect/Labels")).toBe(true);
    expect(text).not.toContain('[[Category:Spam]]');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('{{nobots}}');
  });
});
