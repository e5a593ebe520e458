/**
 * A whole round of connections on a real wiki of its own: match → review by a working-group
 * member and a forged approval by someone else → notify → a re-run after a simulated crash →
 * reminders → an outcome (and a forged one) → counts. Throughout: no message twice, nothing to
 * a {{nobots}} page or a snoozed person.
 */
import { expandLabelCalls } from '../../support/label-calls';
import { applyReview } from '../../../shared/connections/review';
import { upsertOutcome } from '../../../shared/connections/outcomes';
import { readDocument } from '../../../shared/documents/read-document';
import type { MatchHistory } from '../../../shared/documents/documents';
import {
  connectionsPageTitle,
  ledgerTitle,
  maintenancePageTitle,
  matchRoundTitle,
  outcomesPageTitle,
  profilePageTitle,
  workingGroupPageTitle,
} from '../../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { parseRecords, serialiseRecord } from '../../../shared/records/codec';
import { memberCodec } from '../../../shared/records/member';
import { profileCodec, type Profile } from '../../../shared/records/profile';
import { proposalCodec, type Proposal } from '../../../shared/records/proposal';
import { MwnWikiClient } from '../../../bot/wiki/mwn-client';
import { importPages } from '../../../scripts/seed/import-pages';
import { seedProgram } from '../../../scripts/seed/seed-program';
import { readCredentials } from '../../../scripts/wiki/credentials';
import { editsMade, runBot, runBotOk } from '../../support/run-cli';
import { startThrowawayWiki } from '../../support/throwaway-wiki';
import { profileFixture } from '../../unit/support/profile-fixture';

// A wiki of its own, seeded and run in beforeAll: minutes on a loaded 2-core machine (the
// directory test's set-up once took over 180 s next to other work). Time is benched, not tested.
jest.setTimeout(600_000);

const ROUND = '2026-11';
const roundTitle = connectionsPageTitle(DEFAULT_ROOT, ROUND);
const FUNDING = 'growth-paths';
const PROGRAM = 'newcomer-training';
const ORG = 'team-management';

let stack: Awaited<ReturnType<typeof startThrowawayWiki>>;
let member: MwnWikiClient;
let forger: MwnWikiClient;
let reader: MwnWikiClient;
let memberName: string;
let forgerName: string;

const person = (username: string, over: Partial<Profile>): Profile =>
  profileFixture({
    username,
    languages: [{ code: 'en', level: '4' }],
    timezone: 'Europe/Lisbon',
    availability: [{ days: 'weekdays', from: 18, to: 21 }],
    ...over,
  });

const PEOPLE: Profile[] = [
  person('Sharer One', { share: [FUNDING], connectionsPerMonth: 2 }),
  person('Learner A', {
    learn: [FUNDING],
    languages: [
      { code: 'es', level: 'N' },
      { code: 'en', level: '3' },
    ],
  }),
  person('Learner B', { learn: [FUNDING] }),
  person('Sharer Two', { share: [PROGRAM] }),
  person('Nobots Learner', { learn: [PROGRAM] }),
  person('Sharer Three', { share: [ORG] }),
  person('Snoozy', { learn: [ORG] }),
];

const profilePage = (p: Profile) => ({
  title: profilePageTitle(DEFAULT_ROOT, p.username),
  user: p.username,
  content: `${serialiseRecord(profileCodec, p)}\n`,
});

async function text(title: string): Promise<string> {
  const [page] = await reader.readPages([title]);
  return page?.exists ? (page.content ?? '') : '';
}

async function proposals(): Promise<Proposal[]> {
  return parseRecords(proposalCodec, await text(roundTitle)).map((r) => r.record);
}

async function roundDoc(): Promise<MatchHistory> {
  const doc = readDocument(await text(matchRoundTitle(DEFAULT_BOT_NAME, ROUND)), 'match-history');
  if (!doc.document) throw new Error(JSON.stringify(doc.problems));
  return doc.document;
}

const byPeople = (ps: Proposal[], sharer: string, learner: string): Proposal => {
  const found = ps.find((p) => p.sharer === sharer && p.learners.includes(learner));
  if (!found) throw new Error(`no proposal ${sharer} → ${learner} in ${JSON.stringify(ps)}`);
  return found;
};

