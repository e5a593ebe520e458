import zlib from 'node:zlib';
import { buildGadget } from '../gadget/build';
import { measureDirectoryView, percentile } from './gadget-directory';
import { measureReviewQueue } from './review-queue';

/**
 * npm run bench: every performance claim, measured in this run and printed against its
 * bound. Later tasks add their measurements here.
 */
/** Issue 12: the largest view a page loads (Vue and Codex excluded). */
const VIEW_GZIP_BUDGET = 30 * 1024;
/** DESIGN.md: "our bundle small (tens of KB)": all a program page loads of ours. */
const PAGE_GZIP_BUDGET = 50 * 1024;
/** What every page of Meta pays for the gadget: the loader alone must stay tiny. */
const LOADER_GZIP_BUDGET = 1024;
const KEYSTROKE_BOUND_MS = 50; // DESIGN.md: "under 50 ms a keystroke with 10,000 profiles"
const DIRECTORY_SIZE = 10_000;
/** Issue 16: a round at the program's real scale, and one bulk decision on a fifth of it. */
const ROUND_SIZE = 1000;
const BULK_SIZE = 200;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(10)} KiB`;
const ms = (n: number) => `${n.toFixed(1).padStart(10)} ms `;
const ratio = (a: number, b: number) => (a / b).toFixed(3).padStart(10);

/** A non-English reader's one extra request: the largest language page, gzipped as served. */
function largestLanguagePageGzipBytes(files: Record<string, string>): {
  name: string;
  bytes: number;
} {
  return Object.entries(files)
    .filter(([name]) => name.endsWith('.json'))
    .map(([name, text]) => ({ name, bytes: zlib.gzipSync(text, { level: 9 }).length }))
    .reduce((a, b) => (b.bytes > a.bytes ? b : a), { name: '(none)', bytes: 0 });
}

async function main(): Promise<void> {
  const build = await buildGadget();
  console.log('benchmark                                 measured        bound      ratio');
  // Every page of the wiki loads the loader; a program page loads the core and its view(s).
  const [loader, core, ...views] = build.modules;
  if (!loader || !core) throw new Error('the build made no loader or core');
  console.log(
    `loader on every page (gzipped)        ${kib(loader.gzipBytes)} ${kib(LOADER_GZIP_BUDGET)} ${ratio(loader.gzipBytes, LOADER_GZIP_BUDGET)}`,
  );
  console.log(`core, every program page (gzipped)    ${kib(core.gzipBytes)}`);
  for (const view of views)
    console.log(
      `  ${`${view.name} (gzipped)`.padEnd(36)}${kib(view.gzipBytes)} ${kib(VIEW_GZIP_BUDGET)} ${ratio(view.gzipBytes, VIEW_GZIP_BUDGET)}`,
    );
  const heaviest = views.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  console.log(
    `heaviest page: core + ${heaviest.name}  ${kib(core.gzipBytes + heaviest.gzipBytes)} ${kib(PAGE_GZIP_BUDGET)} ${ratio(core.gzipBytes + heaviest.gzipBytes, PAGE_GZIP_BUDGET)}`,
  );
  const language = largestLanguagePageGzipBytes(build.files);
  console.log(
    `  + one language page when not English ${kib(language.bytes)} (gzipped, largest: ${language.name})`,
  );

  const view = await measureDirectoryView(DIRECTORY_SIZE);
  const median = percentile(view.keystrokes, 50);
  const p95 = percentile(view.keystrokes, 95);
  console.log(`directory view, ${view.entries} people (${view.shards} shards), Chromium:`);
  console.log(
    `  first results                       ${ms(view.firstResultsMs)} ${ms(view.parseMs)} ${ratio(view.firstResultsMs, view.parseMs)}  (vs baseline: parsing the shards' JSON alone)`,
  );
  console.log(
    `  first results, "Best for me"        ${ms(view.bestFirstResultsMs)} ${ms(view.firstResultsMs)} ${ratio(view.bestFirstResultsMs, view.firstResultsMs)}  (a listed reader; vs first results by name, above)`,
  );
  console.log(
    `  keystroke, median (${view.keystrokes.length} keystrokes)    ${ms(median)} ${ms(KEYSTROKE_BOUND_MS)} ${ratio(median, KEYSTROKE_BOUND_MS)}`,
  );
  console.log(
    `  keystroke, 95th percentile          ${ms(p95)} ${ms(KEYSTROKE_BOUND_MS)} ${ratio(p95, KEYSTROKE_BOUND_MS)}`,
  );

  const queue = await measureReviewQueue(ROUND_SIZE, BULK_SIZE);
  console.log(`review queue, ${queue.proposals} proposals, a working-group member, Chromium:`);
  console.log(
    `  parse the round page's data alone    ${ms(queue.parseMs)}    (the baseline of both below)`,
  );
  console.log(
    `  time to interactive                 ${ms(queue.interactiveMs)} ${ms(queue.parseMs)} ${ratio(queue.interactiveMs, queue.parseMs)}  (vs parsing the round page's data alone)`,
  );
  console.log(
    `  bulk approval of ${queue.bulk}, one edit     ${ms(queue.bulkMs)} ${ms(queue.parseMs)} ${ratio(queue.bulkMs, queue.parseMs)}  (vs parsing the round page's data alone)`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
