/**
 * Privacy: no email address, IP address or private field from any input ever reaches a page
 * or JSON document the bot writes. The sample program is seeded with private data in every
 * record (private parameters, a positional value, addresses in every free-text field), an
 * anonymous (IP) editor changes a profile and the round page, the whole pipeline runs, and
 * every page the bot account wrote is scanned. Every profile also asks for its capacities from
 * the Capacity Exchange, whose local stand-in answers each with an email and a bio (as CapX's
 * public profile serializer does): neither may appear either.
 */
import { startFakeCapx, FAKE_SKILLS } from '../../test/support/fake-capx';
import type { PageToImport } from '../seed/import-pages';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';
import { startStack } from './wiki-stack';

/** Unique values, so a find is never a coincidence. */
export const CANARIES = {
  email: 'priv.canary.mail@example.org',
  textEmail: 'text.canary@example.net',
  positional: 'positional.canary@example.com',
  gender: 'Xqgendercanary',
  age: '73519',
  phone: '+44 7700 900123',
  address: '17 Canary Wharf Lane',
  ip: '192.0.2.45',
  ipv6: '2001:db8::7c1',
  capxEmail: 'capx.profile.canary@example.org',
  capxBio: 'Capxbiocanary of the Capacity Exchange',
} as const;

const PRIVATE_PARAMS = [
  `| email = ${CANARIES.email}`,
  `| gender = ${CANARIES.gender}`,
  `| age = ${CANARIES.age}`,
  `| phone = ${CANARIES.phone}`,
  `| address = ${CANARIES.address}`,
  `| ${CANARIES.positional}`,
].join('\n');

const FREE_TEXT =
  /^\| (about|comment|improve|description|learn-other|share-other|note|reason|title|group\d*) = /gm;

/** Private data in every call of every sample page. */
export function withPrivateData(pages: PageToImport[]): PageToImport[] {
  return pages.map((p) => ({
    ...p,
    content: p.content
      .replace(/^(\{\{Let's Connect\/Profile)$/gm, '$1\n| capx = yes')
      .replace(/^(\{\{Let's Connect\/[^\n|}]+)$/gm, `$1\n${PRIVATE_PARAMS}`)
      .replace(
        FREE_TEXT,
        (m) => `${m}write to ${CANARIES.textEmail} or ${CANARIES.ip} / ${CANARIES.ipv6}, `,
      ),
  }));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;

/** Every leak in a text: a canary, any email address or IPv4 address. */
export function leaksIn(text: string): string[] {
  const found = new Set<string>();
  for (const value of Object.values(CANARIES)) if (text.includes(value)) found.add(value);
  for (const m of text.match(EMAIL) ?? []) found.add(m);
  for (const m of text.match(IPV4) ?? []) found.add(m);
  return [...found];
}

/** An edit without an account: MediaWiki records the editor's IP address. */
async function anonymousEdit(apiUrl: string, title: string, appendText: string): Promise<void> {
  const body = new URLSearchParams({
    action: 'edit',
    title,
    appendtext: appendText,
    token: '+\\',
    format: 'json',
    summary: 'anonymous edit',
  });
  const res = await fetch(apiUrl, {
    method: 'POST',
    body,
    headers: { 'X-Forwarded-For': CANARIES.ip },
  });
  const json = (await res.json()) as { error?: { info: string } };
  if (json.error) throw new Error(`anonymous edit of ${title}: ${json.error.info}`);
}

export async function runPrivacy(options: {
  port: number;
  profiles: number;
  log: (line: string) => void;
}): Promise<{ pages: number; leaks: string[] }> {
  let seeded: PageToImport[] = [];
  const stack = await startStack({
    port: options.port,
    profiles: options.profiles,
    pages: (pages) => (seeded = withPrivateData(pages)),
  });
  const users = seeded
    .filter((p) => p.title.includes('/Participants/'))
    .map((p, i) => ({
      id: i + 1,
      username: p.user,
      email: CANARIES.capxEmail,
      about: CANARIES.capxBio,
      known: [36, 113, 12],
      available: [36, 113],
      wanted: [50, 12],
      lastUpdate: '2026-11-01T10:00:00Z',
    }));
  const capx = await startFakeCapx(0, { skills: FAKE_SKILLS, users });
  stack.env.LETSCONNECT_CAPX_URL = capx.url;
  try {
    const first = await stack.bot(['run']);
    if (first.code !== 0) throw new Error(`bot run failed (${first.code}): ${first.stderr}`);
    // An IP editor changes a profile and a round page; the next run must not name them.
    const round = (await stack.botWritten()).find((p) => p.title.includes('/Connections/'));
    const profile = seeded.find((p) => p.title.includes('/Participants/'));
    for (const title of [profile?.title, round?.title]) {
      if (title) await anonymousEdit(stack.wiki.apiUrl, title, '\nextra');
    }
    const second = await stack.bot(['run']);
    if (second.code !== 0) throw new Error(`second bot run failed: ${second.stderr}`);
    const pages = await stack.botWritten();
    const leaks: string[] = [];
    for (const page of pages) {
      for (const leak of leaksIn(page.text)) leaks.push(`${page.title}: ${leak}`);
    }
    for (const l of leaks) options.log(`LEAK ${l}`);
    options.log(`${pages.length} bot-written revision(s) scanned`);
    return { pages: pages.length, leaks };
  } finally {
    await capx.stop();
    await stack.stop();
  }
}

export const privacySection: ReliabilitySection = {
  name: 'privacy',
  async run(options: ReliabilityOptions): Promise<Figure[]> {
    const result = await runPrivacy({
      port: Number(process.env.LETSCONNECT_RELIABILITY_PORT ?? 8086),
      profiles: options.mode === 'short' ? 30 : 200,
      log: options.log,
    });
    return [
      { measure: 'bot-written revisions scanned', value: result.pages },
      { measure: 'private data leaks', value: result.leaks.length, target: 0 },
    ];
  },
};
