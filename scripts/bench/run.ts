import zlib from 'node:zlib';
import { buildGadget } from '../gadget/build';
import { measureDirectoryView, percentile } from './gadget-directory';

/**
 * npm run bench: every performance claim, measured in this run and printed against its
 * bound. Later tasks add their measurements here.
 */
const GADGET_GZIP_BUDGET = 50 * 1024; // DESIGN.md: "our bundle small (tens of KB)"
/** What every page of Meta pays for the gadget: the loader alone must stay tiny. */
const LOADER_GZIP_BUDGET = 1024;
const KEYSTROKE_BOUND_MS = 50; // DESIGN.md: "under 50 ms a keystroke with 10,000 profiles"
const DIRECTORY_SIZE = 10_000;

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
  console.log(
    `gadget bundle (minified, gzipped)     ${kib(build.jsGzipBytes)} ${kib(GADGET_GZIP_BUDGET)} ${ratio(build.jsGzipBytes, GADGET_GZIP_BUDGET)}`,
  );
  console.log(`gadget bundle (minified)              ${kib(build.jsBytes)}`);
  // Every page of the wiki loads the loader; only the program's pages load the app.
  console.log(
    `loader on every page (gzipped)        ${kib(build.loaderGzipBytes)} ${kib(LOADER_GZIP_BUDGET)} ${ratio(build.loaderGzipBytes, LOADER_GZIP_BUDGET)}`,
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
    `  keystroke, median (${view.keystrokes.length} keystrokes)    ${ms(median)} ${ms(KEYSTROKE_BOUND_MS)} ${ratio(median, KEYSTROKE_BOUND_MS)}`,
  );
  console.log(
    `  keystroke, 95th percentile          ${ms(p95)} ${ms(KEYSTROKE_BOUND_MS)} ${ratio(p95, KEYSTROKE_BOUND_MS)}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
