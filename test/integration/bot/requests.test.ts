/**
 * Connections people make themselves, on a real wiki of its own: requests on the asker's own
 * page, answers on the answerer's own page, messages through the bot (once each, never to a
 * {{nobots}} page), limits, a forged acceptance and an answer by a third account (counted for
 * nothing, listed), a decline, expiry, the connection's follow-ups, and a re-run after a
 * crash that lost the bot's records, which sends nothing twice.
 */
import { readDocument } from '../../../shared/documents/read-document';
import type { MatchHistory, RequestsDocument } from '../../../shared/documents/documents';
import {
  connectionsPageTitle,
  matchRoundTitle,
  profilePageTitle,
  requestsDataTitle,
  requestsPageTitle,
} from '../../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { parseRecords, serialiseRecord } from '../../../shared/records/codec';
import { profileCodec, type Profile } from '../../../shared/records/profile';
import { proposalCodec } from '../../../shared/records/proposal';
import {
  answerCodec,
  requestCodec,
  type ConnectionRequest,
  type RequestAnswer,
} from '../../../shared/records/request';
import { MwnWikiClient } from '../../../bot/wiki/mwn-client';
import { importPages } from '../../../scripts/seed/import-pages';
import { seedProgram } from '../../../scripts/seed/seed-program';
import { readCredentials } from '../../../scripts/wiki/credentials';
import { editsMade, runBotOk } from '../../support/run-cli';
import { startThrowawayWiki } from '../../support/throwaway-wiki';
import { profileFixture } from '../../unit/support/profile-fixture';

jest.setTimeout(300_000);

const ROUND = '2026-12';
const FUNDING = 'growth-paths';
const PROGRAM = 'newcomer-training';

let stack: Awaited<ReturnType<typeof startThrowawayWiki>>;
let reader: MwnWikiClient;

const person = (username: string, over: Partial<Profile>): Profile =>
  profileFixture({
    username,
    languages: [{ code: 'en', level: '4' }],
    timezone: 'Europe/Lisbon',
    ...over,
  });

const PEOPLE: Profile[] = [
  person('Asker', { learn: [FUNDING, PROGRAM], share: ['team-management'] }),
  person('Bee', { share: [FUNDING], connectionsPerMonth: 2 }),
  person('Cee', { share: [PROGRAM] }),
  person('Dee', { share: [FUNDING], requestsOff: true }),
  person('Nobots Person', { share: [FUNDING] }),
  person('Eff', { share: [PROGRAM] }),
  person('Gee', { share: [FUNDING] }),
  person('Forger', { share: [PROGRAM] }),
];

const profilePage = (p: Profile) => ({
  title: profilePageTitle(DEFAULT_ROOT, p.username),
  user: p.username,
  content: `${serialiseRecord(profileCodec, p)}\n`,
});

const request = (id: string, to: string, topic = FUNDING): ConnectionRequest => ({
  id,
  to,
  topic,
  direction: 'learn',
  format: 'one-to-one',
  note: 'Hello | {{x}} ~~~~',
  asked: '2026-12-01T10:00Z',
});

const answer = (from: string, id: string, value: 'accept' | 'decline'): RequestAnswer => ({
  from,
  request: id,
  answer: value,
  answered: '2026-12-03T10:00Z',
});

const calls = <T>(codec: { template: string }, records: T[]) =>
  records.map((r) => serialiseRecord(codec as never, r as never)).join('\n');

async function text(title: string): Promise<string> {
  const [page] = await reader.readPages([title]);
  return page?.exists ? (page.content ?? '') : '';
}

async function notices(user: string, kind: string): Promise<number> {
  const talk = await text(`User talk:${user}`);
  return (talk.match(new RegExp(`<!-- letsconnect:${kind}:`, 'g')) ?? []).length;
}

async function requestsDoc(): Promise<RequestsDocument> {
  const read = readDocument(await text(requestsDataTitle(DEFAULT_BOT_NAME)), 'connection-requests');
  if (!read.document) throw new Error(JSON.stringify(read.problems));
  return read.document;
}