/** How many sections with this marker kind the talk page has. */
async function notices(user: string, kind = 'intro'): Promise<number> {
  const talk = await text(`User talk:${user}`);
  return (talk.match(new RegExp(`<!-- letsconnect:${kind}:`, 'g')) ?? []).length;
}

async function review(
  as: MwnWikiClient,
  reviewer: string,
  id: string,
  kind: 'approve' | 'decline',
): Promise<void> {
  const [page] = await as.readPages([roundTitle]);
  const result = applyReview(page!.content!, {
    proposal: id,
    action: { kind },
    reviewer,
    at: new Date('2026-11-05T10:00:00Z'),
    comment: '',
  });
  if ('error' in result) throw new Error(result.error);
  await as.save(roundTitle, result.text, `${kind} ${id}`, page!.revid!);
}

const bot = (args: string[]) => runBotOk(args, stack.env);
const edits = editsMade;

beforeAll(async () => {
  stack = await startThrowawayWiki(8093);
  await seedProgram({ wiki: stack.wiki, profiles: 0, log: () => undefined });
  const creds = readCredentials(stack.wiki);
  memberName = creds.LETSCONNECT_USER1_NAME;
  forgerName = creds.LETSCONNECT_USER2_NAME;
  importPages(stack.wiki, [
    ...PEOPLE.map(profilePage),
    {
      title: workingGroupPageTitle(DEFAULT_ROOT),
      user: 'Admin',
      content: `${serialiseRecord(memberCodec, { username: memberName, role: 'working-group', region: '', languages: [], since: '' })}\n`,
    },
    {
      title: 'User talk:Nobots Learner',
      user: 'Nobots Learner',
      content: '{{nobots}}\nPlease no bots.\n',
    },
  ]);
  const connect = (username: string, password: string) =>
    MwnWikiClient.connect({
      apiUrl: stack.wiki.apiUrl,
      username,
      password,
      assert: 'user',
      writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
      userAgent: 'LetsConnectTests/0.1 (connections round test)',
    });
  member = await connect(memberName, creds.LETSCONNECT_USER1_PASSWORD);
  forger = await connect(forgerName, creds.LETSCONNECT_USER2_PASSWORD);
  reader = await connect(creds.LETSCONNECT_BOT_USERNAME, creds.LETSCONNECT_BOT_PASSWORD);
  await bot(['directory']);
});

afterAll(async () => {
  await stack?.stop();
});

