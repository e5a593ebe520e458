/**
 * The clinics task on a real wiki of its own: a past clinic with sign-ups past capacity, a
 * cancellation, a forged sign-up and forged feedback → its summary, checked against a hand
 * count; an upcoming clinic → invitations to exactly the opted-in, interested, not-excluded
 * people, once (also after a crash that lost the ledger); the calendar and hot topics; and a
 * re-run that makes no edit.
 */
import { expandLabelCalls } from '../../support/label-calls';
import { readDocument } from '../../../shared/documents/read-document';
import {
  calendarPageTitle,
  clinicFeedbackTitle,
  clinicPageTitle,
  clinicSignupTitle,
  clinicSummaryTitle,
  hotTopicsPageTitle,
  invitationsTitle,
  learningSpacesPageTitle,
} from '../../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import {
  clinicCodec,
  feedbackCodec,
  signupCodec,
  type Clinic,
  type Feedback,
  type Signup,
} from '../../../shared/records/clinic';
import { serialiseRecord } from '../../../shared/records/codec';
import type { Profile } from '../../../shared/records/profile';
import { resourceCodec } from '../../../shared/records/resource';
import { MwnWikiClient } from '../../../bot/wiki/mwn-client';
import { importPages, type PageToImport } from '../../../scripts/seed/import-pages';
import { seedProgram } from '../../../scripts/seed/seed-program';
import { readCredentials } from '../../../scripts/wiki/credentials';
import { findRawIds, renderedPageText } from '../../support/raw-ids';
import { editsMade, runBot, runBotOk } from '../../support/run-cli';
import { startThrowawayWiki } from '../../support/throwaway-wiki';
import { clinicLearnerFixture } from '../../unit/support/profile-fixture';
import { profilePages, workingGroupPage } from '../../support/program-pages';
import { clinicFixture } from '../../unit/support/clinic-fixture';

// A wiki of its own, seeded and run in beforeAll: minutes on a loaded 2-core machine (the
// directory test's set-up once took over 180 s next to other work). Time is benched, not tested.
jest.setTimeout(600_000);

const NOW = '2026-11-05T12:00Z';
const TOPIC = 'growth-paths';
const PAST = clinicPageTitle(DEFAULT_ROOT, '2026-10-20', 'Growth paths');
const NEXT = clinicPageTitle(DEFAULT_ROOT, '2026-11-20', 'Growth paths again');
const FAKE = clinicPageTitle(DEFAULT_ROOT, '2026-11-25', 'Not a real clinic');

let stack: Awaited<ReturnType<typeof startThrowawayWiki>>;
let botClient: MwnWikiClient;
let organiser: string;
let forger: string;

const person = (username: string, over: Partial<Profile> = {}): Profile =>
  clinicLearnerFixture(TOPIC, { username, ...over });

const PEOPLE: Profile[] = [
  person('Keen Learner', { languages: [{ code: 'es', level: 'N' }], timezone: 'America/Bogota' }),
  person('Second Keen'),
  person('Nobots Person'),
  person('Snoozy', { snoozeUntil: '2027-01-01' }),
  person('Signed Person'),
  person('No Format', { formats: ['one-to-one'] }),
  person('Recent Invitee'),
  person('Gone', { withdrawn: true }),
  person('Sharer One', { learn: [], share: [TOPIC], formats: ['clinic-sharer'] }),
  person('Sharer Two', { learn: [], share: [TOPIC] }),
];

const clinic = (over: Partial<Clinic>): Clinic => clinicFixture({ topic: TOPIC, ...over });

const signupPage = (user: string, over: Partial<Signup> = {}, by = user): PageToImport => ({
  title: clinicSignupTitle(PAST, user),
  user: by,
  content: `${serialiseRecord(signupCodec, { username: user, session: 1, role: 'participant', interpretation: '', signed: '2026-10-01T10:00Z', cancelled: '', ...over })}\n`,
});

const feedbackPage = (user: string, over: Partial<Feedback>, by = user): PageToImport => ({
  title: clinicFeedbackTitle(PAST, user),
  user: by,
  content: `${serialiseRecord(feedbackCodec, { username: user, useful: null, rating: null, comment: '', improve: '', wanted: [], given: '2026-10-20T18:00Z', ...over })}\n`,
});

async function text(title: string): Promise<string> {
  const [page] = await botClient.readPages([title]);
  return page?.exists ? (page.content ?? '') : '';
}

