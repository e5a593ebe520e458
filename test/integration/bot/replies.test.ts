/**
 * A say in proposals, on a real wiki of its own: after the introduction, a sharer says "not
 * this month" and a learner says "not a good fit", each on their own requests page; the next
 * match cancels or declines those proposals and proposes each learner's next-best eligible
 * sharer within the round (for review as usual), never a pair ruled out before. A match killed
 * mid-run and run again proposes nothing twice, and the introductions go once each. The other
 * person is told once, in a notify run killed and run again too (never the "not a good fit"
 * reason, which is for the working group), unless their talk page says {{nobots}}.
 */
import { applyReview } from '../../../shared/connections/review';
import {
  connectionsPageTitle,
  profilePageTitle,
  requestsPageTitle,
  workingGroupPageTitle,
} from '../../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { parseRecords, serialiseRecord } from '../../../shared/records/codec';
import { memberCodec } from '../../../shared/records/member';
import { profileCodec, type Profile } from '../../../shared/records/profile';
import { proposalCodec, type Proposal } from '../../../shared/records/proposal';
import { replyCodec, type ProposalReply } from '../../../shared/records/request';
import { MwnWikiClient } from '../../../bot/wiki/mwn-client';
import { importPages } from '../../../scripts/seed/import-pages';
import { seedProgram } from '../../../scripts/seed/seed-program';
import { readCredentials } from '../../../scripts/wiki/credentials';
import { spawnBot } from '../../support/pipeline-scenario';
import { editsMade, runBotOk } from '../../support/run-cli';
import { startThrowawayWiki } from '../../support/throwaway-wiki';
import { profileFixture } from '../../unit/support/profile-fixture';

jest.setTimeout(300_000);

const ROUND = '2026-11';
const roundTitle = connectionsPageTitle(DEFAULT_ROOT, ROUND);

let stack: Awaited<ReturnType<typeof startThrowawayWiki>>;
let member: MwnWikiClient;
let reader: MwnWikiClient;
let memberName: string;

const person = (username: string, over: Partial<Profile>): Profile =>
  profileFixture({ username, languages: [{ code: 'en', level: '4' }], ...over });

