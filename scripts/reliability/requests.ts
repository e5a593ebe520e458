/**
 * Requests to connect: seeded random trials (fast-check, no wiki) through the bot's own code,
 * so every run can be repeated with `--seed`.
 *
 * - Forged acceptances: random people ask each other; answers are written by the person asked,
 *   or forged onto their page by another account, or written by a third account on its own
 *   page. Each page is read the bot's way (its owner's newest own revision,
 *   `requestsPageFrom`) and the requests planned over a few runs; a connection the person asked
 *   never accepted on their own page is a forged acceptance counted.
 * - Requests beyond limits: random people make random requests over several runs (some
 *   answered, some withdrawn, time passing); a request message sent while its asker or its
 *   recipient already had the most open requests, or to someone who turned requests off, is
 *   one sent beyond the limits.
 * - Messages to {{nobots}} pages: the planned messages are sent through the bot's SafeEditor
 *   (`sendRequestMessages`) to talk pages carrying random {{bots}}/{{nobots}} forms, each
 *   known by construction to exclude the bot or not; a message saved on an excluding page
 *   counts.
 */
import fc from 'fast-check';
import {
  planRequests,
  REQUEST_POLICY,
  type RequestPolicy,
  type RequestRecord,
} from '../../shared/connections/requests';
import { requestsPageFrom } from '../../shared/connections/requests-page';
import type { DirectoryEntry } from '../../shared/documents/documents';
import { DEFAULT_BOT_NAME } from '../../shared/program';
import { serialiseRecord } from '../../shared/records/codec';
import { answerCodec, requestCodec } from '../../shared/records/request';
import { newestCounting } from '../../shared/profile-trust';
import type { PageRevision } from '../../shared/wiki-client';
import { sendRequestMessages } from '../../bot/connections/requests';
import { SafeEditor } from '../../bot/wiki/safe-edit';
import type { MwnWikiClient } from '../../bot/wiki/mwn-client';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';

const PEOPLE = ['Ana', 'Bo', 'Chi', 'Dev', 'Eli', 'Fay'];
const TOPIC = 'fundraising';

const entry = (username: string, requestsOff = false): DirectoryEntry => ({
  username,
  groups: [],
  experience: '',
  region: '',
  country: '',
  languages: [{ code: 'en', level: '4' }],
  learn: [TOPIC],
  share: [TOPIC],
  learnOther: '',
  shareOther: '',
  formats: ['one-to-one'],
  timezone: '',
  availability: [],
  connectionsPerMonth: 2,
  snoozeUntil: '',
  updated: '',
  about: '',
  revid: 1,
  ...(requestsOff ? { requestsOff: true } : {}),
});

const request = (id: string, to: string) =>
  serialiseRecord(requestCodec, {
    id,
    to,
    topic: TOPIC,
    direction: 'learn',
    format: 'one-to-one',
    note: '',
    asked: '2026-12-01T10:00Z',
  });
const answer = (from: string, id: string, value: 'accept' | 'decline') =>
  serialiseRecord(answerCodec, { from, request: id, answer: value, answered: '' });

const person = fc.constantFrom(...PEOPLE);

/** One page's history: revisions oldest first, each by some account. */
type History = Array<{ user: string; text: string; revid: number }>;

/** Each page read the bot's way: the owner's newest own revision counts. */
function readPages(pages: Map<string, History>) {
  return [...pages].map(([owner, history]) => {
    const last = history.at(-1)!;
    const own = newestCounting(history, (u) => u === owner);
    return requestsPageFrom(owner, last, own?.text ?? '');
  });
}

const forgeryCase = fc.record({
  asks: fc.array(fc.tuple(person, person), { minLength: 1, maxLength: 6 }),
  answers: fc.array(
    fc.record({
      request: fc.nat(),
      by: fc.constantFrom('recipient', 'forger-on-page', 'third-own-page'),
      value: fc.constantFrom('accept', 'decline') as fc.Arbitrary<'accept' | 'decline'>,
      forger: person,
    }),
    { maxLength: 8 },
  ),
});

