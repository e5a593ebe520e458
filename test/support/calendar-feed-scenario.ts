/**
 * The calendar feed on a wiki of its own: clinic pages by an organiser, sign-ups (some forged,
 * written by someone else), the bot's `directory` and `clinics` tasks publishing
 * User:<bot>/Calendar.json, and `letsconnect-bot feed` started as an operator would (one
 * command) on 127.0.0.1. Subscribing parses with a real iCalendar client library (ical.js).
 * Used by the feed's integration test and the `calendar-feed` reliability section.
 */
import type { ChildProcess } from 'node:child_process';
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { clinicSignupTitle } from '../../shared/pages';
import { clinicCodec, signupCodec, type Clinic, type Signup } from '../../shared/records/clinic';
import { serialiseRecord } from '../../shared/records/codec';
import { importPages, type PageToImport } from '../../scripts/seed/import-pages';
import { seedProgram } from '../../scripts/seed/seed-program';
import { readCredentials } from '../../scripts/wiki/credentials';
import { clinicFixture, signupFixture } from '../unit/support/clinic-fixture';
import { spawnBot } from './pipeline-scenario';
import { workingGroupPage } from './program-pages';
import { startThrowawayWiki } from './throwaway-wiki';

// ical.js is an ES module with a CommonJS build; the tests are compiled to CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ICAL = require('ical.js') as typeof ICALModule;

export interface Subscribed {
  etag: string;
  events: ICALModule.Event[];
  byUid: (uid: string) => ICALModule.Event | undefined;
  status: (uid: string) => unknown;
}

export class CalendarFeedScenario {
  private stack!: Awaited<ReturnType<typeof startThrowawayWiki>>;
  private feed: {
    child: ChildProcess;
    done: Promise<{ code: number | null; stderr: string }>;
  } | null = null;
  organiser = '';
  /** A second existing named account (an interpreter a clinic may name). */
  colleague = '';
  feedUrl = '';

  /** A wiki on `wikiPort` with the working group; the feed will listen on `feedPort`. */
  async start(wikiPort: number, feedPort: number): Promise<this> {
    this.stack = await startThrowawayWiki(wikiPort);
    await seedProgram({ wiki: this.stack.wiki, profiles: 0, log: () => undefined });
    const credentials = readCredentials(this.stack.wiki);
    this.organiser = credentials.LETSCONNECT_USER1_NAME;
    this.colleague = credentials.LETSCONNECT_USER2_NAME;
    this.feedUrl = `http://127.0.0.1:${feedPort}`;
    importPages(this.stack.wiki, [workingGroupPage(this.organiser)]);
    const directory = await spawnBot(['directory'], this.stack.env).done;
    if (directory.code !== 0) throw new Error(`directory: ${directory.stderr}`);
    return this;
  }

  /** A clinic page, as the organiser writes it. */
  clinicPage(title: string, over: Partial<Clinic>): PageToImport {
    return {
      title,
      user: this.organiser,
      content: `${serialiseRecord(clinicCodec, clinicFixture({ host: this.organiser, ...over }))}\n`,
    };
  }

  /** A sign-up page for `username`, written by `by` (themselves unless forged). */
  signup(
    clinic: string,
    username: string,
    over: Partial<Signup> = {},
    by = username,
  ): PageToImport {
    return {
      title: clinicSignupTitle(clinic, username),
      user: by,
      content: `${serialiseRecord(signupCodec, signupFixture(username, over))}\n`,
    };
  }

  /** The wiki's address (for logged-out edits). */
  get server(): string {
    return this.stack.wiki.server;
  }

  /** The wiki's api.php. */
  get apiUrl(): string {
    return this.stack.wiki.apiUrl;
  }

  write(pages: readonly PageToImport[]): void {
    importPages(this.stack.wiki, pages);
  }

  /** The clinics task at `now`, publishing the feed's address. */
  async runClinics(now: string): Promise<void> {
    const run = await spawnBot(['clinics', '--now', now], {
      ...this.stack.env,
      LETSCONNECT_FEED_URL: this.feedUrl,
    }).done;
    if (run.code !== 0) throw new Error(`clinics: ${run.code}\n${run.stderr}`);
  }

  /** `letsconnect-bot feed` on 127.0.0.1, checking the wiki on every request; ready when it says where it listens. */
  async startFeed(): Promise<void> {
    const port = new URL(this.feedUrl).port;
    const feed = spawnBot(
      ['feed', '--host', '127.0.0.1', '--port', port, '--check-seconds', '0'],
      this.stack.env,
    );
    this.feed = feed;
    await new Promise<void>((resolve, reject) => {
      let said = '';
      feed.child.stderr!.on('data', (d: Buffer) => {
        said += d.toString();
        if (said.includes('Calendar feed at')) resolve();
      });
      feed.child.once('exit', (code) => reject(new Error(`feed exited ${code}: ${said}`)));
    });
  }

  /** Stops the feed with SIGTERM; its exit code. */
  async stopFeed(): Promise<number | null> {
    const feed = this.feed;
    this.feed = null;
    if (!feed) return null;
    if (feed.child.exitCode === null) feed.child.kill('SIGTERM');
    return (await feed.done).code;
  }

  fetch(path: string, init?: RequestInit): Promise<Response> {
    return fetch(`${this.feedUrl}${path}`, init);
  }

  /** Fetches a feed as a calendar app does and reads it with ical.js. */
  async subscribe(path: string): Promise<Subscribed & { response: Response }> {
    const response = await this.fetch(path);
    if (response.status !== 200)
      throw new Error(`${path}: HTTP ${response.status}: ${await response.text()}`);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    return {
      response,
      etag: response.headers.get('etag') ?? '',
      events,
      byUid: (uid) => events.find((e) => e.uid === uid),
      status: (uid) => events.find((e) => e.uid === uid)?.component.getFirstPropertyValue('status'),
    };
  }

  async stop(): Promise<void> {
    await this.stopFeed();
    await this.stack?.stop();
  }
}
