/**
 * A reusable whole-pipeline scenario on a wiki of its own: a fixture (profiles, a working
 * group, a {{nobots}} talk page, a past clinic with sign-ups, cancellations and feedback, an
 * upcoming clinic), then `letsconnect-bot run` on several `--now` dates with people acting in
 * between (a working-group member reviews the round's proposals; a learner reports an
 * outcome), and a snapshot of the wiki's end state to compare runs with.
 *
 * The fixture is seeded once and snapshotted as the wiki's pristine copy, so `reset()` brings
 * back exactly the same starting point in a few seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Mwn } from 'mwn';
import { applyReview } from '../../shared/connections/review';
import { upsertOutcome } from '../../shared/connections/outcomes';
import {
  clinicFeedbackTitle,
  clinicPageTitle,
  clinicSignupTitle,
  connectionsPageTitle,
  outcomesPageTitle,
  profilePageTitle,
  workingGroupPageTitle,
} from '../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import {
  clinicCodec,
  feedbackCodec,
  signupCodec,
  type Clinic,
  type Feedback,
  type Signup,
} from '../../shared/records/clinic';
import { parseRecords, serialiseRecord } from '../../shared/records/codec';
import { memberCodec } from '../../shared/records/member';
import { profileCodec, type Profile } from '../../shared/records/profile';
import { proposalCodec } from '../../shared/records/proposal';
import { MwnWikiClient } from '../../bot/wiki/mwn-client';
import { importPages, type PageToImport } from '../../scripts/seed/import-pages';
import { seedProgram } from '../../scripts/seed/seed-program';
import { REPO_DIR, type LocalWiki } from '../../scripts/wiki/config';
import { readCredentials, type LocalCredentials } from '../../scripts/wiki/credentials';
import { snapshotPristine } from '../../scripts/wiki/install';
import { wikiReset } from '../../scripts/wiki/lifecycle';
import { profileFixture } from '../unit/support/profile-fixture';
import type { CliResult } from './run-cli';
import { startThrowawayWiki } from './throwaway-wiki';
import { clinicFixture } from '../unit/support/clinic-fixture';

const FUNDING = 'growth-paths';
const PROGRAM = 'newcomer-training';
const PAST = clinicPageTitle(DEFAULT_ROOT, '2026-10-20', 'Growth paths');
const NEXT = clinicPageTitle(DEFAULT_ROOT, '2026-11-20', 'Growth paths again');

const person = (username: string, over: Partial<Profile>): Profile =>
  profileFixture({
    username,
    languages: [{ code: 'en', level: '4' }],
    timezone: 'Europe/Lisbon',
    availability: [{ days: 'weekdays', from: 18, to: 21 }],
    ...over,
  });

const PEOPLE: Profile[] = [
  person('Sharer One', {
    share: [FUNDING],
    connectionsPerMonth: 2,
    formats: ['one-to-one', 'clinic-sharer'],
  }),
  person('Learner A', {
    learn: [FUNDING],
    formats: ['one-to-one', 'clinic-participant'],
    languages: [
      { code: 'es', level: 'N' },
      { code: 'en', level: '3' },
    ],
  }),
  person('Learner B', { learn: [FUNDING] }),
  person('Sharer Two', { share: [PROGRAM] }),
  person('Nobots Learner', { learn: [PROGRAM], formats: ['one-to-one', 'clinic-participant'] }),
  person('Keen Learner', {
    learn: [FUNDING],
    formats: ['clinic-participant'],
    languages: [{ code: 'es', level: 'N' }],
    timezone: 'America/Bogota',
  }),
  person('Second Keen', { learn: [FUNDING, PROGRAM], formats: ['clinic-participant'] }),
  person('Snoozy', {
    learn: [FUNDING],
    formats: ['clinic-participant'],
    snoozeUntil: '2027-01-01',
  }),
  person('Gone', { learn: [FUNDING], withdrawn: true }),
];

const clinic = (over: Partial<Clinic>): Clinic => clinicFixture({ topic: FUNDING, ...over });

const signup = (clinicTitle: string, user: string, over: Partial<Signup> = {}): PageToImport => ({
  title: clinicSignupTitle(clinicTitle, user),
  user,
  content: `${serialiseRecord(signupCodec, { username: user, session: 1, role: 'participant', interpretation: '', signed: '2026-10-01T10:00Z', cancelled: '', ...over })}\n`,
});

const feedback = (user: string, over: Partial<Feedback>): PageToImport => ({
  title: clinicFeedbackTitle(PAST, user),
  user,
  content: `${serialiseRecord(feedbackCodec, { username: user, useful: null, rating: null, comment: '', improve: '', wanted: [], given: '2026-10-20T18:00Z', ...over })}\n`,
});

/** What people do between two bot runs, straight against the wiki (never faulted). */
type Action = (scenario: PipelineScenario) => Promise<void>;

