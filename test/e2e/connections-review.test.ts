/**
 * A round of match proposals on the real wiki, in Chromium: the bot's round page, a new
 * working-group member (added by an administrator) who approves one proposal and declines
 * another with the gadget's buttons, an ordinary user who sees no buttons, and a participant
 * who records how their connection went through the outcome form. What was saved is read
 * back through the API and parsed with the shared codecs; axe checks both views.
 */
import type { Browser, Page } from 'playwright-core';
import { findOutcome } from '../../shared/connections/outcomes';
import { outcomesPageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { parseRecords, replaceRecord } from '../../shared/records/codec';
import { proposalCodec, type Proposal } from '../../shared/records/proposal';
import { seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { adminClient, botClient, botEnv } from '../support/local-wiki';
import { runBot } from '../support/run-cli';
import {
  DESKTOP,
  PHONE,
  createAccount,
  newSession,
  newUserName,
  pageUrl,
  type Session,
} from './helpers/gadget-pages';
import {
  addToWorkingGroup,
  fitsThePhone as fitsPhone,
  freshRound,
  proposalsOnWiki as proposalsOnRound,
  writeRound,
} from './helpers/round-pages';

jest.setTimeout(180_000);

const round = freshRound();
const { month: MONTH, title: ROUND, id } = round;

const member = newUserName('Reviewer');
const learner = newUserName('Learner');
const learner2 = newUserName('Learner');
const sharer = newUserName('Sharer');
const ordinary = newUserName('Passer-by');

const proposal = (n: number, over: Partial<Proposal> = {}): Proposal => ({
  id: id(n),
  learners: [learner],
  sharer,
  topic: 'fundraising',
  format: 'one-to-one',
  languages: ['en'],
  score: 70,
  reason: 'Both want fundraising; shared language en.',
  status: 'proposed',
  reviewer: '',
  reviewed: '',
  note: '',
  // As the bot writes it: the status it accepted.
  accepted: over.status ?? 'proposed',
  ...over,
});

let browser: Browser;
const sessions: Partial<Record<'member' | 'learner' | 'ordinary', Session>> = {};
/** A person's browser session (set up in beforeAll). */
const as = (who: keyof typeof sessions): Session => {
  const session = sessions[who];
  if (!session) throw new Error(`no session for ${who}: beforeAll failed`);
  return session;
};

/** A member's review buttons under each proposal (the review queue has its own test file). */
const PAGE_VIEW = { 'letsconnect-view': 'page' };

/** The gadget's box under a proposal. */
const toolsOf = (page: Page, n: number) =>
  page.locator(`.letsconnect-proposal[data-proposal="${id(n)}"] + .letsconnect-proposal-tools`);

const proposalsOnWiki = () => proposalsOnRound(round);

/** Every message found and parsed, in the app and under each proposal. */
async function messagesRendered(page: Page): Promise<void> {
  const text = await page.evaluate(
    "[...document.querySelectorAll('.letsconnect-app, .letsconnect-proposal-tools')].map((e) => e.textContent).join(' ')",
  );
  expect(text).not.toMatch(/⧼|\{\{PLURAL|\$\d/);
}

/** Nothing of ours reaches past the phone's width. */
const fitsThePhone = (page: Page) =>
  fitsPhone(page, '.letsconnect-app *, .letsconnect-proposal-tools *');

beforeAll(async () => {
  browser = await launchBrowser();
  sessions.member = await newSession(browser, DESKTOP);
  sessions.learner = await newSession(browser, PHONE);
  sessions.ordinary = await newSession(browser, DESKTOP);
  await createAccount(as('member').page, member);
  await createAccount(as('learner').page, learner);
  await createAccount(as('ordinary').page, ordinary);
  for (const name of [sharer, learner2]) {
    const other = await newSession(browser, DESKTOP);
    await createAccount(other.page, name);
    await other.page.context().close();
  }

  // The bot's round page: two proposals to review, one approved, one already notified. The
  // learner is in the first and the third: once the member approves the first, both are theirs
  // to report on (the tests below run in this order).
  await writeRound(round, [
    proposal(1),
    proposal(2, { learners: [learner2] }),
    proposal(3, { status: 'approved', reviewer: member, reviewed: `${MONTH}-02T09:00Z` }),
    proposal(4, { status: 'notified', reviewer: member, reviewed: `${MONTH}-02T09:00Z` }),
  ]);
  await addToWorkingGroup([member]);
});

afterAll(async () => {
  await browser?.close();
});

describe('a working-group member reviews the round', () => {
  it('approves one proposal and declines another, and the page shows it', async () => {
    const { page } = as('member');
    await page.goto(pageUrl(ROUND, PAGE_VIEW));
    const first = toolsOf(page, 1);
    await first.getByRole('button', { name: 'Approve', exact: true }).waitFor({ timeout: 20_000 });
    // Open to review: the new ones and the approved one; the notified one is settled.
    expect(await toolsOf(page, 2).getByRole('button').allTextContents()).toEqual([
      'Approve',
      'Decline',
      'Swap a person',
    ]);
    expect(await toolsOf(page, 3).getByRole('button').allTextContents()).toEqual([
      'Decline',
      'Swap a person',
    ]);
    expect(await toolsOf(page, 4).getByRole('button').count()).toBe(0);
    await messagesRendered(page);
    expect(await seriousViolations(page, '.letsconnect-app, .letsconnect-proposal-tools')).toEqual(
      [],
    );

    await first.getByRole('button', { name: 'Approve', exact: true }).click();
    await first.getByText('Approved.', { exact: false }).waitFor({ timeout: 20_000 });
    // The wiki's own rendering of the new proposal, without a reload.
    const shown = page.locator(`.letsconnect-proposal[data-proposal="${id(1)}"]`);
    await page.waitForFunction(
      `document.querySelector('.letsconnect-proposal[data-proposal="${id(1)}"]').textContent.includes('approved')`,
    );
    expect(await shown.getAttribute('data-status')).toBe('approved');
    expect(await shown.textContent()).toContain(member);

    const second = toolsOf(page, 2);
    await second.locator('summary').click();
    await second.getByLabel('Comment').fill('Same pair as last month | {{x}} ~~~~');
    await second.getByRole('button', { name: 'Decline', exact: true }).click();
    // Asked first: a declined pair is never proposed again.
    const confirm = page.getByRole('dialog');
    await confirm.getByText('A declined pair is never proposed again').waitFor();
    await confirm.getByRole('button', { name: 'Decline', exact: true }).click();
    await second.getByText('Declined.', { exact: false }).waitFor({ timeout: 20_000 });

    const saved = await proposalsOnWiki();
    expect(saved.get(id(1))).toMatchObject({ status: 'approved', reviewer: member });
    expect(saved.get(id(1))!.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
    expect(saved.get(id(2))).toMatchObject({
      status: 'declined',
      reviewer: member,
      note: 'Same pair as last month | {{x}} ~~~~',
    });
    expect(saved.get(id(3))!.status).toBe('approved');
    expect(saved.get(id(4))!.status).toBe('notified');

    // Both edits are the member's own, each saying what it did.
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
      { user: member, comment: `Let's Connect: decline proposal ${id(2)}` },
      { user: member, comment: `Let's Connect: approve proposal ${id(1)}` },
    ]);
    await screenshot(page, 'connections-review-vector-2022');
    expect(as('member').errors).toEqual([]);
  });

  it('on a phone in Minerva: fits, and has no serious accessibility problem', async () => {
    const { page } = as('member');
    await page.setViewportSize(PHONE);
    await page.goto(pageUrl(ROUND, { ...PAGE_VIEW, useskin: 'minerva' }));
    await toolsOf(page, 3)
      .getByRole('button', { name: 'Decline', exact: true })
      .waitFor({ timeout: 20_000 });
    await toolsOf(page, 3).getByRole('button', { name: 'Swap a person' }).click();
    await toolsOf(page, 3).getByLabel('User name of the person who takes their place').waitFor();
    await screenshot(page, 'connections-review-minerva-phone');
    await fitsThePhone(page);
    await messagesRendered(page);
    expect(await seriousViolations(page, '.letsconnect-app, .letsconnect-proposal-tools')).toEqual(
      [],
    );
    expect(as('member').errors).toEqual([]);
  });
});

describe('a swap to someone who cannot take the place', () => {
  it('is refused before saving, saying why in words', async () => {
    // The published directory the swap form checks names against.
    let result = await runBot(['directory'], botEnv());
    // Another test file may run the bot at the same moment: one retry.
    if (result.code !== 0) result = await runBot(['directory'], botEnv());
    expect(result.code).toBe(0);
    const { page } = as('member');
    await page.setViewportSize(DESKTOP);
    await page.goto(pageUrl(ROUND, PAGE_VIEW));
    const tools = toolsOf(page, 2);
    await tools.getByRole('button', { name: 'Swap a person' }).waitFor({ timeout: 20_000 });
    await tools.getByRole('button', { name: 'Swap a person' }).click();
    await tools.getByText(`${learner2} (learner)`).click();
    await tools
      .getByLabel('User name of the person who takes their place')
      .fill('Nobody Here At All');
    await tools.getByRole('button', { name: 'Swap and approve' }).click();
    await tools
      .getByText('Nobody Here At All has no listed profile in the skills directory', {
        exact: false,
      })
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'connections-swap-refused');
    expect((await proposalsOnWiki()).get(id(2))?.learners).toEqual([learner2]);
    await messagesRendered(page);
    expect(as('member').errors).toEqual([]);
  });
});

describe('everyone else', () => {
  it('sees no review buttons, but who reviews and how to join', async () => {
    const { page } = as('ordinary');
    // A link to a report on someone else's connection proves the gadget ran and decided.
    await page.goto(pageUrl(ROUND, { 'letsconnect-outcome': id(3) }));
    await page
      .getByText(`You are not part of connection ${id(3)}`, { exact: false })
      .waitFor({ timeout: 20_000 });
    expect(await page.locator('.letsconnect-proposal').count()).toBe(4);
    expect(await page.locator('.letsconnect-proposal-tools button').count()).toBe(0);
    const app = page.locator('.letsconnect-app');
    expect(await app.textContent()).toContain("Members of the Let's Connect working group review");
    expect(await app.textContent()).not.toContain('You are a member of the working group');
    expect(
      await app.getByRole('link', { name: 'Ask to join (talk page)' }).getAttribute('href'),
    ).toContain('talk:Knowledge_Sharing/Connect/Working_group');
    expect(as('ordinary').errors).toEqual([]);
  });
});

describe('a review by someone outside the working group', () => {
  it('reads as pending and is marked for everyone, even when an administrator made it', async () => {
    // The administrator (not on the working-group page) approves proposal 2 by hand.
    const admin = await adminClient([DEFAULT_ROOT]);
    const [round] = await admin.readPages([ROUND]);
    const found = parseRecords(proposalCodec, round!.content ?? '').find(
      (r) => r.record.id === id(2),
    )!;
    await admin.save(
      ROUND,
      replaceRecord(proposalCodec, round!.content ?? '', found, {
        ...found.record,
        status: 'approved',
        reviewer: 'Admin',
      }),
      'approve by hand (test)',
      round!.revid ?? null,
    );
    const { page } = as('ordinary');
    await page.goto(pageUrl(ROUND));
    const shown = page.locator(`.letsconnect-proposal[data-proposal="${id(2)}"]`);
    expect(await shown.locator('.letsconnect-proposal__status').textContent()).toBe(
      'approved (pending check)',
    );
    await toolsOf(page, 2)
      .getByText('Not by the working group', { exact: false })
      .waitFor({ timeout: 20_000 });
    // The member's own approval is pending the bot's check too, but not marked.
    expect(
      await page
        .locator(`.letsconnect-proposal[data-proposal="${id(1)}"] .letsconnect-proposal__status`)
        .textContent(),
    ).toBe('approved (pending check)');
    expect(await toolsOf(page, 1).textContent()).not.toContain('Not by the working group');
    expect(await toolsOf(page, 3).textContent()).not.toContain('Not by the working group');
    expect(as('ordinary').errors).toEqual([]);
  });
});

describe('a participant records how it went', () => {
  it('opens the form from the link in the bot’s message and saves the report to their own page', async () => {
    const { page } = as('learner');
    await page.goto(pageUrl(ROUND, { 'letsconnect-outcome': id(3), useskin: 'minerva' }));
    const form = toolsOf(page, 3).locator('form');
    await form.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await form.locator('h3').textContent()).toBe(`How did connection ${id(3)} go?`);
    expect(await form.textContent()).toContain('anyone can read what you write');
    // The other approved proposal they are in offers the button, not an open form.
    expect(await toolsOf(page, 1).getByRole('button').allTextContents()).toEqual([
      'Record how it went',
    ]);

    await form.getByLabel('Yes, we met').check();
    await form.getByLabel('Date of the meeting').fill(`${MONTH}-18`);
    await form.getByLabel('What did you learn?').fill('How to plan a budget.\nThanks!');
    await form
      .locator('.letsconnect-outcome-form__rating')
      .getByLabel('4', { exact: true })
      .check();
    await form.getByLabel('Yes, display my summary and let the program quote it').check();
    await messagesRendered(page);
    expect(await seriousViolations(page, '.letsconnect-proposal-tools')).toEqual([]);
    await fitsThePhone(page);
    await screenshot(page, 'connections-outcome-form-minerva-phone');

    await form.getByRole('button', { name: 'Save my report' }).click();
    const done = toolsOf(page, 3).getByText('Thank you! Your report is saved.');
    await done.waitFor({ timeout: 20_000 });
    expect(await toolsOf(page, 3).getByRole('button').allTextContents()).toEqual([
      'Change my report',
    ]);

    const bot = await botClient();
    const [saved] = await bot.readPages([outcomesPageTitle(DEFAULT_ROOT, MONTH, learner)]);
    expect(saved?.exists).toBe(true);
    expect(saved!.user).toBe(learner);
    expect(findOutcome(saved!.content ?? '', id(3))).toEqual({
      proposal: id(3),
      reporter: learner,
      result: 'met',
      date: `${MONTH}-18`,
      rating: 4,
      comment: 'How to plan a budget.\nThanks!',
      public: true,
    });
    expect(as('learner').errors).toEqual([]);
  });
});