async function roundDoc(): Promise<MatchHistory> {
  const read = readDocument(await text(matchRoundTitle(DEFAULT_BOT_NAME, ROUND)), 'match-history');
  if (!read.document) throw new Error(JSON.stringify(read.problems));
  return read.document;
}

const stateOf = async (key: string) => (await requestsDoc()).requests.find((r) => r.key === key);
const bot = (args: string[]) => runBotOk(args, stack.env);

beforeAll(async () => {
  stack = await startThrowawayWiki(8171);
  await seedProgram({ wiki: stack.wiki, profiles: 0, log: () => undefined });
  const creds = readCredentials(stack.wiki);
  importPages(stack.wiki, [
    ...PEOPLE.map(profilePage),
    { title: 'User talk:Nobots Person', user: 'Nobots Person', content: '{{nobots}}\nNo bots.\n' },
  ]);
  reader = await MwnWikiClient.connect({
    apiUrl: stack.wiki.apiUrl,
    username: creds.LETSCONNECT_BOT_USERNAME,
    password: creds.LETSCONNECT_BOT_PASSWORD,
    assert: 'user',
    writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
    userAgent: 'LetsConnectTests/0.1 (requests test)',
  });
  await bot(['directory']);
});

afterAll(async () => {
  await stack?.stop();
});

