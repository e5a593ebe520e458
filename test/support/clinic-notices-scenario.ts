/**
 * Clinics that run themselves, on a wiki of their own: a clinic a day ahead (people with a
 * place, one waiting, one whose talk page says {{nobots}}, a listed sharer without a
 * sign-up), one in two weeks where someone already moved up from the waiting list (and, after
 * a cancellation between two runs, someone else whose talk page denies the bot does too),
 * one within the invitation horizon and one ten months ahead. The bot's `clinics` task is run
 * through a proxy that can kill it at any API request (the request still reaches the wiki, as
 * an edit in flight would), and run again until it finishes. What it counts: each message
 * marker on each talk page, and the bot's revisions of the pages that refuse it.
 * Used by the clinics integration test and the `clinic-notices` reliability section.
 */
import { clinicNoticesTitle, clinicPageTitle, clinicSignupTitle } from '../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import { clinicCodec, signupCodec, type Clinic, type Signup } from '../../shared/records/clinic';
import { serialiseRecord } from '../../shared/records/codec';
import type { Profile } from '../../shared/records/profile';
import { MwnWikiClient } from '../../bot/wiki/mwn-client';
import { importPages, type PageToImport } from '../../scripts/seed/import-pages';
import { seedProgram } from '../../scripts/seed/seed-program';
import { readCredentials } from '../../scripts/wiki/credentials';
import { clinicLearnerFixture } from '../unit/support/profile-fixture';
import { profilePages, workingGroupPage } from './program-pages';
import { clinicFixture } from '../unit/support/clinic-fixture';
import { FaultProxy } from './fault-proxy';
import { spawnBot } from './pipeline-scenario';
import { startThrowawayWiki } from './throwaway-wiki';

export const TOPIC = 'growth-paths';
export const SOON = clinicPageTitle(DEFAULT_ROOT, '2026-11-06', 'Growth paths tomorrow');
export const LATER = clinicPageTitle(DEFAULT_ROOT, '2026-11-20', 'Growth paths later');
export const NEAR = clinicPageTitle(DEFAULT_ROOT, '2026-11-25', 'Growth paths near');
export const FAR = clinicPageTitle(DEFAULT_ROOT, '2027-09-05', 'Growth paths next year');
/** The first run: SOON is 30 hours ahead. */
export const FIRST_RUN = '2026-11-05T12:00Z';
/** Later runs: SOON 24.5 hours ahead, then begun; LATER still ahead. */
export const LATER_RUNS = ['2026-11-05T17:30Z', '2026-11-06T19:00Z'];
export const NOBOTS = ['Nobots Person', 'Deny Person'];
export const SOON_LINK = 'https://meet.example.org/growth-paths';

const person = (username: string, over: Partial<Profile> = {}): Profile =>
  clinicLearnerFixture(TOPIC, { username, ...over });

export const PEOPLE: Profile[] = [
  person('Alma', { languages: [{ code: 'es', level: 'N' }], timezone: 'America/Bogota' }),
  person('Bruno'),
  person('Waiter'),
  person('Waited'),
  person('Keen'),
  person('Only Far'),
  ...NOBOTS.map((n) => person(n)),
];

const signup = (clinic: string, username: string, over: Partial<Signup>): PageToImport => ({
  title: clinicSignupTitle(clinic, username),
  user: username,
  content: `${serialiseRecord(signupCodec, { username, session: 1, role: 'participant', interpretation: '', signed: '', cancelled: '', ...over })}\n`,
});

const clinicPage = (title: string, over: Partial<Clinic>, by: string): PageToImport => ({
  title,
  user: by,
  content: `${serialiseRecord(clinicCodec, clinicFixture({ topic: TOPIC, host: by, ...over }))}\n`,
});

export interface NoticeState {
  /** Every letsconnect marker on every talk page of the scenario's people, with its count. */
  markers: Map<string, number>;
  /** Revisions by the bot on the talk pages that refuse it. */
  refusedPagesWritten: number;
}

export class ClinicNoticesScenario {
  private stack!: Awaited<ReturnType<typeof startThrowawayWiki>>;
  private proxy!: FaultProxy;
  client!: MwnWikiClient;
  organiser = '';
  /** The bot runs so far, and how many of them were killed. */
  runs = 0;
  kills = 0;