/** Connections made that the person asked did not accept on their own page, over `runs` trials. */
export function runForgeryTrials(
  runs: number,
  seed: number,
  read: typeof readPages = readPages,
): { cases: number; forgedCounted: number; forgedWritten: number } {
  let forgedCounted = 0;
  let forgedWritten = 0;
  const people = new Map(PEOPLE.map((n) => [n, entry(n)]));
  for (const c of fc.sample(forgeryCase, { numRuns: runs, seed })) {
    let revid = 0;
    const pages = new Map<string, History>();
    // The owner writes over their own newest revision (as the gadget saves), anyone else over
    // the latest.
    const write = (owner: string, user: string, add: string) => {
      const history = pages.get(owner) ?? [];
      const base =
        user === owner ? newestCounting(history, (u) => u === owner) : (history.at(-1) ?? null);
      const text = `${base?.text ?? ''}${add}\n`;
      history.push({ user, text, revid: ++revid });
      pages.set(owner, history);
    };
    const asked = c.asks.map(([from, to], i) => ({ from, to, id: `r${i + 1}` }));
    for (const a of asked) write(a.from, a.from, request(a.id, a.to));
    let records: RequestRecord[] = planRequests({
      now: new Date('2026-12-02T00:00Z'),
      pages: read(pages),
      people,
      previous: [],
    }).records;
    /** Acceptances the person asked wrote themself, on their own page. */
    const genuine = new Set<string>();
    for (const a of c.answers) {
      const r = asked[a.request % asked.length]!;
      const text = answer(r.from, r.id, a.value);
      if (a.by === 'recipient') {
        write(r.to, r.to, text);
        if (a.value === 'accept') genuine.add(`${r.from}/${r.id}`);
      } else if (a.by === 'forger-on-page' && a.forger !== r.to) {
        write(r.to, a.forger, text);
        forgedWritten++;
      } else if (a.forger !== r.to) {
        write(a.forger, a.forger, text);
        forgedWritten++;
      }
    }
    const plan = planRequests({
      now: new Date('2026-12-03T00:00Z'),
      pages: read(pages),
      people,
      previous: records,
    });
    records = plan.records;
    // A genuine acceptance may follow a decline the recipient wrote first: the first answer on
    // their page counts. Only an acceptance they never wrote is forged.
    forgedCounted += plan.accepted.filter((r) => !genuine.has(r.key)).length;
  }
  return { cases: runs, forgedCounted, forgedWritten };
}

const limitsCase = fc.array(
  fc.record({
    asks: fc.array(fc.tuple(person, person), { maxLength: 5 }),
    answerSome: fc.boolean(),
    days: fc.integer({ min: 0, max: 20 }),
  }),
  { minLength: 1, maxLength: 6 },
);

/** Request messages sent beyond the limits, over `runs` trials of several runs each. */
export function runLimitTrials(
  runs: number,
  seed: number,
  policy: RequestPolicy = REQUEST_POLICY,
): { cases: number; beyond: number; sent: number } {
  let beyond = 0;
  let sent = 0;
  const people = new Map(PEOPLE.map((n) => [n, entry(n, n === 'Fay')]));
  for (const trial of fc.sample(limitsCase, { numRuns: runs, seed })) {
    const texts = new Map<string, string>();
    const counter = new Map<string, number>();
    let records: RequestRecord[] = [];
    let now = Date.parse('2026-12-01T00:00Z');
    for (const step of trial) {
      for (const [from, to] of step.asks) {
        const n = (counter.get(from) ?? 0) + 1;
        counter.set(from, n);
        texts.set(from, `${texts.get(from) ?? ''}${request(`r${n}`, to)}\n`);
      }
      if (step.answerSome) {
        const open = records.find((r) => r.state === 'open');
        if (open)
          texts.set(
            open.to,
            `${texts.get(open.to) ?? ''}${answer(open.asker, open.id, 'decline')}\n`,
          );
      }
      now += step.days * 86_400_000;
      const pages = [...texts].map(([owner, text]) =>
        requestsPageFrom(owner, { text, user: owner, revid: 1 }, text),
      );
      const plan = planRequests({ now: new Date(now), pages, people, previous: records, policy });
      const open = (who: 'asker' | 'to', name: string) =>
        plan.records.filter((r) => r.state === 'open' && r[who] === name).length;
      for (const m of plan.messages) {
        if (m.kind !== 'request') continue;
        sent++;
        if (
          open('asker', m.request.asker) > REQUEST_POLICY.maxOpenPerAsker ||
          open('to', m.request.to) > REQUEST_POLICY.maxOpenPerRecipient ||
          people.get(m.request.to)?.requestsOff === true ||
          m.request.to === m.request.asker
        )
          beyond++;
      }
      records = plan.records;
    }
  }
  return { cases: runs, beyond, sent };
}

