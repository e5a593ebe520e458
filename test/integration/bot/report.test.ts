/**
 * `letsconnect-bot report` on a real wiki of its own, from a fixed fixture whose numbers are
 * counted by hand below: profiles (one withdrawn, one unlisted, one with a newer edit by
 * someone else, one written entirely by someone else), clinics with sign-ups past capacity, a
 * cancellation, a sharer, feedback (and forged ones), round documents, and resources added
 * by their authors, in someone else's name, and off Wikimedia sites. A re-run edits nothing.
 */
import { expandLabelCalls } from '../../support/label-calls';
import { readDocument } from '../../../shared/documents/read-document';
import type { MatchHistory, ReportData } from '../../../shared/documents/documents';
import {
  clinicFeedbackTitle,
  clinicPageTitle,
  clinicSignupTitle,
  matchRoundTitle,
  profilePageTitle,
  reportDataTitle,
  reportPageTitle,
  resourcesDataTitle,
  resourcesIndexTitle,
  resourcesPageTitle,
  workingGroupPageTitle,
} from '../../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { serialiseRecord } from '../../../shared/records/codec';
import {
  clinicCodec,
  feedbackCodec,
  signupCodec,
  type Clinic,
  type Signup,
} from '../../../shared/records/clinic';
import { memberCodec } from '../../../shared/records/member';
import { profileCodec, type Profile } from '../../../shared/records/profile';
import type { Resource } from '../../../shared/records/resource';
import { appendResource } from '../../../shared/resources/centre';
import { MwnWikiClient } from '../../../bot/wiki/mwn-client';
import { importPages, type PageToImport } from '../../../scripts/seed/import-pages';
import { seedProgram } from '../../../scripts/seed/seed-program';
import { readCredentials } from '../../../scripts/wiki/credentials';
import { editsMade, runBotOk } from '../../support/run-cli';
import { startThrowawayWiki } from '../../support/throwaway-wiki';
import { profileFixture } from '../../unit/support/profile-fixture';

// A wiki of its own, seeded and run in beforeAll: minutes on a loaded 2-core machine (the
// directory test's set-up once took over 180 s next to other work). Time is benched, not tested.
jest.setTimeout(600_000);

const NOW = '2026-03-10';
let stack: Awaited<ReturnType<typeof startThrowawayWiki>>;
let reader: MwnWikiClient;
let user1: MwnWikiClient;
let user2: MwnWikiClient;
let user1Name: string;
let user2Name: string;

const profile = (username: string, created: string, over: Partial<Profile>): PageToImport => ({
  title: profilePageTitle(DEFAULT_ROOT, username),
  user: username,
  timestamp: created,
  content: `${serialiseRecord(profileCodec, profileFixture({ username, ...over }))}\n`,
});

const PROFILES: PageToImport[] = [
  profile('Ana Report', '2026-01-10T10:00:00Z', {
    region: 'lac',
    groups: [{ group: 'WM Chile', role: 'organiser' }],
    learn: ['budget-development', 'fundraising'],
    share: ['governance'],
  }),
  profile('Bo Report', '2026-01-20T10:00:00Z', {
    region: 'lac',
    groups: [{ group: 'WM Chile', role: 'volunteer' }],
    learn: ['budget-development'],
    share: ['budget-development'],
  }),
  profile('Cy Report', '2026-02-05T10:00:00Z', {
    region: 'ssa',
    listed: false,
    learn: ['budget-development'],
  }),
  profile('Di Report', '2026-02-06T10:00:00Z', {
    region: 'eseap',
    withdrawn: true,
    groups: [{ group: 'Art+Feminism', role: 'organiser' }],
    learn: ['fundraising'],
    share: ['fundraising'],
  }),
  profile('Ed Report', '2026-02-07T10:00:00Z', {
    region: 'mena',
    groups: [{ group: 'Wikimedians of the Levant', role: 'staff' }],
    learn: ['governance'],
  }),
  // Written entirely by someone else: no revision by its owner, so not counted.
  {
    ...profile('Ghost Report', '2026-02-08T10:00:00Z', { learn: ['governance'] }),
    user: 'Mallory Report',
  },
];