// Each learner has three possible sharers; each sharer takes one connection a month.
const PEOPLE: Profile[] = [
  person('Learner L', { learn: ['fundraising'] }),
  person('Learner M', { learn: ['newcomer-training'] }),
  person('Learner N', { learn: ['governance'] }),
  ...['S1', 'S2', 'S3'].map((s) => person(`Sharer ${s}`, { share: ['fundraising'] })),
  ...['T1', 'T2', 'T3'].map((s) => person(`Sharer ${s}`, { share: ['newcomer-training'] })),
  ...['U1', 'U2'].map((s) => person(`Sharer ${s}`, { share: ['governance'] })),
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

const proposals = async (): Promise<Proposal[]> =>
  parseRecords(proposalCodec, await text(roundTitle)).map((r) => r.record);
const ofLearner = (ps: Proposal[], learner: string) =>
  ps.filter((p) => p.learners.includes(learner));

async function approveAll(): Promise<void> {
  for (const p of await proposals()) {
    if (p.status !== 'proposed') continue;
    const [page] = await member.readPages([roundTitle]);
    const result = applyReview(page!.content!, {
      proposal: p.id,
      action: { kind: 'approve' },
      reviewer: memberName,
      at: new Date('2026-11-05T10:00:00Z'),
      comment: '',
    });
    if ('error' in result) throw new Error(result.error);
    await member.save(roundTitle, result.text, `approve ${p.id}`, page!.revid!);
  }
}

const reply = (user: string, r: ProposalReply) =>
  importPages(stack.wiki, [
    {
      title: requestsPageTitle(DEFAULT_ROOT, user),
      user,
      content: serialiseRecord(replyCodec, r),
    },
  ]);

async function markers(user: string, kind: string): Promise<number> {
  const found = (await text(`User talk:${user}`)).match(
    new RegExp(`<!-- letsconnect:${kind}:`, 'g'),
  );
  return (found ?? []).length;
}
const intros = (user: string) => markers(user, 'intro');

const bot = (args: string[]) => runBotOk(args, stack.env);

beforeAll(async () => {
  stack = await startThrowawayWiki(8172);
  await seedProgram({ wiki: stack.wiki, profiles: 0, log: () => undefined });
  const creds = readCredentials(stack.wiki);
  memberName = creds.LETSCONNECT_USER1_NAME;
  importPages(stack.wiki, [
    ...PEOPLE.map(profilePage),
    {
      title: workingGroupPageTitle(DEFAULT_ROOT),
      user: 'Admin',
      content: `${serialiseRecord(memberCodec, { username: memberName, role: 'working-group', region: '', languages: [], since: '' })}\n`,
    },
  ]);
  const connect = (username: string, password: string) =>
    MwnWikiClient.connect({
      apiUrl: stack.wiki.apiUrl,
      username,
      password,
      assert: 'user',
      writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
      userAgent: 'LetsConnectTests/0.1 (replies test)',
    });
  member = await connect(memberName, creds.LETSCONNECT_USER1_PASSWORD);
  reader = await connect(creds.LETSCONNECT_BOT_USERNAME, creds.LETSCONNECT_BOT_PASSWORD);
  await bot(['directory']);
});

afterAll(async () => {
  await stack?.stop();
});

describe('a say in proposals', () => {
  let first: { l: Proposal; m: Proposal; n: Proposal };

  it('introduces the first proposals', async () => {
    await bot(['match', '--now', '2026-11-05']);
    await approveAll();
    await bot(['notify', '--now', '2026-11-06T12:00Z']);
    const ps = await proposals();
    first = {
      l: ofLearner(ps, 'Learner L')[0]!,
      m: ofLearner(ps, 'Learner M')[0]!,
      n: ofLearner(ps, 'Learner N')[0]!,
    };
    expect(first.l.status).toBe('notified');
    expect(first.m.status).toBe('notified');
    expect(first.n.status).toBe('notified');
  });

  it('"not this month" and "not a good fit" lead to the next-best sharer within the round, never a repeat pair', async () => {
    reply(first.l.sharer, {
      proposal: first.l.id,
      reply: 'not-this-month',
      reason: '',
      replied: '2026-11-07T10:00Z',
    });
    reply('Learner M', {
      proposal: first.m.id,
      reply: 'not-a-good-fit',
      reason: 'We already know each other.',
      replied: '2026-11-07T10:00Z',
    });
    reply('Learner N', {
      proposal: first.n.id,
      reply: 'not-this-month',
      reason: '',
      replied: '2026-11-07T10:00Z',
    });
    // Learner N's sharer wants no bot messages.
    const talk = `User talk:${first.n.sharer}`;
    importPages(stack.wiki, [
      { title: talk, user: first.n.sharer, content: `{{nobots}}\n${await text(talk)}` },
    ]);
    // A match killed mid-run, then run again.
    const killed = spawnBot(['match', '--now', '2026-11-08'], stack.env);
    setTimeout(() => killed.child.kill('SIGKILL'), 2500);
    await killed.done;
    await bot(['match', '--now', '2026-11-08']);

    const ps = await proposals();
    expect(ps.find((p) => p.id === first.l.id)?.status).toBe('cancelled');
    expect(ps.find((p) => p.id === first.m.id)?.status).toBe('declined');
    expect(ps.find((p) => p.id === first.m.id)?.note).toContain('We already know each other.');
    const forL = ofLearner(ps, 'Learner L').filter((p) => p.id !== first.l.id);
    const forM = ofLearner(ps, 'Learner M').filter((p) => p.id !== first.m.id);
    // One next-best each, for review, with someone else.
    expect(forL).toHaveLength(1);
    expect(forM).toHaveLength(1);
    expect(forL[0]).toMatchObject({ status: 'proposed' });
    expect(forM[0]).toMatchObject({ status: 'proposed' });
    expect(forL[0]!.sharer).not.toBe(first.l.sharer);
    expect(forM[0]!.sharer).not.toBe(first.m.sharer);
    // The sharer who is away this month is in no new proposal.
    expect(ps.filter((p) => p.sharer === first.l.sharer && p.status === 'proposed')).toEqual([]);

    // Again: nothing new, no edit.
    expect(editsMade(await bot(['match', '--now', '2026-11-09']))).toBe(0);
  });

  it('the new pairs are introduced once each; the ones who said no hear nothing more', async () => {
    await approveAll();
    // A notify killed mid-run, then run again, and again.
    const killed = spawnBot(['notify', '--now', '2026-11-10T12:00Z'], stack.env);
    setTimeout(() => killed.child.kill('SIGKILL'), 2500);
    await killed.done;
    await bot(['notify', '--now', '2026-11-10T12:00Z']);
    await bot(['notify', '--now', '2026-11-10T13:00Z']);
    const ps = await proposals();
    for (const p of ps.filter((x) => x.status === 'notified'))
      for (const u of [p.sharer, ...p.learners]) expect(await intros(u)).toBeGreaterThan(0);
    expect(await intros('Learner L')).toBe(2);
    expect(await intros('Learner M')).toBe(2);
    expect(await intros(first.l.sharer)).toBe(1);
    // The others were told once each, in the second person, naming who said no.
    expect(await markers('Learner L', `not-this-month:${first.l.id}`)).toBe(1);
    expect(await markers(first.m.sharer, `not-a-good-fit:${first.m.id}`)).toBe(1);
    const toLearner = await text('User talk:Learner L');
    expect(toLearner).toContain(`[[:User:${first.l.sharer}|${first.l.sharer}]] said this month`);
    const toSharer = await text(`User talk:${first.m.sharer}`);
    expect(toSharer).toContain('[[:User:Learner M|Learner M]] said this connection');
    expect(toSharer).not.toContain('We already know each other.');
    // Those who said no are not told about themselves; a {{nobots}} page gets nothing.
    expect(await markers(first.l.sharer, 'not-this-month')).toBe(0);
    expect(await markers('Learner M', 'not-a-good-fit')).toBe(0);
    expect(await markers(first.n.sharer, 'not-this-month')).toBe(0);
    // No follow-up ever for a cancelled or declined proposal.
    await bot(['notify', '--now', '2026-11-15T12:00Z']);
    const talk = await text(`User talk:${first.l.sharer}`);
    expect(talk).not.toContain(`follow-up:${first.l.id}`);
    expect(await text(`User talk:${first.m.sharer}`)).not.toContain(`follow-up:${first.m.id}`);
  });
});
