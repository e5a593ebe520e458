/**
 * The working group's review queue with a round of 1,000 proposals, in Chromium: time to
 * interactive (the queue's rows laid out) and time to apply one bulk approval of 200, each
 * against parsing the round page's proposals alone, measured in the same page and run.
 */
import { connectionsPageTitle, workingGroupPageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { serialiseRecord } from '../../shared/records/codec';
import { memberCodec } from '../../shared/records/member';
import { proposalCodec, type Proposal } from '../../shared/records/proposal';
import { launchBrowser } from '../../test/support/browser';
import { openBenchPage } from './bench-page';
import { percentile } from './gadget-directory';

const MONTH = '2026-11';
const MEMBER = 'Bench Member';
const SHARERS = 5;
const TOPICS = ['fundraising', 'wikidata-basics', 'growth-paths', 'volunteer-management'];
const LANGUAGES = [['en'], ['es', 'en'], ['fr'], ['ar', 'fr'], ['pt', 'es'], ['id']];
/** Runs of each measurement: the median is printed. */
const RUNS = 3;

export interface ReviewQueueFigures {
  proposals: number;
  bulk: number;
  parseMs: number;
  interactiveMs: number;
  bulkMs: number;
}

function roundProposals(count: number): Proposal[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${MONTH}-${String(i + 1).padStart(4, '0')}`,
    learners: i % 7 === 0 ? [`Bench learner ${i}`, `Bench learner ${i}b`] : [`Bench learner ${i}`],
    sharer: `Bench sharer ${i % SHARERS}`,
    topic: TOPICS[i % TOPICS.length]!,
    format: 'one-to-one',
    languages: LANGUAGES[i % LANGUAGES.length]!,
    score: 50 + (i % 50),
    reason: `The learner wants to learn this topic, which the sharer shares. Common languages (${i}).`,
    status: 'proposed',
    accepted: 'proposed',
    reviewer: '',
    reviewed: '',
    note: '',
  }));
}

/**
 * What the wiki renders for the round: one div per proposal, as the template does (the
 * values are this file's own, plain letters and digits: nothing to escape).
 */
function renderedRound(proposals: readonly Proposal[]): string {
  const divs = proposals.map(
    (p) =>
      `<div class="letsconnect-proposal" data-proposal="${p.id}" data-status="${p.status}" data-accepted="${p.status}">` +
      `<span class="letsconnect-proposal__id">${p.id}</span> ` +
      `<span class="letsconnect-proposal__who">${p.sharer} can share ${p.topic} with ${p.learners.join(', ')}</span> ` +
      `<span class="letsconnect-proposal__status">proposed</span>` +
      `<span class="letsconnect-proposal__reason">${p.reason}</span></div>`,
  );
  return `<div class="mw-parser-output"><p>Match proposals for ${MONTH}.</p>${divs.join('')}</div>`;
}

export async function measureReviewQueue(count: number, bulk: number): Promise<ReviewQueueFigures> {
  if (count / SHARERS !== bulk)
    throw new Error(`a sharer's proposals are ${count / SHARERS}, not ${bulk}`);
  const proposals = roundProposals(count);
  const roundTitle = connectionsPageTitle(DEFAULT_ROOT, MONTH);
  const groupTitle = workingGroupPageTitle(DEFAULT_ROOT);
  const input = {
    root: DEFAULT_ROOT,
    month: MONTH,
    roundTitle,
    groupTitle,
    member: MEMBER,
    pages: {
      [roundTitle]: `Match proposals for ${MONTH}.\n\n${proposals.map((p) => serialiseRecord(proposalCodec, p)).join('\n')}\n`,
      [groupTitle]: serialiseRecord(memberCodec, {
        username: MEMBER,
        role: 'working-group',
        region: '',
        languages: [],
        since: '',
      }),
    },
    html: renderedRound(proposals),
  };
  const browser = await launchBrowser();
  try {
    const page = await openBenchPage(
      browser,
      'gadget/bench/review-queue-bench.ts',
      '<div id="app"></div><div id="mw-content-text"></div>',
    );
    // Page code runs in the browser: passed as a string (this file is compiled for Node).
    await page.evaluate(`window.__round = ${JSON.stringify(input)}`);
    const parse: number[] = [];
    const interactive: number[] = [];
    const apply: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      parse.push((await page.evaluate('letsconnectBench.parseOnly(window.__round)')) as number);
      interactive.push((await page.evaluate('letsconnectBench.mount(window.__round)')) as number);
      const before = (await page.evaluate('letsconnectBench.reviewed()')) as string;
      if (before !== `0 of ${count} reviewed`) throw new Error(`the queue shows "${before}"`);
      apply.push(
        (await page.evaluate(
          `letsconnectBench.approveAll(${JSON.stringify('Bench sharer 3')}, ${bulk})`,
        )) as number,
      );
      const after = (await page.evaluate('letsconnectBench.reviewed()')) as string;
      if (after !== `${bulk} of ${count} reviewed`) throw new Error(`the queue shows "${after}"`);
      await page.evaluate('letsconnectBench.unmount()');
    }
    return {
      proposals: count,
      bulk,
      parseMs: percentile(parse, 50),
      interactiveMs: percentile(interactive, 50),
      bulkMs: percentile(apply, 50),
    };
  } finally {
    await browser.close();
  }
}