const clinic = (over: Partial<Clinic>): Clinic => ({
  title: 'Budgets in practice',
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

const HELD = clinicPageTitle(DEFAULT_ROOT, '2026-02-12', 'Budgets');
const UPCOMING = clinicPageTitle(DEFAULT_ROOT, '2026-03-20', 'Fundraising');
const CANCELLED = clinicPageTitle(DEFAULT_ROOT, '2026-01-15', 'Governance');

const signup = (
  clinicTitle: string,
  username: string,
  over: Partial<Signup> = {},
  by = username,
) => ({
  title: clinicSignupTitle(clinicTitle, username),
  user: by,
  content: serialiseRecord(signupCodec, {
    username,
    session: null,
    role: '',
    interpretation: '',
    signed: '',
    cancelled: '',
    ...over,
  }),
});

const feedback = (username: string, useful: boolean, rating: number, by = username) => ({
  title: clinicFeedbackTitle(HELD, username),
  user: by,
  content: serialiseRecord(feedbackCodec, {
    username,
    useful,
    rating,
    comment: '',
    improve: '',
    wanted: [],
    given: '',
  }),
});

const CLINICS: PageToImport[] = [
  {
    title: HELD,
    user: 'Ambassador Report',
    content: serialiseRecord(clinicCodec, clinic({ sessions: ['2026-02-12T15:00Z'], capacity: 3 })),
  },
  {
    title: UPCOMING,
    user: 'Ambassador Report',
    content: serialiseRecord(
      clinicCodec,
      clinic({ topic: 'fundraising', sessions: ['2026-03-20T15:00Z'] }),
    ),
  },
  {
    title: CANCELLED,
    user: 'Ambassador Report',
    content: serialiseRecord(clinicCodec, clinic({ topic: 'governance', status: 'cancelled' })),
  },
  // A "held" clinic written by someone who organises nothing: it does not count.
  {
    title: clinicPageTitle(DEFAULT_ROOT, '2026-02-20', 'Fake'),
    user: 'Mallory Report',
    content: serialiseRecord(clinicCodec, clinic({ sessions: ['2026-02-20T15:00Z'] })),
  },
  signup(clinicPageTitle(DEFAULT_ROOT, '2026-02-20', 'Fake'), 'Ana Report'),
  // In creation order: Ana, Ed (cancelled), Bo, Cy take the 3 places; Fay waits.
  signup(HELD, 'Ana Report'),
  signup(HELD, 'Ed Report', { cancelled: '2026-02-10T09:00Z' }),
  signup(HELD, 'Bo Report'),
  signup(HELD, 'Sam Sharer', { role: 'sharer' }),
  signup(HELD, 'Cy Report'),
  signup(HELD, 'Fay Report'),
  // A sign-up made in someone else's name: not counted.
  signup(HELD, 'Zed Report', {}, 'Mallory Report'),
  signup(UPCOMING, 'Ana Report'),
  signup(CANCELLED, 'Bo Report'),
  feedback('Ana Report', true, 5),
  feedback('Bo Report', false, 3),
  // Forged feedback: not counted.
  feedback('Cy Report', true, 5, 'Mallory Report'),
];

const round = (month: string, statuses: string[], met: number): PageToImport => {
  const doc: MatchHistory = {
    schemaVersion: 1,
    kind: 'match-history',
    generated: `${month}-28T00:00:00Z`,
    round: month,
    lastrevid: 1,
    proposals: statuses.map((status, i) => ({
      id: `${month}-${i + 1}`,
      learners: ['Bo Report'],
      sharer: 'Ana Report',
      topic: 'governance',
      format: 'one-to-one',
      languages: ['es'],
      status,
      reviewer: '',
      reviewed: '',
      note: '',
      score: null,
      reason: '',
    })) as unknown as MatchHistory['proposals'],
    reasons: {},
    unmatched: [],
    unmetDemand: [],
    rejected: [],
    messages: [],
    outcomes: { reported: met, met, scheduled: 0, notMet: 0, rated: 0, ratingSum: 0 },
  };
  return {
    title: matchRoundTitle(DEFAULT_BOT_NAME, month),
    user: DEFAULT_BOT_NAME,
    content: JSON.stringify(doc),
  };
};

const resource = (over: Partial<Resource>): Resource => ({
  title: 'Budget clinic recording',
  url: 'https://commons.wikimedia.org/wiki/File:Budget_clinic.webm',
  page: '',
  kind: 'recording',
  topics: ['budget-development'],
  languages: ['en'],
  addedBy: 'Ana Report',
  added: '2026-02-13',
  description: '',
  ...over,
});

async function text(title: string): Promise<string> {
  const [page] = await reader.readPages([title]);
  return page?.exists ? (page.content ?? '') : '';
}

async function append(as: MwnWikiClient, r: Resource): Promise<void> {
  const [page] = await as.readPages([resourcesPageTitle(DEFAULT_ROOT)]);
  await as.save(
    resourcesPageTitle(DEFAULT_ROOT),
    appendResource(page?.content ?? '', r),
    `Add ${r.title}`,
    page?.revid ?? null,
  );
}

const bot = (args: string[]) => runBotOk(args, stack.env);
const edits = editsMade;

beforeAll(async () => {
  stack = await startThrowawayWiki(8095);
  await seedProgram({ wiki: stack.wiki, profiles: 0, log: () => undefined });
  const creds = readCredentials(stack.wiki);
  user1Name = creds.LETSCONNECT_USER1_NAME;
  user2Name = creds.LETSCONNECT_USER2_NAME;
  importPages(stack.wiki, [
    ...PROFILES,
    ...CLINICS,
    round('2026-01', ['proposed'], 0),
    round('2026-02', ['notified', 'approved', 'declined'], 1),
    // Clinics count only when an organiser wrote them: the ambassador is on the list.
    {
      title: workingGroupPageTitle(DEFAULT_ROOT),
      user: 'Admin',
      timestamp: '2026-01-01T00:00:00Z',
      content: `${serialiseRecord(memberCodec, { username: 'Ambassador Report', role: 'ambassador', region: '', languages: [], since: '' })}\n`,
    },
    {
      title: resourcesPageTitle(DEFAULT_ROOT),
      user: 'Ana Report',
      timestamp: '2026-02-13T10:00:00Z',
      content: `Resources of the program.\n\n${appendResource('', resource({}))}`,
    },
  ]);
  const connect = (username: string, password: string) =>
    MwnWikiClient.connect({
      apiUrl: stack.wiki.apiUrl,
      username,
      password,
      assert: 'user',
      writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
      userAgent: 'LetsConnectTests/0.1 (report test)',
    });
  reader = await connect(creds.LETSCONNECT_BOT_USERNAME, creds.LETSCONNECT_BOT_PASSWORD);
  user1 = await connect(user1Name, creds.LETSCONNECT_USER1_PASSWORD);
  user2 = await connect(user2Name, creds.LETSCONNECT_USER2_PASSWORD);
  // A newer edit of Ed's profile by someone else: Ed's own revision is what counts.
  const edTitle = profilePageTitle(DEFAULT_ROOT, 'Ed Report');
  const [ed] = await user2.readPages([edTitle]);
  await user2.save(
    edTitle,
    ed!.content!.replace('region = mena', 'region = na'),
    'forged',
    ed!.revid!,
  );
  // Resources: one by its author (accepted), one in someone else's name and one off
  // Wikimedia sites (both refused).
  await append(
    user1,
    resource({
      title: 'Fundraising guide',
      url: 'https://meta.wikimedia.org/wiki/Fundraising_guide',
      topics: ['fundraising'],
      languages: ['es'],
      kind: 'guide',
      addedBy: user1Name,
    }),
  );
  await append(user2, resource({ title: 'Forged in Ana’s name', addedBy: 'Ana Report' }));
  await append(
    user2,
    resource({ title: 'Off-site deck', url: 'https://example.org/deck.pdf', addedBy: user2Name }),
  );
});

afterAll(async () => {
  await stack?.stop();
});

describe('letsconnect-bot report on a fixed fixture', () => {
  let data: ReportData;

  it('writes R/Report and Report.json whose numbers match the hand count', async () => {
    const out = await bot(['report', '--now', NOW]);
    // R/Resources/By topic, Resources.json, the creation-month cache, R/Report, Report.json,
    // the portal on the root page and R/Connections.
    expect(edits(out)).toBe(7);
    const read = readDocument(await text(reportDataTitle(DEFAULT_BOT_NAME)), 'report');
    expect(read.problems).toEqual([]);
    data = read.document!;
    // Hand count. Registered: Ana, Bo, Cy, Ed (Di withdrew; Ghost's page is not Ghost's).
    // Listed: Ana, Bo, Ed (Cy did not agree). Affiliated: Ana, Bo, Ed.
    // Clinics held by 2026-03-10: only 2026-02-12 (03-20 is to come, 01-15 was cancelled).
    // Participations: capacity 3 → Ana, Bo, Cy (Ed cancelled, Sam is the sharer, Fay waits,
    // Zed's sign-up is not Zed's). Feedback: Ana (useful, 5), Bo (not useful, 3); Cy's forged.
    // Connections: 2026-01 one proposed; 2026-02 three proposed, two approved (approved,
    // notified), one met. Resources: Ana's recording and Amani's guide.
    expect(data.totals).toEqual({
      registered: 4,
      listed: 3,
      affiliated: 3,
      clinics: 1,
      participations: 3,
      feedback: 2,
      usefulAnswered: 2,
      useful: 1,
      rated: 2,
      ratingSum: 8,
      proposed: 4,
      approved: 2,
      met: 1,
      // No connection here was made by its people themselves; the fixture's round documents
      // carry no report count (written as the bot wrote them before it counted summaries).
      selfMade: 0,
      selfMadeMet: 0,
      summaries: 0,
      resources: 2,
    });
    expect(data.months).toEqual([
      {
        month: '2026-01',
        registered: 2,
        clinics: 0,
        participations: 0,
        feedback: 0,
        usefulAnswered: 0,
        useful: 0,
        proposed: 1,
        approved: 0,
        met: 0,
        selfMade: 0,
        selfMadeMet: 0,
        summaries: 0,
      },
      {
        month: '2026-02',
        registered: 2,
        clinics: 1,
        participations: 3,
        feedback: 2,
        usefulAnswered: 2,
        useful: 1,
        proposed: 3,
        approved: 2,
        met: 1,
        selfMade: 0,
        selfMadeMet: 0,
        summaries: 0,
      },
    ]);
    // Ed counts in mena, as Ed wrote it, not in na as the later edit says.
    expect(data.regions).toEqual([
      { id: 'lac', count: 2 },
      { id: 'mena', count: 1 },
      { id: 'ssa', count: 1 },
    ]);
    expect(data.roles).toEqual([
      { id: 'none', count: 1 },
      { id: 'organiser', count: 1 },
      { id: 'staff', count: 1 },
      { id: 'volunteer', count: 1 },
    ]);
    expect(data.learn).toEqual([
      { id: 'budget-development', count: 3 },
      { id: 'fundraising', count: 1 },
      { id: 'governance', count: 1 },
    ]);
    expect(data.share).toEqual([
      { id: 'budget-development', count: 1 },
      { id: 'governance', count: 1 },
    ]);
  });

  it('shows the numbers as wiki tables with their definitions, and the charts placeholder', async () => {
    // The label module's words, as an English reader gets them.
    const page = expandLabelCalls(await text(reportPageTitle(DEFAULT_ROOT)));
    expect(page).toContain(
      '| Registered participants || 4 || Profile pages written by their owner',
    );
    expect(page).toContain('| Tied to a group or affiliate || 3 (75%) ||');
    expect(page).toContain('| Feedback given || 2 (67%) ||');
    expect(page).toContain('| Found it useful || 1 / 2 (50%) ||');
    expect(page).toContain('| Mean rating (1–5) || 4.0 (2) ||');
    expect(page).toContain('| February 2026 || 2 || 1 || 3 || 2 || 1 || 3 || 2 || 1');
    expect(page).toContain('<div class="letsconnect-app letsconnect-report-app"></div>');
    expect(page).toContain('! Region !! People');
    expect(page).not.toContain('⧼');
    const html = (await reader.bot.parseTitle(reportPageTitle(DEFAULT_ROOT))) as string;
    expect(html).toContain('letsconnect-report-totals');
  });

  it('indexes the resources by topic and language, refusing the forged and the off-site item', async () => {
    const index = expandLabelCalls(await text(resourcesIndexTitle(DEFAULT_ROOT)));
    expect(index).toContain('Budget clinic recording');
    expect(index).toContain(
      '[https://meta.wikimedia.org/wiki/Fundraising_guide Fundraising guide]',
    );
    expect(index.split('=== languages(es) ===')[1]!.split('===')[0]).toContain('Fundraising guide');
    const listed = index.split('== Not listed ==')[0]!;
    expect(listed).not.toContain('Forged');
    expect(listed).not.toContain('example.org');
    expect(index.split('== Not listed ==')[1]).toContain('Off-site deck');
    const doc = readDocument(await text(resourcesDataTitle(DEFAULT_BOT_NAME)), 'resources');
    expect(doc.document!.resources.map((r) => [r.title, r.addedBy])).toEqual([
      ['Budget clinic recording', 'Ana Report'],
      ['Fundraising guide', user1Name],
    ]);
  });

  it('a re-run with nothing changed makes no edit', async () => {
    const out = await bot(['report', '--now', NOW]);
    expect(edits(out)).toBe(0);
  });
});