/** The value in a summary table's row whose label starts with `label`. */
function cell(page: string, label: string): string {
  const line = page.split('\n').find((l) => l.startsWith(`| ${label}`));
  return line?.split(' || ')[1]?.trim() ?? `(no row "${label}")`;
}

const invitations = async (user: string) =>
  ((await text(`User talk:${user}`)).match(/<!-- letsconnect:invite:/g) ?? []).length;

const bot = (args: string[]) => runBotOk(args, stack.env);
const edits = editsMade;

const INVITED = ['Keen Learner', 'Second Keen'];
const NOT_INVITED = [
  'Snoozy',
  'Signed Person',
  'No Format',
  'Recent Invitee',
  'Gone',
  'Sharer One',
];
const SEEDED_LEDGER = {
  schemaVersion: 1,
  kind: 'clinic-invitations',
  generated: '2026-11-03T09:00:00Z',
  sent: [
    {
      clinic: clinicPageTitle(DEFAULT_ROOT, '2026-11-10', 'Something else'),
      user: 'Recent Invitee',
      at: '2026-11-03T09:00:00Z',
      status: 'sent',
    },
  ],
};

beforeAll(async () => {
  stack = await startThrowawayWiki(8096);
  await seedProgram({ wiki: stack.wiki, profiles: 0, log: () => undefined });
  const creds = readCredentials(stack.wiki);
  organiser = creds.LETSCONNECT_USER1_NAME;
  forger = creds.LETSCONNECT_USER2_NAME;
  const byOrganiser = (title: string, content: string): PageToImport => ({
    title,
    user: organiser,
    content,
  });
  importPages(stack.wiki, [
    ...profilePages(PEOPLE),
    workingGroupPage(organiser),
    {
      title: 'User talk:Nobots Person',
      user: 'Nobots Person',
      content: '{{nobots}}\nNo bots here.\n',
    },
    byOrganiser(
      PAST,
      `${serialiseRecord(clinicCodec, clinic({ sessions: ['2026-10-20T16:00Z'], status: 'done', attended: 3, recording: 'https://commons.wikimedia.org/wiki/File:Growth_paths.webm' }))}\n` +
        `${serialiseRecord(resourceCodec, { title: 'Slides', url: 'https://meta.wikimedia.org/wiki/File:Slides.pdf', page: '', kind: 'slides', topics: [TOPIC], languages: ['en'], addedBy: organiser, added: '', description: '' })}\n`,
    ),
    // Sign-ups in this order (page ids): a forged one first, so that counting it would take a place.
    signupPage('Forged Person', {}, forger),
    signupPage('P1'),
    signupPage('P2', { cancelled: '2026-10-15T10:00Z' }),
    signupPage('P3'),
    signupPage('P4'),
    signupPage('P5'),
    signupPage('Sharer One', { role: 'sharer' }),
    feedbackPage('P1', {
      useful: true,
      rating: 5,
      wanted: ['newcomer-training', 'team-management'],
    }),
    feedbackPage('P3', { useful: false, rating: 3, wanted: ['newcomer-training'] }),
    feedbackPage('P4', { useful: true, rating: 1 }, forger),
    byOrganiser(
      NEXT,
      `${serialiseRecord(clinicCodec, clinic({ title: 'Growth paths again', sessions: ['2026-11-20T14:00Z', '2026-11-21T02:00Z'], capacity: 20 }))}\n`,
    ),
    {
      title: clinicSignupTitle(NEXT, 'Signed Person'),
      user: 'Signed Person',
      content: `${serialiseRecord(signupCodec, { username: 'Signed Person', session: 1, role: 'participant', interpretation: '', signed: '2026-11-02T10:00Z', cancelled: '' })}\n`,
    },
    {
      title: FAKE,
      user: forger,
      content: `${serialiseRecord(clinicCodec, clinic({ title: 'Not a real clinic', sessions: ['2026-11-25T10:00Z'] }))}\n`,
    },
    byOrganiser(
      learningSpacesPageTitle(DEFAULT_ROOT),
      `Other learning spaces.\n\n${serialiseRecord(clinicCodec, clinic({ title: 'Grant office hours', sessions: ['2026-12-03T15:00Z'], timezone: 'Europe/Lisbon', sharers: [], interpreters: [], link: 'https://meet.example.org/office-hours' }))}\n`,
    ),
  ]);
  botClient = await MwnWikiClient.connect({
    apiUrl: stack.wiki.apiUrl,
    username: creds.LETSCONNECT_BOT_USERNAME,
    password: creds.LETSCONNECT_BOT_PASSWORD,
    assert: 'user',
    writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
    userAgent: 'LetsConnectTests/0.1 (clinics test)',
  });
  // Recent Invitee was invited to another clinic two days before "now".
  await botClient.save(
    invitationsTitle(DEFAULT_BOT_NAME),
    JSON.stringify(SEEDED_LEDGER),
    'test: ledger',
    null,
  );
  await bot(['directory']);
});

