import path from 'node:path';
import zlib from 'node:zlib';
import fs from 'node:fs';
import { buildGadget } from '../gadget/build';
import { REPO_DIR } from '../wiki/config';
import { measureDirectoryView, percentile } from './gadget-directory';

/**
 * npm run bench: every performance claim, measured in this run and printed against its
 * bound. Later tasks add their measurements here.
 */
const GADGET_GZIP_BUDGET = 50 * 1024; // DESIGN.md: "our bundle small (tens of KB)"
const KEYSTROKE_BOUND_MS = 50; // DESIGN.md: "under 50 ms a keystroke with 10,000 profiles"
const DIRECTORY_SIZE = 10_000;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(10)} KiB`;
const ms = (n: number) => `${n.toFixed(1).padStart(10)} ms `;
const ratio = (a: number, b: number) => (a / b).toFixed(3).padStart(10);

/**
 * The messages of every language, as the bundle embeds them (one JSON object), gzipped on
 * their own: they, not the code, dominate the bundle.
 */
function messagesGzipBytes(): number {
  const dir = path.join(REPO_DIR, 'shared/i18n');
  const bundle: Record<string, unknown> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'qqq.json')) {
    const messages = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<
      string,
      unknown
    >;
    delete messages['@metadata'];
    bundle[file.replace(/\.json$/, '')] = messages;
  }
  return zlib.gzipSync(JSON.stringify(bundle), { level: 9 }).length;
}

async function main(): Promise<void> {
  const build = await buildGadget();
  console.log('benchmark                                 measured        bound      ratio');
  console.log(
    `gadget bundle (minified, gzipped)     ${kib(build.jsGzipBytes)} ${kib(GADGET_GZIP_BUDGET)} ${ratio(build.jsGzipBytes, GADGET_GZIP_BUDGET)}`,
  );
  console.log(`gadget bundle (minified)              ${kib(build.jsBytes)}`);
  const messages = messagesGzipBytes();
  console.log(`  messages of all languages, alone    ${kib(messages)} (gzipped)`);
  console.log(
    `  so our code, about                  ${kib(build.jsGzipBytes - messages)} (gzipped)`,
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