describe('a round of connections on a real wiki', () => {
  let ids: Record<'a' | 'b' | 'nobots' | 'snoozy', string>;

  it('match proposes each possible pairing once, readable on the round page, with reasons in data', async () => {
    const json = await runBot(
      ['match', '--now', '2026-11-05', '--dry-run', '--format', 'json'],
      stack.env,
    );
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.stdout) as {
      round: string;
      proposals: Array<Proposal & { reasons: unknown[] }>;
    };
    expect(printed.round).toBe(ROUND);
    expect(printed.proposals).toHaveLength(4);
    for (const p of printed.proposals) expect(p.reasons.length).toBeGreaterThan(0);
    expect(await text(roundTitle)).toBe(''); // a dry run writes nothing

    await bot(['match', '--now', '2026-11-05']);
    const ps = await proposals();
    expect(ps).toHaveLength(4);
    ids = {
      a: byPeople(ps, 'Sharer One', 'Learner A').id,
      b: byPeople(ps, 'Sharer One', 'Learner B').id,
      nobots: byPeople(ps, 'Sharer Two', 'Nobots Learner').id,
      snoozy: byPeople(ps, 'Sharer Three', 'Snoozy').id,
    };
    expect(new Set(Object.values(ids)).size).toBe(4);
    for (const p of ps) {
      expect(p.status).toBe('proposed');
      expect(p.id).toMatch(/^2026-11-\d{3}$/);
      expect(p.languages).toContain('en');
      expect(p.reason).not.toBe('');
    }
    const doc = await roundDoc();
    expect(Object.keys(doc.reasons).sort()).toEqual(Object.values(ids).sort());
  });

  it('re-running match changes nothing: no duplicate, no edit', async () => {
    const stdout = await bot(['match', '--now', '2026-11-06']);
    expect(edits(stdout)).toBe(0);
    expect((await proposals()).map((p) => p.id).sort()).toEqual(Object.values(ids).sort());
  });

  it("accepts the working group member's reviews and undoes a forged approval", async () => {
    await review(member, memberName, ids.a, 'approve');
    await review(member, memberName, ids.nobots, 'approve');
    await review(member, memberName, ids.snoozy, 'approve');
    await review(member, memberName, ids.b, 'decline');
    await review(forger, forgerName, ids.b, 'approve');
    // Snoozy pauses matching after the approval: no introduction may reach them now.
    importPages(stack.wiki, [
      profilePage(person('Snoozy', { learn: [ORG], snoozeUntil: '2027-03-01' })),
    ]);
    await bot(['directory']);
    // Re-running the round keeps the reviewed proposals as they are and proposes nothing new
    // for Learner B, whose pairing was declined.
    await bot(['match', '--now', '2026-11-06']);
    const ps = await proposals();
    expect(ps.find((p) => p.id === ids.b)?.status).toBe('declined');
    expect(ps.find((p) => p.id === ids.a)?.status).toBe('approved');
    expect(ps.find((p) => p.id === ids.a)?.reviewer).toBe(memberName);
    expect(ps).toHaveLength(4);
    const page = expandLabelCalls(await text(roundTitle));
    expect(page).toContain('Changes not accepted');
    expect(page).toContain(forgerName);
    expect(
      (await roundDoc()).rejected.some((r) => r.user === forgerName && r.proposal === ids.b),
    ).toBe(true);
  });

  let beforeNotify: { page: string; doc: string };

  it('notify introduces approved pairs once, never on a {{nobots}} page nor to a snoozed person', async () => {
    beforeNotify = {
      page: await text(roundTitle),
      doc: await text(matchRoundTitle(DEFAULT_BOT_NAME, ROUND)),
    };
    await bot(['notify', '--now', '2026-11-06T12:00Z']);
    expect(await notices('Learner A')).toBe(1);
    expect(await notices('Sharer One')).toBe(1);
    expect(await notices('Sharer Two')).toBe(1);
    expect((await text('User talk:Nobots Learner')).trim()).toBe('{{nobots}}\nPlease no bots.');
    expect(await notices('Snoozy')).toBe(0);
    expect(await notices('Sharer Three')).toBe(0);
    expect(await notices('Learner B')).toBe(0);
    // In a language Learner A reads best (Spanish), with the link to the outcome form.
    const talk = await text('User talk:Learner A');
    expect(talk).toContain("Let's Connect: conoce a");
    expect(talk).toContain('|por correo electrónico]]');
    expect(talk).toContain(`letsconnect-outcome=${ids.a}`);
    const ps = await proposals();
    expect(ps.find((p) => p.id === ids.a)?.status).toBe('notified');
    expect(ps.find((p) => p.id === ids.nobots)?.status).toBe('notified');
    expect(ps.find((p) => p.id === ids.snoozy)?.status).toBe('approved');
    // Held back, and said so where the working group looks.
    expect(expandLabelCalls(await text(roundTitle))).toContain(
      `proposal ${ids.snoozy} (Sharer Three, Snoozy): Snoozy has paused matching for now.`,
    );
    expect(await text(maintenancePageTitle(DEFAULT_ROOT))).toContain(
      `Approved connection ${ids.snoozy} is held back: Snoozy has paused matching for now.`,
    );
  });

  it("after a crash that lost the round's record of what was sent, a re-run sends nothing again", async () => {
    // The state a crash right after the messages leaves: talk pages written, round not.
    await reader.save(
      roundTitle,
      beforeNotify.page,
      'test: rewind',
      (await reader.readPages([roundTitle]))[0]!.revid!,
    );
    const docTitle = matchRoundTitle(DEFAULT_BOT_NAME, ROUND);
    await reader.save(
      docTitle,
      beforeNotify.doc,
      'test: rewind',
      (await reader.readPages([docTitle]))[0]!.revid!,
    );
    expect((await roundDoc()).messages).toHaveLength(0);

    await bot(['notify', '--now', '2026-11-06T13:00Z']);
    for (const user of ['Learner A', 'Sharer One', 'Sharer Two'])
      expect(await notices(user)).toBe(1);
    const doc = await roundDoc();
    expect(doc.messages.filter((m) => m.kind === 'intro' && m.status === 'sent')).toHaveLength(3);
    expect(doc.messages.find((m) => m.user === 'Nobots Learner')?.status).toBe('excluded');
    expect((await proposals()).find((p) => p.id === ids.a)?.status).toBe('notified');
  });

  it("reminds after a week those who have not reported, and counts only owners' reports", async () => {
    await bot(['notify', '--now', '2026-11-14T12:00Z']);
    expect(await notices('Learner A', 'follow-up')).toBe(1);
    expect(await notices('Sharer One', 'follow-up')).toBe(1);
    expect(await notices('Nobots Learner', 'follow-up')).toBe(0);

    // Learner A reports; someone else writes a report on Sharer One's page.
    const outcome = {
      proposal: ids.a,
      reporter: 'Learner A',
      result: 'met' as const,
      date: '2026-11-12',
      rating: 5,
      comment: 'We talked about growth paths.',
      public: true,
    };
    importPages(stack.wiki, [
      {
        title: outcomesPageTitle(DEFAULT_ROOT, ROUND, 'Learner A'),
        user: 'Learner A',
        content: upsertOutcome('', outcome),
      },
    ]);
    await forger.save(
      outcomesPageTitle(DEFAULT_ROOT, ROUND, 'Sharer One'),
      upsertOutcome('', { ...outcome, reporter: 'Sharer One', rating: 1 }),
      'forged outcome',
      null,
    );

    await bot(['notify', '--now', '2026-11-22T12:00Z']);
    expect(await notices('Learner A', 'last-follow-up')).toBe(0);
    expect(await notices('Sharer One', 'last-follow-up')).toBe(1);
    const doc = await roundDoc();
    expect(doc.outcomes).toEqual({
      reported: 1,
      met: 1,
      scheduled: 0,
      notMet: 0,
      rated: 1,
      ratingSum: 5,
      // One summary (Learner A's own; the forged one does not count), no self-made connection.
      reports: 1,
      selfMadeMet: 0,
    });
    expect(expandLabelCalls(await text(roundTitle))).toContain('1 connection has a report: 1 met');

    // The same run again: nothing new to say to anyone.
    const again = await bot(['notify', '--now', '2026-11-22T12:00Z']);
    expect(edits(again)).toBe(0);
    for (const user of ['Learner A', 'Sharer One', 'Sharer Two'])
      expect(await notices(user)).toBe(1);
    expect(await notices('Snoozy', '[a-z-]+')).toBe(0);
  });

  it('holds back a swap to someone who cannot take the place, says why on the round page and R/Maintenance, and gives a good swap its own reasons', async () => {
    const swap = async (from: string, to: string) => {
      const [page] = await member.readPages([roundTitle]);
      const result = applyReview(page!.content!, {
        proposal: ids.b,
        action: { kind: 'swap', from, to },
        reviewer: memberName,
        at: new Date('2026-11-23T10:00:00Z'),
        comment: '',
      });
      if ('error' in result) throw new Error(result.error);
      await member.save(roundTitle, result.text, `swap ${ids.b}`, page!.revid!);
    };
    const maintenance = () => text(maintenancePageTitle(DEFAULT_ROOT));
    // Learner B and Sharer One share weekday evenings: the engine said so.
    const keys = (doc: MatchHistory) => (doc.reasons[ids.b] ?? []).map((r) => r.key);
    expect(keys(await roundDoc())).toContain('letsconnect-match-reason-overlap');

    await swap('Learner B', 'Nobody Here At All');
    await bot(['notify', '--now', '2026-11-23T12:00Z']);
    expect(await notices('Nobody Here At All')).toBe(0);
    expect(await notices('Sharer One')).toBe(1);
    const held = `${ids.b} (Sharer One, Nobody Here At All): Nobody Here At All has no listed profile in the skills directory`;
    const round = expandLabelCalls(await text(roundTitle));
    expect(round).toContain('== Approved but held back ==');
    expect(round).toContain(`proposal ${held}`);
    expect((await proposals()).find((p) => p.id === ids.b)?.status).toBe('approved');
    const listed = `Approved connection ${ids.b} is held back: Nobody Here At All has no listed profile`;
    expect(await maintenance()).toContain(listed);
    // The directory task, which rewrites R/Maintenance, keeps it there.
    await bot(['directory']);
    expect(await maintenance()).toContain(listed);

    // Someone who fits, but only free at weekends: the reasons are the new pair's own.
    importPages(stack.wiki, [
      profilePage(
        person('Learner C', {
          learn: [FUNDING],
          availability: [{ days: 'weekends', from: 9, to: 11 }],
        }),
      ),
    ]);
    await bot(['directory']);
    await swap('Nobody Here At All', 'Learner C');
    await bot(['notify', '--now', '2026-11-23T13:00Z']);
    expect(await notices('Learner C')).toBe(1);
    expect(await notices('Sharer One')).toBe(2);
    const doc = await roundDoc();
    expect(keys(doc)).toContain('letsconnect-match-reason-topic-exact');
    expect(keys(doc)).not.toContain('letsconnect-match-reason-overlap');
    const p = (await proposals()).find((x) => x.id === ids.b)!;
    expect(p.status).toBe('notified');
    expect(p.reason).not.toBe('');
    expect(await text(roundTitle)).not.toContain(ids.b + ' (Sharer One');
    expect(await maintenance()).not.toContain(`Approved connection ${ids.b}`);
  });
});

