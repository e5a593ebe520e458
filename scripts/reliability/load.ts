/**
 * Load: many accounts using the gadget's own save path at once, through the real wiki:
 * every account signs up for the same clinic at the same moment, then every account creates
 * and then updates its own profile, all at once. Node drives the gadget's code
 * (MwApiWikiClient, saveOwnPage, loadOwnProfile/saveOwnProfile) over a small `mw.Api`-like
 * adapter, one logged-in session per account, rather than 50 browsers on two cores.
 * Afterwards everything is read back through the API: each write is recorded, or it was
 * refused with a message the view shows; none lost.
 */
/// <reference types="jquery" />
import { Mwn } from 'mwn';
import { MwApiWikiClient, type ApiLike } from '../../gadget/api/mw-wiki-client';
import { saveOwnPage, signupText } from '../../gadget/views/clinics/clinic-data';
import { loadOwnProfile, saveOwnProfile } from '../../gadget/views/profile-form/profile-page';
import { clinicSignupTitle, profilePageTitle } from '../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import { parseSingleRecord } from '../../shared/records/codec';
import { signupCodec } from '../../shared/records/clinic';
import { profileCodec, type Profile } from '../../shared/records/profile';
import { run } from '../lib/exec';
import { MEDIAWIKI_DIR, phpEnv } from '../wiki/config';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';
import { startStack } from './wiki-stack';

export interface LoadResult {
  attempted: number;
  recorded: number;
  refused: number;
  /** Writes the account was told were saved (or not refused) that the wiki does not hold. */
  lost: string[];
  refusals: string[];
}

type Params = Record<string, string | number | boolean | string[] | undefined>;

/** `mw.Api`'s two calls the client uses, over mwn; failures reject with the API's code. */
function apiOver(bot: Mwn): ApiLike {
  const wrap = (p: Promise<unknown>) =>
    p.catch((err: { code?: string; info?: string }) =>
      Promise.reject(err.code ?? 'http'),
    ) as unknown as JQuery.Promise<unknown>;
  const clean = (params: Params) =>
    Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<
      string,
      string | number | boolean | string[]
    >;
  return {
    get: (params) => wrap(bot.request(clean(params))),
    postWithEditToken: (params) => wrap(bot.request({ ...clean(params), token: bot.csrfToken })),
  };
}

