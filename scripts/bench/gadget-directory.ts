import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import { sampleProfiles } from '../../shared/sample/profiles';
import { Random } from '../../shared/sample/random';
import { launchBrowser } from '../../test/support/browser';
import { directoryPages, entriesOf } from '../../test/gadget/support/directory-fixture';
import { openBenchPage } from './bench-page';

export interface DirectoryViewFigures {
  entries: number;
  shards: number;
  firstResultsMs: number;
  /** The same, opened by a listed reader sorted by "Best for me" (a fresh page). */
  bestFirstResultsMs: number;
  /** Parsing the shards' JSON alone, in the same browser: the baseline for first results. */
  parseMs: number;
  keystrokes: number[];
}

/** What a reader types: a topic, a group word, a name, each letter by letter and erased. */
const PHRASES = ['volunteer management', 'wikimedia', 'an', 'fundraising'];

/** `count` listed entries from the sample generator (it also makes unlisted and withdrawn people). */
function entries(count: number) {
  const profiles = sampleProfiles(
    new Random(1),
    Math.ceil(count * 1.15),
    Date.parse('2025-06-01T00:00:00Z'),
  );
  return entriesOf(profiles).slice(0, count);
}

/** The 10,000-person directory view in Chromium: first results, then every keystroke. */
export async function measureDirectoryView(count: number): Promise<DirectoryViewFigures> {
  const list = entries(count);
  const pages = Object.fromEntries(directoryPages(list));
  const browser = await launchBrowser();
  try {
    const page = await openBenchPage(browser, 'gadget/bench/directory-bench.ts');
    // Page code runs in the browser: passed as a string (this file is compiled for Node).
    await page.evaluate(`window.__pages = ${JSON.stringify(pages)}`);
    const parseMs = (await page.evaluate('letsconnectBench.parseOnly(window.__pages)')) as number;
    const firstResultsMs = (await page.evaluate(
      `letsconnectBench.mount(window.__pages, ${JSON.stringify(DEFAULT_ROOT)}, ${JSON.stringify(DEFAULT_BOT_NAME)})`,
    )) as number;
    const counted = (await page.evaluate('letsconnectBench.count()')) as string;
    if (!counted.includes(String(count)))
      throw new Error(`the view shows "${counted}", not ${count} people`);
    const keystrokes: number[] = [];
    for (const phrase of PHRASES) {
      const steps = [...phrase].map((_, i) => phrase.slice(0, i + 1));
      for (const text of [...steps, ...steps.slice(0, -1).reverse(), '']) {
        keystrokes.push(
          (await page.evaluate(`letsconnectBench.type(${JSON.stringify(text)})`)) as number,
        );
      }
    }
    const best = await openBenchPage(browser, 'gadget/bench/directory-bench.ts');
    await best.evaluate(`window.__pages = ${JSON.stringify(pages)}`);
    const bestFirstResultsMs = (await best.evaluate(
      `letsconnectBench.mount(window.__pages, ${JSON.stringify(DEFAULT_ROOT)}, ${JSON.stringify(DEFAULT_BOT_NAME)}, ${JSON.stringify(list[0]?.username ?? '')})`,
    )) as number;
    return {
      entries: count,
      shards: Object.keys(pages).length - 1,
      firstResultsMs,
      bestFirstResultsMs,
      parseMs,
      keystrokes,
    };
  } finally {
    await browser.close();
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? NaN;
}