describe('three unanswered introductions in a row', () => {
  const pausedNames = async () =>
    (readDocument(await text(ledgerTitle(DEFAULT_BOT_NAME)), 'ledger').document?.paused ?? []).map(
      (p) => p.user,
    );

  it('pause a person, tell them how to resume, leave them out of matching; a profile save resumes', async () => {
    importPages(stack.wiki, [
      profilePage(person('Quiet Learner', { learn: [FUNDING] })),
      profilePage(person('Sharer Q', { share: [FUNDING], connectionsPerMonth: 3 })),
    ]);
    await bot(['directory']);
    // Three earlier rounds in which both were introduced and neither ever reported.
    for (const month of ['2026-08', '2026-09', '2026-10']) {
      const id = `${month}-001`;
      const intro = (user: string) => ({
        key: `intro:${id}:${user}`,
        kind: 'intro' as const,
        proposal: id,
        user,
        at: `${month}-02T00:00:00Z`,
        status: 'sent' as const,
      });
      const doc: MatchHistory = {
        schemaVersion: 1,
        kind: 'match-history',
        generated: `${month}-01T00:00:00Z`,
        round: month,
        lastrevid: 0,
        proposals: [
          {
            id,
            learners: ['Quiet Learner'],
            sharer: 'Sharer Q',
            topic: FUNDING,
            format: 'one-to-one',
            languages: ['en'],
            score: 50,
            reason: '',
            status: 'notified',
            reviewer: memberName,
            reviewed: `${month}-01T10:00Z`,
            note: '',
          },
        ],
        reasons: {},
        unmatched: [],
        unmetDemand: [],
        rejected: [],
        messages: [intro('Quiet Learner'), intro('Sharer Q')],
        outcomes: { reported: 0, met: 0, scheduled: 0, notMet: 0, rated: 0, ratingSum: 0 },
      };
      await reader.save(
        matchRoundTitle(DEFAULT_BOT_NAME, month),
        JSON.stringify(doc),
        'fixture',
        null,
      );
    }

    await bot(['notify', '--now', '2026-11-25T12:00Z']);
    expect(await pausedNames()).toEqual(expect.arrayContaining(['Quiet Learner', 'Sharer Q']));
    expect(await notices('Quiet Learner', 'paused')).toBe(1);
    expect(await text('User talk:Quiet Learner')).toMatch(
      /open \[\[:[^|\]]+\/Participants\/Quiet Learner\|your Let's Connect profile\]\] and save it again/,
    );
    // Running again pauses no one twice and says nothing new.
    await bot(['notify', '--now', '2026-11-26T12:00Z']);
    expect(await notices('Quiet Learner', 'paused')).toBe(1);

    await bot(['match', '--now', '2026-12-02']);
    const december = parseRecords(
      proposalCodec,
      await text(connectionsPageTitle(DEFAULT_ROOT, '2026-12')),
    ).map((r) => r.record);
    for (const p of december) {
      expect(p.learners).not.toContain('Quiet Learner');
      expect(p.sharer).not.toBe('Sharer Q');
    }

    importPages(stack.wiki, [
      profilePage(person('Quiet Learner', { learn: [FUNDING], updated: '2026-12-03T09:00Z' })),
    ]);
    await bot(['directory']);
    await bot(['notify', '--now', '2026-12-04T12:00Z']);
    expect(await pausedNames()).not.toContain('Quiet Learner');
    expect(await pausedNames()).toContain('Sharer Q');
  });
});
