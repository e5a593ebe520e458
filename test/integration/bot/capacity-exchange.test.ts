/**
 * "Bring my capacities from the Capacity Exchange", end to end on a wiki of its own and a
 * local CapX (test/support/fake-capx.ts): people opt in on their profile, the bot reads their
 * CapX profiles, the directory and the matching use the topics they bring, opting out removes
 * them, a failing CapX fails nothing, and the email and bio in the CapX record appear nowhere.
 */
import { expandLabelCalls } from '../../support/label-calls';
import { readDocument } from '../../../shared/documents/read-document';
import type { DirectoryEntry } from '../../../shared/documents/documents';
import {
  capacitiesDataTitle,
  connectionsPageTitle,
  directoryIndexTitle,
  directoryTopicPageTitle,
  maintenancePageTitle,
  profilePageTitle,
} from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { parseRecords, parseSingleRecord, serialiseRecord } from '../../../shared/records/codec';
import { profileCodec, type Profile } from '../../../shared/records/profile';
import { proposalCodec } from '../../../shared/records/proposal';
import { generateSamplePages } from '../../../shared/sample/generate';
import { importPages } from '../../../scripts/seed/import-pages';
import { startStack, type WikiStack } from '../../../scripts/reliability/wiki-stack';
import { leaksIn } from '../../../scripts/reliability/privacy';
import { FAKE_SKILLS, startFakeCapx, type FakeCapxUser } from '../../support/fake-capx';
import { runBot } from '../../support/run-cli';

jest.setTimeout(300_000);

const CAPX_EMAIL = 'capx.private.canary@example.org';
const CAPX_BIO = 'Capxbiocanary lives on Elm Street';

let stack: WikiStack;
let capx: Awaited<ReturnType<typeof startFakeCapx>>;
let base: Profile;

const title = (user: string) => profilePageTitle(DEFAULT_ROOT, user);
const profile = (p: Partial<Profile>) => `${serialiseRecord(profileCodec, { ...base, ...p })}\n`;

const capxUser = (id: number, username: string, p: Partial<FakeCapxUser>): FakeCapxUser => ({
  id,
  username,
  email: CAPX_EMAIL,
  about: CAPX_BIO,
  known: [],
  available: [],
  wanted: [],
  lastUpdate: '2026-11-01T10:00:00.000000Z',
  ...p,
});

function bot(args: string[], extra: NodeJS.ProcessEnv = {}) {
  return runBot(args, {
    ...stack.env,
    LETSCONNECT_CAPX_URL: capx.url,
    LETSCONNECT_CONTACT: 'capx-test@example.invalid',
    LETSCONNECT_EXTERNAL_BACKOFF_MS: '20',
    LETSCONNECT_EXTERNAL_TIMEOUT_MS: '3000',
    ...extra,
  });
}

async function read(t: string): Promise<string> {
  const admin = await stack.admin();
  const [page] = await admin.readPages([t]);
  return page?.content ?? '';
}

async function entries(): Promise<Map<string, DirectoryEntry>> {
  const admin = await stack.admin();
  const index = readDocument(
    await read(directoryIndexTitle('LetsConnectBot')),
    'directory-index',
  ).document!;
  const shards = await admin.readPages(index.shards.map((s) => s.title));
  const all = shards.flatMap((s) => readDocument(s.content!, 'directory-shard').document!.entries);
  return new Map(all.map((e) => [e.username, e]));
}

beforeAll(async () => {
  const sample = generateSamplePages({ profiles: 1 })[0]!;
  base = {
    ...parseSingleRecord(profileCodec, sample.content).parsed!.record,
    listed: true,
    withdrawn: false,
    snoozeUntil: '',
    formats: ['one-to-one'],
    connectionsPerMonth: 2,
  };
  stack = await startStack({ port: 8191, profiles: 0 });
  // Sharer and learner of "social media" only through CapX: a proposal between them can only
  // come from the topics CapX brought.
  importPages(stack.wiki, [
    {
      title: title('Capx Sharer'),
      user: 'Capx Sharer',
      content: profile({
        username: 'Capx Sharer',
        share: ['fundraising'],
        learn: [],
        fromCapx: true,
      }),
    },
    {
      title: title('Capx Learner'),
      user: 'Capx Learner',
      content: profile({
        username: 'Capx Learner',
        share: ['governance'],
        learn: [],
        fromCapx: true,
      }),
    },
    {
      title: title('Not In Capx'),
      user: 'Not In Capx',
      content: profile({ username: 'Not In Capx', share: ['advocacy'], learn: [], fromCapx: true }),
    },
    {
      title: title('Did Not Ask'),
      user: 'Did Not Ask',
      content: profile({ username: 'Did Not Ask', share: ['advocacy'], learn: [] }),
    },
  ]);
  capx = await startFakeCapx(8192, {
    skills: FAKE_SKILLS,
    users: [
      // communication (Q11024), Wikidata (Q2013), budgeting (unmapped); wants L&E (Q60231731).
      capxUser(3, 'Capx Sharer', {
        known: [36, 113, 12, 10],
        available: [36, 113, 12],
        wanted: [50],
      }),
      capxUser(4, 'Capx Learner', { known: [], available: [], wanted: [36] }),
      // Has CapX capacities but did not ask: never read.
      capxUser(5, 'Did Not Ask', { known: [36], available: [36], wanted: [] }),
    ],
  });
});

afterAll(async () => {
  await capx?.stop();
  await stack?.stop();
});

