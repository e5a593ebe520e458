/**
 * The bot's clients of the Capacity Exchange and letsconn against local servers that answer as
 * the real ones do (test/support/fake-capx.ts, fake-letsconn.ts), with their faults.
 */
import { CapxClient } from '../../../bot/external/capx';
import {
  ExternalServiceError,
  HttpJson,
  type HttpJsonOptions,
} from '../../../bot/external/http-json';
import { LetsconnClient } from '../../../bot/external/letsconn';
import { FAKE_SKILLS, startFakeCapx } from '../../support/fake-capx';
import { startFakeLetsconn } from '../../support/fake-letsconn';

jest.setTimeout(60_000);

const OPTIONS: HttpJsonOptions = {
  service: 'test service',
  userAgent: 'LetsConnectBot/0.1.0 (User:Tester; tests)',
  timeoutMs: 1_000,
  retries: 3,
  backoffMs: 10,
  spacingMs: 0,
  maxBytes: 1_000_000,
};

let capx: Awaited<ReturnType<typeof startFakeCapx>>;
let letsconn: Awaited<ReturnType<typeof startFakeLetsconn>>;
const HUGE = Array.from({ length: 20_000 }, (_, i) => 1000 + i);

beforeAll(async () => {
  capx = await startFakeCapx(8196, {
    skills: FAKE_SKILLS,
    users: [
      {
        id: 7,
        username: 'Many Skills',
        email: 'many@example.org',
        about: 'bio',
        known: HUGE,
        available: HUGE,
        wanted: [36],
        lastUpdate: '2026-10-01T00:00:00Z',
      },
    ],
  });
  letsconn = await startFakeLetsconn(8197, [
    {
      username: 'Ana Pilot',
      affiliation: 'WMAR',
      territory: 'Latin America and the Caribbean',
      languages: ['Spanish'],
      projects: ['Wikipedia'],
      learn: ['Fundraising'],
      share: ['Governance'],
      fullName: 'Ana Private Name',
      email: 'ana.private@example.org',
    },
  ]);
});

afterAll(async () => {
  await capx?.stop();
  await letsconn?.stop();
});

beforeEach(() => {
  capx.state.fault = 'none';
  capx.state.faultCount = -1;
  capx.state.requests = [];
  letsconn.state.fault = 'none';
});

describe('the polite JSON client', () => {
  it('retries 5xx with backoff and then answers; sends its User-Agent; caches the answer', async () => {
    capx.state.fault = '5xx';
    capx.state.faultCount = 2;
    const http = new HttpJson(OPTIONS);
    const client = new CapxClient(http, capx.url);
    expect((await client.skills()).get(113)).toBe('Q2013');
    expect(capx.state.requests).toHaveLength(3);
    expect(new Set(capx.state.requests.map((r) => r.userAgent))).toEqual(
      new Set([OPTIONS.userAgent]),
    );
    await client.skills();
    expect(capx.state.requests).toHaveLength(3);
  });

  it('gives up after the retries with the reason', async () => {
    capx.state.fault = '5xx';
    const client = new CapxClient(new HttpJson(OPTIONS), capx.url);
    await expect(client.skills()).rejects.toThrow(/HTTP 503 after 4 attempts/);
    expect(capx.state.requests).toHaveLength(4);
  });

  it('stops waiting for a slow answer', async () => {
    capx.state.fault = 'slow';
    capx.state.slowMs = 3_000;
    const client = new CapxClient(new HttpJson({ ...OPTIONS, retries: 1 }), capx.url);
    await expect(client.skills()).rejects.toThrow(/no answer in time after 2 attempts/);
  });

  it('refuses malformed JSON and answers over the size limit', async () => {
    capx.state.fault = 'malformed';
    const client = new CapxClient(new HttpJson(OPTIONS), capx.url);
    await expect(client.profile('Many Skills')).rejects.toBeInstanceOf(ExternalServiceError);
    await expect(client.profile('Many Skills')).rejects.toThrow(/not JSON/);
    capx.state.fault = 'none';
    const small = new CapxClient(new HttpJson({ ...OPTIONS, maxBytes: 10_000 }), capx.url);
    await expect(small.profile('Many Skills')).rejects.toThrow(/too large/);
  });
});

describe('the Capacity Exchange client', () => {
  it('reads a huge capacity list, and only the fields it uses: no email, no bio', async () => {
    const client = new CapxClient(new HttpJson(OPTIONS), capx.url);
    const profile = await client.profile('Many Skills');
    expect(profile?.available).toHaveLength(20_000);
    expect(profile?.wanted).toEqual([36]);
    expect(Object.keys(profile!).sort()).toEqual(['available', 'updated', 'username', 'wanted']);
    expect(JSON.stringify(profile)).not.toMatch(/example\.org|bio/);
  });

  it('says null for a user who has no CapX profile (an empty page, as CapX answers)', async () => {
    const client = new CapxClient(new HttpJson(OPTIONS), capx.url);
    expect(await client.profile('Nobody Here')).toBeNull();
  });
});

describe('the letsconn client', () => {
  it('reads the public record and never the email or name, even when the answer has them', async () => {
    letsconn.state.fault = 'email';
    const client = new LetsconnClient(new HttpJson(OPTIONS), letsconn.url);
    const record = await client.profile('Ana Pilot');
    expect(record?.reconciled_affiliation).toBe('WMAR');
    expect(JSON.stringify(record)).not.toMatch(/private|Private/);
  });

  it("says null for an unknown user (Django's 404 page), and fails on 5xx", async () => {
    const client = new LetsconnClient(new HttpJson(OPTIONS), letsconn.url);
    expect(await client.profile('Nobody Here')).toBeNull();
    letsconn.state.fault = '5xx';
    await expect(
      new LetsconnClient(new HttpJson(OPTIONS), letsconn.url).profile('Ana Pilot'),
    ).rejects.toThrow(/HTTP 502/);
  });
});