/** {{bots}} forms on a talk page, and whether each keeps this bot out. */
const BOTS_FORMS: ReadonlyArray<[string, boolean]> = [
  ['Hello.', false],
  ['{{nobots}}', true],
  ['{{Nobots}}\nPlease no bots.', true],
  [`{{bots|deny=${DEFAULT_BOT_NAME}}}`, true],
  ['{{bots|deny=all}}', true],
  ['{{bots|allow=SomeOtherBot}}', true],
  ['{{bots|allow=none}}', true],
  ['{{bots|optout=letsconnect}}', true],
  ['{{bots|optout=all}}', true],
  [`{{bots|allow=${DEFAULT_BOT_NAME}}}`, false],
  ['{{bots|deny=SomeOtherBot}}', false],
  ['{{bots}}', false],
];

/** A wiki in memory, enough for the SafeEditor: pages, saves, no temporary accounts. */
function memoryWiki(pages: Map<string, string>, saves: string[]): MwnWikiClient {
  const read = (title: string): PageRevision =>
    pages.has(title)
      ? { title, exists: true, content: pages.get(title)!, revid: 1, user: 'X' }
      : { title, exists: false };
  return {
    readPages: (titles: readonly string[]) => Promise.resolve(titles.map(read)),
    isTemporaryAccount: () => Promise.resolve(false),
    save: (title: string, text: string) => {
      pages.set(title, text);
      saves.push(title);
      return Promise.resolve({ revid: saves.length, nochange: false });
    },
  } as unknown as MwnWikiClient;
}

/** Messages saved on talk pages whose {{bots}}/{{nobots}} keep the bot out. */
export async function runNobotsTrials(
  runs: number,
  seed: number,
  talkPage = true,
): Promise<{ cases: number; toExcluded: number; saved: number }> {
  let toExcluded = 0;
  let saved = 0;
  const people = new Map(PEOPLE.map((n) => [n, entry(n)]));
  const trial = fc.record({
    forms: fc.array(fc.nat({ max: BOTS_FORMS.length - 1 }), {
      minLength: PEOPLE.length,
      maxLength: PEOPLE.length,
    }),
    asks: fc.array(fc.tuple(person, person), { minLength: 1, maxLength: 6 }),
  });
  for (const c of fc.sample(trial, { numRuns: runs, seed })) {
    const pages = new Map<string, string>([[`User:${DEFAULT_BOT_NAME}/Shutoff`, 'running']]);
    const excludes = new Map<string, boolean>();
    PEOPLE.forEach((name, i) => {
      const [text, excluded] = BOTS_FORMS[c.forms[i]!]!;
      pages.set(`User talk:${name}`, text);
      excludes.set(`User talk:${name}`, excluded);
    });
    const texts = new Map<string, string>();
    c.asks.forEach(([from, to], i) =>
      texts.set(from, `${texts.get(from) ?? ''}${request(`r${i + 1}`, to)}\n`),
    );
    const plan = planRequests({
      now: new Date('2026-12-02T00:00Z'),
      pages: [...texts].map(([owner, text]) =>
        requestsPageFrom(owner, { text, user: owner, revid: 1 }, text),
      ),
      people,
      previous: [],
    });
    const saves: string[] = [];
    const editor = new SafeEditor(memoryWiki(pages, saves), {
      shutoffPage: `User:${DEFAULT_BOT_NAME}/Shutoff`,
      botName: DEFAULT_BOT_NAME,
      dryRun: false,
      printDiff: () => undefined,
    });
    await sendRequestMessages(
      { edit: (title, transform, summary) => editor.edit(title, transform, summary, { talkPage }) },
      plan.messages,
      (m) => ({ heading: m.key, body: m.key, summary: m.key, language: 'en' }),
      { error: () => undefined },
    );
    saved += saves.length;
    toExcluded += saves.filter((t) => excludes.get(t) === true).length;
  }
  return { cases: runs, toExcluded, saved };
}

export const requestsSection: ReliabilitySection = {
  name: 'requests',
  async run(options: ReliabilityOptions): Promise<Figure[]> {
    const runs = options.mode === 'short' ? 300 : 3000;
    const forgery = runForgeryTrials(runs, options.seed);
    const limits = runLimitTrials(runs, options.seed);
    const nobots = await runNobotsTrials(runs, options.seed);
    options.log(
      `${runs} trials each: ${forgery.forgedWritten} forged answers written, ${limits.sent} requests sent, ${nobots.saved} messages saved`,
    );
    return [
      { measure: 'forged acceptances counted', value: forgery.forgedCounted, target: 0 },
      { measure: 'requests beyond limits sent', value: limits.beyond, target: 0 },
      { measure: 'messages to {{nobots}} pages', value: nobots.toExcluded, target: 0 },
    ];
  },
};