describe('requests to connect on a real wiki', () => {
  it('tells each person asked once, never on a {{nobots}} page, and sends nothing beyond the limits', async () => {
    importPages(stack.wiki, [
      {
        title: requestsPageTitle(DEFAULT_ROOT, 'Asker'),
        user: 'Asker',
        content: calls(requestCodec, [
          request('r1', 'Bee'),
          request('r2', 'Nobots Person'),
          request('r3', 'Dee'),
          request('r4', 'Cee', PROGRAM),
          request('r5', 'Eff', PROGRAM),
          request('r6', 'Asker'),
        ]),
      },
    ]);
    await bot(['notify', '--now', '2026-12-02T12:00Z']);
    expect(await notices('Bee', 'request')).toBe(1);
    expect(await notices('Cee', 'request')).toBe(1);
    expect((await text('User talk:Nobots Person')).trim()).toBe('{{nobots}}\nNo bots.');
    expect(await notices('Dee', 'request')).toBe(0);
    expect(await notices('Eff', 'request')).toBe(0);
    expect(await notices('Asker', 'request')).toBe(0);
    const bee = await text('User talk:Bee');
    expect(bee).toContain(`letsconnect-request=Asker%2Fr1`);
    expect(bee).not.toContain('{{x}}'); // the note stays on the asker's page
    expect((await stateOf('Asker/r3'))?.refusal).toBe('recipient-off');
    expect((await stateOf('Asker/r5'))?.refusal).toBe('asker-limit');
    expect((await stateOf('Asker/r6'))?.refusal).toBe('self');
    expect((await stateOf('Asker/r2'))?.state).toBe('open');
    const page = await text(`${DEFAULT_ROOT}/Requests`);
    expect(page).toContain('Not sent: 3');
  });

  let before: { requests: string; round: string; roundPage: string };

  it('a connection exists only when both own edits say so; forged and third-party answers are listed', async () => {
    // A third account writes an acceptance onto Cee's page, and one on its own page.
    importPages(stack.wiki, [
      { title: requestsPageTitle(DEFAULT_ROOT, 'Cee'), user: 'Cee', content: 'My page.\n' },
    ]);
    importPages(stack.wiki, [
      {
        title: requestsPageTitle(DEFAULT_ROOT, 'Cee'),
        user: 'Forger',
        content: `My page.\n${calls(answerCodec, [answer('Asker', 'r4', 'accept')])}`,
      },
      {
        title: requestsPageTitle(DEFAULT_ROOT, 'Forger'),
        user: 'Forger',
        content: calls(answerCodec, [answer('Asker', 'r4', 'accept')]),
      },
      {
        title: requestsPageTitle(DEFAULT_ROOT, 'Bee'),
        user: 'Bee',
        content: calls(answerCodec, [answer('Asker', 'r1', 'accept')]),
      },
    ]);
    before = {
      requests: await text(requestsDataTitle(DEFAULT_BOT_NAME)),
      round: await text(matchRoundTitle(DEFAULT_BOT_NAME, ROUND)),
      roundPage: await text(connectionsPageTitle(DEFAULT_ROOT, ROUND)),
    };
    await bot(['notify', '--now', '2026-12-03T12:00Z']);
    expect((await stateOf('Asker/r1'))?.state).toBe('accepted');
    expect((await stateOf('Asker/r4'))?.state).toBe('open');
    const doc = await requestsDoc();
    expect(doc.forged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          page: 'Cee',
          user: 'Forger',
          why: 'not-owner',
          about: 'Asker/r4',
        }),
        expect.objectContaining({ page: 'Forger', why: 'not-recipient', about: 'Asker/r4' }),
      ]),
    );
    const page = await text(`${DEFAULT_ROOT}/Requests`);
    expect(page).toContain('[[:User:Forger|Forger]]');

    const round = await roundDoc();
    const made = round.proposals.filter((p) => p.origin === 'self-made');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ sharer: 'Bee', learners: ['Asker'], request: 'Asker/r1' });
    expect(made[0]?.status).toBe('notified');
    // Both are told it is confirmed, with the outcome form's link.
    expect(await notices('Asker', 'intro')).toBe(1);
    expect(await notices('Bee', 'intro')).toBe(1);
    expect(await text('User talk:Asker')).toContain(`letsconnect-outcome=${made[0]!.id}`);
    const roundPage = parseRecords(
      proposalCodec,
      await text(connectionsPageTitle(DEFAULT_ROOT, ROUND)),
    ).map((r) => r.record);
    expect(roundPage.find((p) => p.id === made[0]!.id)?.origin).toBe('self-made');
  });

  it("after a crash that lost the bot's records, a re-run sends nothing twice and makes one connection", async () => {
    const rewind = async (title: string, content: string) => {
      const [page] = await reader.readPages([title]);
      if (content === '') return;
      await reader.save(title, content, 'test: rewind', page?.revid ?? null);
    };
    await rewind(requestsDataTitle(DEFAULT_BOT_NAME), before.requests);
    await rewind(connectionsPageTitle(DEFAULT_ROOT, ROUND), before.roundPage);
    await reader.save(
      matchRoundTitle(DEFAULT_BOT_NAME, ROUND),
      JSON.stringify({ ...(await roundDoc()), proposals: [], messages: [] }),
      'test: rewind',
      (await reader.readPages([matchRoundTitle(DEFAULT_BOT_NAME, ROUND)]))[0]!.revid!,
    );
    await bot(['notify', '--now', '2026-12-03T13:00Z']);
    expect(await notices('Asker', 'intro')).toBe(1);
    expect(await notices('Bee', 'intro')).toBe(1);
    expect(await notices('Bee', 'request')).toBe(1);
    const round = await roundDoc();
    expect(round.proposals.filter((p) => p.origin === 'self-made')).toHaveLength(1);
    const again = await bot(['notify', '--now', '2026-12-03T13:00Z']);
    expect(editsMade(again)).toBe(0);
  });

  it('a decline tells the asker; the connection gets its follow-ups; an open request expires with a note', async () => {
    importPages(stack.wiki, [
      {
        title: requestsPageTitle(DEFAULT_ROOT, 'Cee'),
        user: 'Cee',
        content: `My page.\n${calls(answerCodec, [answer('Asker', 'r4', 'decline')])}`,
      },
    ]);
    await bot(['notify', '--now', '2026-12-11T12:00Z']);
    expect((await stateOf('Asker/r4'))?.state).toBe('declined');
    expect(await notices('Asker', 'request-declined')).toBe(1);
    expect(await notices('Asker', 'follow-up')).toBe(1);
    expect(await notices('Bee', 'follow-up')).toBe(1);
    expect((await roundDoc()).proposals.filter((p) => p.origin === 'self-made')).toHaveLength(1);

    await bot(['notify', '--now', '2027-01-02T12:00Z']);
    expect((await stateOf('Asker/r2'))?.state).toBe('expired');
    expect(await notices('Asker', 'request-expired')).toBe(1);
    // Messages to the {{nobots}} page: none, ever.
    expect((await text('User talk:Nobots Person')).trim()).toBe('{{nobots}}\nNo bots.');
  });
});