  async start(port: number): Promise<this> {
    this.stack = await startThrowawayWiki(port);
    const { wiki } = this.stack;
    await seedProgram({ wiki, profiles: 0, log: () => undefined });
    const creds = readCredentials(wiki);
    this.organiser = creds.LETSCONNECT_USER1_NAME;
    const o = this.organiser;
    importPages(wiki, [
      ...profilePages(PEOPLE),
      workingGroupPage(o),
      { title: 'User talk:Nobots Person', user: 'Nobots Person', content: '{{nobots}}\n' },
      // The clinic's sharer is an existing named account (the bot refuses a clinic otherwise).
      { title: 'User:Sharer One', user: 'Sharer One', content: 'I share growth paths.\n' },
      {
        title: 'User talk:Deny Person',
        user: 'Deny Person',
        content: `{{bots|deny=${DEFAULT_BOT_NAME}}}\n`,
      },
      clinicPage(
        SOON,
        {
          title: 'Growth paths tomorrow',
          sessions: ['2026-11-06T18:00Z'],
          capacity: 3,
          link: SOON_LINK,
          sharers: ['Sharer One'],
        },
        o,
      ),
      signup(SOON, 'Alma', { signed: '2026-10-01T10:00Z' }),
      signup(SOON, 'Nobots Person', { signed: '2026-10-01T11:00Z' }),
      signup(SOON, 'Bruno', { signed: '2026-10-01T12:00Z' }),
      signup(SOON, 'Waiter', { signed: '2026-10-01T13:00Z' }),
      clinicPage(
        LATER,
        { title: 'Growth paths later', sessions: ['2026-11-20T18:00Z'], capacity: 2, sharers: [] },
        o,
      ),
      signup(LATER, 'X One', { signed: '2026-10-01T10:00Z', cancelled: '2026-10-09T10:00Z' }),
      signup(LATER, 'X Two', { signed: '2026-10-02T10:00Z' }),
      signup(LATER, 'Waited', { signed: '2026-10-03T10:00Z' }),
      signup(LATER, 'Deny Person', { signed: '2026-10-04T10:00Z' }),
      // Signed up (and cancelled) for every clinic but FAR: FAR is all there is to invite to.
      ...[SOON, LATER, NEAR].map((c) =>
        signup(c, 'Only Far', { signed: '2026-10-05T10:00Z', cancelled: '2026-10-06T10:00Z' }),
      ),
      clinicPage(
        NEAR,
        { title: 'Growth paths near', sessions: ['2026-11-25T16:00Z'], sharers: [] },
        o,
      ),
      clinicPage(
        FAR,
        { title: 'Growth paths next year', sessions: ['2027-09-05T16:00Z'], sharers: [] },
        o,
      ),
    ]);
    this.client = await MwnWikiClient.connect({
      apiUrl: wiki.apiUrl,
      username: creds.LETSCONNECT_BOT_USERNAME,
      password: creds.LETSCONNECT_BOT_PASSWORD,
      assert: 'user',
      writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
      userAgent: 'LetsConnectTests/0.1 (clinic notices scenario)',
    });
    this.proxy = await new FaultProxy({ target: wiki.server, rate: 0 }).start();
    const directory = await spawnBot(['directory'], this.env).done;
    if (directory.code !== 0) throw new Error(`directory: ${directory.stderr}`);
    return this;
  }

  /** The bot's environment, talking to the wiki through the proxy. */
  get env(): NodeJS.ProcessEnv {
    return { ...this.stack.env, LETSCONNECT_API_URL: this.proxy.apiUrl };
  }

  /** X Two cancels their place in LATER: Deny Person, who waited, moves up. */
  cancelXTwo(): void {
    importPages(this.stack.wiki, [
      signup(LATER, 'X Two', { signed: '2026-10-02T10:00Z', cancelled: '2026-11-05T15:00Z' }),
    ]);
  }

  /**
   * Runs `clinics` at `now`, killing it at the API requests `killAt` picks (by the request's
   * number in this run and its parameters), then again, unkilled, until it exits 0.
   * Returns the last run's stdout.
   */
  async runUntilDone(
    now: string,
    killAt: (count: number, params: ReadonlyMap<string, string>) => boolean = () => false,
  ): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { child, done } = spawnBot(['clinics', '--now', now], this.env);
      const before = this.proxy.apiRequests;
      this.proxy.onApiRequest = (count, params) => {
        if (attempt > 0 || child.exitCode !== null || child.signalCode !== null) return;
        if (killAt(count - before, params)) {
          child.kill('SIGKILL');
          this.kills++;
        }
      };
      const result = await done;
      this.proxy.onApiRequest = undefined;
      this.runs++;
      if (result.code === 0) return result.stdout;
      if (!result.signal)
        throw new Error(`clinics --now ${now}: exit ${result.code}\n${result.stderr}`);
    }
    throw new Error(`clinics --now ${now} did not finish in five runs`);
  }

  async text(title: string): Promise<string> {
    const [page] = await this.client.readPages([title]);
    return page?.exists ? (page.content ?? '') : '';
  }

  async state(): Promise<NoticeState> {
    const users = [...PEOPLE.map((p) => p.username), 'Sharer One', 'X One', 'X Two'];
    const markers = new Map<string, number>();
    for (const user of users) {
      for (const m of (await this.text(`User talk:${user}`)).matchAll(
        /<!-- letsconnect:(.*?) -->/g,
      )) {
        // An invitation's marker carries the run's date: the message is what counts.
        const key = `${user}: ${m[1]!.replace(/ on \d{4}-\d{2}-\d{2}$/, '')}`;
        markers.set(key, (markers.get(key) ?? 0) + 1);
      }
    }
    let refusedPagesWritten = 0;
    for (const user of NOBOTS) {
      const answer = (await this.client.request({
        action: 'query',
        prop: 'revisions',
        titles: `User talk:${user}`,
        rvprop: 'user',
        rvlimit: 'max',
        formatversion: '2',
      })) as { query?: { pages?: Array<{ revisions?: Array<{ user: string }> }> } };
      const revisions = answer.query?.pages?.[0]?.revisions ?? [];
      refusedPagesWritten += revisions.filter((r) => r.user === DEFAULT_BOT_NAME).length;
    }
    return { markers, refusedPagesWritten };
  }

  async ledger(): Promise<string> {
    return this.text(clinicNoticesTitle(DEFAULT_BOT_NAME));
  }

  async stop(): Promise<void> {
    await this.proxy?.stop();
    await this.stack?.stop();
  }
}