export interface ScenarioStep {
  /** `--now` of a `letsconnect-bot run`, or an action by people. */
  now?: string;
  action?: Action;
  label: string;
}

/** The working-group member approves every proposal of the round but Learner B's, declined. */
const review =
  (round: string): Action =>
  async (s) => {
    const title = connectionsPageTitle(DEFAULT_ROOT, round);
    const [page] = await s.member.readPages([title]);
    if (!page?.exists) throw new Error(`No round page ${title} to review`);
    let text = page.content ?? '';
    for (const { record } of parseRecords(proposalCodec, text)) {
      if (record.status !== 'proposed') continue;
      const result = applyReview(text, {
        proposal: record.id,
        action: { kind: record.learners.includes('Learner B') ? 'decline' : 'approve' },
        reviewer: s.memberName,
        at: new Date(`${round}-05T10:00:00Z`),
        comment: '',
      });
      if ('error' in result) throw new Error(`${record.id}: ${result.error}`);
      text = result.text;
    }
    await s.member.save(title, text, 'Review the round', page.revid ?? null);
  };

/** Learner A reports how the connection with Sharer One went, on their own page. */
const reportOutcome =
  (round: string): Action =>
  async (s) => {
    const [page] = await s.member.readPages([connectionsPageTitle(DEFAULT_ROOT, round)]);
    const proposal = parseRecords(proposalCodec, page?.content ?? '').find((r) =>
      r.record.learners.includes('Learner A'),
    )?.record;
    if (!proposal) throw new Error('No proposal for Learner A');
    s.importAndRemember([
      {
        title: outcomesPageTitle(DEFAULT_ROOT, round, 'Learner A'),
        user: 'Learner A',
        content: upsertOutcome('', {
          proposal: proposal.id,
          reporter: 'Learner A',
          result: 'met',
          date: '2026-11-12',
          rating: 5,
          comment: 'We talked about growth paths.',
          public: true,
        }),
      },
    ]);
  };

/** The steps of the scenario; the short form stops after the introductions. */
export function scenarioSteps(mode: 'short' | 'full'): ScenarioStep[] {
  const steps: ScenarioStep[] = [
    { label: 'run 2026-11-05', now: '2026-11-05T12:00Z' },
    { label: 'review 2026-11', action: review('2026-11') },
    { label: 'run 2026-11-06', now: '2026-11-06T12:00Z' },
  ];
  if (mode === 'short') return steps;
  return [
    ...steps,
    { label: 'outcome 2026-11', action: reportOutcome('2026-11') },
    { label: 'run 2026-11-14', now: '2026-11-14T12:00Z' },
    { label: 'run 2026-12-02', now: '2026-12-02T12:00Z' },
    { label: 'review 2026-12', action: review('2026-12') },
    { label: 'run 2026-12-03', now: '2026-12-03T12:00Z' },
  ];
}