export async function runLoad(options: {
  port: number;
  accounts: number;
  log: (line: string) => void;
}): Promise<LoadResult> {
  let clinic = '';
  const stack = await startStack({
    port: options.port,
    profiles: 6,
    pages: (pages) => {
      const today = new Date().toISOString().slice(0, 10);
      clinic =
        pages
          .map((p) => p.title)
          .filter((t) => /\/Clinics\/\d{4}-\d{2}-\d{2} [^/]+$/.test(t))
          .find((t) => t.slice(t.lastIndexOf('/') + 1) > today) ?? '';
      return pages;
    },
  });
  try {
    const names = Array.from({ length: options.accounts }, (_, i) => `Load tester ${i + 1}`);
    const password = `Load-${Math.random().toString(36).slice(2)}-pw`;
    const env = phpEnv(stack.wiki);
    run('php', [`${__dirname}/../wiki/php/CreateUsers.php`], {
      env,
      input: JSON.stringify(names),
    });
    for (const name of names) {
      run(
        'php',
        [
          `${MEDIAWIKI_DIR}/maintenance/changePassword.php`,
          `--user=${name}`,
          `--password=${password}`,
        ],
        { env },
      );
    }
    // Log in one account after another: the load measured is the writes below, all at once.
    // A full run once ended here with no table and status 0: fifty logins at once on a busy
    // two-core machine made the wiki drop connections (mwn logged the retries), and the run then
    // had nothing left to wait for. Logging in is not what this section measures.
    const clients: Array<{ name: string; client: MwApiWikiClient }> = [];
    for (const name of names) {
      const bot = await Mwn.init({
        apiUrl: stack.wiki.apiUrl,
        username: name,
        password,
        userAgent: 'LetsConnectReliability/0.1 (load)',
        silent: true,
        suppressAPIWarnings: true,
        defaultParams: { assert: 'user' },
      });
      clients.push({ name, client: new MwApiWikiClient(apiOver(bot), name) });
    }
    options.log(`${names.length} accounts logged in; clinic ${clinic}`);
    const result: LoadResult = { attempted: 0, recorded: 0, refused: 0, lost: [], refusals: [] };
    const admin = await stack.admin();
    const contentOf = async (title: string) => (await admin.readPages([title]))[0];

    // (a) Everyone signs up for the same clinic at once.
    const signups = await Promise.all(
      clients.map(async ({ name, client }) => {
        const title = clinicSignupTitle(clinic, name);
        const record = {
          username: name,
          session: 1,
          role: 'participant' as const,
          interpretation: '',
          signed: new Date().toISOString().slice(0, 16) + 'Z',
          cancelled: '',
        };
        const saved = await saveOwnPage(
          client,
          { title, text: '', revid: null },
          signupText(record),
          'Signing up',
          name,
        );
        return { name, title, saved };
      }),
    );
    for (const s of signups) {
      result.attempted++;
      const page = await contentOf(s.title);
      const onWiki = page?.exists
        ? parseSingleRecord(signupCodec, page.content ?? '').parsed?.record
        : undefined;
      if (onWiki?.username === s.name && page?.user === s.name) result.recorded++;
      else if (s.saved.kind === 'failed') {
        result.refused++;
        result.refusals.push(`sign-up ${s.name}: ${s.saved.failure} (${s.saved.code})`);
      } else result.lost.push(`sign-up ${s.name}`);
    }

    // (b) Everyone creates their profile at once, then updates it at once.
    const profileOf = (name: string, about: string): Profile => ({
      username: name,
      groups: [],
      experience: 'intermediate',
      region: 'ssa',
      country: '',
      languages: [{ code: 'en', level: '3' }],
      learn: ['advocacy'],
      share: [],
      learnOther: '',
      shareOther: '',
      formats: ['one-to-one'],
      timezone: '',
      availability: [],
      connectionsPerMonth: 0,
      snoozeUntil: '',
      listed: true,
      withdrawn: false,
      updated: '',
      about,
    });
    for (const round of ['created', 'updated']) {
      const saves = await Promise.all(
        clients.map(async ({ name, client }) => {
          const about = `Profile ${round} by ${name}`;
          try {
            const own = await loadOwnProfile(client, DEFAULT_ROOT, DEFAULT_BOT_NAME, name);
            await saveOwnProfile(client, own, profileOf(name, about), 'Profile', new Date());
            return { name, about, error: '' };
          } catch (err) {
            const e = err as { code?: string; message?: string };
            return { name, about, error: e.code ?? e.message ?? String(err) };
          }
        }),
      );
      for (const s of saves) {
        result.attempted++;
        const page = await contentOf(profilePageTitle(DEFAULT_ROOT, s.name));
        const onWiki = parseSingleRecord(profileCodec, page?.content ?? '').parsed?.record;
        if (onWiki?.about === s.about && page?.user === s.name) result.recorded++;
        else if (s.error !== '') {
          result.refused++;
          result.refusals.push(`profile ${round} ${s.name}: ${s.error}`);
        } else result.lost.push(`profile ${round} ${s.name}`);
      }
    }
    return result;
  } finally {
    await stack.stop();
  }
}

export function loadFigures(r: LoadResult): Figure[] {
  return [
    { measure: 'concurrent writes attempted', value: r.attempted },
    { measure: 'concurrent writes recorded', value: r.recorded },
    { measure: 'concurrent writes refused with a message', value: r.refused },
    { measure: 'concurrent writes lost', value: r.lost.length, target: 0 },
  ];
}

export const loadSection: ReliabilitySection = {
  name: 'load',
  async run(options: ReliabilityOptions): Promise<Figure[]> {
    const result = await runLoad({
      port: Number(process.env.LETSCONNECT_RELIABILITY_LOAD_PORT ?? 8085),
      accounts: options.mode === 'full' ? 50 : 15,
      log: options.log,
    });
    if (result.refusals.length > 0) options.log(`refused: ${result.refusals.join(' | ')}`);
    if (result.lost.length > 0) options.log(`LOST: ${result.lost.join(' | ')}`);
    return loadFigures(result);
  },
};
