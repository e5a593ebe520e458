/**
 * The working group's review queue on the real wiki, in Chromium: a member filters a round of
 * 30 proposals to the 20 proposed on one topic, approves all 20 in one action and sees the
 * count move, while another member (through the API, between the page's load and the save)
 * declines one of the 20: that one is reported and stays as the other member made it. Then the
 * queue on a phone in Minerva, in night mode and in Arabic, with screenshots; a reader outside
 * the working group gets the page as before.
 */
import type { Browser, Page } from 'playwright-core';
import { MwnWikiClient } from '../../bot/wiki/mwn-client';
import { DEFAULT_ROOT } from '../../shared/program';
import { parseRecords, replaceRecord } from '../../shared/records/codec';
import { proposalCodec, type Proposal } from '../../shared/records/proposal';
import { seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { botClient, wiki } from '../support/local-wiki';
import { applyNightMode } from '../support/night-mode';
import {
  DESKTOP,
  PHONE,
  choose,
  createAccount,
  newSession,
  newUserName,
  pageUrl,
  type Session,
} from './helpers/gadget-pages';
import {
  addToWorkingGroup,
  fitsThePhone,
  freshRound,
  proposalsOnWiki,
  writeRound,
} from './helpers/round-pages';

jest.setTimeout(240_000);

const round = freshRound();
const { month: MONTH, title: ROUND, id } = round;

const member = newUserName('Queue reviewer');
const otherMember = newUserName('Other reviewer');
const ordinary = newUserName('Queue reader');
/** The proposal the other member declines while the first one is choosing. */
const CONTESTED = 7;

/**
 * 30 proposals: 1–20 proposed on fundraising, 21–22 already approved on fundraising, 23–30
 * proposed on Wikidata. Learners and sharers are names only (the queue reads them as text).
 */
const proposals: Proposal[] = Array.from({ length: 30 }, (_, i) => {
  const n = i + 1;
  const approved = n === 21 || n === 22;
  const status = approved ? ('approved' as const) : ('proposed' as const);
  return {
    id: id(n),
    learners: [`Queue learner ${n}`],
    sharer: `Queue sharer ${(n % 5) + 1}`,
    topic: n <= 22 ? 'fundraising' : 'wikidata-basics',
    format: 'one-to-one',
    languages: n % 2 === 0 ? ['en', 'fr'] : ['es'],
    score: 60 + (n % 30),
    reason: `Both want this topic; shared language (${n}).`,
    status,
    accepted: status,
    reviewer: approved ? 'Earlier reviewer' : '',
    reviewed: approved ? `${MONTH}-02T09:00Z` : '',
    note: '',
  };
});

let browser: Browser;
const sessions: Partial<Record<'member' | 'ordinary', Session>> = {};
let otherPassword = '';
const as = (who: keyof typeof sessions): Session => {
  const session = sessions[who];
  if (!session) throw new Error(`no session for ${who}: beforeAll failed`);
  return session;
};

const queueOf = (page: Page) => page.locator('.letsconnect-queue');
const rowOf = (page: Page, n: number) =>
  page.locator(`.letsconnect-queue__row[data-proposal="${id(n)}"]`);

async function openQueue(page: Page, query: Record<string, string> = {}): Promise<void> {
  await page.goto(pageUrl(ROUND, query));
  await queueOf(page).locator('.letsconnect-queue__reviewed').waitFor({ timeout: 30_000 });
}

/**
 * No horizontal scrolling: nothing of ours past the phone's width, nor anything else in the
 * page's content. (Minerva 1.39's own user menu, in the header, reaches 5 px past the edge on
 * every page: the skin's, not ours, so the header is left out.)
 */
const fitsPhone = (page: Page) => fitsThePhone(page, '.letsconnect-app *, #mw-content-text *');

/** Every message found and parsed, and no id or code shown where words belong. */
async function inWords(page: Page): Promise<void> {
  const text = (await queueOf(page).textContent()) ?? '';
  expect(text).not.toMatch(/⧼|\{\{PLURAL|\$\d/);
  expect(text).not.toMatch(/\b(fundraising|wikidata-basics|one-to-one)\b/);
}

beforeAll(async () => {
  browser = await launchBrowser();
  sessions.member = await newSession(browser, DESKTOP);
  sessions.ordinary = await newSession(browser, DESKTOP);
  await createAccount(as('member').page, member);
  await createAccount(as('ordinary').page, ordinary);
  const other = await newSession(browser, DESKTOP);
  otherPassword = await createAccount(other.page, otherMember);
  await other.page.context().close();

  await writeRound(round, proposals);
  await addToWorkingGroup([member, otherMember]);
});

afterAll(async () => {
  await browser?.close();
});

describe('a working-group member reviews the round in the queue', () => {
  it('filters to 20, approves them in one action, sees the count move; a concurrent change is reported, not overwritten', async () => {
    const { page } = as('member');
    await openQueue(page);
    const queue = queueOf(page);
    expect(await queue.locator('.letsconnect-queue__reviewed').textContent()).toBe(
      '2 of 30 reviewed',
    );
    // The long list is replaced by the queue; the page's other text stays.
    expect(await page.locator('.letsconnect-proposal').first().isVisible()).toBe(false);
    expect(await page.getByText(`Match proposals for ${MONTH}.`).isVisible()).toBe(true);

    await choose(page, queue.locator('.letsconnect-queue__filter--status'), 'proposed');
    await choose(page, queue.locator('.letsconnect-queue__filter--topic'), 'Fundraising');
    await queue.getByText('Showing 20 of 30 proposals.').waitFor({ timeout: 10_000 });
    await queue.getByRole('button', { name: 'Choose all 20 shown' }).click();
    await queue.getByText('20 proposals chosen').waitFor();
    await inWords(page);
    expect(await seriousViolations(page, '.letsconnect-app')).toEqual([]);
    await screenshot(page, 'review-queue-vector-desktop');

    // Another member declines one of the 20 through the API, after this page read the round.
    const api = await MwnWikiClient.connect({
      apiUrl: wiki.apiUrl,
      username: otherMember,
      password: otherPassword,
      assert: 'user',
      writableRoots: [DEFAULT_ROOT],
      userAgent: 'LetsConnectTests/0.1 (test suite)',
    });
    const [current] = await api.readPages([ROUND]);
    const found = parseRecords(proposalCodec, current!.content ?? '').find(
      (r) => r.record.id === id(CONTESTED),
    )!;
    await api.save(
      ROUND,
      replaceRecord(proposalCodec, current!.content ?? '', found, {
        ...found.record,
        status: 'declined',
        reviewer: otherMember,
        reviewed: `${MONTH}-03T10:00Z`,
        note: 'Declined by the other member',
      }),
      'decline one (test)',
      current!.revid ?? null,
    );

    await queue.getByRole('button', { name: 'Approve (20)' }).click();
    await queue.getByText('19 proposals approved.').waitFor({ timeout: 60_000 });
    expect(await queue.textContent()).toContain(
      'One proposal was not saved; it stays chosen, with the reason.',
    );
    expect(await queue.locator('.letsconnect-queue__reviewed').textContent()).toBe(
      '22 of 30 reviewed',
    );
    // The contested one says why and stays chosen; the others are no longer chosen.
    expect(
      await rowOf(page, CONTESTED).locator('.letsconnect-queue__failure').textContent(),
    ).toContain('someone else changed this proposal meanwhile (it is now declined)');
    expect(await rowOf(page, CONTESTED).locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await queue.locator('.letsconnect-queue__selected').textContent()).toBe(
      '1 proposal chosen',
    );
    await screenshot(page, 'review-queue-after-bulk-approve');

    // On the wiki: 19 approved by the member in one edit, the contested one as the other made it.
    const saved = await proposalsOnWiki(round);
    for (let n = 1; n <= 20; n++) {
      if (n === CONTESTED) continue;
      expect(saved.get(id(n))).toMatchObject({ status: 'approved', reviewer: member });
    }
    expect(saved.get(id(CONTESTED))).toMatchObject({
      status: 'declined',
      reviewer: otherMember,
      note: 'Declined by the other member',
    });
    for (let n = 23; n <= 30; n++) expect(saved.get(id(n))?.status).toBe('proposed');
    const bot = await botClient();
    const history = (await bot.request({
      action: 'query',
      prop: 'revisions',
      titles: ROUND,
      rvprop: 'user|comment',
      rvlimit: 2,
      formatversion: 2,
    })) as { query: { pages: Array<{ revisions: Array<{ user: string; comment: string }> }> } };
    expect(history.query.pages[0]!.revisions).toEqual([
      { user: member, comment: "Let's Connect: approve 20 proposals" },
      { user: otherMember, comment: 'decline one (test)' },
    ]);
    expect(as('member').errors).toEqual([]);
  });

  it('is operable with the keyboard: choose with Space, open the details with Enter', async () => {
    const { page } = as('member');
    await openQueue(page);
    const box = rowOf(page, 25).locator('input[type="checkbox"]');
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    const expand = rowOf(page, 25).locator('.letsconnect-queue__expand');
    expect(
      await page.evaluate(
        "document.activeElement.classList.contains('letsconnect-queue__expand') && document.activeElement.closest('[data-proposal]').dataset.proposal",
      ),
    ).toBe(id(25));
    await page.keyboard.press('Enter');
    expect(await expand.getAttribute('aria-expanded')).toBe('true');
    await rowOf(page, 25).getByText('Both want this topic; shared language (25).').waitFor();
    expect(await rowOf(page, 25).textContent()).toContain('Spanish');
    expect(as('member').errors).toEqual([]);
  });

  it('fits a phone in Minerva, reads in night mode and in Arabic', async () => {
    const { page } = as('member');
    await page.setViewportSize(PHONE);
    await openQueue(page, { useskin: 'minerva' });
    await rowOf(page, 23).locator('.letsconnect-queue__expand').click();
    await fitsPhone(page);
    await inWords(page);
    expect(await seriousViolations(page, '.letsconnect-app')).toEqual([]);
    await screenshot(page, 'review-queue-minerva-phone');

    await page.setViewportSize(DESKTOP);
    await openQueue(page);
    await applyNightMode(page);
    await rowOf(page, CONTESTED).locator('.letsconnect-queue__expand').click();
    await inWords(page);
    await screenshot(page, 'review-queue-night');

    await openQueue(page, { uselang: 'ar' });
    const queue = queueOf(page);
    expect(await queue.locator('h2').textContent()).toBe('قائمة المراجعة');
    expect(
      await page.evaluate(
        "getComputedStyle(document.querySelector('.letsconnect-queue')).direction",
      ),
    ).toBe('rtl');
    await rowOf(page, 24).locator('.letsconnect-queue__expand').click();
    await inWords(page);
    await screenshot(page, 'review-queue-arabic');
    await page.setViewportSize(PHONE);
    await openQueue(page, { uselang: 'ar', useskin: 'minerva' });
    await fitsPhone(page);
    await screenshot(page, 'review-queue-arabic-phone');
    expect(as('member').errors).toEqual([]);
  });
});

describe('a reader outside the working group', () => {
  it('gets the proposals as before, with no queue', async () => {
    const { page } = as('ordinary');
    await page.goto(pageUrl(ROUND));
    await page
      .getByText("Members of the Let's Connect working group review", { exact: false })
      .waitFor({ timeout: 30_000 });
    expect(await page.locator('.letsconnect-queue').count()).toBe(0);
    expect(await page.locator('.letsconnect-proposal').count()).toBe(30);
    expect(await page.locator('.letsconnect-proposal').first().isVisible()).toBe(true);
    expect(as('ordinary').errors).toEqual([]);
  });
});