/** A bot process, with a handle to kill it. */
export function spawnBot(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; done: Promise<CliResult & { signal: NodeJS.Signals | null }> } {
  const child = spawn(
    process.execPath,
    [path.join(REPO_DIR, 'bot/bin/letsconnect-bot.js'), ...args],
    { env, cwd: REPO_DIR },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** The end state of a run: what is compared with the fault-free run. */
export interface EndState {
  /** Normalised text of every page the comparison looks at, by title. */
  pages: Map<string, string>;
  /** Every hidden message marker on every talk page, with how often it occurs. */
  markers: Map<string, number>;
  /** Pages people wrote (fixture and actions) that are gone or changed. */
  lost: string[];
}

/** Keys whose values differ between equal runs: when a document was written, revision ids. */
const VOLATILE_KEY = /^(generated|lastrevid|revid|revids|timestamp|touched)$/;

function normaliseJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (VOLATILE_KEY.test(key)) continue;
      out[key] = normaliseJson((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

/** A marker's identity: an invitation's key carries the date it was sent, which is the run's. */
const MARKER = /<!-- letsconnect:(.*?) -->/g;

export class PipelineScenario {
  member!: MwnWikiClient;
  memberName = '';
  /** Reads and compares, straight against the wiki. */
  reader!: MwnWikiClient;
  private otherUser!: { name: string; password: string };
  private interferer: Mwn | undefined;
  /** Pages people wrote, with the text they wrote: none may be lost. */
  readonly written = new Map<string, string>();

  private constructor(
    readonly wiki: LocalWiki,
    readonly env: NodeJS.ProcessEnv,
    readonly stop: () => Promise<void>,
  ) {}

  /** Brings up a wiki of its own on `port`, seeds the fixture and snapshots it. */
  static async create(port: number, log: (line: string) => void): Promise<PipelineScenario> {
    const stack = await startThrowawayWiki(port);
    const scenario = new PipelineScenario(stack.wiki, stack.env, stack.stop);
    try {
      await seedProgram({ wiki: stack.wiki, profiles: 0, log: () => undefined });
      scenario.importAndRemember(scenario.fixture());
      snapshotPristine(stack.wiki);
      log(`fixture seeded on ${stack.wiki.server} and snapshotted`);
      await scenario.connect();
      return scenario;
    } catch (err) {
      await stack.stop();
      throw err;
    }
  }

  private creds(): LocalCredentials {
    return readCredentials(this.wiki);
  }

  private fixture(): PageToImport[] {
    const creds = this.creds();
    const organiser = creds.LETSCONNECT_USER1_NAME;
    return [
      ...PEOPLE.map((p) => ({
        title: profilePageTitle(DEFAULT_ROOT, p.username),
        user: p.username,
        content: `${serialiseRecord(profileCodec, p)}\n`,
      })),
      {
        title: workingGroupPageTitle(DEFAULT_ROOT),
        user: 'Admin',
        content: `${serialiseRecord(memberCodec, { username: organiser, role: 'working-group', region: '', languages: [], since: '' })}\n`,
      },
      {
        title: 'User talk:Nobots Learner',
        user: 'Nobots Learner',
        content: '{{nobots}}\nPlease no bots.\n',
      },
      {
        title: PAST,
        user: organiser,
        content: `${serialiseRecord(clinicCodec, clinic({ sessions: ['2026-10-20T16:00Z'], status: 'done', attended: 3 }))}\n`,
      },
      signup(PAST, 'P1'),
      signup(PAST, 'P2', { cancelled: '2026-10-15T10:00Z' }),
      signup(PAST, 'P3'),
      signup(PAST, 'P4'),
      signup(PAST, 'P5'),
      feedback('P1', { useful: true, rating: 5, wanted: [PROGRAM] }),
      feedback('P3', { useful: false, rating: 3 }),
      {
        title: NEXT,
        user: organiser,
        content: `${serialiseRecord(clinicCodec, clinic({ title: 'Growth paths again', sessions: ['2026-11-20T14:00Z', '2026-11-21T02:00Z'], capacity: 20 }))}\n`,
      },
      signup(NEXT, 'Learner B', { signed: '2026-11-02T10:00Z' }),
    ];
  }

  importAndRemember(pages: PageToImport[]): void {
    importPages(this.wiki, pages);
    for (const p of pages) this.written.set(p.title, p.content);
  }

  private async connect(): Promise<void> {
    const creds = this.creds();
    const connect = (username: string, password: string) =>
      MwnWikiClient.connect({
        apiUrl: this.wiki.apiUrl,
        username,
        password,
        assert: 'user',
        writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
        userAgent: 'LetsConnectTests/0.1 (fault scenario)',
        retryPauseMs: 200,
      });
    this.memberName = creds.LETSCONNECT_USER1_NAME;
    this.member = await connect(this.memberName, creds.LETSCONNECT_USER1_PASSWORD);
    this.reader = await connect(creds.LETSCONNECT_BOT_USERNAME, creds.LETSCONNECT_BOT_PASSWORD);
    this.otherUser = {
      name: creds.LETSCONNECT_USER2_NAME,
      password: creds.LETSCONNECT_USER2_PASSWORD,
    };
    this.interferer = undefined;
  }

  /** Back to the seeded fixture (the wiki restarts: sessions are logged in again). */
  async reset(): Promise<void> {
    await wikiReset(() => undefined, this.wiki);
    this.written.clear();
    for (const p of this.fixture()) this.written.set(p.title, p.content);
    await this.connect();
  }

  /**
   * A real edit by another account at the end of a talk page, straight against the wiki:
   * the bot's edit made against the revision before it then meets a real edit conflict.
   */
  async interfere(title: string): Promise<void> {
    if (!this.interferer) {
      this.interferer = new Mwn({
        apiUrl: this.wiki.apiUrl,
        username: this.otherUser.name,
        password: this.otherUser.password,
        userAgent: 'LetsConnectTests/0.1 (fault proxy: a conflicting edit)',
        silent: true,
        retryPause: 200,
        defaultParams: { format: 'json', formatversion: '2' },
      });
      await this.interferer.login();
    }
    await this.interferer.request({
      action: 'edit',
      title,
      appendtext: '\n\n== A note from a friend ==\nSee you at the next clinic!\n',
      summary: 'A note',
      token: await this.interferer.getCsrfToken(),
    });
  }

  /** Reads everything the comparison needs, straight against the wiki. */
  async endState(): Promise<EndState> {
    const c = this.reader;
    const titles = [
      ...(await c.listPages(200, DEFAULT_ROOT.replace(/^Grants:/, ''))),
      ...(await c.listPages(2, `${DEFAULT_BOT_NAME}/`)),
      ...(await c.listPages(3, '')),
    ];
    const pages = new Map<string, string>();
    const markers = new Map<string, number>();
    const texts = new Map<string, string>();
    for (const page of await c.readPages(titles)) {
      const text = page.content ?? '';
      texts.set(page.title, text.trimEnd());
      if (page.title.startsWith('User talk:')) {
        for (const m of text.matchAll(MARKER)) {
          const key = `${page.title} ${m[1]}`;
          markers.set(key, (markers.get(key) ?? 0) + 1);
        }
        continue;
      }
      if (page.title.endsWith('.json')) {
        try {
          pages.set(page.title, JSON.stringify(normaliseJson(JSON.parse(text))));
          continue;
        } catch {
          // Not JSON: compared as text.
        }
      }
      pages.set(page.title, text.trimEnd());
    }
    const lost = [...this.written]
      .filter(([title, content]) => texts.get(title) !== content.trimEnd())
      .map(([title]) => title);
    return { pages, markers, lost };
  }
}

/** The differences between two end states, one line each (empty: the same). */
export function compareEndStates(expected: EndState, actual: EndState): string[] {
  const out: string[] = [];
  for (const [title, text] of expected.pages) {
    const other = actual.pages.get(title);
    if (other === undefined) out.push(`missing page ${title}`);
    else if (other !== text) out.push(`different page ${title}`);
  }
  for (const title of actual.pages.keys())
    if (!expected.pages.has(title)) out.push(`extra page ${title}`);
  for (const key of expected.markers.keys())
    if (!actual.markers.has(key)) out.push(`missing message ${key}`);
  for (const key of actual.markers.keys())
    if (!expected.markers.has(key)) out.push(`extra message ${key}`);
  return out;
}

/** Messages that appear more than once on their talk page. */
export function duplicateMessages(state: EndState): string[] {
  return [...state.markers].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
}
