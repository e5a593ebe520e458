/**
 * The page-structure check of the hostile section: the markup skeleton of a page, and every
 * page the bot writes rendered with one value in every free-text field (a hostile one, or a
 * plain word to compare with).
 */
import { renderCalendarPage, type CalendarItem } from '../../bot/clinics/calendar-page';
import { renderHotTopicsPage } from '../../bot/clinics/hot-topics-page';
import { renderInvitation } from '../../bot/clinics/invitations';
import { renderSummaryPage } from '../../bot/clinics/summary-page';
import { botMessages } from '../../bot/i18n';
import { speaker } from '../../bot/match/reasons';
import { renderRoundPage } from '../../bot/match/round-page';
import { renderMessage } from '../../bot/notify/messages';
import type { ClinicSummary } from '../../shared/clinics/summary';
import {
  SCHEMA_VERSION,
  toDirectoryEntry,
  type DirectoryEntry,
  type MatchHistory,
  type ResourceEntry,
} from '../../shared/documents/documents';
import { problem } from '../../shared/problems';
import type { Clinic } from '../../shared/records/clinic';
import type { Profile } from '../../shared/records/profile';
import { type Proposal } from '../../shared/records/proposal';
import { renderDirectoryPages } from '../../shared/reports/directory-page';
import { renderMaintenancePage } from '../../shared/reports/maintenance-page';
import { topicWikitext } from '../../shared/labels/labels';
import { renderReportPage } from '../../shared/reports/report-page';
import { computeReport } from '../../shared/reports/report-stats';
import { renderResourcesPage } from '../../shared/reports/resources-page';
import { defaultTaxonomy, mergeTaxonomy, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import { profileFixture } from '../../test/unit/support/profile-fixture';

// ---- the markup skeleton -------------------------------------------------------------

const TOKEN =
  /\{\{|\}\}|\{\||\|\}|\[\[|\]\]|\[|\]|\|\||\||<!--|-->|<\/?[A-Za-z][^\s>/]*|~~~+|''+|__[A-Za-z]+__|!!|^[*#:;=]+|^----|=+$|\n/gm;

/**
 * The page's markup, with every run of plain text left out. A bare URL is not counted: a
 * value that is one URL alone keeps its scheme by design (escape.ts), and becomes a link. A
 * line-start `!` is not counted either: it means something only inside a table, where every
 * value follows a cell's bar.
 */
export function skeleton(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function sameSkeleton(hostile: string, plain: string): boolean {
  const a = skeleton(hostile);
  const b = skeleton(plain);
  return a.length === b.length && a.every((tok, i) => tok === b[i]);
}

// ---- records with every free-text field poisoned ----------------------------------------

export const PLAIN = 'Zz';

// ---- fixed inputs for the page writers ---------------------------------------------------

const TAXONOMY = defaultTaxonomy();
const TOPIC = [...TAXONOMY.topics.keys()][0]!;

/** A taxonomy with one on-wiki topic whose label and description are `value`. */
function taxonomyWith(value: string): Taxonomy {
  return mergeTaxonomy([
    {
      id: 'fuzz-topic',
      category: TAXONOMY.categories[0]!,
      labels: { en: value },
      description: value,
      featured: false,
      retired: false,
      capx: [],
    },
  ]).taxonomy;
}

const baseProfile: Profile = profileFixture({
  username: 'Fuzz Person',
  groups: [{ group: 'Group', role: '' }],
  region: '',
  languages: [{ code: 'en', level: 'N' }],
  learn: ['fuzz-topic', TOPIC],
  share: ['fuzz-topic', TOPIC],
  formats: [],
  timezone: 'UTC',
});

function entry(value: string): DirectoryEntry {
  const p: Profile = {
    ...baseProfile,
    groups: [{ group: value, role: '' }],
    about: value,
    learnOther: value,
    shareOther: value,
  };
  return toDirectoryEntry(p, 1)!;
}

export const proposal = (value: string): Proposal => ({
  id: 'p1',
  learners: ['Fuzz Person'],
  sharer: 'Other Person',
  topic: 'fuzz-topic',
  format: '',
  languages: ['en'],
  score: 10,
  reason: value,
  status: 'approved',
  reviewer: 'Admin',
  reviewed: '',
  note: value,
});

function roundDoc(value: string, title: string): MatchHistory {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'match-history',
    generated: '2030-01-01T00:00:00Z',
    round: '2030-01',
    lastrevid: 1,
    proposals: [proposal(value)],
    reasons: {},
    unmatched: [
      {
        username: 'Fuzz Person',
        topics: ['fuzz-topic'],
        reason: { key: 'letsconnect-match-reason-rare-group', params: [value] },
      },
    ],
    unmetDemand: [],
    rejected: [
      {
        proposal: value,
        user: title.replace(/[[\]{}|#<>]/g, ''),
        revid: 5,
        timestamp: '2030-01-02T00:00:00Z',
        field: value,
        from: value,
        to: value,
      },
    ],
    messages: [],
    outcomes: { reported: 0, met: 0, scheduled: 0, notMet: 0, rated: 0, ratingSum: 0 },
  };
}

const clinic = (value: string): Clinic => ({
  title: value,
  topic: 'fuzz-topic',
  sessions: ['2030-02-01T10:00Z'],
  timezone: 'UTC',
  minutes: 60,
  sharers: ['Other Person'],
  interpreters: [],
  host: 'Other Person',
  languages: ['en'],
  interpretation: [],
  capacity: 10,
  status: 'open',
  link: '',
  recording: '',
  description: value,
  attended: 3,
});

const summary: ClinicSummary = {
  confirmed: 3,
  waiting: 0,
  cancelled: 0,
  team: 1,
  attended: 3,
  attendanceRate: 1,
  feedbackGiven: 1,
  feedbackBase: 'attended',
  feedbackRate: 1 / 3,
  usefulYes: 1,
  usefulAnswers: 1,
  usefulShare: 1,
  ratings: 1,
  meanRating: 4,
  wanted: [{ topic: 'fuzz-topic', count: 1 }],
};

const resourceEntry = (value: string, page: string): ResourceEntry => ({
  title: value,
  url: '',
  page,
  kind: 'guide',
  topics: ['fuzz-topic'],
  languages: ['en'],
  addedBy: 'Fuzz Person',
  added: '2030-01-01',
  description: value,
  revid: 3,
});

/**
 * Every page the bot writes, from a hostile free-text value and a hostile page title (a
 * resource's or a material's page). Each entry: the page's name and its text.
 */
export function botPages(value: string, title: string): Array<[string, string]> {
  const taxonomy = taxonomyWith(value);
  const en = botMessages('en');
  const s = speaker('en', taxonomy);
  const pages: Array<[string, string]> = [];
  pages.push(['round page', renderRoundPage(s, roundDoc(value, title), 'R')]);
  const c = clinic(value);
  pages.push([
    'clinic summary',
    renderSummaryPage({
      title: 'R/Clinics/2030-02-01 Fuzz',
      clinic: c,
      summary,
      materials: [
        { ...resourceEntry(value, title), url: '', kind: 'guide' },
        { ...resourceEntry(value, ''), url: 'https://meta.wikimedia.org/wiki/X', kind: 'guide' },
      ],
      fingerprint: 'abc',
      taxonomy,
      t: en.t,
      lookup: en.lookup,
    }),
  ]);
  const items: CalendarItem[] = [
    { kind: 'clinic', page: 'R/Clinics/2030-02-01 Fuzz', record: c },
    { kind: 'space', page: '', record: { ...c, link: 'https://meta.wikimedia.org/wiki/Y' } },
  ];
  pages.push([
    'calendar',
    renderCalendarPage({
      items,
      nowMs: Date.parse('2030-01-01T00:00:00Z'),
      spacesPage: 'R/Learning spaces',
      taxonomy,
      t: en.t,
      lookup: en.lookup,
    }),
  ]);
  pages.push([
    'hot topics',
    renderHotTopicsPage({
      rows: [
        {
          topic: 'fuzz-topic',
          learners: 2,
          sharers: 1,
          gap: 1,
          unmatched: 1,
          candidates: ['Fuzz Person'],
        },
      ],
      round: '2030-01',
      taxonomy,
      t: en.t,
      lookup: en.lookup,
    }),
  ]);
  const dir = renderDirectoryPages([entry(value)], {
    taxonomy,
    messages: en.lookup,
    t: en.t,
    topicPageTitle: (id, part) => `R/Directory/${id}${part > 1 ? `/${part}` : ''}`,
  });
  pages.push(['directory', dir.overview]);
  for (const p of dir.topicPages) pages.push([`directory topic ${p.title}`, p.text]);
  pages.push([
    'maintenance',
    renderMaintenancePage(
      [
        { page: 'R/Participants/Fuzz', problem: value, since: '2030-01-01', severity: 'error' },
        {
          page: `R/Participants/${title.replace(/[[\]{}|#<>]/g, '')}`,
          problem: 'x',
          since: '2030-01-01',
          severity: 'warning',
        },
      ],
      en.t,
    ),
  ]);
  // As the report task gives it: the hostile on-wiki topic's label, escaped (topicWikitext).
  const topicLabel = (id: string) => topicWikitext(taxonomy, en.lookup, id);
  pages.push([
    'resources by topic',
    renderResourcesPage(
      [resourceEntry(value, title), { ...resourceEntry(value, ''), url: 'https://w.wiki/x' }],
      [
        {
          title: value,
          user: 'Fuzz Person',
          revid: 9,
          problems: [problem('url', 'letsconnect-problem-url', [value])],
        },
      ],
      { t: en.t, taxonomy, topicLabel, resourcesPage: 'R/Resources' },
    ) as string,
  ]);
  const report = computeReport({
    root: 'R',
    profiles: [{ profile: { ...baseProfile, about: value }, created: '2030-01-01T00:00:00Z' }],
    clinics: [],
    rounds: [],
    resources: 1,
    now: new Date('2030-02-01T00:00:00Z'),
    generated: '2030-02-01T00:00:00Z',
  });
  pages.push(['report', renderReportPage(report, { t: en.t, topicLabel })]);
  const people = new Map([
    ['Fuzz Person', entry(value)],
    ['Other Person', { ...entry(value), username: 'Other Person' }],
  ]);
  const notice = renderMessage(
    {
      kind: 'intro',
      key: 'intro:p1:Fuzz Person',
      round: '2030-01',
      proposal: proposal(value),
      user: 'Fuzz Person',
    },
    {
      root: 'R',
      now: new Date('2030-01-05T00:00:00Z'),
      people,
      taxonomy,
    },
  );
  pages.push(['introduction message', `== ${notice.heading} ==\n${notice.body}`]);
  const invitation = renderInvitation(
    { key: 'invite:x', clinic: 'R/Clinics/2030-02-01 Fuzz', user: 'Fuzz Person' },
    { title: 'R/Clinics/2030-02-01 Fuzz', clinic: c, signedUp: new Set() },
    entry(value),
    taxonomy,
    '2030-01-05',
    'R',
  );
  pages.push(['invitation message', `== ${invitation.heading} ==\n${invitation.body}`]);
  return pages;
}
