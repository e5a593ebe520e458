/**
 * "Bring my earlier Let's Connect record", in Chromium against the real wiki: the bot's
 * `earlier` command reads the working group's CSV and a local letsconn
 * (test/support/fake-letsconn.ts); a person with an earlier record opens the form, fills it
 * from the record, and saves; a person without one sees nothing extra. Then the Capacity
 * Exchange part of the same form, with what the bot brought from a local CapX.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { profilePageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { applyNightMode } from '../support/night-mode';
import { screenshot } from '../support/browser';
import { FAKE_SKILLS, startFakeCapx } from '../support/fake-capx';
import { startFakeLetsconn } from '../support/fake-letsconn';
import { botEnv, botClient } from '../support/local-wiki';
import { runBot } from '../support/run-cli';
import { newcomer, openForm, PHONE, save } from './helpers/gadget-pages';

jest.setTimeout(300_000);

const withRecord = newcomer('Pilot Person');
const without = newcomer('No Record');
const EMAIL = 'pilot.private.canary@example.org';

let letsconn: Awaited<ReturnType<typeof startFakeLetsconn>>;
let capx: Awaited<ReturnType<typeof startFakeCapx>>;
let csv: string;

beforeAll(async () => {
  letsconn = await startFakeLetsconn(8193, [
    {
      username: withRecord.user,
      affiliation: 'Wikimedia Argentina',
      territory: 'Latin America and the Caribbean',
      languages: ['Spanish', 'en'],
      projects: ['Wikipedia'],
      learn: ['Budget development', 'Running wiki clubs in schools'],
      share: ['Dealing with harassment and conflict'],
      fullName: 'Private Full Name',
      email: EMAIL,
    },
  ]);
  letsconn.state.fault = 'email';
  capx = await startFakeCapx(8194, {
    skills: FAKE_SKILLS,
    users: [
      {
        id: 9,
        username: withRecord.user,
        email: EMAIL,
        about: 'CapX bio',
        known: [36, 113],
        available: [36, 113],
        wanted: [50],
        lastUpdate: '2026-11-01T10:00:00Z',
      },
    ],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letsconnect-earlier-'));
  csv = path.join(dir, 'responses.csv');
  fs.writeFileSync(
    csv,
    `Timestamp,Email address,Username,Gender\n2021-04-02,${EMAIL},${withRecord.user},F\n`,
  );
});

afterAll(async () => {
  await letsconn?.stop();
  await capx?.stop();
});

const env = () => ({
  ...botEnv(),
  LETSCONNECT_LETSCONN_URL: letsconn.url,
  LETSCONNECT_CAPX_URL: capx.url,
  LETSCONNECT_EXTERNAL_BACKOFF_MS: '20',
});

/** The form as `target` opens it (with the page's query), in each skin, mode and language. */
async function shots(
  page: Page,
  name: string,
  target: (query: Record<string, string>) => Promise<unknown>,
): Promise<void> {
  await screenshot(page, `${name}-vector-2022`);
  for (const [suffix, query, viewport] of [
    ['minerva-375', { useskin: 'minerva' }, PHONE],
    ['arabic', { uselang: 'ar' }, null],
  ] as const) {
    if (viewport) await page.setViewportSize(viewport);
    await target(query);
    await screenshot(page, `${name}-${suffix}`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await target({});
  await applyNightMode(page);
  await screenshot(page, `${name}-night`);
}

describe("an earlier Let's Connect record fills the form of its owner", () => {
  it('the earlier command lists who has a record and no profile, and offers it to their form', async () => {
    const run = await runBot(['earlier', '--csv', csv], env());
    expect(run.stderr).not.toMatch(/"level":"error"/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${withRecord.user} (letsconn)`);
    expect(run.stdout).not.toContain(without.user);
    const client = await botClient();
    const [doc] = await client.readPages(['User:LetsConnectBot/Earlier records.json']);
    expect(doc?.content).toContain('Wikimedia Argentina');
    for (const secret of [EMAIL, 'Private Full Name', 'Gender'])
      expect(doc?.content).not.toContain(secret);
  });

  it('a person with an earlier record sees the offer, fills the form from it, and saves', async () => {
    const { page, errors } = withRecord.session();
    const form = await openForm(page);
    const notice = form.locator('.letsconnect-form__earlier');
    await notice.waitFor({ timeout: 20_000 });
    await notice.getByRole('button', { name: 'Fill in from my earlier record' }).click();
    expect(await notice.textContent()).toContain('Filled in from your earlier record');
    expect(await form.locator('.letsconnect-form__region').textContent()).toContain(
      'Latin America and the Caribbean',
    );
    const learn = form.locator('.letsconnect-form__topics');
    expect(await learn.getByLabel('Budget development', { exact: true }).isChecked()).toBe(true);
    await form.locator('.letsconnect-form__capx input[type="checkbox"]').check();
    await form.locator('.letsconnect-form__consent input[type="checkbox"]').check();
    await shots(page, 'form-earlier-record-filled', async (query) => {
      const f = await openForm(page, query);
      const n = f.locator('.letsconnect-form__earlier');
      await n.waitFor({ timeout: 20_000 });
      await n.locator('button').click();
    });
    const again = await openForm(page);
    await again.locator('.letsconnect-form__earlier button').click();
    await again.locator('.letsconnect-form__capx input[type="checkbox"]').check();
    await again.locator('.letsconnect-form__consent input[type="checkbox"]').check();
    expect(await save(again)).toContain('Your profile is saved.');
    const client = await botClient();
    const [saved] = await client.readPages([profilePageTitle(DEFAULT_ROOT, withRecord.user)]);
    expect(saved?.content).toMatch(/\| group1 = Wikimedia Argentina/);
    expect(saved?.content).toMatch(/\| learn = budget-development/);
    expect(saved?.content).toMatch(/\| learn-other = Running wiki clubs in schools/);
    expect(saved?.content).toMatch(/\| capx = yes/);
    expect(saved?.content).not.toContain(EMAIL);
    expect(errors).toEqual([]);
  });

  it('a person without an earlier record sees nothing extra', async () => {
    const { page, errors } = without.session();
    const form = await openForm(page);
    await form.locator('.letsconnect-form__capx').waitFor();
    expect(await form.locator('.letsconnect-form__earlier').count()).toBe(0);
    expect(await form.textContent()).not.toContain('earlier record');
    expect(errors).toEqual([]);
  });

  it('shows what the bot brought from the Capacity Exchange, marked as such', async () => {
    const run = await runBot(['directory'], env());
    expect(run.code).toBe(0);
    const { page, errors } = withRecord.session();
    const open = async (query: Record<string, string> = {}): Promise<Locator> => {
      const form = await openForm(page, query);
      const topics = form.locator('.letsconnect-form__capx-topics');
      await topics.waitFor({ timeout: 20_000 });
      return topics;
    };
    const topics = await open();
    expect(await topics.textContent()).toContain(
      'From the Capacity Exchange, you can share: Engaging in social media, press and broadcast media, Basic Wikidata use',
    );
    expect(await topics.textContent()).toContain(
      'From the Capacity Exchange, you want to learn: Designing learning and evaluation plans',
    );
    await topics.scrollIntoViewIfNeeded();
    await shots(page, 'form-capacity-exchange', async (query) => {
      await (await open(query)).scrollIntoViewIfNeeded();
    });
    expect(errors).toEqual([]);
  });
});