afterAll(async () => {
  await stack?.stop();
});

describe('the clinics task on a real wiki', () => {
  it("summarises the past clinic with the hand count's numbers", async () => {
    const stdout = await bot(['clinics', '--now', NOW]);
    expect(stdout).toContain('feedback rate = people who gave feedback ÷ attended');
    // The label module's words, as an English reader gets them.
    const page = expandLabelCalls(await text(clinicSummaryTitle(PAST)));
    // Hand count: capacity 3. Forged Person's page is someone else's: not counted. P1, P2,
    // P3 take the places; P2 cancelled, so P4 moves up and P5 waits. Sharer One is the team.
    expect(cell(page, 'Confirmed sign-ups')).toBe('3');
    expect(cell(page, 'Still on the waiting list')).toBe('1');
    expect(cell(page, 'Cancelled sign-ups')).toBe('1');
    expect(cell(page, 'Sharers and interpreters')).toBe('1');
    expect(cell(page, 'Attended')).toBe('3');
    expect(cell(page, 'Attendance rate')).toBe('100%'); // 3 ÷ 3
    // Feedback by P1 and P3 (P4's is forged): 2 ÷ 3 attended; useful 1 of 2; ratings 5, 3.
    expect(cell(page, 'People who gave feedback')).toBe('2');
    expect(cell(page, 'Feedback rate (people who gave feedback ÷ attended)')).toBe('67%');
    expect(cell(page, 'Found it useful')).toBe('1 of 2 (50%)');
    expect(cell(page, 'Mean rating')).toBe('4.0 (2 ratings)');
    expect(page).toMatch(/\* .*Newcomer.*: 2 people\n\* .*: 1 person/i);
    expect(page).toContain('[https://commons.wikimedia.org/wiki/File:Growth_paths.webm Recording]');
    expect(page).toContain('[https://meta.wikimedia.org/wiki/File:Slides.pdf Slides]');
    expect(page).not.toContain('Forged Person');
    // No summary for a clinic still to come.
    expect(await text(clinicSummaryTitle(NEXT))).toBe('');
  });

  it('invites exactly the opted-in, interested, not-excluded people, once, in their language and time zone', async () => {
    for (const user of INVITED) expect([user, await invitations(user)]).toEqual([user, 1]);
    for (const user of NOT_INVITED) expect([user, await invitations(user)]).toEqual([user, 0]);
    expect((await text('User talk:Nobots Person')).trim()).toBe('{{nobots}}\nNo bots here.');
    const keen = await text('User talk:Keen Learner');
    expect(keen).toContain("Let's Connect: una clínica de aprendizaje sobre");
    expect(keen).toContain(`[[:${NEXT}|Growth paths again]]`);
    // 14:00 UTC is 09:00 in Bogotá (UTC−5); 02:00 UTC the next day is 21:00 on the 20th.
    expect(keen).toMatch(/20 de noviembre de 2026.*09:00.*America\/Bogota/);
    expect(keen).toMatch(/20 de noviembre de 2026.*21:00/);
    expect(keen).not.toContain(FAKE);
    const ledger = readDocument(
      await text(invitationsTitle(DEFAULT_BOT_NAME)),
      'clinic-invitations',
    ).document;
    expect(ledger?.sent.map((r) => `${r.user}:${r.status}`).sort()).toEqual([
      'Keen Learner:sent',
      'Nobots Person:excluded',
      'Recent Invitee:sent',
      'Second Keen:sent',
    ]);
  });

  it('writes the calendar by month with UTC and organiser times, and the hot topics', async () => {
    const calendar = expandLabelCalls(await text(calendarPageTitle(DEFAULT_ROOT)));
    expect(calendar).toContain('== November 2026 ==');
    expect(calendar).toContain('== December 2026 ==');
    expect(calendar).toContain('[https://meet.example.org/office-hours Grant office hours]');
    // In words, as a reader sees it; UTC marked for the gadget to add the reader's own time.
    expect(calendar).toContain('data-utc="2026-11-20T14:00Z"');
    const seen = await renderedPageText(stack.wiki.apiUrl, calendarPageTitle(DEFAULT_ROOT));
    expect(seen).toMatch(/20 November 2026, 14:00 UTC\s+21 November 2026, 02:00 UTC/);
    expect(seen).toContain('20 November 2026, 09:00 (America/Bogota, UTC−5)');
    expect(seen).toContain('3 December 2026, 15:00 (Europe/Lisbon, UTC)');
    expect(findRawIds(seen)).toEqual([]);
    const arabic = await renderedPageText(stack.wiki.apiUrl, calendarPageTitle(DEFAULT_ROOT), 'ar');
    expect(arabic).toContain('نوفمبر');
    expect(calendar).not.toContain('Not a real clinic');
    expect(calendar).not.toContain('2026-10-20');
    const hot = expandLabelCalls(await text(hotTopicsPageTitle(DEFAULT_ROOT)));
    // 7 listed learners (Gone withdrew), 2 sharers; the clinic sharer first.
    expect(hot).toMatch(
      /\| 1 \|\| [^|]+ \|\| 7 \|\| 2 \|\| 5 \|\| 0 \|\| \[\[:User:Sharer One\|Sharer One\]\], \[\[:User:Sharer Two\|Sharer Two\]\]/,
    );
  });

  it('a re-run makes no edit, and one after a crash that lost the ledger sends nothing again', async () => {
    expect(edits(await bot(['clinics', '--now', NOW]))).toBe(0);
    const [ledgerPage] = await botClient.readPages([invitationsTitle(DEFAULT_BOT_NAME)]);
    await botClient.save(
      invitationsTitle(DEFAULT_BOT_NAME),
      JSON.stringify(SEEDED_LEDGER),
      'test: rewind',
      ledgerPage!.revid!,
    );
    const again = await bot(['clinics', '--now', '2026-11-05T13:00Z']);
    expect(edits(again)).toBe(1); // the ledger, healed from the talk pages' markers
    for (const user of INVITED) expect([user, await invitations(user)]).toEqual([user, 1]);
    for (const user of NOT_INVITED) expect([user, await invitations(user)]).toEqual([user, 0]);
  });

  it('a talk page the bot cannot write keeps no one else from their invitation, nor the calendar from being written', async () => {
    // A third clinic, nine days later (the first invitations are a week old), and Keen
    // Learner's talk page protected: the first talk page of the run's invitations to it.
    const THIRD = clinicPageTitle(DEFAULT_ROOT, '2026-12-01', 'Growth paths third');
    importPages(stack.wiki, [
      {
        title: THIRD,
        user: organiser,
        content: `${serialiseRecord(clinicCodec, clinic({ title: 'Growth paths third', sessions: ['2026-12-01T14:00Z'], capacity: 20 }))}\n`,
      },
    ]);
    const creds = readCredentials(stack.wiki);
    const admin = await MwnWikiClient.connect({
      apiUrl: stack.wiki.apiUrl,
      username: creds.LETSCONNECT_DEPLOY_USERNAME,
      password: creds.LETSCONNECT_DEPLOY_PASSWORD,
      assert: 'user',
      writableRoots: [],
      userAgent: 'LetsConnectTests/0.1 (clinics test)',
    });
    const tokens = (await admin.request({ action: 'query', meta: 'tokens' })) as {
      query: { tokens: { csrftoken: string } };
    };
    await admin.request({
      action: 'protect',
      title: 'User talk:Keen Learner',
      protections: 'edit=sysop',
      expiry: 'infinite',
      token: tokens.query.tokens.csrftoken,
    });
    const run = await runBot(['clinics', '--now', '2026-11-14T12:00Z'], stack.env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(
      /1 clinic message\(s\) could not be sent \(the others were, and are recorded\)/,
    );
    expect(run.stderr).toContain('Keen Learner');
    expect(await invitations('Keen Learner')).toBe(1);
    // Everyone after the protected page was still invited, and recorded.
    expect(await invitations('Second Keen')).toBe(2);
    expect(await text('User talk:Second Keen')).toContain(`[[:${THIRD}|Growth paths third]]`);
    const ledger = readDocument(
      await text(invitationsTitle(DEFAULT_BOT_NAME)),
      'clinic-invitations',
    ).document;
    expect(ledger?.sent.filter((r) => r.clinic === THIRD).map((r) => r.user)).toContain(
      'Second Keen',
    );
    expect(ledger?.sent.some((r) => r.clinic === THIRD && r.user === 'Keen Learner')).toBe(false);
    // The calendar was written after the failure.
    expect(await text(calendarPageTitle(DEFAULT_ROOT))).toContain('Growth paths third');
  });
});
