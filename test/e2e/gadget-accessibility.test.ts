/**
 * axe-core on the form and the directory, in English and in Arabic (right to left), on a
 * desktop in Vector 2022 and on a phone in Minerva: no serious or critical violation, no
 * sideways scrolling on the phone, and a screenshot of each for people to look at.
 */
import type { Browser } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import {
  DESKTOP,
  PHONE,
  createAccount,
  newSession,
  newUserName,
  openDirectory,
  openForm,
  runDirectoryTask,
  type Session,
} from './helpers/gadget-pages';

jest.setTimeout(180_000);

const setups = [
  { name: 'en-vector-2022-desktop', viewport: DESKTOP, query: { uselang: 'en' } },
  { name: 'ar-vector-2022-desktop', viewport: DESKTOP, query: { uselang: 'ar' } },
  { name: 'en-minerva-phone', viewport: PHONE, query: { uselang: 'en', useskin: 'minerva' } },
  { name: 'ar-minerva-phone', viewport: PHONE, query: { uselang: 'ar', useskin: 'minerva' } },
] as const;

let browser: Browser;
const sessions = new Map<string, Session>();

beforeAll(async () => {
  browser = await launchBrowser();
  // The directory must exist to be checked: build it (again) from the pages on the wiki.
  await runDirectoryTask();
  for (const s of setups) {
    const session = await newSession(browser, s.viewport);
    await createAccount(session.page, newUserName('Reader'));
    sessions.set(s.name, session);
  }
});
afterAll(async () => {
  await browser?.close();
});

/** Every message found and parsed (PLURAL included) in the reader's language. */
async function messagesRendered(session: Session): Promise<void> {
  const text = (await session.page.locator('.letsconnect-app').textContent()) ?? '';
  expect(text).not.toMatch(/⧼|\{\{PLURAL|\$\d/);
}

/** Nothing of ours reaches past the phone's width (Minerva's own user menu may, by 5px). */
async function fitsThePhone(session: Session): Promise<void> {
  const overflowing = await session.page
    .evaluate(`[...document.querySelectorAll('.letsconnect-app *')]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > ${PHONE.width} || r.left < 0); })
    .map((el) => el.tagName + '.' + el.className)`);
  expect(overflowing).toEqual([]);
}

describe.each(setups)('$name', (setup) => {
  it('the form has no serious accessibility problem', async () => {
    const session = sessions.get(setup.name)!;
    const form = await openForm(session.page, { ...setup.query });
    if (setup.query.uselang === 'ar') {
      expect(
        await session.page.evaluate(
          'getComputedStyle(document.querySelector(".letsconnect-form")).direction',
        ),
      ).toBe('rtl');
      expect(await form.locator('h2').textContent()).toBe("انضم إلى Let's Connect");
    }
    // Problems shown (after an empty save) must be accessible too.
    await form.locator('button[type="submit"]').click();
    await form.locator('.letsconnect-outcome').waitFor();
    await screenshot(session.page, `form-${setup.name}`);
    await messagesRendered(session);
    expect(await seriousViolations(session.page, '.letsconnect-app')).toEqual([]);
    if (setup.viewport === PHONE) await fitsThePhone(session);
    expect(session.errors).toEqual([]);
  });

  it('the directory has no serious accessibility problem', async () => {
    const session = sessions.get(setup.name)!;
    const view = await openDirectory(session.page, { ...setup.query });
    await view.locator('.letsconnect-card').first().waitFor({ timeout: 10_000 });
    await screenshot(session.page, `directory-${setup.name}`);
    await messagesRendered(session);
    expect(await seriousViolations(session.page, '.letsconnect-app')).toEqual([]);
    if (setup.viewport === PHONE) await fitsThePhone(session);
    expect(session.errors).toEqual([]);
  });
});
