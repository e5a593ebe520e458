/**
 * The program's main pages in light mode and in Vector 2022's night mode (the dark Codex
 * tokens applied as the skin applies them: test/support/night-mode.ts), with axe-core's
 * colour-contrast rule on the page content and a check of the report's SVG text: no text
 * under WCAG AA contrast, in the templates or the gadget. Screenshots of each page in each
 * mode go to test-artifacts/ (`contrast-<page>-<mode>.png`).
 */
import type { Browser } from 'playwright-core';
import { connectionsPageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { serialiseRecord } from '../../shared/records/codec';
import { proposalCodec, type Proposal } from '../../shared/records/proposal';
import { botEnv, botClient, wiki } from '../support/local-wiki';
import { launchBrowser } from '../support/browser';
import { checkContrast, mainPages, type ContrastResult } from '../support/night-mode';
import { runBot } from '../support/run-cli';
import { runDirectoryTask } from './helpers/gadget-pages';

jest.setTimeout(300_000);

// A month no other test or bot run writes (the wiki outlives runs).
const MONTH = `${2100 + Math.floor(Math.random() * 800)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
const ROUND = connectionsPageTitle(DEFAULT_ROOT, MONTH);
const STATUSES = ['proposed', 'approved', 'notified', 'declined', 'cancelled'] as const;

let browser: Browser;
let results: ContrastResult[] = [];

async function botTask(task: string): Promise<void> {
  let result = await runBot([task], botEnv());
  // Another test file may run the bot at the same moment: once more after a lost conflict.
  if (result.code !== 0) result = await runBot([task], botEnv());
  if (result.code !== 0) throw new Error(`bot ${task} exited ${result.code}: ${result.stderr}`);
}

beforeAll(async () => {
  // The bot's pages (directory, calendar, report) from the seeded program.
  await runDirectoryTask();
  await botTask('clinics');
  await botTask('report');
  // A round with a proposal in every status, each with a score and a reason.
  const bot = await botClient();
  const calls = STATUSES.map((status, i) => {
    const p: Proposal = {
      id: `${MONTH}-${String(i + 1).padStart(3, '0')}`,
      learners: ['Night learner'],
      sharer: 'Night sharer',
      topic: 'fundraising',
      format: 'one-to-one',
      languages: ['en'],
      score: 70,
      reason: 'Both want fundraising; shared language en.',
      status,
      reviewer: status === 'proposed' ? '' : 'Night reviewer',
      reviewed: status === 'proposed' ? '' : `${MONTH}-02T09:00Z`,
      note: status === 'declined' ? 'Not this month.' : '',
    };
    return serialiseRecord(proposalCodec, p);
  });
  await bot.save(
    ROUND,
    `Match proposals for ${MONTH}.\n\n${calls.join('\n')}\n`,
    'Let’s Connect bot: proposals (night-mode test)',
    null,
  );
  browser = await launchBrowser();
  results = await checkContrast(browser, await mainPages(wiki, DEFAULT_ROOT, ROUND));
});
afterAll(async () => {
  await browser?.close();
});

const PAGES = ['root', 'profile', 'directory', 'round', 'calendar', 'clinic', 'report'];

describe.each(['light', 'night'] as const)('%s mode', (mode) => {
  it.each(PAGES)('%s: no text under WCAG AA contrast', (name) => {
    const result = results.find((r) => r.name === name && r.mode === mode);
    expect(result).toBeDefined();
    expect(result!.problems).toEqual([]);
  });
});
