/**
 * Temporary accounts on a real wiki of its own (issue 13 §1): a visitor's logged-out edit
 * becomes a `~2026-…` account, which then writes its own profile and a clinic sign-up by
 * hand. The bot leaves both out, lists them on R/Maintenance with the reason, invites the
 * named person the same clinic suits and never messages the temporary account; the client
 * refuses such a message even when asked directly.
 */
import {
  clinicPageTitle,
  clinicSignupTitle,
  maintenancePageTitle,
  profilePageTitle,
  workingGroupPageTitle,
  directoryPageTitle,
} from '../../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { clinicCodec, signupCodec } from '../../../shared/records/clinic';
import { serialiseRecord } from '../../../shared/records/codec';
import { memberCodec } from '../../../shared/records/member';
import { profileCodec } from '../../../shared/records/profile';
import { MwnWikiClient } from '../../../bot/wiki/mwn-client';
import { importPages } from '../../../scripts/seed/import-pages';
import { seedProgram } from '../../../scripts/seed/seed-program';
import { readCredentials } from '../../../scripts/wiki/credentials';
import { visitorSession } from '../../../scripts/wiki/anonymous-edit';
import { runBotOk } from '../../support/run-cli';
import { startThrowawayWiki } from '../../support/throwaway-wiki';
import { profileFixture } from '../../unit/support/profile-fixture';
import { clinicFixture } from '../../unit/support/clinic-fixture';
import { expandLabelCalls } from '../../support/label-calls';

// A wiki of its own, seeded and run in beforeAll: minutes on a loaded 2-core machine (the
// directory test's set-up once took over 180 s next to other work). Time is benched, not tested.
jest.setTimeout(600_000);

const NOW = '2026-11-05T12:00Z';
const TOPIC = 'growth-paths';
const NEXT = clinicPageTitle(DEFAULT_ROOT, '2026-11-20', 'Growth paths');
/** Another clinic, for the temporary account's sign-up (signed up for NEXT, it would not be invited to it). */
const OTHER = clinicPageTitle(DEFAULT_ROOT, '2026-11-22', 'Team management');

let stack: Awaited<ReturnType<typeof startThrowawayWiki>>;
let botClient: MwnWikiClient;
let temp: string;

const learner = (username: string) =>
  `${serialiseRecord(
    profileCodec,
    profileFixture({
      username,
      learn: [TOPIC],
      formats: ['clinic-participant'],
      languages: [{ code: 'en', level: '4' }],
      timezone: 'Europe/Lisbon',
    }),
  )}\n`;

async function text(title: string): Promise<string> {
  const [page] = await botClient.readPages([title]);
  return page?.exists ? (page.content ?? '') : '';
}

beforeAll(async () => {
  stack = await startThrowawayWiki(8117);
  await seedProgram({ wiki: stack.wiki, profiles: 0, log: () => undefined });
  const creds = readCredentials(stack.wiki);
  const organiser = creds.LETSCONNECT_USER1_NAME;
  importPages(stack.wiki, [
    {
      title: workingGroupPageTitle(DEFAULT_ROOT),
      user: 'Admin',
      content: `${serialiseRecord(memberCodec, { username: organiser, role: 'working-group', region: '', languages: [], since: '' })}\n`,
    },
    {
      title: profilePageTitle(DEFAULT_ROOT, 'Named Learner'),
      user: 'Named Learner',
      content: learner('Named Learner'),
    },
    {
      title: OTHER,
      user: organiser,
      content: `${serialiseRecord(clinicCodec, clinicFixture({ title: 'Team management', topic: 'team-management', sessions: ['2026-11-22T14:00Z'], capacity: 20, sharers: [organiser] }))}\n`,
    },
    {
      title: NEXT,
      user: organiser,
      content: `${serialiseRecord(clinicCodec, clinicFixture({ topic: TOPIC, sessions: ['2026-11-20T14:00Z'], capacity: 20, sharers: [organiser] }))}\n`,
    },
  ]);
  // A visitor edits logged out (the wiki makes it a temporary account), then writes its own
  // profile and signs up for the clinic, by hand.
  const visitor = visitorSession();
  temp = (await visitor.edit(stack.wiki.server, 'Sandbox', 'Hello')).user;
  for (const [title, content] of [
    [profilePageTitle(DEFAULT_ROOT, temp), learner(temp)],
    [
      clinicSignupTitle(OTHER, temp),
      `${serialiseRecord(signupCodec, { username: temp, session: 1, role: 'participant', interpretation: '', signed: '2026-11-02T10:00Z', cancelled: '' })}\n`,
    ],
  ] as const) {
    expect((await visitor.edit(stack.wiki.server, title, content)).user).toBe(temp);
  }
  botClient = await MwnWikiClient.connect({
    apiUrl: stack.wiki.apiUrl,
    username: creds.LETSCONNECT_BOT_USERNAME,
    password: creds.LETSCONNECT_BOT_PASSWORD,
    assert: 'user',
    writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
    userTalkMessages: true,
    userAgent: 'LetsConnectTests/0.1 (temporary accounts test)',
  });
});

afterAll(async () => {
  await stack?.stop();
});

describe('temporary accounts on a real wiki', () => {
  it('a logged-out edit on the local wiki becomes a temporary account', () => {
    expect(temp).toMatch(/^~2\d{3}-\d+$/);
  });

  it("leaves the temporary account's profile and sign-up out and lists them on R/Maintenance", async () => {
    await runBotOk(['directory'], stack.env);
    // The page's words are label-module calls: read as an English reader gets them.
    expect(expandLabelCalls(await text(directoryPageTitle(DEFAULT_ROOT)))).toContain(
      'one participant',
    );
    const topic = await text(`${directoryPageTitle(DEFAULT_ROOT)}/${TOPIC}`);
    expect(topic).toContain('Named Learner');
    expect(topic).not.toContain(temp);
    const maintenance = await text(maintenancePageTitle(DEFAULT_ROOT));
    // Titles are escaped on the page (`~` too): find the rows by their reason.
    const rows = maintenance.split('\n').filter((l) => l.includes('is a temporary account'));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes('/Participants/'))).toBeDefined();
    expect(rows.find((r) => r.includes('/Sign-ups/'))).toBeDefined();
  });

  it('invites the named learner to the clinic and never messages the temporary account', async () => {
    await runBotOk(['clinics', '--now', NOW], stack.env);
    expect(await text('User talk:Named Learner')).toContain('<!-- letsconnect:invite:');
    expect(await text(`User talk:${temp}`)).toBe('');
  });

  it('the client refuses a message to a temporary account, whatever a task asks', async () => {
    await expect(
      botClient.save(`User talk:${temp}`, 'Hello', 'test', null, 'user-talk-message'),
    ).rejects.toMatchObject({ code: 'temporary-account' });
    expect(await text(`User talk:${temp}`)).toBe('');
  });
});