describe('capacities brought from the Capacity Exchange', () => {
  it('lists the mapped topics of people who opted in, marked as from CapX, never over their own', async () => {
    const run = await bot(['directory']);
    expect(run.stderr).not.toMatch(/"level":"error"/);
    expect(run.code).toBe(0);
    const e = await entries();
    expect(e.get('Capx Sharer')?.share).toEqual(['fundraising']);
    expect(e.get('Capx Sharer')?.capacityExchange).toEqual({
      share: ['social-media-press', 'wikidata-basics'],
      learn: ['learning-evaluation-plans'],
      updated: '2026-11-01T10:00:00.000000Z',
    });
    expect(e.get('Capx Learner')?.capacityExchange?.learn).toEqual(['social-media-press']);
    expect(e.get('Did Not Ask')?.capacityExchange).toBeUndefined();
    expect(capx.state.requests.some((r) => r.path.includes('Did%20Not%20Ask'))).toBe(false);
    // Polite: the bot's User-Agent with the operator's contact on every request.
    expect(capx.state.requests.length).toBeGreaterThan(0);
    for (const r of capx.state.requests) expect(r.userAgent).toMatch(/capx-test@example\.invalid/);

    // The label module's words, as an English reader gets them.
    const topicPage = expandLabelCalls(
      await read(directoryTopicPageTitle(DEFAULT_ROOT, 'social-media-press')),
    );
    expect(topicPage).toMatch(/Capx Sharer[^\n]*\n?[^\n]*can share \(from the Capacity Exchange\)/);
    expect(topicPage).toMatch(
      /Capx Learner[^\n]*\n?[^\n]*wants to learn \(from the Capacity Exchange\)/,
    );

    const maintenance = await read(maintenancePageTitle(DEFAULT_ROOT));
    expect(maintenance).toContain('Q8054');
    expect(maintenance).toMatch(/Not In Capx[^\n]*\n?[^\n]*no profile with this user name/);

    const give = readDocument(
      await read(capacitiesDataTitle('LetsConnectBot')),
      'capacities',
    ).document!;
    const sharer = give.people.find((p) => p.username === 'Capx Sharer');
    expect(sharer?.share).toEqual(expect.arrayContaining(['Q11024', 'Q2013']));
    expect(sharer?.learn).toEqual(['Q60231731']);
  });

  it('uses them in matching: the learner and sharer who share a topic only through CapX are proposed', async () => {
    const run = await bot(['match', '--now', '2026-12-02']);
    expect(run.code).toBe(0);
    const round = await read(connectionsPageTitle(DEFAULT_ROOT, '2026-12'));
    const proposals = parseRecords(proposalCodec, round).map((r) => r.record);
    expect(proposals).toContainEqual(
      expect.objectContaining({
        learners: ['Capx Learner'],
        sharer: 'Capx Sharer',
        topic: 'social-media-press',
      }),
    );
  });

  it('makes no edit when CapX has not changed, and takes the new capacities when it has', async () => {
    const again = await bot(['directory']);
    expect(again.stdout).toMatch(/edits made\s+0\b/);
    const sharer = capx.state.users.find((u) => u.username === 'Capx Sharer')!;
    sharer.available = [113];
    sharer.lastUpdate = '2026-11-20T08:00:00.000000Z';
    expect((await bot(['directory'])).code).toBe(0);
    expect((await entries()).get('Capx Sharer')?.capacityExchange?.share).toEqual([
      'wikidata-basics',
    ]);
  });

  it('a failing CapX fails nothing: reported in the summary and on R/Maintenance, last run kept', async () => {
    capx.state.fault = '5xx';
    capx.state.faultCount = -1;
    const run = await bot(['directory']);
    capx.state.fault = 'none';
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Capacity Exchange could not be read \(HTTP 503 after 4 attempts\)/);
    expect(await read(maintenancePageTitle(DEFAULT_ROOT))).toMatch(
      /The Capacity Exchange could not be read/,
    );
    expect((await entries()).get('Capx Sharer')?.capacityExchange?.share).toEqual([
      'wikidata-basics',
    ]);

    capx.state.fault = 'malformed';
    const malformed = await bot(['directory']);
    capx.state.fault = 'none';
    expect(malformed.code).toBe(0);
    expect(malformed.stdout).toMatch(/the answer is not JSON/);
  });

  it('drops them when the person turns the option off', async () => {
    importPages(stack.wiki, [
      {
        title: title('Capx Sharer'),
        user: 'Capx Sharer',
        content: profile({ username: 'Capx Sharer', share: ['fundraising'], learn: [] }),
        timestamp: new Date().toISOString(),
      },
    ]);
    expect((await bot(['directory'])).code).toBe(0);
    const e = await entries();
    expect(e.get('Capx Sharer')?.capacityExchange).toBeUndefined();
    expect(e.get('Capx Sharer')?.fromCapx).toBeFalsy();
    const topicPage = await read(directoryTopicPageTitle(DEFAULT_ROOT, 'wikidata-basics'));
    expect(topicPage).not.toContain('Capx Sharer');
    const give = readDocument(
      await read(capacitiesDataTitle('LetsConnectBot')),
      'capacities',
    ).document!;
    // Fundraising maps to no capacity yet: nothing of theirs is left to give back.
    expect(give.people.find((p) => p.username === 'Capx Sharer')).toBeUndefined();
  });

  it('puts the email and the bio of the CapX record nowhere (privacy scan of every page the bot wrote)', async () => {
    const pages = await stack.botWritten();
    expect(pages.length).toBeGreaterThan(10);
    const leaks = pages.flatMap((p) => leaksIn(p.text).map((l) => `${p.title}: ${l}`));
    const bio = pages.filter((p) => p.text.includes('Capxbiocanary')).map((p) => p.title);
    expect({ leaks, bio }).toEqual({ leaks: [], bio: [] });
    expect(pages.some((p) => p.text.includes('social-media-press'))).toBe(true);
  });
});
